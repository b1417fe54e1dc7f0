/**
 * Meeting papers for the general assembly, the council and the standing council (R-O2, R-O4, R-O6):
 * 会议通知, 签到表, 表决票, 计票表 and 会议纪要.
 *
 * These builders print what they are given. They do not apply charter rules: the caller passes the
 * entitled list, the counts, whether the meeting was quorate and each motion's outcome label, computed by
 * the charter engine.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Tab,
  TabStopType,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild, Table } from 'docx';
import { BODY_LABEL, MEETING_FORM_LABEL, VOTE_LABEL } from '../domain/types';
import type { Body } from '../domain/types';
import {
  blankLine,
  bodyParagraphs,
  breakTitle,
  cellParagraphs,
  fixedTable,
  fontRun,
  runs,
  signBlock,
  titleParagraph,
} from './blocks';
import type { CellSpec } from './blocks';
import { entitledWord, infoParagraph, meetingLine } from './meeting-info';
import type { MeetingInfo } from './meeting-info';
import { A4, GB_MARGIN, LINE_PITCH, SIZE, STYLE, TEXT_WIDTH, buildDocx, mmToTwip } from './layout';
import { buildNoticeWithAttachments } from './notice';
import type { NoticeInput } from './notice';
import { DEFAULT_ISSUER, fontsOf } from './options';
import type { DocOptions } from './options';
import {
  BLANK_DATE,
  asObject,
  cnNumeral,
  formatCnDate,
  hasText,
  sanitizeLine,
  sanitizeText,
  textWidthChars,
} from './text';

export type { MeetingInfo, MotionRef } from './meeting-info';
export { entitledWord } from './meeting-info';
export { ballotContent, buildBallot } from './ballot';
export type { BallotInput } from './ballot';

// ------------------------------------------------------------------ 会议通知

export interface MeetingNoticeInput {
  meeting: MeetingInfo;
  docNumber: string;
  /** 各理事单位 / 各会员单位 … */
  addressee: string;
  /** Default: 关于召开{meeting.name}的通知 */
  title?: string;
  /** 会议议题, in order. */
  agenda: string[];
  /** 参会人员; default: 各{entitled}会员代表. */
  attendees?: string;
  /** 'YYYY-MM-DD': reply (回执) deadline for on-site meetings. */
  replyBy?: string;
  /** 'YYYY-MM-DD': remote meetings, the date by which ballots are returned. */
  returnBy?: string;
  /** More requirements, one a line. */
  requirements?: string[];
  attachments?: string[];
  issuer?: string;
  /** 'YYYY-MM-DD' of the notice. */
  date: string;
}

/** The notice input (title, body with 一、二、 sections) of a meeting notice, to edit or to build. */
export function meetingNoticeInput(input: MeetingNoticeInput, options?: DocOptions): NoticeInput {
  const m = asObject<MeetingNoticeInput>(input);
  const meeting = asObject<MeetingInfo>(m.meeting) as MeetingInfo;
  const name = sanitizeLine(meeting.name);
  const remote = meeting.form === 'remote';
  const when = `${formatCnDate(meeting.date)}${hasText(meeting.time) ? ` ${sanitizeLine(meeting.time)}` : ''}`;
  // A space after a time such as 14:30, as around every Arabic number in the seed.
  const whenThen = /\d$/.test(when) ? `${when} ` : when;
  const lines: string[] = [];
  lines.push(
    remote
      ? `经研究，定于 ${whenThen}以通讯方式召开${name}。现将有关事项通知如下：`
      : `经研究，定于 ${whenThen}在${sanitizeLine(meeting.place) || '（地点另行通知）'}召开${name}。现将有关事项通知如下：`,
  );
  let n = 0;
  const section = (title: string, body: string[]) => {
    const rows = body.filter((b) => b.trim() !== '');
    if (rows.length === 0) return;
    n += 1;
    lines.push(`${cnNumeral(n)}、${title}`, ...rows);
  };
  section(remote ? '会议时间及方式' : '会议时间', [remote ? `${when}，以通讯方式召开。` : `${when}。`]);
  if (!remote) section('会议地点', [sanitizeLine(meeting.place) || '另行通知。']);
  const agenda = (Array.isArray(m.agenda) ? m.agenda : [])
    .map((a) => sanitizeLine(a))
    .filter((a) => a !== '');
  section(
    '会议议题',
    agenda.map((a, i) => `${i + 1}. ${a.replace(/[。；;]+$/, '')}。`),
  );
  section('参会人员', [sanitizeLine(m.attendees) || `各${entitledWord(meeting.body)}会员代表。`]);
  const req: string[] = [];
  if (remote && hasText(m.returnBy)) {
    req.push(
      `请于 ${formatCnDate(m.returnBy)}前将签字（盖章）后的表决票扫描发送至联盟秘书处邮箱，原件寄回联盟秘书处。`,
    );
  }
  if (!remote && hasText(m.replyBy)) {
    req.push(
      `请于 ${formatCnDate(m.replyBy)}前将参会回执发送至联盟秘书处。会员代表因故不能出席的，请书面请假。`,
    );
  }
  for (const r of Array.isArray(m.requirements) ? m.requirements : [])
    if (hasText(r)) req.push(sanitizeLine(r));
  section(
    '有关要求',
    req.map((r, i) => (req.length > 1 ? `${i + 1}. ${r}` : r)),
  );
  const c = options?.contact;
  section('联系方式', [
    hasText(c?.name) ? `联系人：${sanitizeLine(c?.name)}` : '',
    hasText(c?.phone) ? `联系方式：${sanitizeLine(c?.phone)}` : '',
    hasText(c?.email) ? `邮箱：${sanitizeLine(c?.email)}` : '',
  ]);
  return {
    title: sanitizeLine(m.title) || `关于召开${name}的通知`,
    docNumber: sanitizeLine(m.docNumber),
    addressee: sanitizeLine(m.addressee),
    body: lines.join('\n'),
    attachments: Array.isArray(m.attachments) ? m.attachments : [],
    issuer: sanitizeLine(m.issuer),
    date: sanitizeLine(m.date),
  };
}

