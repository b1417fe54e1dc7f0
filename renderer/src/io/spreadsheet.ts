/**
 * Reads a roster file (.xlsx / .xls via SheetJS, .csv via shared/data/csv) into rows of text cells.
 * Formulas are never evaluated: the cached value is taken, or the formula text as plain text.
 * Merged cells are filled with their top-left value so merged header cells name every column.
 * At most MAX_IMPORT_ROWS data rows are read; a larger file is refused with a message.
 *
 * A workbook is a zip: before SheetJS (which inflates without a cap) reads it, every part is inflated
 * once under SHEET_LIMITS with a running total (shared/data/zip), so a 1.5 MB file that inflates to
 * 1.4 GB is refused after at most the cap instead of exhausting the renderer's memory. The window runs
 * this in a Worker (sheet.worker.ts, readSheetRowsOffThread).
 */
import * as XLSX from '@e965/xlsx';
import { DataError } from '../../../shared/data/errors';
import { decodeText, parseCsv } from '../../../shared/data/csv';
import { spreadsheetFormat } from '../../../shared/data/sniff';
import { MAX_IMPORT_ROWS } from '../../../shared/data/roster';
import { checkZipInflation, ZipTooLargeError, type InflateLimits } from '../../../shared/data/zip';

/**
 * What a workbook may inflate to: a 20,000-row roster of 30 columns is ~50 MB of sheet XML and
 * shared strings; SheetJS needs several times that in memory.
 */
export const SHEET_LIMITS: Readonly<InflateLimits> = {
  maxEntryBytes: 80 * 1024 * 1024,
  maxTotalBytes: 80 * 1024 * 1024,
};

export interface SheetRows {
  rows: string[][];
  sheetName: string;
}

/** Rows read beyond the data cap, so a too-large file is detected without reading all of it. */
const READ_CAP = MAX_IMPORT_ROWS + 20;

function tooMany(fileName: string): DataError {
  return new DataError(
    `文件“${fileName}”超过 ${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行，一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行：请把名册拆分成几个文件分别导入。`,
  );
}

function cellText(c: XLSX.CellObject | undefined): string {
  if (!c) return '';
  if (c.t === 'n' && typeof c.v === 'number' && c.z && XLSX.SSF.is_date(c.z)) {
    return XLSX.SSF.format('yyyy-mm-dd', c.v);
  }
  if (c.t === 'd' && c.v instanceof Date) return c.v.toISOString().slice(0, 10);
  if (c.t === 'e') return c.f ? `=${c.f}` : '';
  if (c.w !== undefined && c.t !== 's') return c.w;
  if (c.v !== undefined && c.v !== null) return String(c.v);
  return c.f ? `=${c.f}` : '';
}

function damaged(fileName: string): DataError {
  return new DataError(
    `文件“${fileName}”已损坏或不是 Excel 工作簿，无法读取。请在 Excel 中打开并另存为 .xlsx 后再试。`,
  );
}

export function readSheetRows(
  fileName: string,
  bytes: Uint8Array,
  limits: InflateLimits = SHEET_LIMITS,
): SheetRows {
  const format = spreadsheetFormat(fileName, bytes);
  if (format === 'csv') {
    const { rows, truncated } = parseCsv(decodeText(bytes), READ_CAP);
    if (truncated) throw tooMany(fileName);
    return { rows, sheetName: 'CSV' };
  }
  if (format === 'xlsx') {
    try {
      checkZipInflation(
        bytes,
        limits,
        `文件“${fileName}”解压后超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB（名册不会这么大，可能是恶意构造的文件），已停止读取。`,
      );
    } catch (e) {
      if (e instanceof ZipTooLargeError) throw e;
      throw damaged(fileName);
    }
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      sheetRows: READ_CAP + 1,
      cellFormula: true,
      cellHTML: false,
      cellText: true,
      cellDates: false,
      WTF: false,
      // Rows as arrays (ws['!data']): about a third faster than one object key per cell at 10,000 rows.
      dense: true,
    });
  } catch {
    throw damaged(fileName);
  }
  const sheetName = wb.SheetNames.find((n) => {
    const ws = wb.Sheets[n];
    return ws && ws['!ref'];
  });
  const ws = sheetName ? wb.Sheets[sheetName] : undefined;
  if (!sheetName || !ws || !ws['!ref']) throw new DataError(`文件“${fileName}”中没有数据。`);
  // The full range (before sheetRows trimmed it) tells whether the sheet is over the cap.
  const full = XLSX.utils.decode_range((ws['!fullref'] as string | undefined) ?? ws['!ref']);
  if (full.e.r - full.s.r + 1 > READ_CAP) throw tooMany(fileName);
  const range = XLSX.utils.decode_range(ws['!ref']);
  const width = Math.min(range.e.c, 200);
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: string[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const cells = data[r] ?? [];
    const row: string[] = new Array<string>(width + 1);
    for (let c = 0; c <= width; c++) row[c] = cellText(cells[c]);
    rows.push(row);
  }
  for (const m of (ws['!merges'] ?? []) as XLSX.Range[]) {
    const v = rows[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= Math.min(m.e.r, rows.length - 1); r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, width); c++) {
        const row = rows[r];
        if (row && row[c] === '') row[c] = v;
      }
    }
  }
  return { rows, sheetName };
}
