/**
 * Outgoing document numbers (R-W1): `CCIA 秘[2022]056 号` as the seed notice prints it, or
 * `CCIA秘〔2022〕56号` per GB/T 9704-2012 (a setting). The sequence restarts each year and a number once
 * issued is never reused, even when the draft is discarded (voided numbers stay in the register).
 */
import { assertInteger, assertOneOf, fail } from './errors';
import type { DocNumberStyle } from './settings';
import { parseIsoDate } from './dates';

export const DOC_NUMBER_PREFIX = 'CCIA';
export const DOC_NUMBER_ISSUER = '秘';
export const DOC_NUMBER_STYLES: readonly DocNumberStyle[] = ['seed', 'gbt9704'];

/** R-W1: formats a document number; `seed` (default) pads the sequence to three digits. */
export function formatDocNumber(a: { year: number; seq: number; style?: 'seed' | 'gbt9704' }): string {
  assertInteger(a.year, '发文年度', 1000, 9999);
  if (typeof a.seq === 'number' && Number.isInteger(a.seq) && a.seq < 1)
    fail(`发文序号必须从 1 开始，收到 ${a.seq}`);
  assertInteger(a.seq, '发文序号', 1);
  const style = a.style ?? 'seed';
  assertOneOf(style, DOC_NUMBER_STYLES, '发文字号样式');
  return style === 'seed'
    ? `${DOC_NUMBER_PREFIX} ${DOC_NUMBER_ISSUER}[${a.year}]${String(a.seq).padStart(3, '0')} 号`
    : `${DOC_NUMBER_PREFIX}${DOC_NUMBER_ISSUER}〔${a.year}〕${a.seq}号`;
}

const DOC_NUMBER_RE = /^\s*CCIA\s*秘\s*([[〔［(（])\s*(\d{4})\s*([\]〕］)）])\s*(\d{1,6})\s*号\s*$/;

/** Reads a document number in either style (tolerant of spacing and full-width brackets); `null` when not one. */
export function parseDocNumber(text: string): { year: number; seq: number; style: DocNumberStyle } | null {
  if (typeof text !== 'string') return null;
  const m = DOC_NUMBER_RE.exec(text);
  if (!m) return null;
  const seq = Number(m[4]);
  if (seq < 1) return null;
  return { year: Number(m[2]), seq, style: m[1] === '〔' ? 'gbt9704' : 'seed' };
}

/**
 * R-W1: the year whose sequence a document is numbered in — the year of its 成文日期. A date that is not a
 * real calendar date is refused (never the clock's year: a number of the wrong year could not be taken back).
 */
export function docNumberYear(date: string): number {
  return parseIsoDate(date, '成文日期').year;
}

/** A number in the register, issued or voided. */
export interface IssuedDocNumber {
  year: number;
  seq: number;
}

/**
 * R-W1: the next sequence number for `year`: one more than the highest ever issued that year (voided
 * numbers included, gaps never filled), 1 for the first document of a year.
 */
export function nextDocSeq(issued: readonly IssuedDocNumber[], year: number): number {
  assertInteger(year, '发文年度', 1000, 9999);
  let max = 0;
  for (const d of issued) {
    assertInteger(d.year, '发文年度', 1000, 9999);
    assertInteger(d.seq, '发文序号', 1);
    if (d.year === year && d.seq > max) max = d.seq;
  }
  return max + 1;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** R-W2: Chinese numeral for section headings (1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九). */
export function chineseNumeral(n: number): string {
  assertInteger(n, '序号', 1, 99);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens] as string}十`;
  return t + (ones === 0 ? '' : (DIGITS[ones] as string));
}

/** R-W2: first-level heading number '一、'; second level is '1.' (`${n}.`). */
export function sectionHeadingNumber(n: number): string {
  return `${chineseNumeral(n)}、`;
}
