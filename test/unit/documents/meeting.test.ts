/**
 * Meeting papers (R-O2, R-O4, R-O6): notice, sign-in sheet, ballots, tally sheet and minutes from recorded
 * data. The builders print what they are given (quorate, outcome labels); they compute no charter rule.
 */
import { describe, expect, it } from 'vitest';
import {
  buildBallot,
  buildMeetingNotice,
  buildMinutes,
  buildSignInSheet,
  buildTallySheet,
  meetingNoticeInput,
  minutesBody,
} from '../../../shared/documents';
import { MEMBERS, MINUTES, OPTIONS, REMOTE_MEETING, STANDING_MEETING, TALLY_6_0_1 } from './fixtures';
import { signInRowHeight } from '../../../shared/documents/meeting';
import { attr, documentXml, expectInOrder, filledParagraphs, paragraphTexts } from './ooxml';

describe('会议通知', () => {
  it('builds the notice body with numbered sections from the meeting', () => {
    const n = meetingNoticeInput(
      {
        meeting: STANDING_MEETING,
        docNumber: 'CCIA 秘[2025]010 号',
        addressee: '各常务理事单位',
        agenda: ['审议新会员入会申请', '审议 2025 年工作计划'],
        replyBy: '2025-03-14',
        date: '2025-03-07',
      },
      OPTIONS,
    );
    expect(n.title).toBe('关于召开中国网络安全产业联盟第二届常务理事会第三次会议的通知');
    const lines = n.body.split('\n');
    expect(lines[0]).toContain('定于 2025 年 3 月 18 日 14:30 在北京市东城区安定门东大街 1 号会议室召开');
    expect(lines.filter((l) => /^[一二三四五六七]、/.test(l))).toEqual([
      '一、会议时间',
      '二、会议地点',
      '三、会议议题',
      '四、参会人员',
      '五、有关要求',
      '六、联系方式',
    ]);
    expect(lines).toContain('1. 审议新会员入会申请。');
    expect(lines).toContain('2. 审议 2025 年工作计划。');
    expect(lines).toContain('联系人：周梦妍');
  });

  it('asks remote meetings to return their ballots by a date, and carries the ballot as 附件', async () => {
    const doc = await documentXml(
      await buildMeetingNotice(
        {
          meeting: REMOTE_MEETING,
          docNumber: 'CCIA 秘[2025]021 号',
          addressee: '各理事单位',
          agenda: ['审议《联盟 2024 年工作报告》'],
          returnBy: '2025-06-09',
          attachments: ['表决票'],
          date: '2025-05-30',
        },
        {
          attachmentsInline: [
            { kind: 'ballot', ballot: { meeting: REMOTE_MEETING, motions: [{ title: '工作报告' }] } },
          ],
        },
      ),
    );
    const texts = paragraphTexts(doc);
    expect(texts.join('')).toContain(
      '请于 2025 年 6 月 9 日前将签字（盖章）后的表决票扫描发送至联盟秘书处邮箱',
    );
    expect(texts).toContain('附件：表决票');
    expect(texts).toContain('附件'); // a single attachment is headed 附件, unnumbered
    expect(texts).toContain('表决票');
  });
});

