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

export interface CharterSettings {
  /** R-D1: annual dues per tier, integer yuan. Default 30000 / 30000 / 10000 / 5000. */
  duesSchedule: DuesSchedule;
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
  termYears: 3,
  chairMaxConsecutiveTerms: 3,
  docNumberStyle: 'seed',
  leaveCountsAsAbsence: true,
});

const yuan = z.number().int('金额必须是整数元').min(0, '金额不能为负');

export const duesScheduleSchema = z.object({ chair: yuan, standing: yuan, director: yuan, member: yuan });

export const charterSettingsSchema = z.object({
  duesSchedule: duesScheduleSchema,
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
  };
  const parsed = charterSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    fail(`章程设置无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  return parsed.data;
}
