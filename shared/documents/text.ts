/**
 * Text helpers of the document builders: XML-safe text, Chinese dates, numerals and widths.
 * Pure TypeScript (no DOM, no node): used by the renderer and by Node tests. Dates, numerals and document
 * numbers are the charter engine's (shared/charter: R-W1, R-W2); here they only get the builders' rule that
 * bad input never throws (a date that is not one prints as the blank line to fill in by hand).
 */
import { chineseNumeral, formatChineseDate, isIsoDate } from '../charter';

/**
 * Characters that XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF)
 * and lone surrogates (a high surrogate not followed by a low one, or a low one not preceded by a high one).
 */
const FORBIDDEN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes any value safe to write as WordprocessingML text: `undefined`/`null` become '', CR LF and lone CR
 * become LF, every character XML 1.0 forbids is removed, and so are bidirectional controls (below). XML specials (& < > " ') are kept: the docx
 * writer escapes them. Never throws.
 */
export function sanitizeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    s = String(value);
  else {
    try {
      s = String(value);
    } catch {
      return '';
    }
  }
  return s.replace(/\r\n?/g, '\n').replace(FORBIDDEN_XML, '').replace(BIDI_CONTROLS, '');
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible, they
 * reorder what the reader sees (a name or an amount printed backwards); no Chinese document needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Sanitises and splits on line feeds; trailing spaces of each line are kept, tabs become spaces. */
export function sanitizeLines(value: unknown): string[] {
  return sanitizeText(value).replace(/\t/g, ' ').split('\n');
}

/** Sanitised, trimmed, one line (line feeds and tabs become spaces). */
export function sanitizeLine(value: unknown): string {
  return sanitizeText(value)
    .replace(/[\n\t]+/g, ' ')
    .trim();
}

/** True when the value has visible text after sanitising. */
export function hasText(value: unknown): boolean {
  return sanitizeText(value).trim().length > 0;
}

/**
 * '2022-09-16' → '2022 年 9 月 16 日' (R-W2: Arabic numerals, no leading zeros, a space around the digits as
 * the seed writes it). An unparsable value yields the blank line '    年    月    日' (to fill in by hand).
 */
export function formatCnDate(value: unknown): string {
  const s = sanitizeLine(value);
  return isIsoDate(s) ? formatChineseDate(s) : BLANK_DATE;
}

/** The blank date to fill in by hand (R-W3): '    年    月    日'. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (the engine's, R-W2); outside 1–99 written with Arabic digits. */
export function cnNumeral(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 99 ? chineseNumeral(n) : String(n);
}

/** Integer yuan amount with thousands separators: 30000 → '30,000'. Non-finite → '0'. */
export function formatYuan(amount: number): string {
  if (!Number.isFinite(amount)) return '0';
  const fixed = Math.round(amount * 100) / 100;
  const [int, frac] = Math.abs(fixed).toFixed(2).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fixed < 0 ? '-' : ''}${grouped}${frac && frac !== '00' ? `.${frac}` : ''}`;
}

/** Amount in Chinese capital numerals (人民币大写): 5000 → '伍仟元整', 2500.5 → '贰仟伍佰元伍角'. */
export function rmbUpper(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount >= 1e12) return '';
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const units = ['', '拾', '佰', '仟'];
  const groups = ['', '万', '亿'];
  const cents = Math.round(amount * 100);
  const yuan = String(Math.floor(cents / 100));
  const jiao = Math.floor((cents % 100) / 10);
  const fen = cents % 10;
  let out = '';
  for (let i = 0; i < yuan.length; i++) {
    const d = Number(yuan[i]);
    const pos = yuan.length - 1 - i;
    const group = pos % 4 === 0 ? (groups[pos / 4] ?? '') : '';
    out += d === 0 ? `零${group}` : `${digits[d] ?? ''}${units[pos % 4] ?? ''}${group}`;
  }
  out = out
    .replace(/零+/g, '零')
    .replace(/零(万|亿)/g, '$1')
    .replace(/亿万/g, '亿')
    .replace(/(.)零$/, '$1');
  out += '元';
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao !== 0) out += `${digits[jiao] ?? ''}角`;
  else out += '零';
  if (fen !== 0) out += `${digits[fen] ?? ''}分`;
  return out;
}

/**
 * Approximate printed width in full-width characters: CJK and full-width forms count 1, ASCII and other
 * half-width characters 0.5. Used to centre the issuer over the date and to size indents.
 */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/** R-W1: the bracket style of a document number: `[ ]` (as in the seed) or `〔 〕` (GB/T 9704-2012). */
export type DocNumberBrackets = 'square' | 'tortoise';

/** Rewrites the brackets of a document number in the chosen style (leaves other text as it is). */
export function styleDocNumber(docNumber: unknown, brackets: DocNumberBrackets | undefined): string {
  const s = sanitizeLine(docNumber);
  if (brackets === 'tortoise') return s.replace(/[[［【]/g, '〔').replace(/[\]］】]/g, '〕');
  if (brackets === 'square') return s.replace(/[〔［【]/g, '[').replace(/[〕］】]/g, ']');
  return s;
}

/** The value when it is a (non-array) object, else an empty object: builders never throw on bad input. */
export function asObject<T extends object>(value: unknown): Partial<T> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<T>) : {};
}

/** 抄送 names as the 版记 prints them (GB/T 9704-2012 §7.4): separated by ，, ending with 。 ('' for none). */
export function ccText(cc: unknown): string {
  const names = sanitizeLine(sanitizeText(cc).replace(/\n/g, '，'))
    .split(/[，,、；;]+/)
    .map((n) => n.trim().replace(/[。.]+$/, ''))
    .filter((n) => n !== '');
  return names.length === 0 ? '' : `${names.join('，')}。`;
}
