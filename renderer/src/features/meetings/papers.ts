/**
 * The meeting papers (.docx): 会议纪要, 会议通知, 签到表, 表决票, 计票表 — built from the recorded data.
 *
 * TODO(documents): shared/documents has no minutes / meeting-paper builders yet; these use its building
 * blocks (GB/T 9704-2012 layout, tables, notice builder). Move them to shared/documents when it has them.
 */
import type { FileChild } from 'docx';
import type {
  AgendaItem,
  AttendanceRecord,
  Ballot,
  Meeting,
  Motion,
} from '../../../../shared/domain/records';
import { BODY_LABEL, MEETING_FORM_LABEL, VOTE_LABEL } from '../../../../shared/domain/types';
import {
  blankLine,
  bodyParagraphs,
  fixedTable,
  signBlock,
  titleParagraph,
} from '../../../../shared/documents/blocks';
import type { CellSpec } from '../../../../shared/documents/blocks';
import { buildDocx, TEXT_WIDTH } from '../../../../shared/documents/layout';
import { buildNotice } from '../../../../shared/documents/notice';
import { DEFAULT_ISSUER, fontsOf } from '../../../../shared/documents/options';
import { cnNumeral, formatCnDate } from '../../../../shared/documents/text';
import { quorumOf, quorumStatement, tallyOf, tallyText, type QuorumView, type TallyView } from './logic';

export interface MeetingRecord {
  meeting: Meeting;
  attendance: AttendanceRecord[];
  agenda: AgendaItem[];
  motions: Motion[];
  ballots: Ballot[];
}

export interface MinutesMotion {
  title: string;
  text: string;
  tally: TallyView;
  /** 表决结果 line. */
  result: string;
  /** Named votes, when voted by name. */
  named: { name: string; choice: string }[];
}

export interface MinutesModel {
  title: string;
  lines: { label: string; value: string }[];
  quorum: QuorumView;
  quorumText: string;
  presentNames: string[];
  absentNames: string[];
  leaveNames: string[];
  unmarkedNames: string[];
  observerNames: string[];
  items: { title: string; discussion: string; motions: MinutesMotion[] }[];
}

/** What the minutes say, from the recorded data (pure; tested). */
export function minutesModel(r: MeetingRecord): MinutesModel {
  const { meeting } = r;
  const q = quorumOf(meeting, r.attendance);
  const present = new Set(q.presentIds);
  const byMember = new Map(r.attendance.map((a) => [a.memberId, a]));
  const presentNames: string[] = [];
  const absentNames: string[] = [];
  const leaveNames: string[] = [];
  const unmarkedNames: string[] = [];
  const observerNames: string[] = [];
  for (const e of meeting.entitled) {
    const a = byMember.get(e.memberId);
    if (e.observer) {
      observerNames.push(`${e.name}${e.representative ? `（${e.representative}）` : ''}`);
      continue;
    }
    const who = a?.attendee || e.representative;
    if (present.has(e.memberId)) presentNames.push(who ? `${e.name}（${who}）` : e.name);
    else if (meeting.form === 'remote') absentNames.push(e.name);
    else if (!a) unmarkedNames.push(e.name);
    else if (a.status === 'leave') leaveNames.push(e.name);
    else absentNames.push(e.name);
  }
  const names = new Map(meeting.entitled.map((e) => [e.memberId, e.name]));
  const items = [...r.agenda]
    .sort((a, b) => a.order - b.order)
    .map((item) => ({
      title: item.title,
      discussion: item.discussion,
      motions: r.motions
        .filter((m) => m.agendaItemId === item.id)
        .map((m): MinutesMotion => {
          const ballots = r.ballots.filter((b) => b.motionId === m.id);
          const tally = tallyOf(meeting, m, q.presentIds, ballots);
          const result = tally.decision
            ? `${tallyText(tally)}。表决结果：${tally.decision.label}${
                m.guidingDecision
                  ? `（指导单位${m.guidingDecision.decision === 'approved' ? '批准' : '不批准'}日期：${m.guidingDecision.on}）`
                  : ''
              }。`
            : tally.error
              ? `表决数据有误：${tally.error}`
              : '尚未表决。';
          const named =
            m.tallyMode === 'names'
              ? ballots
                  .filter((b) => present.has(b.memberId))
                  .map((b) => ({
                    name: names.get(b.memberId) ?? String(b.memberId),
                    choice: VOTE_LABEL[b.choice],
                  }))
              : [];
          return { title: m.title, text: m.text, tally, result, named };
        }),
    }));
  return {
    title: `${meeting.name}纪要`,
    lines: [
      { label: '会议类型', value: BODY_LABEL[meeting.body] },
      { label: '会议形式', value: MEETING_FORM_LABEL[meeting.form] },
      { label: '会议时间', value: formatCnDate(meeting.date) },
      { label: '会议地点', value: meeting.place },
      { label: '主持人', value: meeting.chair },
      { label: '记录人', value: meeting.recorder },
    ],
    quorum: q,
    quorumText: quorumStatement(q),
    presentNames,
    absentNames,
    leaveNames,
    unmarkedNames,
    observerNames,
    items,
  };
}

