/**
 * Reading the text of a received Word file (.docx): its `word/document.xml` inflated under a cap and
 * tokenized by shared/data/xml (linear, no regex over XML). Pure.
 */
import { DataError } from './errors';
import { listZip, readZipEntry } from './zip';
import { xmlTokens } from './xml';

/** Most bytes `word/document.xml` may inflate to (a filled form is well under 1 MB). */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024;

/** Nested tables deeper than this are not a form: the rest of the document is not read. */
const MAX_TABLE_DEPTH = 32;

/** The main document part as text. Throws DataError (Chinese) when unreadable or too large. */
export function docxDocumentXml(bytes: Uint8Array, cap = MAX_DOCX_XML_BYTES): string {
  const part = readZipEntry(
    bytes,
    listZip(bytes),
    'word/document.xml',
    cap,
    `Word 文件的正文解压后超过 ${Math.round(cap / 1024 / 1024)} MB，不像是申请表，已停止读取。`,
  );
  if (!part) throw new DataError('这不是 Word 文档（缺少 word/document.xml）。');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(part);
  } catch {
    throw new DataError('Word 文件的正文不是有效的文本。');
  }
}

interface RowFrame {
  cells: string[][]; // per cell, its paragraphs
}

/**
 * The rows of every table (innermost first as each closes), each a list of cell texts: a cell's
 * paragraphs joined by line breaks, `<w:tab/>` as a space, `<w:br/>` as a line break. Rows never
 * closed are not returned.
 */
export function docxTableRows(xml: string): string[][] {
  const out: string[][] = [];
  const rows: RowFrame[] = [];
  let inText = 0;
  const para = (): string[] | undefined => {
    const cells = rows[rows.length - 1]?.cells;
    return cells?.[cells.length - 1];
  };
  const append = (s: string) => {
    const p = para();
    if (p) {
      if (p.length === 0) p.push('');
      p[p.length - 1] += s;
    }
  };
  for (const t of xmlTokens(xml)) {
    if (t.type === 'text') {
      if (inText > 0) append(t.text);
      continue;
    }
    const name = t.name;
    if (t.type === 'open') {
      if (name === 'w:tr' && !t.selfClosing) {
        if (rows.length >= MAX_TABLE_DEPTH) break;
        rows.push({ cells: [] });
      } else if (name === 'w:tc') {
        rows[rows.length - 1]?.cells.push([]);
      } else if (name === 'w:p') {
        para()?.push('');
      } else if (name === 'w:t' && !t.selfClosing) {
        inText++;
      } else if (name === 'w:tab') {
        append(' ');
      } else if (name === 'w:br' || name === 'w:cr') {
        append('\n');
      }
    } else if (name === 'w:t') {
      inText = Math.max(0, inText - 1);
    } else if (name === 'w:tr') {
      const row = rows.pop();
      if (row) out.push(row.cells.map((c) => c.join('\n').trim()));
    }
  }
  return out;
}
