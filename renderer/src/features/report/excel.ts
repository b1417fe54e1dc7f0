/**
 * 年度报告 exports: the Word document (shared/documents/annualReport.ts) and the Excel workbook — one sheet per
 * table, its first row the as-of date, then the header and the rows (numbers as numbers, text as text).
 */
import * as XLSX from '@e965/xlsx';
import { buildAnnualReport } from '../../../../shared/documents/annualReport';
import type { AnnualReport } from '../../../../shared/report/figures';
import {
  periodText,
  reportSections,
  reportTitle,
  type ReportSection,
} from '../../../../shared/report/tables';

/** The first row of every sheet. */
export function asOfLine(r: AnnualReport): string {
  return `截至 ${r.end}（统计期间：${periodText(r)}）`;
}

export function reportWorkbook(
  r: AnnualReport,
  sections: readonly ReportSection[] = reportSections(r),
): Uint8Array {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const s of sections) {
    for (const t of s.tables) {
      let name = t.sheet.slice(0, 31);
      for (let i = 2; used.has(name); i++) name = `${t.sheet.slice(0, 28)}-${i}`;
      used.add(name);
      const aoa: (string | number)[][] = [
        [asOfLine(r)],
        [t.title],
        t.columns.map((c) => c.label),
        ...t.rows.map((row) => row.map((c) => c)),
      ];
      if (t.rows.length === 0) aoa.push([t.empty]);
      const ws = XLSX.utils.aoa_to_sheet(aoa);
      for (const key of Object.keys(ws)) {
        if (key.startsWith('!')) continue;
        const c = ws[key] as XLSX.CellObject;
        if (c.t === 's') c.z = '@';
      }
      ws['!cols'] = t.columns.map((c) => ({ wch: Math.max(8, Math.round(c.width * 1.6)) }));
      XLSX.utils.book_append_sheet(wb, ws, name);
    }
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

export function reportDocx(
  r: AnnualReport,
  sections: readonly ReportSection[] = reportSections(r),
): Promise<Uint8Array> {
  return buildAnnualReport(
    { title: reportTitle(r.year), period: periodText(r), asOf: r.end, sections },
    { date: r.end },
  );
}

export function reportFileName(r: AnnualReport, ext: 'docx' | 'xlsx'): string {
  return `${r.year}年度工作报告（统计部分）-截至${r.end}.${ext}`;
}