/** 会议通知: a notice (GB/T 9704 layout) built from the meeting; `options.attachmentsInline` may carry ballots. */
export async function buildMeetingNotice(m: MeetingNoticeInput, options?: DocOptions): Promise<Uint8Array> {
  return buildNoticeWithAttachments(
    meetingNoticeInput(m, options),
    options?.attachmentsInline ?? [],
    options,
  );
}

// ------------------------------------------------------------------ 签到表

export interface SignInSheetInput {
  meeting: MeetingInfo;
  /**
   * The entitled members, in the order to print. `observer`: attends without a vote (列席, e.g. the
   * secretary-general at the standing council, R-O6): printed with （列席）, not counted in 应到.
   */
  entitled: { unitName: string; representative?: string; observer?: boolean }[];
  /** Default: {meeting.name}签到表 */
  title?: string;
}

/**
 * 序号 | 单位名称 | 会员代表 | 签名. The unit column holds 21 characters of 小四 and 24 of 5号 (names of
 * 22–24 characters are set in 5号 to stay on one line; longer ones wrap).
 */
const SIGN_COLUMNS = [680, 5350, 1400, TEXT_WIDTH - 680 - 5350 - 1400];
const SIGN_UNIT_CHARS_12 = 21;
const SIGN_UNIT_CHARS_10_5 = 24;
const SIGN_HEAD_ROW = 567;
const SIGN_ROW = 737;
const SIGN_ROW_MIN = 624;

/**
 * The row height of a sign-in sheet of `rows` rows: 1.3 cm, or less (down to 1.1 cm) when that avoids a
 * last page of fewer than three rows (pages of 11/14/14/1 become 13/17/10). `first` and `other` are the
 * twips the table has on its first page and on later ones, each less its repeated header row.
 */
export function signInRowHeight(rows: number, first: number, other: number): number {
  const lastRows = (h: number) => {
    const f = Math.floor(first / h);
    if (rows <= f) return rows;
    const rest = (rows - f) % Math.floor(other / h);
    return rest === 0 ? Math.floor(other / h) : rest;
  };
  for (let h = SIGN_ROW; h >= SIGN_ROW_MIN; h -= 8) if (lastRows(h) >= Math.min(3, rows)) return h;
  return SIGN_ROW;
}

