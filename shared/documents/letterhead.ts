/**
 * 版头 and 版记 (GB/T 9704-2012 §7.2, §7.4), optional per document (the seed notice has neither).
 *
 * 版头: the 发文机关标志 (e.g. 中国网络安全产业联盟秘书处, or …文件) in red 小标宋, centred, its top edge 35 mm
 * below the top of the type area; two blank lines below it the 发文字号, centred; 4 mm below that the red
 * separator line as wide as the type area; the title two blank lines below the line.
 *
 * 版记: at the foot of the last page, between rules as wide as the type area (the first and last 0.35 mm,
 * those between 0.25 mm), the last one on the type area's bottom edge: 抄送 (4号仿宋, one character in on
 * both sides, wrapped lines aligned after the colon, a full stop after the last name) and, on the line
 * above the last rule, the 印发机关 one character in on the left and the 印发日期 one character in from the
 * right, followed by 印发.
 */
import {
  BorderStyle,
  HeightRule,
  LineRuleType,
  OverlapType,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { FileChild } from 'docx';
import { blankLine, runs } from './blocks';
import { A4, GB_MARGIN, LINE_PITCH, SIZE, STYLE, TEXT_WIDTH, mmToTwip } from './layout';
import { ccText, formatCnDate, sanitizeLine, textWidthChars } from './text';

/** Red of the 版头 (GB/T 9704-2012: 红色). */
export const LETTERHEAD_RED = 'FF0000';

export interface LetterheadOptions {
  /** 发文机关标志: 中国网络安全产业联盟秘书处, or 中国网络安全产业联盟文件. */
  mark: string;
}

export interface ColophonOptions {
  /** 抄送 names, separated by 、，, or line feeds; omitted: no 抄送 line. */
  cc?: string;
  /** 印发机关; default the issuer. */
  printer?: string;
  /** 'YYYY-MM-DD' 印发日期; default the document's date. */
  printDate?: string;
}

/** Points of the 发文机关标志: as large as fits the type area, at most 小初-like 48 pt, at least 26 pt. */
export function letterheadMarkPt(mark: string): number {
  const w = Math.max(1, textWidthChars(mark));
  return Math.max(26, Math.min(48, Math.floor((TEXT_WIDTH / 20 - 4) / w)));
}

/** The 版头's paragraphs: 标志, two blank lines, 发文字号 over the red line, two blank lines. */
export function letterheadParagraphs(o: LetterheadOptions, docNumber: string): FileChild[] {
  const mark = sanitizeLine(o.mark);
  if (mark === '') return [];
  const pt = letterheadMarkPt(mark);
  return [
    new Paragraph({
      style: STYLE.mark,
      // Its top edge 35 mm below the top of the type area: the line box is the glyphs' height.
      spacing: {
        before: mmToTwip(35),
        after: 0,
        line: Math.round(pt * 20 * 1.05),
        lineRule: LineRuleType.EXACT,
      },
      children: [new TextRun({ text: mark, size: pt * 2 })],
    }),
    blankLine(true),
    blankLine(true),
    new Paragraph({
      style: STYLE.docNo,
      keepNext: true,
      // The red separator line 4 mm below the 发文字号, as wide as the type area.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: LETTERHEAD_RED, space: 11 } },
      children: runs(docNumber === '' ? '\u3000' : docNumber),
    }),
    blankLine(true),
    blankLine(true),
  ];
}

export { ccText };

const FOUR = SIZE.four * 10; // one 4号 character, twips
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // 1 pt ≈ 0.35 mm
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // 0.75 pt ≈ 0.25 mm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const WIDTH = TEXT_WIDTH;
/** Height of the type area (225 mm), twips. */
const AREA_HEIGHT = A4.height - GB_MARGIN.top - GB_MARGIN.bottom;

/**
 * The 版记: a table floating on the page where the document ends, its rows of exact heights (lines of
 * 579 twips) so that its last rule lies on the bottom edge of the type area: its top is placed at the type
 * area's height less its own (tblpY from the margin; LibreOffice 7.4 does not float a table aligned to the
 * margin's “bottom”).
 *
 * Its page keeps the page number: §7.5 leaves the number off the 版记 page (and the blank page) only when a
 * blank page precedes the 版记 page, and the 版记 is set on the page where the document ends, never after
 * an inserted blank page (test/unit/documents/notice.test.ts).
 */
export function colophonContent(o: ColophonOptions, defaults: { issuer: string; date: string }): FileChild[] {
  const cc = ccText(o.cc);
  const printer = sanitizeLine(o.printer) || sanitizeLine(defaults.issuer);
  const date = `${formatCnDate(sanitizeLine(o.printDate) || defaults.date)}印发`;
  // 4号 characters a line of the 抄送 text after 抄送： (the type area less one character each side and the colon's three).
  const ccLineChars = Math.floor(TEXT_WIDTH / FOUR) - 2 - 3;
  const ccLines = cc === '' ? 0 : Math.max(1, Math.ceil(textWidthChars(cc) / ccLineChars));
  const rows: TableRow[] = [];
  const cell = (p: Paragraph, top: typeof THICK, bottom: typeof THICK | typeof NONE) =>
    new TableCell({
      children: [p],
      width: { size: WIDTH, type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top, bottom, left: NONE, right: NONE },
    });
  if (cc !== '') {
    rows.push(
      new TableRow({
        height: { value: ccLines * LINE_PITCH, rule: HeightRule.EXACT },
        cantSplit: true,
        children: [
          cell(
            new Paragraph({
              style: STYLE.colophon,
              indent: { left: FOUR * 4, right: FOUR, hanging: FOUR * 3 },
              children: [new TextRun({ text: `抄送：${cc}` })],
            }),
            THICK,
            NONE,
          ),
        ],
      }),
    );
  }
  rows.push(
    new TableRow({
      height: { value: LINE_PITCH, rule: HeightRule.EXACT },
      cantSplit: true,
      children: [
        cell(
          new Paragraph({
            style: STYLE.colophon,
            indent: { left: FOUR, right: FOUR },
            tabStops: [{ type: TabStopType.RIGHT, position: WIDTH - 2 * FOUR }],
            children: [
              new TextRun({ text: printer }),
              new TextRun({ children: [new Tab()] }),
              new TextRun({ text: date }),
            ],
          }),
          cc !== '' ? THIN : THICK,
          THICK,
        ),
      ],
    }),
  );
  const height = (ccLines + 1) * LINE_PITCH;
  return [
    new Table({
      rows,
      columnWidths: [WIDTH],
      width: { size: WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: {
        top: THICK,
        bottom: THICK,
        left: NONE,
        right: NONE,
        insideHorizontal: THIN,
        insideVertical: NONE,
      },
      float: {
        // From the page's edge, 1 twip left of the type area: LibreOffice imports a floating table as wide as
        // the type area and inside it as an inline one (nothing could wrap beside it), which would put the
        // 版记 right after the text; one reaching outside the type area it keeps floating (measured, 7.4).
        horizontalAnchor: TableAnchorType.PAGE,
        verticalAnchor: TableAnchorType.MARGIN,
        absoluteHorizontalPosition: GB_MARGIN.left - 1,
        absoluteVerticalPosition: AREA_HEIGHT - height,
        overlap: OverlapType.NEVER,
      },
    }),
    // The paragraph the table is anchored in.
    new Paragraph({ style: STYLE.colophon, children: [] }),
  ];
}
