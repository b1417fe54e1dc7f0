/**
 * 表决票 (ballot): one page per motion (and per voting unit), 同意/反对/弃权 boxes, the voting unit, the
 * representative's signature and the date; for a remote (通讯) meeting the date to return it by.
 */
import { Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import { VOTE_LABEL } from '../domain/types';
import { attachmentHeading, blankLine, fixedTable, fontRun, runs, titleParagraph } from './blocks';
import type { CellSpec } from './blocks';
import { STYLE, TEXT_WIDTH, buildDocx } from './layout';
import { infoParagraph, meetingLine } from './meeting-info';
import type { MeetingInfo, MotionRef } from './meeting-info';
import { fontsOf } from './options';
import type { DocOptions } from './options';
import { BLANK_DATE, cnNumeral, formatCnDate, hasText, sanitizeLine } from './text';

export interface BallotInput {
  meeting: MeetingInfo;
  motions: MotionRef[];
  /** Print one set of ballots per voting unit (pre-filled 投票单位); omitted: one blank set. */
  voterUnits?: string[];
  /** 'YYYY-MM-DD': for remote meetings, the date by which the ballot is returned. */
  returnBy?: string;
}

const BOX = '☐';

/** One ballot page per motion (and per voting unit when given). */
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
  let first = true; // the attachment heading, when present, already starts the page
  const choices = (['for', 'against', 'abstain'] as const).map((c) => VOTE_LABEL[c]);
  const col = Math.floor(TEXT_WIDTH / 3);
  const columns = [col, col, TEXT_WIDTH - 2 * col];
  for (const voter of voters) {
    (motions.length > 0 ? motions : [{ title: '' }]).forEach((motion, i) => {
      const label = (t: string): CellSpec => ({
        content: [
          new Paragraph({
            style: STYLE.cellCenter,
            children: [new TextRun({ text: t, font: fontRun(f.heading1, f.latin), size: 32 })],
          }),
        ],
      });
      const box: CellSpec = {
        content: [
          new Paragraph({ style: STYLE.cellCenter, children: [new TextRun({ text: BOX, size: 56 })] }),
        ],
      };
      out.push(
        titleParagraph('表决票', { ...(first ? {} : { pageBreakBefore: true }) }),
        new Paragraph({ style: STYLE.docNo, children: runs(sanitizeLine(meeting.name)) }),
        infoParagraph(meetingLine(meeting)),
        blankLine(),
        new Paragraph({
          style: STYLE.plain,
          indent: { left: 0 },
          children: [
            new TextRun({
              text: `议案${motions.length > 1 ? cnNumeral(i + 1) : ''}：`,
              font: fontRun(f.heading1, f.latin),
            }),
            new TextRun({ text: sanitizeLine(motion.title) }),
          ],
        }),
        blankLine(),
        fixedTable(columns, [
          { cells: choices.map(label), height: 680, cantSplit: true },
          { cells: [box, box, box], height: 1134, cantSplit: true },
        ]),
        new Paragraph({
          style: STYLE.body,
          spacing: { before: 240 },
          children: runs('说明：请在所选表决意见下的“☐”内划“√”，每项议案只能选择一项。'),
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
      );
      first = false;
    });
  }
  return out;
}

/** 表决票: one page per motion (per voting unit when `voterUnits` is given). */
export async function buildBallot(b: BallotInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([{ children: ballotContent(b, options), pageNumbers: false }], options, '表决票');
}