export function signInSheetContent(input: SignInSheetInput, options: DocOptions | undefined): FileChild[] {
  const s = asObject<SignInSheetInput>(input);
  const f = fontsOf(options);
  const header = (t: string): CellSpec => ({
    content: [
      new Paragraph({
        style: STYLE.cellCenter,
        children: [new TextRun({ text: t, font: fontRun(f.heading1, f.latin), size: 24 })],
      }),
    ],
  });
  const list = (Array.isArray(s.entitled) ? s.entitled : []).filter((e) => e && typeof e === 'object');
  // 列席 units are listed after the numbered (entitled) ones, unnumbered: 应到 counts the numbered ones.
  const voting = list.filter((e) => e.observer !== true);
  const observers = list.filter((e) => e.observer === true);
  const title = sanitizeLine(s.title) || `${sanitizeLine(s.meeting?.name)}签到表`;
  const info = meetingLine(s.meeting ?? ({} as MeetingInfo));
  const headHeight = LINE_PITCH * (breakTitle(title).split('\n').length + info.split('\n').length + 1) + 120;
  const area = A4.height - GB_MARGIN.top - GB_MARGIN.bottom - 300; // less a margin for rounding
  const count = Math.max(voting.length, list.length === 0 ? 10 : 0) + observers.length;
  const height = signInRowHeight(count, area - headHeight - SIGN_HEAD_ROW, area - SIGN_HEAD_ROW);
  const unitCell = (name: string): CellSpec => {
    const w = textWidthChars(name);
    return w > SIGN_UNIT_CHARS_12 && w <= SIGN_UNIT_CHARS_10_5
      ? { content: cellParagraphs(name, { run: { size: SIZE.five } }) }
      : { content: name };
  };
  const rows: Parameters<typeof fixedTable>[1] = [
    {
      header: true,
      cantSplit: true,
      height: SIGN_HEAD_ROW,
      cells: [header('序号'), header('单位名称'), header('会员代表'), header('签名')],
    },
    ...voting.map((e, i) => ({
      cantSplit: true,
      height,
      cells: [
        { content: String(i + 1), align: 'center' as const },
        unitCell(sanitizeLine(e.unitName)),
        { content: sanitizeLine(e.representative), align: 'center' as const },
        { content: '' },
      ],
    })),
  ];
  if (list.length === 0) {
    for (let i = 0; i < 10; i++)
      rows.push({
        height,
        cells: [
          { content: String(i + 1), align: 'center' },
          { content: '' },
          { content: '' },
          { content: '' },
        ],
      });
  }
  for (const e of observers) {
    rows.push({
      cantSplit: true,
      height,
      cells: [
        { content: '列席', align: 'center' },
        unitCell(sanitizeLine(e.unitName)),
        { content: sanitizeLine(e.representative), align: 'center' },
        { content: '' },
      ],
    });
  }
  return [
    titleParagraph(title),
    infoParagraph(info),
    new Paragraph({
      style: STYLE.plain,
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: runs(`应到${entitledWord(s.meeting?.body)} ${voting.length} 家`),
    }),
    fixedTable(SIGN_COLUMNS, rows),
  ];
}

/** 签到表: the entitled members with a signature column; the header row repeats on every page. */
export async function buildSignInSheet(s: SignInSheetInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([{ children: signInSheetContent(s, options) }], options, '签到表');
}

// ------------------------------------------------------------------ 计票表

export interface TallyRow {
  title: string;
  /** 应到 */
  entitled?: number;
  /** 实到 (for a remote meeting: returned ballots) */
  present?: number;
  for?: number;
  against?: number;
  abstain?: number;
  /** 未表决 */
  notVoted?: number;
  /** Outcome label, e.g. 通过 / 未通过 / 通过（待指导单位批准）. */
  result?: string;
  /** Votes by name (remote ballots, named votes): each unit's choice, printed in a table of its own. */
  named?: NamedVote[];
}

/** One unit's vote by name: 同意 / 反对 / 弃权. */
export interface NamedVote {
  unit: string;
  choice: string;
}

export interface TallySheetInput {
  meeting: MeetingInfo;
  motions: TallyRow[];
  title?: string;
  /**
   * The meeting's attendance and whether it was quorate (decided by the charter engine, R-O2, R-O4, R-O6),
   * printed under the meeting line: 应到…家，实到…家（通讯：收回表决票…家），已达到/未达到法定人数.
   */
  attendance?: { entitled: number; present: number; quorate: boolean };
}

const TALLY_MARGIN = { top: mmToTwip(25), bottom: mmToTwip(25), left: mmToTwip(25), right: mmToTwip(25) };
const TALLY_WIDTH = A4.height - TALLY_MARGIN.left - TALLY_MARGIN.right;

function num(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(Math.trunc(n)) : '';
}

