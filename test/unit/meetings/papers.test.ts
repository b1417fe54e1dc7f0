/**
 * The meeting papers (renderer/src/features/meetings/papers.ts) map the recorded meeting to the shared
 * builders (shared/documents): these tests check the mapping through the documents it produces — quorum and
 * outcomes from the engine (R-O2, R-O4, R-O6), the secretary-general 列席 without a vote (R-O6), remote
 * meetings counting returned ballots (R-O4) — and that the papers validate against the OOXML schemas.
 */
import { describe, expect, it } from 'vitest';
import type { AgendaItem, AttendanceRecord, Ballot, Meeting, Motion } from '../../../shared/domain/records';
import {
  ballotInput,
  buildBallotsDocx,
  buildMinutesDocx,
  buildSignInDocx,
  buildTallyDocx,
  minutesInput,
  tallySheetInput,
  type MeetingRecord,
  meetingNoticeDraft,
} from '../../../renderer/src/features/meetings/word';
import {
  documentXml,
  expectInOrder,
  haveSchemas,
  paragraphTexts,
  validateParts,
  wmlParts,
} from '../documents/ooxml';
import { documentDocx } from '../../../renderer/src/features/documents/word';
import { exportOptions } from '../../../renderer/src/features/settings/exportOptions';

/** The clerk's 公文设置 as the exports get them (the default scheme here). */
const OPTS = exportOptions({});

/** The 会议通知 as the clerk exports it: the meeting's draft in the 发文 register, through its Word export. */
function buildNoticeDocx(r: MeetingRecord, on?: string): Promise<Uint8Array> {
  const draft = meetingNoticeDraft(r, on);
  return documentDocx(
    {
      ...draft,
      year: Number(draft.date.slice(0, 4)),
      status: 'draft',
      createdAt: '',
      updatedAt: '',
    },
    OPTS,
  );
}

const AT = '2025-06-15T00:00:00.000Z';
const UNITS = ['甲公司', '乙公司', '丙公司', '丁公司', '戊公司', '己公司'];

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 1,
    body: 'standing',
    form: 'onsite',
    name: '2025年第二次常务理事会',
    date: '2025-06-15',
    place: '北京',
    chair: '王主持',
    recorder: '周梦妍',
    entitled: [
      ...UNITS.map((name, i) => ({ memberId: i + 1, name, representative: `代表${i + 1}` })),
      { memberId: 0, name: '秘书长', representative: '周明远', observer: true },
    ],
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

const present = (memberId: number, attendee?: string): AttendanceRecord => ({
  meetingId: 1,
  memberId,
  status: 'present',
  ...(attendee ? { attendee } : {}),
  updatedAt: AT,
});

const agenda: AgendaItem[] = [
  { id: 20, meetingId: 1, order: 2, title: '审议工作计划', discussion: '', updatedAt: AT },
  {
    id: 10,
    meetingId: 1,
    order: 1,
    title: '审议入会申请',
    discussion: '秘书处介绍了申请单位情况。\n与会常务理事进行了讨论。',
    updatedAt: AT,
  },
];

