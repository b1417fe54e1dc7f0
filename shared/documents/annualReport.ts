/**
 * 秘书处年度工作报告（统计部分）: the year's figures for the standing council and the general assembly (charter
 * art. 15, 27, 28), GB/T 9704-2012 page and text (A4, 22 lines × 28 characters, 3号仿宋 body, 一、 headings
 * 黑体, page numbers — 1 —). Each section: its heading, the generated summary paragraphs (ordinary body
 * paragraphs the clerk edits afterwards) and its tables — fixed layout, the header row repeated on every page,
 * rows never split. This builder prints what it is given; the figures come from shared/report.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { ReportCell, ReportSection, ReportTable } from '../report/tables';
import {
  blankLine,
  bodyParagraphs,
  cellParagraphs,
  fixedTable,
  fontRun,
  runs,
  signBlock,
  titleParagraph,
} from './blocks';
import { STYLE, TEXT_WIDTH, buildDocx } from './layout';
import { DEFAULT_ISSUER, fontsOf } from './options';
import type { DocOptions, FontSet } from './options';
import { cnNumeral, sanitizeLine } from './text';

export interface AnnualReportInput {
  /** e.g. 中国网络安全产业联盟秘书处2026年度工作报告（统计部分）. */
  title: string;
  /** The period line under the title, e.g. 2026 年 1 月 1 日至 2026 年 12 月 1 日. */
  period: string;
  /** 'YYYY-MM-DD': the date the figures are taken on (printed under the title and as the report's date). */
  asOf: string;
  sections: readonly ReportSection[];
  issuer?: string;
}

/** Table text: 5号 (10.5 pt) so that seven or eight columns fit the 156 mm type area. */
const CELL_SIZE = 21;
const CELL_LINE = 300;

function cellText(v: ReportCell): string {
  if (typeof v === 'number') return String(Math.trunc(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sanitizeLine(v);
}

/** Column widths in twips: the relative widths scaled to the type area, the last one taking the rounding. */
export function columnTwips(widths: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = widths.reduce((a, b) => a + Math.max(1, b), 0);
  const out = widths.map((w) => Math.floor((Math.max(1, w) * total) / sum));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

function reportTable(t: ReportTable, f: FontSet): FileChild[] {
  const headingFont = f.heading1;
  const latin = f.latin;
  const caption = new Paragraph({
    style: STYLE.plain,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [new TextRun({ text: sanitizeLine(t.title), font: fontRun(headingFont, latin), size: 24 })],
  });
  if (t.rows.length === 0) return [caption, ...bodyParagraphs(t.empty || '无。', f)];
  const columns = columnTwips(t.columns.map((c) => c.width));
  const head = t.columns.map((c) => ({
    content: cellParagraphs(c.label, {
      label: true,
      line: CELL_LINE,
      run: { size: CELL_SIZE, font: fontRun(headingFont, latin) },
    }),
  }));
  const rows: Parameters<typeof fixedTable>[1] = [
    { header: true, cantSplit: true, cells: head },
    ...t.rows.map((r, i) => ({
      cantSplit: true,
      // The first data row stays with the header (never a header alone at a page foot).
      keepNext: i === 0,
      cells: t.columns.map((c, j) => ({
        content: cellParagraphs(cellText(r[j] ?? ''), {
          align: c.align ?? 'left',
          line: CELL_LINE,
          run: { size: CELL_SIZE },
          ...(i === 0 ? { keepNext: true } : {}),
        }),
      })),
    })),
  ];
  return [caption, fixedTable(columns, rows), blankLine()];
}

/** The document's content (title, period, sections), for tests and for other builders. */
export function annualReportContent(input: AnnualReportInput, options?: DocOptions): FileChild[] {
  const f = fontsOf(options);
  const out: FileChild[] = [titleParagraph(input.title)];
  out.push(
    new Paragraph({
      style: STYLE.plain,
      alignment: AlignmentType.CENTER,
      children: runs(`（${sanitizeLine(input.period)}）`, { font: fontRun(f.heading2, f.latin) }),
    }),
    blankLine(),
  );
  const sections: readonly ReportSection[] = Array.isArray(input.sections) ? input.sections : [];
  sections.forEach((s, i) => {
    out.push(
      ...bodyParagraphs(`${cnNumeral(i + 1)}、${sanitizeLine(s.heading)}`, f, { keepLastWithNext: true }),
    );
    out.push(...bodyParagraphs(s.summary.map((p) => sanitizeLine(p)).join('\n'), f));
    for (const t of s.tables) out.push(...reportTable(t, f));
  });
  out.push(
    ...signBlock({
      issuer: sanitizeLine(input.issuer) || sanitizeLine(options?.issuer) || DEFAULT_ISSUER,
      date: input.asOf,
      spaceLines: 1,
      rightChars: 2,
    }),
  );
  return out;
}

/** 秘书处年度工作报告（统计部分） as .docx bytes. */
export async function buildAnnualReport(input: AnnualReportInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([{ children: annualReportContent(input, options) }], options, input.title);
}