/** A cell of a 计票表 table: paragraphs, or text in the table style (line feeds split paragraphs). */
type TallyCell = { content: Paragraph[] | string; align?: 'center' };
type TallyTableRow = { cells: TallyCell[]; height: number; header?: boolean; keepNext?: boolean };

const NO_RULE = { style: BorderStyle.NIL, size: 0, color: 'auto' };

/** The 计票人/监票人/日期 line, 18 pt and one line below the table (as the blank line before it used to be). */
function tallySignParagraph(): Paragraph {
  return new Paragraph({
    style: STYLE.plain,
    spacing: { before: 360 + LINE_PITCH },
    tabStops: [
      { type: TabStopType.LEFT, position: Math.round(TALLY_WIDTH / 3) },
      { type: TabStopType.LEFT, position: Math.round((TALLY_WIDTH * 2) / 3) },
    ],
    children: [
      new TextRun({ text: '计票人（签字）：' }),
      new TextRun({ children: [new Tab()] }),
      new TextRun({ text: '监票人（签字）：' }),
      new TextRun({ children: [new Tab()] }),
      new TextRun({ text: `日期：${BLANK_DATE}` }),
    ],
  });
}

/**
 * A table of the 计票表, drawn as fixedTable draws its tables (blocks.ts: fixed layout, widths on the grid
 * and on every cell, 0.75 pt rules, centred; no row splits across pages), and — `sign` — ending in the
 * 计票人/监票人/日期 line as a row of its own: one cell across all columns, no rule but the one above it and
 * no cell margins (the line starts at the text's left edge, as the paragraph did).
 *
 * Issue 15: the line never stands alone on a page. The table's last two rows are kept with the next (their
 * paragraphs carry keepNext), and:
 * - Word keeps such rows with what follows, a row after them as well as a paragraph after the table.
 * - LibreOffice 7.4 keeps a table's last rows with a paragraph after it only while the table has not broken
 *   across a page yet: a table already continued from an earlier page left the paragraph alone on the next
 *   page (rendered, line as a paragraph: 16, 25 and 34 motions, 15, 24 and 33 with the attendance line; 16,
 *   17, 30 and 31 votes by name after 3 motions). Not helped by dropping the blank line before it, by
 *   keeping the last three rows, or by no repeated header row. When it breaks a table between rows,
 *   LibreOffice moves the rows kept with the next along with the row that does not fit, at any length: with
 *   the line as the last row, no size left it alone (1–34 motions with and without the attendance line).
 *   Another table for the last rows does not help: LibreOffice joins adjacent tables.
 * So the line is the last row of the last table: the motions' table, or after votes by name the last of
 * their tables (its last two rows kept with it). As a paragraph after the votes it was left alone at 16–17
 * and 30–31 votes after 3 motions; as the last row no size rendered left it alone (1–40 votes after 3
 * motions).
 */
function tallyTable(columns: number[], rows: TallyTableRow[], sign: boolean): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  const signRow = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: total, type: WidthType.DXA },
        columnSpan: columns.length,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        borders: { left: NO_RULE, bottom: NO_RULE, right: NO_RULE },
        children: [tallySignParagraph()],
      }),
    ],
  });
  return fixedTable(
    columns,
    rows.map((r) => ({ ...r, cantSplit: true })),
    sign ? [signRow] : [],
  );
}