describe('签到表', () => {
  it('lists the entitled members under a header row that repeats on every page', async () => {
    const doc = await documentXml(await buildSignInSheet({ meeting: STANDING_MEETING, entitled: MEMBERS }));
    const texts = paragraphTexts(doc);
    expect(texts).toContain('中国网络安全产业联盟\n第二届常务理事会第三次会议签到表');
    expect(texts).toContain('应到常务理事单位 40 家');
    const rows = doc.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(41);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphTexts(rows[0] ?? '')).toEqual(['序号', '单位名称', '会员代表', '签名']);
    expect(paragraphTexts(rows[40] ?? '')).toEqual([
      '40',
      '示例网络安全科技有限公司第40分公司',
      '代表40',
      '',
    ]);
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('prints a unit attending without a vote (列席, R-O6) as such and leaves it out of 应到', async () => {
    const doc = await documentXml(
      await buildSignInSheet({
        meeting: STANDING_MEETING,
        entitled: [...MEMBERS.slice(0, 9), { unitName: '秘书长', representative: '王五', observer: true }],
      }),
    );
    expect(paragraphTexts(doc)).toContain('应到常务理事单位 9 家');
    const rows = doc.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(11);
    // 列席 apart from the numbered list: the numbers end at 应到 (9).
    expect(paragraphTexts(rows[9] ?? '')[0]).toBe('9');
    expect(paragraphTexts(rows[10] ?? '')).toEqual(['列席', '秘书长', '王五', '']);
  });

  it('keeps names up to 24 characters on one line and never leaves one row alone on the last page', async () => {
    const entitled = Array.from({ length: 40 }, (_, i) => ({
      unitName: `北京示例网络安全技术股份有限公司第${String(i + 1).padStart(2, '0')}号分公司四`,
    }));
    const doc = await documentXml(await buildSignInSheet({ meeting: STANDING_MEETING, entitled }));
    const rows = doc.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    // A 24-character name is set in 5号 (10.5 pt) in the 5350-twip column: 24 × 210 + margins fit.
    expect(rows[1]).toContain('<w:sz w:val="21"/>');
    expect(Number(/<w:gridCol w:w="(\d+)"\/><w:gridCol w:w="(\d+)"/.exec(doc)?.[2])).toBeGreaterThanOrEqual(
      24 * 210 + 170,
    );
    expect(signInRowHeight(40, 8000, 12000)).toBe(737); // 10 + 16 + 14
    // 11 / 14 / 14 / 1 at 1.3 cm: rows shrink until the last page has three rows or more.
    const h = signInRowHeight(40, 8500, 10700);
    const first = Math.floor(8500 / h);
    const per = Math.floor(10700 / h);
    expect(h).toBeLessThan(737);
    expect(h).toBeGreaterThanOrEqual(624);
    expect((40 - first) % per === 0 || (40 - first) % per >= 3).toBe(true);
  });
});

describe('表决票', () => {
  it('prints one sheet per voting unit: its motions as rows with 同意/反对/弃权 boxes, the unit, signature and date', async () => {
    const xml = await documentXml(
      await buildBallot({
        meeting: STANDING_MEETING,
        motions: [{ title: '决议甲' }, { title: '决议乙' }],
        voterUnits: ['甲公司', '乙公司'],
      }),
    );
    const texts = paragraphTexts(xml);
    expect(texts.filter((t) => t === '表决票')).toHaveLength(2);
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(texts.filter((t) => t === '☐')).toHaveLength(12);
    for (const label of ['序号', '议案', '同意', '反对', '弃权'])
      expect(texts.filter((t) => t === label)).toHaveLength(2);
    expect(texts.filter((t) => t === '决议甲')).toHaveLength(2);
    expect(texts.filter((t) => t === '决议乙')).toHaveLength(2);
    expect(texts).toContain('投票单位（盖章）：甲公司');
    expect(texts).toContain('投票单位（盖章）：乙公司');
    // The signature has a rule to write on: a tab with an underscore leader.
    expect(texts).toContain('会员代表（签字）：\t');
    expect(xml).toContain('w:leader="underscore"');
    expect(texts).toContain('日　　期：　　年　　月　　日');
    expect(texts).toContain(
      '说明：请在所选表决意见下的“☐”内划“√”，每项议案只能选择一项，多选或不选视为弃权。',
    );
    expect(texts.join('')).not.toContain('通讯方式召开，请于');
  });

  it('keeps a voter’s ballot on one sheet (rows shrink); motions that do not fit go on numbered sheets, each signed', async () => {
    const motions = (n: number, title: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => ({ title: title(i + 1) }));
    const sheetsOf = (texts: string[]) => texts.filter((t) => /^第 \d+ 页，共 \d+ 页$/.test(t));
    // 8 motions with one-line titles: one sheet a voter, rows below 1.5 cm but at least 1 cm.
    const short = await documentXml(
      await buildBallot({
        meeting: STANDING_MEETING,
        motions: motions(8, (i) => `关于审议2026年度第${i}项工作报告的议案`),
        voterUnits: ['甲公司'],
      }),
    );
    expect(sheetsOf(paragraphTexts(short))).toEqual([]);
    const heights = [...short.matchAll(/<w:trHeight w:val="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights.slice(1).every((h) => h >= 567 && h <= 850)).toBe(true);
    // 20 motions with two-line titles: numbered sheets, each with its own signature block.
    const long = paragraphTexts(
      await documentXml(
        await buildBallot({
          meeting: STANDING_MEETING,
          motions: motions(
            20,
            (i) => `关于审议《中国网络安全产业联盟2026年度工作计划（草案）》第${i}项的议案`,
          ),
          voterUnits: ['甲公司'],
        }),
      ),
    );
    const sheets = sheetsOf(long);
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets[0]).toBe(`第 1 页，共 ${sheets.length} 页`);
    expect(long.filter((t) => t === '会员代表（签字）：\t')).toHaveLength(sheets.length);
    expect(long.filter((t) => t === '表决票')).toHaveLength(sheets.length);
  });

  it('one motion: one page per voting unit with large boxes', async () => {
    const texts = paragraphTexts(
      await documentXml(
        await buildBallot({
          meeting: STANDING_MEETING,
          motions: [{ title: '决议' }],
          voterUnits: ['甲公司', '乙公司'],
        }),
      ),
    );
    expect(texts.filter((t) => t === '表决票')).toHaveLength(2);
    expect(texts.filter((t) => t === '议案：决议')).toHaveLength(2);
    expect(texts.filter((t) => t === '☐')).toHaveLength(6);
  });

  it('gives remote meetings a return-by date', async () => {
    const texts = paragraphTexts(
      await documentXml(
        await buildBallot({ meeting: REMOTE_MEETING, motions: [{ title: '决议' }], returnBy: '2025-06-09' }),
      ),
    );
    expect(texts.join('')).toContain(
      '本次会议以通讯方式召开，请于 2025 年 6 月 9 日前将签字（盖章）后的表决票扫描发送至联盟秘书处',
    );
    expect(texts).toContain('议案：决议');
  });
});

describe('计票表', () => {
  it('has a row per motion with 应到/实到/同意/反对/弃权/未表决/结果 and 计票人/监票人 lines (landscape)', async () => {
    const doc = await documentXml(
      await buildTallySheet({
        meeting: STANDING_MEETING,
        motions: [{ title: '决议甲', ...TALLY_6_0_1 }, { title: '决议乙' }],
      }),
    );
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('landscape');
    const rows = (doc.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => paragraphTexts(r));
    expect(rows[0]).toEqual(['序号', '议案', '应到', '实到', '同意', '反对', '弃权', '未表决', '结果']);
    expect(rows[1]).toEqual(['1', '决议甲', '9', '7', '6', '0', '1', '0', '通过（待指导单位批准）']);
    expect(rows[2]).toEqual(['2', '决议乙', '', '', '', '', '', '', '']);
    const sign = paragraphTexts(doc).find((t) => t.startsWith('计票人')) ?? '';
    expect(sign).toBe('计票人（签字）：\t监票人（签字）：\t日期：　　年　　月　　日');
  });

  it('keeps the 计票人/监票人/日期 line with the last two rows: a borderless last row of the motions’ table (never alone on a page)', async () => {
    const row = (i: number) => ({ title: `关于审议第${i}项工作报告的议案`, entitled: 9, present: 7 });
    const rowsOf = (xml: string) => xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    const tablesOf = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    // Every paragraph of a row kept with the next (Word keeps the row with the next one).
    const kept = (r: string) => {
      const ps = r.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
      return ps.length > 0 && ps.every((p) => p.includes('<w:keepNext/>'));
    };
    const SIGN = '计票人（签字）：\t监票人（签字）：\t日期：　　年　　月　　日';
    const afterLastTable = (xml: string) => paragraphTexts(xml.slice(xml.lastIndexOf('</w:tbl>')));

    // Motions only: the line is the table's last row, so LibreOffice, breaking the table between rows, moves
    // it with the two rows kept with it at any length (as a paragraph after a table already continued from
    // an earlier page, LibreOffice 7.4 left it alone on the next page).
    const plain = await documentXml(
      await buildTallySheet({ meeting: STANDING_MEETING, motions: [1, 2, 3, 4, 5, 6].map(row) }),
    );
    expect(tablesOf(plain)).toHaveLength(1);
    const rows = rowsOf(plain);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.includes('<w:cantSplit/>'))).toEqual(Array(8).fill(true));
    expect(rows.map(kept)).toEqual([false, false, false, false, false, true, true, false]);
    const sign = rows[7]!;
    expect(paragraphTexts(sign)).toEqual([SIGN]);
    // One cell across the nine columns, at the text's left edge; no rule at its sides or foot (the rule
    // above it is the table's last one).
    expect(sign.match(/<w:tc>/g)).toHaveLength(1);
    expect(attr(sign, 'w:gridSpan', 'w:val')).toBe('9');
    expect(attr(sign, 'w:tcW', 'w:w')).toBe(attr(plain, 'w:tblW', 'w:w'));
    const borders = /<w:tcBorders>[\s\S]*?<\/w:tcBorders>/.exec(sign)?.[0] ?? '';
    for (const side of ['left', 'bottom', 'right']) expect(attr(borders, `w:${side}`, 'w:val')).toBe('nil');
    expect(borders).not.toContain('<w:top');
    expect(attr(/<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(sign)?.[0] ?? '', 'w:left', 'w:w')).toBe('0');
    // After the table only the paragraph a document ends with: empty, hidden and 0.1 pt high, so it never
    // takes a page of its own.
    expect(afterLastTable(plain)).toEqual(['']);
    const end = plain.slice(plain.lastIndexOf('</w:tbl>'));
    expect(end).toContain('<w:vanish/>');
    expect(attr(end, 'w:spacing', 'w:line')).toBe('2');

    // With votes by name, the line is the last row of the last table of votes by name (whose last two rows
    // are kept with it; as a paragraph after it LibreOffice left it alone at 16–17 and 30–31 votes); the
    // motions' table has no line and no kept rows.
    const named = await documentXml(
      await buildTallySheet({
        meeting: STANDING_MEETING,
        motions: [
          { ...row(1), named: [{ unit: '甲公司', choice: '同意' }] },
          { ...row(2), named: ['甲', '乙', '丙', '丁'].map((u) => ({ unit: `${u}公司`, choice: '同意' })) },
        ],
      }),
    );
    const tables = tablesOf(named);
    expect(tables).toHaveLength(3);
    expect(rowsOf(tables[0]!)).toHaveLength(3);
    expect(rowsOf(tables[0]!).some(kept)).toBe(false);
    expect(rowsOf(tables[1]!).some(kept)).toBe(false);
    expect(rowsOf(tables[2]!).map(kept)).toEqual([false, false, false, true, true, false]);
    expect(paragraphTexts(rowsOf(tables[2]!).at(-1)!)).toEqual([SIGN]);
    expect(tables.slice(0, 2).some((t) => t.includes('计票人'))).toBe(false);
    expect(afterLastTable(named)).toEqual(['']);
  });

  it('states attendance and quorum when given (R-O4: a remote meeting counts returned ballots) and tabulates votes by name', async () => {
    const doc = await documentXml(
      await buildTallySheet({
        meeting: REMOTE_MEETING,
        attendance: { entitled: 20, present: 14, quorate: true },
        motions: [
          {
            title: '决议甲',
            for: 1,
            against: 1,
            abstain: 0,
            notVoted: 0,
            result: '通过',
            named: [
              { unit: '甲公司', choice: '同意' },
              { unit: '乙公司', choice: '反对' },
            ],
          },
          { title: '决议乙' },
        ],
      }),
    );
    const texts = paragraphTexts(doc);
    expect(texts).toContain('应到理事单位 20 家，收回表决票 14 家，已达到法定人数。');
    expect(texts).toContain('记名表决：决议甲');
    expect(texts).not.toContain('记名表决：决议乙');
    const rows = (doc.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => paragraphTexts(r));
    // The votes by name, then the 计票人/监票人 line as the last table's last row.
    expect(rows.slice(3, -1)).toEqual([
      ['序号', '单位', '意见'],
      ['1', '甲公司', '同意'],
      ['2', '乙公司', '反对'],
    ]);
    expect(rows.at(-1)?.[0]).toMatch(/^计票人（签字）/);
    const onsite = paragraphTexts(
      await documentXml(
        await buildTallySheet({
          meeting: STANDING_MEETING,
          attendance: { entitled: 9, present: 5, quorate: false },
          motions: [],
        }),
      ),
    );
    expect(onsite).toContain('应到常务理事单位 9 家，实到 5 家，未达到法定人数。');
  });
});

