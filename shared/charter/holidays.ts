/**
 * Working days in mainland China (R-M6: "5 个工作日"): Monday–Friday, minus the official public holidays,
 * plus the official make-up working days (调休上班), as published each year by the State Council
 * (国务院办公厅关于 XXXX 年部分节假日安排的通知).
 *
 * The schedules are DATA: `data/holidays-cn.json` ships 2022–2026, keyed by year, each with `holidays`
 * (every day off in the notice's break periods) and `workdays` (every make-up working day). A year's
 * notice may list a date of the neighbouring year (the 2023 notice starts the New Year break on
 * 2022-12-31), so a schedule may contain dates from `year − 1` to `year + 1`.
 *
 * The clerk extends later years in 设置: the desk stores them and calls `setHolidaySchedule(year, …)`
 * at start-up (validated with zod). For a date whose year has no schedule the engine falls back to plain
 * weekdays; `isOutsideKnownHolidayYears` lets the UI say "按工作日（周一至周五）估算".
 */
import { z } from 'zod';
import type { IsoDate } from '../domain/types';
import { addDays, dayOfWeek, isIsoDate, isWeekend, parseIsoDate, toDayNumber, yearOf } from './dates';
import { assertInteger, fail } from './errors';
import builtinData from './data/holidays-cn.json';

/** One year's official schedule. */
export interface HolidaySchedule {
  /** Every official day off (放假), including weekend days inside a break. */
  holidays: IsoDate[];
  /** Every make-up working day (调休上班), always a Saturday or Sunday. */
  workdays: IsoDate[];
  /** Where it comes from, e.g. the notice's title and date. */
  source?: string;
}

/** What kind of day a date is. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
export const DAY_KIND_LABEL: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  'makeup-workday': '调休上班',
};

const isoDateSchema = z.string().refine(isIsoDate, { message: '日期无效（应为 YYYY-MM-DD 且真实存在）' });

/** Shape of one year's schedule (zod). Year-dependent checks are done by `validateHolidaySchedule`. */
export const holidayScheduleSchema = z.object({
  holidays: z.array(isoDateSchema),
  workdays: z.array(isoDateSchema),
  source: z.string().optional(),
});

/** Shape of the whole data file: `{ "2024": { holidays, workdays, source? }, … }`. */
export const holidayScheduleFileSchema = z.record(z.string().regex(/^\d{4}$/), holidayScheduleSchema);

function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
    return `${where}${issue.message}`;
  });
}

/**
 * Checks a schedule for `year` and returns the problems in Chinese (empty when valid): shape (zod),
 * real dates, dates within `year − 1 … year + 1`, no date both a holiday and a working day, and every
 * make-up working day on a Saturday or Sunday.
 */
export function validateHolidaySchedule(year: number, input: unknown): string[] {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    return [`年份无效：${String(year)}`];
  }
  const parsed = holidayScheduleSchema.safeParse(input);
  if (!parsed.success) return zodMessages(parsed.error);
  const problems: string[] = [];
  const { holidays, workdays } = parsed.data;
  for (const d of [...holidays, ...workdays]) {
    const y = yearOf(d);
    if (y < year - 1 || y > year + 1)
      problems.push(`${d} 不属于 ${year} 年的安排（只能是 ${year - 1}–${year + 1} 年的日期）`);
  }
  const holidaySet = new Set(holidays);
  for (const d of workdays) {
    if (holidaySet.has(d)) problems.push(`${d} 同时列为放假日和调休上班日`);
    if (!isWeekend(d)) problems.push(`${d} 不是周六或周日，不能列为调休上班日`);
  }
  return problems;
}

function normalise(input: z.infer<typeof holidayScheduleSchema>): HolidaySchedule {
  const sortUnique = (dates: string[]) => [...new Set(dates)].sort((a, b) => toDayNumber(a) - toDayNumber(b));
  const out: HolidaySchedule = { holidays: sortUnique(input.holidays), workdays: sortUnique(input.workdays) };
  if (input.source !== undefined) out.source = input.source;
  return out;
}

/** Validates and normalises (sorted, de-duplicated) a schedule; throws a `RangeError` listing the problems. */
export function parseHolidaySchedule(year: number, input: unknown): HolidaySchedule {
  const problems = validateHolidaySchedule(year, input);
  if (problems.length > 0) fail(`${year} 年节假日安排无效：${problems.join('；')}`);
  return normalise(holidayScheduleSchema.parse(input));
}

function loadBuiltin(): Map<number, HolidaySchedule> {
  const file = holidayScheduleFileSchema.parse(builtinData);
  const map = new Map<number, HolidaySchedule>();
  for (const [key, value] of Object.entries(file))
    map.set(Number(key), parseHolidaySchedule(Number(key), value));
  return map;
}