export function tallySheetContent(t: TallySheetInput, options: DocOptions | undefined): FileChild[] {
  const f = fontsOf(options);
  const meeting = t?.meeting ?? ({} as MeetingInfo);
  const fixed = [737, 964, 964, 964, 964, 964, 964, 3118];
  const columns = [fixed[0] ?? 737, TALLY_WIDTH - fixed.reduce((a, b) => a + b, 0), ...fixed.slice(1)];
  const head = (s: string): TallyCell => ({
    content: [
      new Paragraph({
        style: STYLE.cellCenter,
        children: [new TextRun({ text: s, font: fontRun(f.heading1, f.latin), size: 24 })],
      }),
    ],
  });
  const motions = (Array.isArray(t?.motions) ? t.motions : []).filter((m) => m && typeof m === 'object');
  const namedOf = (m: TallyRow) =>
    (Array.isArray(m.named) ? m.named : []).filter((n) => n && typeof n === 'object');
  // The 计票人/监票人/日期 line ends the motions' table, or follows the last table of votes by name.
  const lastNamed = [...motions].reverse().find((m) => namedOf(m).length > 0);
  const rows: TallyTableRow[] = [
    {
      header: true,
      height: 567,
      cells: [
        '序号',
        '议案',
        '应到',
        '实到',
        VOTE_LABEL.for,
        VOTE_LABEL.against,
        VOTE_LABEL.abstain,
        '未表决',
        '结果',
      ].map(head),
    },
    ...(motions.length > 0 ? motions : [{ title: '' } as TallyRow]).map((m, i, all) => ({
      // The last two rows are kept with the 计票人/监票人 row that ends the table (see tallyTable).
      keepNext: i >= all.length - 2 && !lastNamed,
      height: 850,
      cells: [
        { content: String(i + 1), align: 'center' as const },
        { content: sanitizeLine(m.title) },
        { content: num(m.entitled), align: 'center' as const },
        { content: num(m.present), align: 'center' as const },
        { content: num(m.for), align: 'center' as const },
        { content: num(m.against), align: 'center' as const },
        { content: num(m.abstain), align: 'center' as const },
        { content: num(m.notVoted), align: 'center' as const },
        { content: sanitizeLine(m.result), align: 'center' as const },
      ],
    })),
  ];

  const out: FileChild[] = [
    new Paragraph({
      style: STYLE.title,
      children: runs(sanitizeLine(t?.title) || `${sanitizeLine(meeting.name)}计票表`),
    }),
    infoParagraph(meetingLine(meeting)),
  ];
  const a = t?.attendance;
  if (a && typeof a === 'object') {
    out.push(
      infoParagraph(
        `应到${entitledWord(meeting.body)} ${num(a.entitled) || 0} 家，${meeting.form === 'remote' ? '收回表决票' : '实到'} ${num(a.present) || 0} 家，${a.quorate === true ? '已达到' : '未达到'}法定人数。`,
      ),
    );
  }
  out.push(
    new Paragraph({ style: STYLE.plain, spacing: { after: 120 }, children: [] }),
    tallyTable(columns, rows, !lastNamed),
  );
  // Votes by name: one table per motion (序号 / 单位 / 意见), its header row repeating on every page.
  const namedColumns = [737, TALLY_WIDTH - 737 - 2268, 2268];
  for (const m of motions) {
    const named = namedOf(m);
    if (named.length === 0) continue;
    out.push(
      new Paragraph({
        style: STYLE.plain,
        keepNext: true,
        spacing: { before: 360, after: 120 },
        children: runs(`记名表决：${sanitizeLine(m.title)}`),
      }),
      tallyTable(
        namedColumns,
        [
          { header: true, height: 567, cells: ['序号', '单位', '意见'].map(head) },
          ...named.map((n, i) => ({
            keepNext: m === lastNamed && i >= named.length - 2,
            height: 567,
            cells: [
              { content: String(i + 1), align: 'center' as const },
              { content: sanitizeLine(n.unit) },
              { content: sanitizeLine(n.choice), align: 'center' as const },
            ],
          })),
        ],
        m === lastNamed,
      ),
    );
  }
  // After the last table (which ends with the 计票人/监票人 line): the paragraph a document must end with
  // (Word adds one after a closing table), 0.1 pt high and hidden, so it never takes a page of its own when
  // the table ends at the foot of one.
  out.push(
    new Paragraph({
      spacing: { before: 0, after: 0, line: 2, lineRule: LineRuleType.EXACT },
      run: { size: 2, vanish: true },
      children: [],
    }),
  );
  return out;
}

/** 计票表: one row per motion with 应到/实到/同意/反对/弃权/未表决/结果, and 计票人/监票人 lines (A4 landscape). */
export async function buildTallySheet(t: TallySheetInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx(
    [
      {
        children: tallySheetContent(t, options),
        landscape: true,
        margin: TALLY_MARGIN,
        pageNumbers: false,
        grid: false,
      },
    ],
    options,
    '计票表',
  );
}

// ------------------------------------------------------------------ 会议纪要

export interface MinutesMotion {
  title: string;
  /** The motion's text (plain text, one paragraph a line), printed under its title. */
  text?: string;
  /** Votes as counted; omitted: no tally line. */
  tally?: { for: number; against: number; abstain: number; notVoted: number };
  /** Outcome label, as computed by the charter engine: 通过 / 未通过 / 通过（待指导单位批准）… */
  outcome: string;
  /** The guiding unit's decision on a standing-council resolution (R-O6), when recorded. */
  guidingDecision?: { decision: string; date?: string };
  /** Votes by name (remote ballots, named votes), printed as 记名表决：甲单位同意；乙单位弃权。 */
  named?: NamedVote[];
}

