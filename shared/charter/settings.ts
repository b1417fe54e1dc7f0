/**
 * The charter's readings that the clerk can change in 设置 (docs/charter-rules.md: "Where the charter is
 * ambiguous, the reading chosen here … must be a setting"), with the default readings.
 */
import { z } from 'zod';
import type { Tier } from '../domain/types';
import { fail } from './errors';

/** Annual dues in integer yuan per tier (R-D1). */
export type DuesSchedule = Record<Tier, number>;

/** Document-number bracket style (R-W1): `[ ]` as in the seed notice, or `〔 〕` per GB/T 9704-2012. */
export type DocNumberStyle = 'seed' | 'gbt9704';

/** A schedule replaced by a resolution: it applies to the years before `until` (after the previous one's). */
export interface EarlierDuesSchedule {
  until: number;
  schedule: DuesSchedule;
}

export interface CharterSettings {
  /**
   * R-D1: annual dues per tier, integer yuan, in force from the last `earlierDuesSchedules` entry's `until`
   * (every year when there is none). Default 30000 / 30000 / 10000 / 5000.
   */
  duesSchedule: DuesSchedule;
  /**
   * R-D1 "the amounts can change by resolution": the schedules in force before, oldest first (`until`
   * strictly increasing). A change applies from a year on; the years before keep what they owed.
   */
  earlierDuesSchedules: EarlierDuesSchedule[];
  /** R-O3, R-O9: length of a term of office in years. Default 3. */
  termYears: number;
  /** R-O9 reading: "可连任 2 届" = at most 3 consecutive chair terms. Default 3. */
  chairMaxConsecutiveTerms: number;
  /** R-W1: bracket style of document numbers. Default 'seed' (`CCIA 秘[2022]056 号`). */
  docNumberStyle: DocNumberStyle;
  /**
   * R-O6 reading: "连续两次不出席" — a leave of absence (请假) is still not attending. Default true;
   * set false to count only unexcused absences.
   */
  leaveCountsAsAbsence: boolean;
}

/** R-D1 defaults. */
export const DEFAULT_DUES_SCHEDULE: Readonly<DuesSchedule> = Object.freeze({
  chair: 30000,
  standing: 30000,
  director: 10000,
  member: 5000,
});

export const DEFAULT_CHARTER_SETTINGS: Readonly<CharterSettings> = Object.freeze({
  duesSchedule: DEFAULT_DUES_SCHEDULE,
  earlierDuesSchedules: [],
  termYears: 3,
  chairMaxConsecutiveTerms: 3,
  docNumberStyle: 'seed',
  leaveCountsAsAbsence: true,
});

const yuan = z.number().int('金额必须是整数元').min(0, '金额不能为负');

export const duesScheduleSchema = z.object({ chair: yuan, standing: yuan, director: yuan, member: yuan });

const year = z.number().int().min(1000).max(9999);

export const earlierDuesSchedulesSchema = z
  .array(z.object({ until: year, schedule: duesScheduleSchema }))
  .max(200)
  .refine((list) => list.every((e, i) => i === 0 || e.until > list[i - 1]!.until), '适用年度须逐次递增');

export const charterSettingsSchema = z.object({
  duesSchedule: duesScheduleSchema,
  earlierDuesSchedules: earlierDuesSchedulesSchema,
  termYears: z.number().int().min(1).max(10),
  chairMaxConsecutiveTerms: z.number().int().min(1).max(10),
  docNumberStyle: z.enum(['seed', 'gbt9704']),
  leaveCountsAsAbsence: z.boolean(),
});

/** Settings as stored by the desks: any field may be missing, the dues schedule may be partial. */
export type CharterSettingsInput = Partial<Omit<CharterSettings, 'duesSchedule'>> & {
  duesSchedule?: Partial<DuesSchedule>;
};

/**
 * Fills missing fields with the defaults and validates (zod); throws a `RangeError` in Chinese when a
 * value is invalid.
 */
export function resolveCharterSettings(input: CharterSettingsInput = {}): CharterSettings {
  const merged = {
    ...DEFAULT_CHARTER_SETTINGS,
    ...input,
    duesSchedule: { ...DEFAULT_CHARTER_SETTINGS.duesSchedule, ...(input.duesSchedule ?? {}) },
    earlierDuesSchedules: input.earlierDuesSchedules ?? [],
  };
  const parsed = charterSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    fail(`章程设置无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  return parsed.data;
}

/** The schedule in force for dues year `year` (R-D1): the earlier one whose `until` it is before, else the current. */
export function duesScheduleOfYear(
  s: Pick<CharterSettings, 'duesSchedule'> & Partial<Pick<CharterSettings, 'earlierDuesSchedules'>>,
  year: number,
): DuesSchedule {
  for (const e of s.earlierDuesSchedules ?? []) if (year < e.until) return e.schedule;
  return s.duesSchedule;
}

/** The first dues year of the current schedule, or null when it applies to every year. */
export function duesScheduleFrom(s: Pick<CharterSettings, 'earlierDuesSchedules'>): number | null {
  return s.earlierDuesSchedules.at(-1)?.until ?? null;
}

/**
 * 章程参数's 会费标准 changed (R-D1): `schedule` applies from dues year `from` on — the years before keep the
 * schedules they had — or, with `from` null (a mistyped amount corrected), to every year the current schedule
 * covers. A change from a year replaces whatever applied from that year on.
 */
export function withDuesSchedule(
  s: CharterSettings,
  schedule: DuesSchedule,
  from: number | null,
): CharterSettings {
  if (from === null) return resolveCharterSettings({ ...s, duesSchedule: schedule });
  if (!Number.isInteger(from) || from < 1000 || from > 9999) fail(`会费标准适用起始年度无效：${from}`);
  const kept = s.earlierDuesSchedules.filter((e) => e.until < from);
  return resolveCharterSettings({
    ...s,
    duesSchedule: schedule,
    earlierDuesSchedules: [...kept, { until: from, schedule: duesScheduleOfYear(s, from - 1) }],
  });
}
