/**
 * What a file really is, from its first bytes (a renamed PNG is not a spreadsheet). Pure.
 */
import { DataError } from './errors';

export type SniffedKind = 'empty' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'pdf' | 'text' | 'binary';

const KIND_LABEL: Record<SniffedKind, string> = {
  empty: '空文件',
  zip: 'ZIP 压缩包',
  ole: '旧版 Office 文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  pdf: 'PDF 文件',
  text: '文本文件',
  binary: '无法识别的二进制文件',
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  // Text: few NUL bytes and C0 controls in the first 4 KB (a stray control character in a cell is
  // still text: it is stripped when the cells are cleaned).
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  return controls > head.length / 100 ? 'binary' : 'text';
}

export function kindLabel(kind: SniffedKind): string {
  return KIND_LABEL[kind];
}

export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** The spreadsheet format of a roster file, or a `DataError` saying what the file really is. */
export function spreadsheetFormat(fileName: string, bytes: Uint8Array): SheetFormat {
  const ext = (fileName.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? '').toLowerCase();
  const kind = sniffKind(bytes);
  if (kind === 'empty') throw new DataError(`文件“${fileName}”是空文件，没有可导入的内容。`);
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (kind === 'zip') return 'xlsx';
    if (kind === 'ole') return 'xls';
    throw new DataError(
      `文件“${fileName}”的扩展名是 .${ext}，但内容实际上是${kindLabel(kind)}，不是 Excel 工作簿。请在 Excel 中另存为 .xlsx 后再导入。`,
    );
  }
  if (ext === 'xls') {
    if (kind === 'ole') return 'xls';
    if (kind === 'zip') return 'xlsx';
    throw new DataError(
      `文件“${fileName}”的扩展名是 .xls，但内容实际上是${kindLabel(kind)}，不是 Excel 工作簿。`,
    );
  }
  if (ext === 'csv' || ext === 'txt') {
    if (kind === 'text') return 'csv';
    throw new DataError(
      `文件“${fileName}”的扩展名是 .${ext}，但内容实际上是${kindLabel(kind)}，不是 CSV 文本。`,
    );
  }
  throw new DataError(`不支持的文件类型“${fileName}”：请选择 .xlsx、.xls 或 .csv 文件。`);
}