const motion = (id: number, agendaItemId: number, title: string, over: Partial<Motion> = {}): Motion => ({
  id,
  meetingId: 1,
  agendaItemId,
  title,
  text: '',
  tallyMode: 'counts',
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

const ballot = (motionId: number, memberId: number, choice: Ballot['choice']): Ballot => ({
  motionId,
  memberId,
  choice,
  recordedAt: AT,
});

/** Standing council, on site: 4 of 6 present (quorate: 4 ≥ 2/3 × 6), 1 on leave, 1 never marked, 列席 秘书长. */
function standing(): MeetingRecord {
  return {
    meeting: meeting(),
    attendance: [
      present(1, '代到人'),
      present(2),
      present(3),
      present(4),
      { meetingId: 1, memberId: 5, status: 'leave', updatedAt: AT },
      { meetingId: 1, memberId: 0, status: 'observer', attendee: '周明远', updatedAt: AT },
    ],
    agenda,
    motions: [
      motion(1, 20, '关于工作计划的议案'), // not voted yet
      motion(2, 10, '关于记名表决的议案', { tallyMode: 'names' }),
      motion(3, 10, '关于接纳新会员的议案', {
        text: '同意接纳甲、乙两家单位。',
        counts: { for: 3, against: 0, abstain: 1 },
        guidingDecision: { decision: 'approved', on: '2025-06-20' },
      }),
    ],
    ballots: [
      ballot(2, 1, 'for'),
      ballot(2, 2, 'for'),
      ballot(2, 3, 'for'),
      ballot(2, 4, 'against'),
      ballot(2, 6, 'for'), // not present: does not count
    ],
  };
}

/** Council by correspondence (通讯): units 1–4 returned their ballots, 5 and 6 did not (R-O4). */
function remote(): MeetingRecord {
  const m = meeting({
    body: 'council',
    form: 'remote',
    name: '2025年第一次理事会（通讯）',
    place: '',
    chair: '',
    recorder: '',
    entitled: UNITS.map((name, i) => ({ memberId: i + 1, name, representative: `代表${i + 1}` })),
  });
  return {
    meeting: m,
    attendance: [1, 2, 3, 4].map((memberId) => ({
      meetingId: 1,
      memberId,
      status: 'present' as const,
      ballotSentOn: '2025-06-01',
      ballotReturnedOn: '2025-06-10',
      updatedAt: AT,
    })),
    agenda: [agenda[1]!],
    motions: [
      motion(1, 10, '工作报告', { tallyMode: 'names', text: '审议 2024 年工作报告。' }),
      motion(2, 10, '财务报告', { counts: { for: 5, against: 0, abstain: 0 } }), // more votes than returned
    ],
    ballots: [ballot(1, 1, 'for'), ballot(1, 2, 'for'), ballot(1, 3, 'abstain'), ballot(1, 4, 'for')],
  };
}

async function texts(bytes: Uint8Array): Promise<string[]> {
  return paragraphTexts(await documentXml(bytes));
}

async function tableRows(bytes: Uint8Array): Promise<string[][]> {
  const xml = await documentXml(bytes);
  return (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => paragraphTexts(r));
}

describe('会议纪要 from the record', () => {
  it('prints attendance by status, the quorum, the agenda in order and each motion with its outcome', async () => {
    const t = await texts(await buildMinutesDocx(standing(), OPTS));
    expect(t[0]).toBe('2025年第二次常务理事会纪要');
    expect(t).toContain(
      '2025 年 6 月 15 日，2025年第二次常务理事会以现场方式在北京召开。会议由王主持主持，周梦妍记录。',
    );
    expect(t).toContain('本次会议应到常务理事单位 6 家，实到 4 家，请假 1 家，缺席 0 家，未登记 1 家。');
    expect(t).toContain('出席单位：甲公司（代到人）、乙公司（代表2）、丙公司（代表3）、丁公司（代表4）。');
    expect(t).toContain('请假单位：戊公司。');
    expect(t).toContain('未登记单位：己公司。');
    expect(t).toContain('列席：秘书长（周明远）。');
    expect(t).toContain(
      '实到常务理事单位已达到法定人数（章程规定为应到常务理事单位的三分之二（含），即 4 家），会议有效。',
    );
    const at = (s: string) => t.indexOf(s);
    const order = [
      at('（一）审议入会申请'),
      at('秘书处介绍了申请单位情况。'),
      at('与会常务理事进行了讨论。'),
      at('（二）审议工作计划'),
      at('三、表决结果'),
      at('（一）关于记名表决的议案'),
      at('表决结果：同意 3 票，反对 1 票，弃权 0 票，未表决 0 人。通过（待指导单位批准）。'),
      // A ballot of a unit not present is shown, marked as not counted (one result per motion, issue 14).
      at('记名表决：甲公司同意；乙公司同意；丙公司同意；丁公司反对；己公司同意，不计入（该单位未出席）。'),
      at('（二）关于接纳新会员的议案'),
      at('同意接纳甲、乙两家单位。'),
      at('表决结果：同意 3 票，反对 0 票，弃权 1 票，未表决 0 人。通过（指导单位已批准）。'),
      at('指导单位意见：批准（2025 年 6 月 20 日）。'),
      at('（三）关于工作计划的议案'),
      at('表决结果：尚未表决。'),
      at('主持人：王主持　　记录人：周梦妍'),
      at('中国网络安全产业联盟秘书处'),
      at('2025 年 6 月 15 日'),
    ];
    expectInOrder(order);
  });

  it('says when the quorum is not reached (R-O6) and that the meeting cannot pass resolutions', () => {
    const r = standing();
    r.attendance = r.attendance.filter((a) => a.memberId !== 4);
    const m = minutesInput(r);
    expect(m.quorate).toBe(false);
    expect(m.quorumRequired).toBe(4);
    expect(m.attendance).toMatchObject({ entitled: 6, present: 3, leave: 1, absent: 0, unmarked: 2 });
  });

  it('remote (R-O4): returned ballots are attendance; a tally the engine refuses is printed as such', async () => {
    const t = await texts(await buildMinutesDocx(remote(), OPTS));
    expect(t).toContain('2025 年 6 月 15 日，2025年第一次理事会（通讯）以通讯方式召开。');
    expect(t).toContain('本次会议应到理事单位 6 家，实到 4 家，请假 0 家，缺席 2 家。');
    expect(t).toContain('参加表决单位：甲公司（代表1）、乙公司（代表2）、丙公司（代表3）、丁公司（代表4）。');
    expect(t).toContain('缺席单位：戊公司、己公司。');
    expect(t).toContain('表决结果：同意 3 票，反对 0 票，弃权 1 票，未表决 0 人。通过。');
    expect(t.some((l) => l.startsWith('表决结果：表决数据有误：'))).toBe(true);
  });
});

describe('会议通知 from the record', () => {
  it('on site: addressed to the entitled body, agenda in order, asks for leave in advance, no attachment', async () => {
    const t = await texts(await buildNoticeDocx(standing()));
    expect(t[0]).toBe('关于召开2025年第二次常务理事会的通知');
    expect(t).toContain('各常务理事单位：');
    expect(t).toContain(
      '经研究，定于 2025 年 6 月 15 日在北京召开2025年第二次常务理事会。现将有关事项通知如下：',
    );
    expect(t.indexOf('1. 审议入会申请。')).toBeLessThan(t.indexOf('2. 审议工作计划。'));
    expect(t).toContain('请各单位接到通知后确认参会人员，不能参会的请提前向秘书处请假。');
    expect(t.some((l) => l.startsWith('附件'))).toBe(false);
    expect(t.slice(-2)).toEqual(['中国网络安全产业联盟秘书处', '2025 年 6 月 15 日']);
  });

  it('is dated the day it is written, before the meeting; a reprint after the meeting keeps the meeting day', async () => {
    const before = await texts(await buildNoticeDocx(standing(), '2025-06-01'));
    expect(before.slice(-1)).toEqual(['2025 年 6 月 1 日']);
    const after = await texts(await buildNoticeDocx(standing(), '2025-09-01'));
    expect(after.slice(-1)).toEqual(['2025 年 6 月 15 日']);
  });

  it('remote: by correspondence, asks for the signed ballot back and lists the ballot as 附件', async () => {
    const t = await texts(await buildNoticeDocx(remote()));
    expect(t).toContain('各理事单位：');
    expect(t).toContain('2025 年 6 月 15 日，以通讯方式召开。');
    expect(t).toContain('请于收到表决票后及时签署并寄回联盟秘书处。');
    expect(t).not.toContain('请各单位接到通知后确认参会人员，不能参会的请提前向秘书处请假。');
    expect(t).toContain('附件：表决票');
  });
});

describe('签到表 from the record', () => {
  it('lists every entitled unit with who attends for it; the secretary-general 列席 is not counted (R-O6)', async () => {
    const bytes = await buildSignInDocx(standing(), OPTS);
    const t = await texts(bytes);
    expect(t).toContain('2025年第二次常务理事会签到表');
    expect(t).toContain('应到常务理事单位 6 家');
    const rows = await tableRows(bytes);
    expect(rows).toHaveLength(8);
    expect(rows[1]).toEqual(['1', '甲公司', '代到人', '']);
    expect(rows[2]).toEqual(['2', '乙公司', '代表2', '']);
    expect(rows[7]).toEqual(['列席', '秘书长', '周明远', '']); // 列席 apart from the numbered list (issue 15)
  });

  it('remote: says 方式：通讯方式 instead of a place', async () => {
    const t = await texts(await buildSignInDocx(remote(), OPTS));
    expect(t).toContain('时间：2025 年 6 月 15 日　　方式：通讯方式');
    expect(t).toContain('应到理事单位 6 家');
  });
});

describe('表决票 from the record', () => {
  it('a meeting with 3 motions gives each voting unit one sheet with the 3 motions in agenda order; the 列席 gets none', async () => {
    expect(ballotInput(standing()).motions.map((m) => m.title)).toEqual([
      '关于记名表决的议案',
      '关于接纳新会员的议案',
      '关于工作计划的议案',
    ]);
    const t = await texts(await buildBallotsDocx(standing(), OPTS));
    expect(t.filter((l) => l === '表决票')).toHaveLength(6);
    for (const unit of UNITS) expect(t.filter((l) => l === `投票单位（盖章）：${unit}`)).toHaveLength(1);
    expect(t.some((l) => l.includes('秘书长'))).toBe(false);
    const titles = t.filter((l) => l.startsWith('关于'));
    expect(titles.slice(0, 3)).toEqual(['关于记名表决的议案', '关于接纳新会员的议案', '关于工作计划的议案']);
    expect(titles.filter((l) => l === '关于记名表决的议案')).toHaveLength(6);
    expect(t).toContain('2025年第二次常务理事会');
    expect(t).toContain('说明：请在所选表决意见下的“☐”内划“√”，每项议案只能选择一项，多选或不选视为弃权。');
  });

  it('remote: each ballot asks to be returned', async () => {
    const t = await texts(await buildBallotsDocx(remote(), OPTS));
    expect(t.filter((l) => l.startsWith('本次会议以通讯方式召开，请于'))).toHaveLength(6);
  });

  it('remote with 表决票寄回截止日期: the ballots and the notice carry the date', async () => {
    const r = remote();
    r.meeting = { ...r.meeting, returnBy: '2025-06-12' };
    const ballots = await texts(await buildBallotsDocx(r, OPTS));
    expect(
      ballots.filter((l) => l.startsWith('本次会议以通讯方式召开，请于 2025 年 6 月 12 日前')),
    ).toHaveLength(6);
    const notice = await texts(await buildNoticeDocx(r, '2025-06-01'));
    expect(notice.some((l) => l.startsWith('请于 2025 年 6 月 12 日前将签字（盖章）后的表决票'))).toBe(true);
    expect(notice).not.toContain('请于收到表决票后及时签署并寄回联盟秘书处。');
  });

  it('a meeting without voters or motions still gives one blank ballot', async () => {
    const t = await texts(
      await buildBallotsDocx({ ...standing(), meeting: meeting({ entitled: [] }), motions: [] }, OPTS),
    );
    expect(t.filter((l) => l === '表决票')).toHaveLength(1);
  });
});

describe('计票表 from the record', () => {
  it('each motion’s tally and outcome, blank where not yet voted, and the votes by name', async () => {
    const bytes = await buildTallyDocx(standing(), OPTS);
    const t = await texts(bytes);
    expect(t).toContain('2025年第二次常务理事会计票表');
    expect(t).toContain('应到常务理事单位 6 家，实到 4 家，已达到法定人数。');
    const rows = await tableRows(bytes);
    expect(rows.slice(1, 4)).toEqual([
      ['1', '关于记名表决的议案', '6', '4', '3', '1', '0', '0', '通过（待指导单位批准）'],
      ['2', '关于接纳新会员的议案', '6', '4', '3', '0', '1', '0', '通过（指导单位已批准）'],
      ['3', '关于工作计划的议案', '6', '4', '', '', '', '', ''],
    ]);
    expect(t).toContain('记名表决：关于记名表决的议案');
    // The votes by name, then the 计票人/监票人 line as the last table's last row (below).
    expect(rows.slice(4, -1)).toEqual([
      ['序号', '单位', '意见'],
      ['1', '甲公司', '同意'],
      ['2', '乙公司', '同意'],
      ['3', '丙公司', '同意'],
      ['4', '丁公司', '反对'],
      ['5', '己公司', '同意，不计入（该单位未出席）'],
    ]);
    expect(t.find((l) => l.startsWith('计票人'))).toBe(
      '计票人（签字）：\t监票人（签字）：\t日期：　　年　　月　　日',
    );
    expect(rows.at(-1)).toEqual(['计票人（签字）：\t监票人（签字）：\t日期：　　年　　月　　日']);
  });

  it('remote: counts returned ballots, and marks a tally the engine refuses as 数据有误', () => {
    const s = tallySheetInput(remote());
    expect(s.attendance).toEqual({ entitled: 6, present: 4, quorate: true });
    expect(s.motions[1]).toMatchObject({ title: '财务报告', for: 5, result: '数据有误' });
  });
});

describe('OOXML schema validation of the papers', () => {
  it.skipIf(!haveSchemas)(
    'minutes, notice, sign-in sheet, ballots and tally sheet of both meetings validate (wml-2010.xsd)',
    async () => {
      const parts = [];
      for (const [label, r] of [
        ['standing', standing()],
        ['remote', remote()],
      ] as const) {
        parts.push(
          ...(await wmlParts(await buildMinutesDocx(r, OPTS), `${label}-minutes`)),
          ...(await wmlParts(await buildNoticeDocx(r), `${label}-notice`)),
          ...(await wmlParts(await buildSignInDocx(r, OPTS), `${label}-sign-in`)),
          ...(await wmlParts(await buildBallotsDocx(r, OPTS), `${label}-ballots`)),
          ...(await wmlParts(await buildTallyDocx(r, OPTS), `${label}-tally`)),
        );
      }
      const report = await validateParts(parts);
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );
});