export interface MinutesInput {
  meeting: MeetingInfo;
  /** Default: {meeting.name}纪要 */
  title?: string;
  docNumber?: string;
  chair?: string;
  recorder?: string;
  attendance: {
    /** 应到 */
    entitled: number;
    /** 实到 */
    present: number;
    /** 请假 */
    leave: number;
    /** 缺席 */
    absent: number;
    /** 未登记: entitled units whose attendance was never recorded; omitted or 0: not printed. */
    unmarked?: number;
    presentNames?: string[];
    leaveNames?: string[];
    absentNames?: string[];
    unmarkedNames?: string[];
    /** 列席 (e.g. the secretary-general at a standing-council meeting, R-O6). */
    observers?: string[];
  };
  /** Already decided by the charter engine (R-O2, R-O4, R-O6). */
  quorate: boolean;
  /** Quorum wording; default 三分之二（含）. */
  quorumThreshold?: string;
  /** The number the quorum requires, when the caller wants it printed. */
  quorumRequired?: number;
  /** Narrative after the opening paragraph (plain text, one paragraph a line). */
  body?: string;
  /** Agenda items in order, each with its discussion. */
  agenda: { title: string; discussion?: string }[];
  motions: MinutesMotion[];
  issuer?: string;
  /** 'YYYY-MM-DD' of the minutes; default the meeting date. */
  date?: string;
}

function nameList(names: unknown): string {
  return (Array.isArray(names) ? names : [])
    .map((n) => sanitizeLine(n))
    .filter((n) => n !== '')
    .join('、');
}

