/**
 * CSV reading (RFC 4180 quoting; comma, semicolon or tab separated; UTF-8 or GB18030 as saved by
 * Chinese Excel). Pure: bytes in, string cells out. Stops after `maxRows` rows.
 */

/** Decodes text bytes: UTF-8 (with or without BOM) when valid, otherwise GB18030 (Excel's 「CSV」 in Chinese Windows). */
export function decodeText(bytes: Uint8Array): string {
  let b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  else if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || 2000);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

export interface CsvResult {
  rows: string[][];
  /** true when the text had more than `maxRows` rows (the rest was not read). */
  truncated: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 fields in one pass over character codes: each field is one `slice` of the text (quoted
 * fields with `""` are the only ones joined from parts), so memory is the cells themselves, not a
 * string per character. Lenient like Excel: a quote opens a quoted field only at the field's start,
 * text after a closing quote is kept, an unclosed quote runs to the end. Blank lines are skipped.
 */
export function parseCsv(text: string, maxRows = Infinity): CsvResult {
  const d = guessDelimiter(text).charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    // One field starting at i.
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          parts.push(text.slice(from));
          i = n;
          break;
        }
        parts.push(text.slice(from, q));
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push('"');
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next delimiter or line end is kept.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === CR || c === LF) break;
        j++;
      }
      if (j > i) parts.push(text.slice(i, j));
      i = j;
      cell = parts.length === 1 ? parts[0]! : parts.join('');
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === CR || c === LF) break;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) row.push('');
      continue;
    }
    // End of line (CR, LF or CRLF).
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      if (rows.length > maxRows) return { rows: rows.slice(0, maxRows), truncated: true };
    }
    row = [];
  }
  if (row.length && !(row.length === 1 && row[0] === '')) rows.push(row);
  if (rows.length > maxRows) return { rows: rows.slice(0, maxRows), truncated: true };
  return { rows, truncated: false };
}