const BUILTIN = loadBuiltin();
let schedules = new Map<number, HolidaySchedule>();
let dayMarks = new Map<IsoDate, 'holiday' | 'workday'>();

function copy(s: HolidaySchedule): HolidaySchedule {
  const out: HolidaySchedule = { holidays: [...s.holidays], workdays: [...s.workdays] };
  if (s.source !== undefined) out.source = s.source;
  return out;
}

function rebuild(): void {
  // Later years' notices win over earlier ones for a date both mention (never the case in real data).
  const marks = new Map<IsoDate, 'holiday' | 'workday'>();
  for (const year of [...schedules.keys()].sort((a, b) => a - b)) {
    const s = schedules.get(year);
    if (!s) continue;
    for (const d of s.holidays) marks.set(d, 'holiday');
    for (const d of s.workdays) marks.set(d, 'workday');
  }
  dayMarks = marks;
}

/** Restores the schedules shipped in `data/holidays-cn.json` (2022–2026), dropping runtime changes. */
export function resetHolidaySchedules(): void {
  schedules = new Map([...BUILTIN].map(([y, s]) => [y, copy(s)]));
  rebuild();
}
resetHolidaySchedules();

/** The shipped schedules (a copy), e.g. for 设置 → 恢复默认. */
export function builtinHolidaySchedules(): Record<number, HolidaySchedule> {
  return Object.fromEntries([...BUILTIN].map(([y, s]) => [y, copy(s)]));
}

/**
 * Registers or replaces the schedule of `year` (the clerk enters a new State Council notice in 设置).
 * Validated (zod + `validateHolidaySchedule`); throws a `RangeError` in Chinese when invalid.
 * Returns the normalised schedule as stored.
 */
export function setHolidaySchedule(year: number, input: unknown): HolidaySchedule {
  const s = parseHolidaySchedule(year, input);
  schedules.set(year, s);
  rebuild();
  return copy(s);
}

/** Removes a year's schedule (dates of that year then fall back to plain weekdays). */
export function removeHolidaySchedule(year: number): boolean {
  const removed = schedules.delete(year);
  if (removed) rebuild();
  return removed;
}

/** The schedule of `year` (a copy), or `undefined` when the year is not known. */
export function getHolidaySchedule(year: number): HolidaySchedule | undefined {
  const s = schedules.get(year);
  return s ? copy(s) : undefined;
}

/** All current schedules (copies) keyed by year, e.g. to persist them. */
export function allHolidaySchedules(): Record<number, HolidaySchedule> {
  return Object.fromEntries([...schedules].map(([y, s]) => [y, copy(s)]));
}

/** Years with a schedule, ascending. */
export function knownHolidayYears(): number[] {
  return [...schedules.keys()].sort((a, b) => a - b);
}

/**
 * True when the date's year has no official schedule: working days there are estimated as plain
 * Monday–Friday, and the UI should say "按工作日（周一至周五）估算".
 */
export function isOutsideKnownHolidayYears(date: IsoDate): boolean {
  return !schedules.has(yearOf(date));
}

/** True when any date from `from` to `to` (inclusive, either order) is outside the known years. */
export function rangeOutsideKnownHolidayYears(from: IsoDate, to: IsoDate): boolean {
  const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  for (let y = a; y <= b; y++) if (!schedules.has(y)) return true;
  return false;
}

/** Working day, weekend, official holiday or make-up working day. */
export function dayKind(date: IsoDate): DayKind {
  parseIsoDate(date);
  const mark = dayMarks.get(date);
  if (mark === 'holiday') return 'holiday';
  if (mark === 'workday') return 'makeup-workday';
  const d = dayOfWeek(date);
  return d === 0 || d === 6 ? 'weekend' : 'workday';
}

/** Monday–Friday minus official holidays, plus make-up working days (plain weekdays outside known years). */
export function isWorkingDay(date: IsoDate): boolean {
  const k = dayKind(date);
  return k === 'workday' || k === 'makeup-workday';
}

/**
 * The `n`-th working day after `date`, not counting `date` itself (R-M6: the day of receipt is not counted).
 * Negative `n` counts backwards; `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  parseIsoDate(date);
  assertInteger(n, '工作日数', -100000, 100000);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let d = date;
  while (remaining > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d)) remaining--;
  }
  return d;
}

/** Number of working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  const end = toDayNumber(to);
  let d = from;
  while (toDayNumber(d) < end) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) count++;
  }
  return count;
}