/** The body text of the minutes (one paragraph a line, 一、/（一） headings). */
export function minutesBody(input: MinutesInput): string {
  const m = asObject<MinutesInput>(input);
  const meeting = asObject<MeetingInfo>(m.meeting) as MeetingInfo;
  const name = sanitizeLine(meeting.name);
  const remote = meeting.form === 'remote';
  const who = entitledWord(meeting.body);
  const a = m.attendance ?? { entitled: 0, present: 0, leave: 0, absent: 0 };
  const lines: string[] = [];
  const chair = sanitizeLine(m.chair);
  const recorder = sanitizeLine(m.recorder);
  lines.push(
    `${formatCnDate(meeting.date)}${hasText(meeting.time) ? ` ${sanitizeLine(meeting.time)}` : ''}，${name}以${MEETING_FORM_LABEL[meeting.form] ?? ''}方式${remote ? '' : `在${sanitizeLine(meeting.place) || '（地点）'}`}召开。` +
      `${chair ? `会议由${chair}主持` : ''}${chair && recorder ? '，' : ''}${recorder ? `${recorder}记录` : ''}${chair || recorder ? '。' : ''}`,
  );
  for (const l of sanitizeText(m.body).split('\n')) if (l.trim() !== '') lines.push(l.trim());
  let n = 0;
  const head = (t: string) => {
    n += 1;
    lines.push(`${cnNumeral(n)}、${t}`);
  };
  // 出席情况 with the quorum statement (R-O2 / R-O4 / R-O6: two thirds, inclusive).
  head('出席情况');
  lines.push(
    `本次会议应到${who} ${num(a.entitled) || 0} 家，实到 ${num(a.present) || 0} 家，请假 ${num(a.leave) || 0} 家，缺席 ${num(a.absent) || 0} 家${Number(num(a.unmarked)) > 0 ? `，未登记 ${num(a.unmarked)} 家` : ''}。`,
  );
  const present = nameList(a.presentNames);
  const leave = nameList(a.leaveNames);
  const absent = nameList(a.absentNames);
  const unmarked = nameList(a.unmarkedNames);
  const observers = nameList(a.observers);
  if (present) lines.push(`${remote ? '参加表决' : '出席'}单位：${present}。`);
  if (leave) lines.push(`请假单位：${leave}。`);
  if (absent) lines.push(`缺席单位：${absent}。`);
  if (unmarked) lines.push(`未登记单位：${unmarked}。`);
  if (observers) lines.push(`列席：${observers}。`);
  const threshold = sanitizeLine(m.quorumThreshold) || '三分之二（含）';
  const required =
    typeof m.quorumRequired === 'number' && Number.isFinite(m.quorumRequired)
      ? `，即 ${Math.trunc(m.quorumRequired)} 家`
      : '';
  lines.push(
    `实到${who}${m.quorate ? '已达到' : '未达到'}法定人数（章程规定为应到${who}的${threshold}${required}），${m.quorate ? '会议有效' : '会议不能形成有效决议'}。`,
  );
  // 会议议程 and discussion, in order.
  const agenda = (Array.isArray(m.agenda) ? m.agenda : []).filter((x) => x && typeof x === 'object');
  if (agenda.length > 0) {
    head('会议议程及讨论情况');
    agenda.forEach((item, i) => {
      lines.push(`（${cnNumeral(i + 1)}）${sanitizeLine(item.title)}`);
      for (const l of sanitizeText(item.discussion).split('\n')) if (l.trim() !== '') lines.push(l.trim());
    });
  }
  // 表决结果: each motion with its tally and outcome.
  const motions = (Array.isArray(m.motions) ? m.motions : []).filter((x) => x && typeof x === 'object');
  if (motions.length > 0) {
    head('表决结果');
    motions.forEach((mo, i) => {
      lines.push(`（${cnNumeral(i + 1)}）${sanitizeLine(mo.title)}`);
      for (const l of sanitizeText(mo.text).split('\n')) if (l.trim() !== '') lines.push(l.trim());
      const t = mo.tally;
      // 未表决 counts those present who cast no vote: people, not votes.
      const tally = t
        ? `${VOTE_LABEL.for} ${num(t.for) || 0} 票，${VOTE_LABEL.against} ${num(t.against) || 0} 票，${VOTE_LABEL.abstain} ${num(t.abstain) || 0} 票，未表决 ${num(t.notVoted) || 0} 人。`
        : '';
      lines.push(`表决结果：${tally}${sanitizeLine(mo.outcome) ? `${sanitizeLine(mo.outcome)}。` : ''}`);
      if (mo.guidingDecision && hasText(mo.guidingDecision.decision)) {
        const d = hasText(mo.guidingDecision.date) ? `（${formatCnDate(mo.guidingDecision.date)}）` : '';
        lines.push(`指导单位意见：${sanitizeLine(mo.guidingDecision.decision)}${d}。`);
      }
      const named = (Array.isArray(mo.named) ? mo.named : [])
        .filter((x) => x && typeof x === 'object' && hasText(x.unit))
        .map((x) => `${sanitizeLine(x.unit)}${sanitizeLine(x.choice)}`);
      if (named.length > 0) lines.push(`记名表决：${named.join('；')}。`);
    });
  }
  return lines.join('\n');
}

export function minutesContent(m: MinutesInput, options: DocOptions | undefined): FileChild[] {
  const f = fontsOf(options);
  const meeting = m?.meeting ?? ({} as MeetingInfo);
  const out: FileChild[] = [titleParagraph(sanitizeLine(m?.title) || `${sanitizeLine(meeting.name)}纪要`)];
  if (hasText(m?.docNumber)) out.push(infoParagraph(sanitizeLine(m.docNumber)));
  out.push(blankLine());
  out.push(...bodyParagraphs(minutesBody(m ?? ({} as MinutesInput)), f, { keepLastWithNext: true }));
  const sig = [
    hasText(m?.chair) ? `主持人：${sanitizeLine(m.chair)}` : '',
    hasText(m?.recorder) ? `记录人：${sanitizeLine(m.recorder)}` : '',
  ]
    .filter((x) => x !== '')
    .join('\u3000\u3000');
  if (sig) {
    out.push(blankLine(true));
    out.push(new Paragraph({ style: STYLE.body, keepNext: true, children: runs(sig) }));
  }
  out.push(
    ...signBlock({
      issuer: sanitizeLine(m?.issuer) || sanitizeLine(options?.issuer) || DEFAULT_ISSUER,
      date: hasText(m?.date) ? m.date : meeting.date,
      seal: options?.seal,
    }),
  );
  return out;
}

/** 会议纪要 from recorded data (the builder prints; it does not compute charter rules). */
export async function buildMinutes(m: MinutesInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([{ children: minutesContent(m, options) }], options, '会议纪要');
}

/** Body label (会员大会 / 理事会 / 常务理事会) for UI captions. */
export function bodyLabel(body: Body | undefined): string {
  return body ? BODY_LABEL[body] : '';
}