const para = (text: string, fonts: ReturnType<typeof fontsOf>) => bodyParagraphs(text, fonts);

/** 会议纪要 .docx. */
export async function buildMinutesDocx(r: MeetingRecord): Promise<Uint8Array> {
  const m = minutesModel(r);
  const f = fontsOf(undefined);
  const c: FileChild[] = [titleParagraph(m.title), blankLine()];
  c.push(...para(m.lines.map((l) => `${l.label}：${l.value || '—'}`).join('\n'), f));
  c.push(...para('一、出席情况', f));
  const remote = r.meeting.form === 'remote';
  c.push(
    ...para(
      [
        `${remote ? '收回表决票' : '出席'}（${m.presentNames.length}）：${m.presentNames.join('、') || '无'}`,
        m.leaveNames.length ? `请假（${m.leaveNames.length}）：${m.leaveNames.join('、')}` : '',
        m.absentNames.length
          ? `${remote ? '未收回表决票' : '缺席'}（${m.absentNames.length}）：${m.absentNames.join('、')}`
          : '',
        m.unmarkedNames.length ? `未登记（${m.unmarkedNames.length}）：${m.unmarkedNames.join('、')}` : '',
        m.observerNames.length ? `列席：${m.observerNames.join('、')}` : '',
        m.quorumText,
      ]
        .filter(Boolean)
        .join('\n'),
      f,
    ),
  );
  c.push(...para('二、会议议程及讨论情况', f));
  m.items.forEach((item, i) => {
    c.push(...para(`（${cnNumeral(i + 1)}）${item.title}`, f));
    c.push(...para(item.discussion.trim() || '（无讨论记录）', f));
    item.motions.forEach((mo, j) => {
      c.push(...para(`${j + 1}. 议案：${mo.title}`, f));
      if (mo.text.trim()) c.push(...para(mo.text, f));
      c.push(...para(mo.result, f));
      if (mo.named.length)
        c.push(...para(`记名表决：${mo.named.map((n) => `${n.name}${n.choice}`).join('；')}`, f));
    });
  });
  c.push(...signBlock({ issuer: `记录人：${r.meeting.recorder}`, date: r.meeting.date }));
  return buildDocx([{ children: c }], undefined, m.title);
}

const ADDRESSEE = { assembly: '各会员单位', council: '各理事单位', standing: '各常务理事单位' } as const;

/** 会议通知 .docx (R-W2 layout through the notice builder; the number is assigned in 发文). */
export async function buildNoticeDocx(r: MeetingRecord): Promise<Uint8Array> {
  const { meeting } = r;
  const agenda = [...r.agenda].sort((a, b) => a.order - b.order);
  const body = [
    `经研究，定于${formatCnDate(meeting.date)}${meeting.form === 'remote' ? '以通讯方式' : `在${meeting.place}`}召开${meeting.name}。现将有关事项通知如下：`,
    `一、会议时间：${formatCnDate(meeting.date)}`,
    `二、会议${meeting.form === 'remote' ? '形式：通讯表决，请于收到表决票后及时签署并寄回秘书处' : `地点：${meeting.place}`}`,
    '三、会议议程',
    ...agenda.map((a, i) => `${i + 1}. ${a.title}`),
    `四、参会人员：${ADDRESSEE[meeting.body]}${meeting.body === 'assembly' ? '会员代表' : '代表'}`,
    '请各单位接到通知后确认参会人员，不能参会的请提前向秘书处请假。',
  ].join('\n');
  return buildNotice({
    title: `关于召开${meeting.name}的通知`,
    docNumber: '',
    addressee: ADDRESSEE[meeting.body],
    body,
    attachments: meeting.form === 'remote' ? ['表决票'] : [],
    issuer: DEFAULT_ISSUER,
    date: meeting.date,
  });
}

