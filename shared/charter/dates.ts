/**
 * Calendar dates as `YYYY-MM-DD` strings (IsoDate). All arithmetic is done on integer day numbers
 * (days since 1970-01-01, proleptic Gregorian calendar), never with `Date` objects, so there is no
 * time zone and no daylight-saving shift. Nothing here reads the clock: callers pass `asOf`.
 */
import type { IsoDate } from '../domain/types';
import { assertInteger, describeValue, fail } from './errors';

/** A date split into its parts; `month` is 1–12. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  assertInteger(month, '月份', 1, 12);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function partsOf(value: string): DateParts | null {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function partsAreValid(p: DateParts): boolean {
  return (
    p.year >= MIN_YEAR &&
    p.year <= MAX_YEAR &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month)
  );
}

/** True when `value` is a string `YYYY-MM-DD` naming a real calendar day (2023-02-29 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const p = partsOf(value);
  return p !== null && partsAreValid(p);
}

/**
 * Splits a date into its parts, or throws a `RangeError` saying what is wrong (malformed or impossible
 * date). `label` names the argument in the message, e.g. '批准日期'.
 */
export function parseIsoDate(value: unknown, label = '日期'): DateParts {
  if (typeof value !== 'string') fail(`${label}必须是“YYYY-MM-DD”格式的字符串，收到 ${describeValue(value)}`);
  const p = partsOf(value);
  if (!p) fail(`${label}格式无效：“${value}”（应为 YYYY-MM-DD，例如 2022-09-16）`);
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) fail(`${label}年份超出范围：“${value}”`);
  if (p.month < 1 || p.month > 12) fail(`${label}不存在：“${value}”（月份应为 01–12）`);
  const dim = daysInMonth(p.year, p.month);
  if (p.day < 1 || p.day > dim) {
    fail(`${label}不存在：“${value}”（${p.year} 年 ${p.month} 月只有 ${dim} 天）`);
  }
  return p;
}

/** Throws a `RangeError` (Chinese message) unless `value` is a valid IsoDate. */
export function assertIsoDate(value: unknown, label = '日期'): asserts value is IsoDate {
  parseIsoDate(value, label);
}

/** Builds an IsoDate from its parts; throws when the day does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  assertInteger(year, '年份', MIN_YEAR, MAX_YEAR);
  assertInteger(month, '月份', 1, 12);
  const dim = daysInMonth(year, month);
  assertInteger(day, '日', 1, dim);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Day numbers: H. Hinnant's days_from_civil / civil_from_days, integer arithmetic only.
function dayNumberOf(p: DateParts): number {
  const y = p.month <= 2 ? p.year - 1 : p.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = p.month > 2 ? p.month - 3 : p.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + p.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Day numbers of dates already checked, so comparing the same dates again (a ledger compares a member's
 * dates many times over) does not parse them again. Only valid dates are kept; the cache is emptied when it
 * grows past DAY_CACHE_MAX entries (there are only ~3.7 million valid dates, but a long session need not keep
 * them all). Pure: the same string always gives the same number.
 */
const dayCache = new Map<string, number>();
const DAY_CACHE_MAX = 100_000;

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  return checkedDayNumber(date);
}

/**
 * `toDayNumber` of a value still to be checked: the same `RangeError` as `parseIsoDate(value, label)`
 * when it is not a valid date, else its day number — without parsing it again when it was checked before
 * (the dues ledger checks and compares every payment's date of every member).
 */
export function checkedDayNumber(value: unknown, label = '日期'): number {
  const hit = typeof value === 'string' ? dayCache.get(value) : undefined;
  if (hit !== undefined) return hit;
  const n = dayNumberOf(parseIsoDate(value, label));
  if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
  dayCache.set(value as string, n);
  return n;
}

/** The IsoDate of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(n: number): IsoDate {
  assertInteger(n, '日序号');
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < MIN_YEAR || year > MAX_YEAR) fail(`日期超出可计算范围（公元 ${MIN_YEAR}–${MAX_YEAR} 年）`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` plus `n` calendar days (`n` may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, '天数');
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Same day `n` months later (or earlier when negative), clamped to the last day of the target month:
 * 2024-01-31 + 1 month = 2024-02-29, 2023-01-31 + 1 month = 2023-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const p = parseIsoDate(date);
  assertInteger(n, '月数');
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < MIN_YEAR || year > MAX_YEAR) fail(`日期超出可计算范围（公元 ${MIN_YEAR}–${MAX_YEAR} 年）`);
  return isoDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Same month and day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, n: number): IsoDate {
  assertInteger(n, '年数');
  return addMonths(date, 12 * n);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The earliest of the dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (compareDates(d, m) < 0 ? d : m), first);
}

/** The latest of the dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (compareDates(d, m) > 0 ? d : m), first);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as JavaScript's `getUTCDay`). */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/** 1 January of `year`. */
export function startOfYear(year: number): IsoDate {
  return isoDate(year, 1, 1);
}

/** 31 December of `year`. */
export function endOfYear(year: number): IsoDate {
  return isoDate(year, 12, 31);
}

/** The date as printed on a notice (R-W2): '2022-09-16' → '2022 年 9 月 16 日'. */
export function formatChineseDate(date: IsoDate): string {
  const p = parseIsoDate(date);
  return `${p.year} 年 ${p.month} 月 ${p.day} 日`;
}