describe('会议纪要', () => {
  it('records form, date, place, chair, recorder, attendance and the quorum statement', () => {
    const lines = minutesBody(MINUTES).split('\n');
    expect(lines[0]).toBe(
      '2025 年 3 月 18 日 14:30，中国网络安全产业联盟第二届常务理事会第三次会议以现场方式在北京市东城区安定门东大街 1 号会议室召开。会议由张三主持，李四记录。',
    );
    expect(lines).toContain('本次会议应到常务理事单位 9 家，实到 7 家，请假 1 家，缺席 1 家。');
    expect(lines).toContain('出席单位：甲公司、乙公司、丙公司、丁公司、戊公司、己公司、庚公司。');
    expect(lines).toContain('请假单位：辛公司。');
    expect(lines).toContain('缺席单位：壬公司。');
    expect(lines).toContain('列席：秘书长 王五。');
    expect(lines).toContain(
      '实到常务理事单位已达到法定人数（章程规定为应到常务理事单位的三分之二（含），即 6 家），会议有效。',
    );
  });

  it('prints the agenda in order with its discussion, then each motion with its tally, outcome and the guiding unit’s decision', () => {
    const lines = minutesBody(MINUTES).split('\n');
    const i = (s: string) => lines.indexOf(s);
    const order = [
      i('二、会议议程及讨论情况'),
      i('（一）审议新会员入会申请'),
      i('秘书处汇报了 12 家单位的入会申请审查情况。'),
      i('与会常务理事进行了讨论。'),
      i('（二）审议 2025 年工作计划'),
      i('三、表决结果'),
      i('（一）关于接纳 12 家单位为联盟会员的决议'),
      i('表决结果：同意 6 票，反对 0 票，弃权 1 票，未表决 0 人。通过（待指导单位批准）。'),
      i('指导单位意见：批准（2025 年 3 月 25 日）。'),
      i('（二）关于 2025 年工作计划的决议'),
      i('表决结果：同意 4 票，反对 2 票，弃权 1 票，未表决 0 人。未通过。'),
    ];
    expectInOrder(order);
  });

  it('says plainly when the quorum was not reached, and prints a remote meeting’s participants', () => {
    const lines = minutesBody({
      ...MINUTES,
      meeting: REMOTE_MEETING,
      quorate: false,
      quorumRequired: undefined,
    }).split('\n');
    expect(lines[0]).toContain('以通讯方式召开');
    // R-O4: without a quorum the meeting cannot pass resolutions, and the minutes say so.
    expect(lines).toContain(
      '实到理事单位未达到法定人数（章程规定为应到理事单位的三分之二（含）），会议不能形成有效决议。',
    );
    expect(lines.some((l) => l.startsWith('参加表决单位：'))).toBe(true);
  });

  it('prints each motion’s text and named votes, and the units whose attendance was never recorded', () => {
    const lines = minutesBody({
      ...MINUTES,
      attendance: {
        ...MINUTES.attendance,
        absent: 0,
        absentNames: [],
        unmarked: 1,
        unmarkedNames: ['壬公司'],
      },
      motions: [
        {
          title: '关于接纳 12 家单位为联盟会员的决议',
          text: '同意接纳以下 12 家单位。\n名单见附件。',
          tally: { for: 6, against: 0, abstain: 1, notVoted: 0 },
          outcome: '通过（待指导单位批准）',
          named: [
            { unit: '甲公司', choice: '同意' },
            { unit: '乙公司', choice: '弃权' },
          ],
        },
      ],
    }).split('\n');
    expect(lines).toContain('本次会议应到常务理事单位 9 家，实到 7 家，请假 1 家，缺席 0 家，未登记 1 家。');
    expect(lines).toContain('未登记单位：壬公司。');
    expect(lines.some((l) => l.startsWith('缺席单位'))).toBe(false);
    const at = lines.indexOf('（一）关于接纳 12 家单位为联盟会员的决议');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '同意接纳以下 12 家单位。',
      '名单见附件。',
      '表决结果：同意 6 票，反对 0 票，弃权 1 票，未表决 0 人。通过（待指导单位批准）。',
      '记名表决：甲公司同意；乙公司弃权。',
    ]);
    // Without a count of 未登记 the counts line is as before.
    expect(minutesBody(MINUTES).split('\n')).toContain(
      '本次会议应到常务理事单位 9 家，实到 7 家，请假 1 家，缺席 1 家。',
    );
  });

  it('builds the minutes document in the notice layout with chair, recorder, issuer and date', async () => {
    const texts = await filledParagraphs(await buildMinutes(MINUTES));
    expect(texts[0]).toBe('中国网络安全产业联盟\n第二届常务理事会第三次会议纪要');
    expect(texts).toContain('主持人：张三　　记录人：李四');
    expect(texts.slice(-2)).toEqual(['中国网络安全产业联盟秘书处', '2025 年 3 月 19 日']);
  });
});