function table(columns: number[], header: string[], rows: string[][], center: readonly number[] = [0]) {
  const total = columns.reduce((a, b) => a + b, 0);
  const cols = columns.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (content: string, label = false): CellSpec => ({
    content,
    label,
    align: label ? 'center' : 'left',
  });
  return fixedTable(cols, [
    { header: true, cells: header.map((h) => cell(h, true)) },
    ...rows.map((r) => ({
      cells: r.map((v, i) => cell(v, center.includes(i))),
      height: 520,
      cantSplit: true,
    })),
  ]);
}

/** 签到表 .docx: every entitled unit with a signature column. */
export async function buildSignInDocx(r: MeetingRecord): Promise<Uint8Array> {
  const { meeting } = r;
  const f = fontsOf(undefined);
  const byMember = new Map(r.attendance.map((a) => [a.memberId, a]));
  const rows = meeting.entitled.map((e, i) => [
    String(i + 1),
    e.observer ? `${e.name}（列席）` : e.name,
    byMember.get(e.memberId)?.attendee || e.representative,
    '',
  ]);
  const c: FileChild[] = [
    titleParagraph(`${meeting.name}签到表`),
    ...para(`时间：${formatCnDate(meeting.date)}\u3000地点：${meeting.place}`, f),
    table([1, 6, 2.5, 3], ['序号', '单位名称', '代表', '签字'], rows),
  ];
  return buildDocx([{ children: c }], undefined, `${meeting.name}签到表`);
}

/** 表决票 .docx: one page per voting unit, each motion with 同意 / 反对 / 弃权 boxes and the seal line. */
export async function buildBallotsDocx(r: MeetingRecord): Promise<Uint8Array> {
  const { meeting } = r;
  const f = fontsOf(undefined);
  const motions = [...r.motions].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const voters = meeting.entitled.filter((e) => !e.observer);
  const c: FileChild[] = [];
  (voters.length ? voters : [{ name: '', memberId: -1, representative: '' }]).forEach((v, i) => {
    c.push(titleParagraph(`${meeting.name}表决票`, { pageBreakBefore: i > 0 }));
    c.push(...para(`单位名称：${v.name || '________________'}`, f));
    c.push(
      table(
        [1, 7, 1.5, 1.5, 1.5],
        ['序号', '议案', '同意', '反对', '弃权'],
        motions.map((m, j) => [String(j + 1), m.title, '□', '□', '□']),
        [0, 2, 3, 4],
      ),
    );
    c.push(...para('说明：请在选定的方框内划“√”，每项议案只能选择一项，多选或不选视为弃权。', f));
    c.push(...para('代表签字：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000单位公章：', f));
    c.push(...para('日\u3000\u3000期：\u3000\u3000年\u3000\u3000月\u3000\u3000日', f));
  });
  return buildDocx([{ children: c }], undefined, `${meeting.name}表决票`);
}

/** 计票表 .docx: each motion's tally and outcome (engine), and the named votes when voted by name. */
export async function buildTallyDocx(r: MeetingRecord): Promise<Uint8Array> {
  const m = minutesModel(r);
  const f = fontsOf(undefined);
  const motions = m.items.flatMap((i) => i.motions);
  const c: FileChild[] = [
    titleParagraph(`${r.meeting.name}计票表`),
    blankLine(),
    ...para(
      `应到 ${m.quorum.entitled}，${r.meeting.form === 'remote' ? '收回表决票' : '出席'} ${m.quorum.present}，${m.quorum.label}。`,
      f,
    ),
    table(
      [1.4, 5, 1.3, 1.3, 1.3, 1.6, 3.5],
      ['序号', '议案', '同意', '反对', '弃权', '未表决', '结果'],
      motions.map((mo, i) => [
        String(i + 1),
        mo.title,
        String(mo.tally.inFavour),
        String(mo.tally.against),
        String(mo.tally.abstain),
        String(mo.tally.notVoted),
        mo.tally.decision?.label ?? (mo.tally.error ? '数据有误' : '未表决'),
      ]),
      [0, 2, 3, 4, 5],
    ),
  ];
  for (const mo of motions.filter((x) => x.named.length)) {
    c.push(blankLine(), ...para(`记名表决：${mo.title}`, f));
    c.push(
      table(
        [1, 8, 3],
        ['序号', '单位', '意见'],
        mo.named.map((n, i) => [String(i + 1), n.name, n.choice]),
        [0, 2],
      ),
    );
  }
  c.push(...para('计票人：\u3000\u3000\u3000\u3000\u3000\u3000监票人：', f));
  return buildDocx([{ children: c }], undefined, `${r.meeting.name}计票表`);
}
