/**
 * 年度报告 as Excel: one sheet per table, its first row the as-of date, then the caption, the header and the rows
 * (numbers as numbers, text as text, never a formula). The Word mapping is ./word.ts.
 */
import * as XLSX from '@e965/xlsx';
import type { AnnualReport } from '../../../../shared/report/figures';
import { periodText, reportSections, type ReportSection } from '../../../../shared/report/tables';

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

export function reportFileName(r: AnnualReport, ext: 'docx' | 'xlsx'): string {
  return `${r.year}年度工作报告（统计部分）-截至${r.end}.${ext}`;
}
