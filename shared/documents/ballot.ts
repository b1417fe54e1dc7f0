/**
 * 表决票 (ballot): one page per voting unit — its motion, or a table of its motions, with 同意/反对/弃权
 * boxes — the voting unit, the representative's signature and the date; for a remote (通讯) meeting the
 * date to return it by.
 */
import { Paragraph, TextRun } from 'docx';
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
import { STYLE, TEXT_WIDTH, buildDocx } from './layout';
import { infoParagraph, meetingLine } from './meeting-info';
import type { MeetingInfo, MotionRef } from './meeting-info';
import { fontsOf } from './options';
import type { DocOptions } from './options';
import { BLANK_DATE, formatCnDate, hasText, sanitizeLine } from './text';

export interface BallotInput {
  meeting: MeetingInfo;
  motions: MotionRef[];
  /** Print one set of ballots per voting unit (pre-filled 投票单位); omitted: one blank set. */
  voterUnits?: string[];
  /** 'YYYY-MM-DD': for remote meetings, the date by which the ballot is returned. */
  returnBy?: string;
}

const BOX = '☐';

/**
 * 表决票 pages. One motion: a page per voting unit with large 同意/反对/弃权 boxes. Several motions: still one
 * page per voting unit (what the unit signs and stamps once), the motions as rows of a table with a box per
 * choice — an assembly of 300 units with 5 motions prints 300 sheets, not 1,500.
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
  const head = (first: boolean): FileChild[] => [
    // The attachment heading, when present, already starts the first page.
    titleParagraph('表决票', { ...(first ? {} : { pageBreakBefore: true }) }),
    new Paragraph({ style: STYLE.docNo, children: runs(sanitizeLine(meeting.name)) }),
    infoParagraph(meetingLine(meeting)),
    blankLine(),
  ];
  const tail = (voter: string): FileChild[] => [
    new Paragraph({
      style: STYLE.body,
      spacing: { before: 240 },
      children: runs('说明：请在所选表决意见下的“☐”内划“√”，每项议案只能选择一项，多选或不选视为弃权。'),
    }),
    ...(remote
      ? [
          new Paragraph({
            style: STYLE.body,
            children: runs(
              `本次会议以通讯方式召开，请于 ${hasText(b.returnBy) ? formatCnDate(b.returnBy) : BLANK_DATE}前将签字（盖章）后的表决票扫描发送至联盟秘书处，原件寄回联盟秘书处。`,
            ),
          }),
        ]
      : []),
    blankLine(),
    new Paragraph({
      style: STYLE.plain,
      children: runs(`投票单位（盖章）：${sanitizeLine(voter) || '\u3000'.repeat(12)}`),
    }),
    new Paragraph({ style: STYLE.plain, children: runs(`会员代表（签字）：`) }),
    new Paragraph({ style: STYLE.plain, children: runs(`日\u3000\u3000期：${BLANK_DATE}`) }),
  ];
  voters.forEach((voter, v) => {
    if (motions.length > 1) {
      const box = Math.floor(TEXT_WIDTH * 0.13);
      const no = Math.floor(TEXT_WIDTH * 0.09);
      const columns = [no, TEXT_WIDTH - no - 3 * box, box, box, box];
      out.push(
        ...head(v === 0),
        fixedTable(columns, [
          {
            cells: [
              centred('序号', undefined, true),
              centred('议案', undefined, true),
              ...choices.map((c) => centred(c, undefined, true)),
            ],
            header: true,
            cantSplit: true,
          },
          ...motions.map((m, i) => ({
            cells: [
              centred(String(i + 1)),
              { content: sanitizeLine(m.title) || '\u3000', vAlign: 'center' as const },
              centred(BOX, 44),
              centred(BOX, 44),
              centred(BOX, 44),
            ],
            height: 850,
            cantSplit: true,
          })),
        ]),
        ...tail(voter),
      );
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
