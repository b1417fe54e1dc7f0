/**
 * 表决票 (ballot): one page per voting unit — its motion, or a table of its motions, with 同意/反对/弃权
 * boxes — the voting unit, the representative's signature and the date; for a remote (通讯) meeting the
 * date to return it by.
 */
import { AlignmentType, LeaderType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { FileChild } from 'docx';
import { VOTE_LABEL } from '../domain/types';
import {
  attachmentHeading,
  blankLine,
  cellParagraphs,
  fixedTable,
  fontRun,
  runs,
  titleParagraph,
} from './blocks';
import type { CellSpec } from './blocks';
import { A4, GB_MARGIN, LINE_PITCH, STYLE, TEXT_WIDTH, buildDocx, chars } from './layout';
import { infoParagraph, meetingLine } from './meeting-info';
import type { MeetingInfo, MotionRef } from './meeting-info';
import { fontsOf } from './options';
import type { DocOptions } from './options';
import { BLANK_DATE, formatCnDate, hasText, sanitizeLine, textWidthChars } from './text';

export interface BallotInput {
  meeting: MeetingInfo;
  motions: MotionRef[];
  /** Print one set of ballots per voting unit (pre-filled 投票单位); omitted: one blank set. */
  voterUnits?: string[];
  /** 'YYYY-MM-DD': for remote meetings, the date by which the ballot is returned. */
  returnBy?: string;
}

const BOX = '☐';

/** Height of the type area in twips (225 mm). */
const AREA_HEIGHT = A4.height - GB_MARGIN.top - GB_MARGIN.bottom;
/** Lines of 3号 body text a paragraph of `text` takes (28 characters a line, `indent` characters first). */
function bodyLines(text: string, indent = 0): number {
  return Math.max(1, Math.ceil((textWidthChars(text) + indent) / 28));
}
/** Motion rows: 小四 text on exact 16 pt lines, at least 1 cm, 1.5 cm when there is room. */
const MOTION_LINE = 320;
const MOTION_ROW_MIN = 567;
const MOTION_ROW = 850;
const TABLE_HEAD_ROW = 480;
/** Room kept free on every sheet for what the estimate cannot know (font metrics, a renderer's rounding). */
const SAFETY = 400;

/** Columns of the motions table: 序号 | 议案 | 同意 | 反对 | 弃权. */
const BOX_COL = Math.floor(TEXT_WIDTH * 0.1);
const NO_COL = Math.floor(TEXT_WIDTH * 0.08);
const MOTION_COL = TEXT_WIDTH - NO_COL - 3 * BOX_COL;
/** 小四 (12 pt) characters a line of the 议案 column (its cell margins off, one kept for line-end rules). */
const MOTION_COL_CHARS = Math.floor((MOTION_COL - 170) / 240) - 1;

/** The least height of a motion's row: its title's lines and the cell margins. */
function motionRowNeed(title: string): number {
  const lines = Math.max(1, Math.ceil(textWidthChars(title) / MOTION_COL_CHARS));
  return Math.max(MOTION_ROW_MIN, lines * MOTION_LINE + 160);
}

/**
 * Splits the motions over as few sheets as hold them (each sheet one voter signs and stamps), as evenly as
 * they go, and gives each row its height: 1.5 cm when the sheet has room, else the room shared out, never
 * below what the title needs.
 */
export function planBallotSheets(
  needs: readonly number[],
  room: number,
): { rows: number[]; heights: number[] }[] {
  const n = needs.length;
  const fits = (from: number, to: number) => needs.slice(from, to).reduce((a, b) => a + b, 0) <= room;
  for (let k = 1; k <= Math.max(1, n); k++) {
    const size = Math.ceil(n / k);
    const sheets: number[][] = [];
    for (let i = 0; i < n; i += size)
      sheets.push(Array.from({ length: Math.min(size, n - i) }, (_, j) => i + j));
    if (sheets.every((rows) => fits(rows[0] ?? 0, (rows[rows.length - 1] ?? 0) + 1)) || size === 1) {
      return sheets.map((rows) => {
        const total = rows.reduce((a, i) => a + Math.max(needs[i] ?? 0, MOTION_ROW), 0);
        if (total <= room) return { rows, heights: rows.map((i) => Math.max(needs[i] ?? 0, MOTION_ROW)) };
        // Share the slack out evenly over the rows.
        const slack = room - rows.reduce((a, i) => a + (needs[i] ?? 0), 0);
        const extra = Math.max(0, Math.floor(slack / rows.length));
        return { rows, heights: rows.map((i) => Math.min(MOTION_ROW, (needs[i] ?? 0) + extra)) };
      });
    }
  }
  return [{ rows: needs.map((_, i) => i), heights: [...needs] }];
}

/** A fill-in rule: a tab to `to` twips with an underscore leader, printed as a line to write on. */
function ruled(label: string, to: number, after: TextRun[] = []): Paragraph {
  return new Paragraph({
    style: STYLE.plain,
    tabStops: [{ type: TabStopType.LEFT, position: to, leader: LeaderType.UNDERSCORE }],
    children: [new TextRun({ text: label }), new TextRun({ children: [new Tab()] }), ...after],
  });
}

/**
 * 表决票 pages. One motion: a page per voting unit with large 同意/反对/弃权 boxes. Several motions: one sheet
 * per voting unit (what the unit signs and stamps once), the motions as rows of a table with a box per
 * choice — an assembly of 300 units with 5 motions prints 300 sheets, not 1,500. Rows shrink (to 1 cm) to
 * keep a voter's ballot on one sheet; motions that still do not fit are split over numbered sheets
 * (第 1 页，共 2 页), each with its own signature block. The signature block is five lines (51 mm: room for
 * a 42 mm seal) with rules to write on.
 */
export function ballotContent(
  b: BallotInput,
  options: DocOptions | undefined,
  attachmentNumber?: number,
): FileChild[] {
  const f = fontsOf(options);
  const meeting = b?.meeting ?? ({} as MeetingInfo);
  const motions = (Array.isArray(b?.motions) ? b.motions : []).filter((m) => m && typeof m === 'object');
  const voters = Array.isArray(b?.voterUnits) && b.voterUnits.length > 0 ? b.voterUnits : [''];
  const remote = meeting.form === 'remote';
  const out: FileChild[] = [];
  if (attachmentNumber !== undefined) out.push(attachmentHeading(attachmentNumber));
  const choices = (['for', 'against', 'abstain'] as const).map((c) => VOTE_LABEL[c]);
  const centred = (t: string, size?: number, heading = false): CellSpec => ({
    content: cellParagraphs(t, {
      label: true,
      run: { ...(heading ? { font: fontRun(f.heading1, f.latin) } : {}), ...(size ? { size } : {}) },
    }),
  });
  const name = sanitizeLine(meeting.name);
  const info = meetingLine(meeting);
  const explain = '说明：请在所选表决意见下的“☐”内划“√”，每项议案只能选择一项，多选或不选视为弃权。';
  const remoteText = `本次会议以通讯方式召开，请于 ${hasText(b?.returnBy) ? formatCnDate(b.returnBy) : BLANK_DATE}前将签字（盖章）后的表决票扫描发送至联盟秘书处，原件寄回联盟秘书处。`;
  const head = (first: boolean, sheet?: { n: number; of: number }): FileChild[] => [
    // The attachment heading, when present, already starts the first page.
    titleParagraph('表决票', { ...(first ? {} : { pageBreakBefore: true }) }),
    new Paragraph({ style: STYLE.docNo, children: runs(name) }),
    infoParagraph(info),
    ...(sheet
      ? [
          new Paragraph({
            style: STYLE.plain,
            alignment: AlignmentType.RIGHT,
            children: runs(`第 ${sheet.n} 页，共 ${sheet.of} 页`),
          }),
        ]
      : []),
  ];
  const rule = TEXT_WIDTH - chars(2);
  const tail = (voter: string): FileChild[] => [
    new Paragraph({ style: STYLE.body, spacing: { before: 240 }, children: runs(explain) }),
    ...(remote ? [new Paragraph({ style: STYLE.body, children: runs(remoteText) })] : []),
    blankLine(true),
    sanitizeLine(voter) !== ''
      ? new Paragraph({
          style: STYLE.plain,
          keepNext: true,
          children: runs(`投票单位（盖章）：${sanitizeLine(voter)}`),
        })
      : ruled('投票单位（盖章）：', rule),
    blankLine(true),
    ruled('会员代表（签字）：', rule),
    new Paragraph({
      style: STYLE.plain,
      children: [
        new TextRun({ text: '日\u3000\u3000期：' }),
        ...BLANK_DATE.split(/(\u3000+)/)
          .filter((x) => x !== '')
          .map((x) => new TextRun({ text: x, ...(x.startsWith('\u3000') ? { underline: {} } : {}) })),
      ],
    }),
  ];
  // What every sheet holds besides the motions' rows, in twips (GB/T lines of 579).
  const fixedHeight =
    LINE_PITCH * (1 + bodyLines(name) + info.split('\n').reduce((a, l) => a + bodyLines(l), 0)) +
    TABLE_HEAD_ROW +
    240 +
    LINE_PITCH * bodyLines(explain, 2) +
    (remote ? LINE_PITCH * bodyLines(remoteText, 2) : 0) +
    LINE_PITCH * 5 +
    (attachmentNumber !== undefined ? LINE_PITCH : 0);
  const room = AREA_HEIGHT - fixedHeight - SAFETY;
  const titles = motions.map((m) => sanitizeLine(m.title) || '\u3000');
  let sheets = planBallotSheets(titles.map(motionRowNeed), room);
  // Split sheets carry a 第 n 页 line: plan again with that line's room taken.
  if (sheets.length > 1) sheets = planBallotSheets(titles.map(motionRowNeed), room - LINE_PITCH);
  voters.forEach((voter, v) => {
    if (motions.length > 1) {
      const columns = [NO_COL, MOTION_COL, BOX_COL, BOX_COL, BOX_COL];
      sheets.forEach((sheet, s) => {
        out.push(
          ...head(v === 0 && s === 0, sheets.length > 1 ? { n: s + 1, of: sheets.length } : undefined),
          fixedTable(columns, [
            {
              cells: [
                centred('序号', undefined, true),
                centred('议案', undefined, true),
                ...choices.map((c) => centred(c, undefined, true)),
              ],
              height: TABLE_HEAD_ROW,
              header: true,
              cantSplit: true,
            },
            ...sheet.rows.map((i, r) => ({
              cells: [
                centred(String(i + 1)),
                {
                  content: cellParagraphs(titles[i] ?? '', { line: MOTION_LINE }),
                  vAlign: 'center' as const,
                },
                centred(BOX, 44),
                centred(BOX, 44),
                centred(BOX, 44),
              ],
              height: sheet.heights[r] ?? MOTION_ROW,
              exactHeight: false,
              cantSplit: true,
            })),
          ]),
          ...tail(voter),
        );
      });
      return;
    }
    const motion = motions[0] ?? { title: '' };
    const col = Math.floor(TEXT_WIDTH / 3);
    out.push(
      ...head(v === 0),
      new Paragraph({
        style: STYLE.plain,
        indent: { left: 0 },
        children: [
          new TextRun({ text: '议案：', font: fontRun(f.heading1, f.latin) }),
          new TextRun({ text: sanitizeLine(motion.title) }),
        ],
      }),
      blankLine(),
      fixedTable(
        [col, col, TEXT_WIDTH - 2 * col],
        [
          { cells: choices.map((c) => centred(c, 32, true)), height: 680, cantSplit: true },
          { cells: [centred(BOX, 56), centred(BOX, 56), centred(BOX, 56)], height: 1134, cantSplit: true },
        ],
      ),
      ...tail(voter),
    );
  });
  return out;
}

/** 表决票: one page per voting unit (one blank page when `voterUnits` is not given). */
export async function buildBallot(b: BallotInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([{ children: ballotContent(b, options), pageNumbers: false }], options, '表决票');
}
