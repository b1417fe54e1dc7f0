/**
 * Certificate numbers: the member certificate the secretariat issues at admission (R-M3 step 4) and the
 * programme-member certificate (成员单位证书) issued after review (R-P3). Each is the next after the highest
 * number issued for its prefix and year; returned certificates keep their numbers, so numbers are never reused.
 */
import { assertInteger, fail } from './errors';

/** R-M3 (4): prefix of member certificate numbers, `CCIA-HY-2025-0001`. */
export const MEMBER_CERTIFICATE_PREFIX = 'CCIA-HY';

function headOf(prefix: string, year: number): string {
  assertInteger(year, '发证年度', 1000, 9999);
  const p = prefix.trim();
  if (!p) fail('证书编号前缀不能为空');
  return `${p}-${year}-`;
}

/** The highest sequence number issued for a prefix and year (0 when none): what a new number follows. */
export function highestCertificateSeq(issued: readonly string[], prefix: string, year: number): number {
  const head = headOf(prefix, year);
  let max = 0;
  for (const no of issued) {
    if (!no.startsWith(head)) continue;
    const rest = no.slice(head.length);
    if (!/^\d+$/.test(rest)) continue;
    const n = Number(rest);
    if (n > max) max = n;
  }
  return max;
}

/** The certificate number with sequence `seq` (taken from the office's server, issue 19). */
export function certificateNoOf(prefix: string, year: number, seq: number, digits: number): string {
  assertInteger(seq, '证书序号', 1);
  return `${headOf(prefix, year)}${String(seq).padStart(digits, '0')}`;
}

/** Digits of the sequence: member certificates 4 (R-M3 (4)), programme certificates 3 (R-P3). */
export const MEMBER_CERTIFICATE_DIGITS = 4;
export const PROGRAMME_CERTIFICATE_DIGITS = 3;

function nextNumber(issued: readonly string[], prefix: string, year: number, digits: number): string {
  return certificateNoOf(prefix, year, highestCertificateSeq(issued, prefix, year) + 1, digits);
}

/** R-M3 (4): the next member certificate number of `year`: `<prefix>-<year>-<seq, 4 digits>`. */
export function nextCertificateNo(
  existing: readonly string[],
  year: number,
  prefix = MEMBER_CERTIFICATE_PREFIX,
): string {
  return nextNumber(existing, prefix, year, MEMBER_CERTIFICATE_DIGITS);
}

/** R-P3: the next programme certificate number: `<programme prefix>-<year>-<seq, 3 digits>`. */
export function nextProgrammeCertificateNo(issued: readonly string[], prefix: string, year: number): string {
  return nextNumber(issued, prefix, year, PROGRAMME_CERTIFICATE_DIGITS);
}
