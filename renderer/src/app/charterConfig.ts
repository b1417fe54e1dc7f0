/**
 * The charter readings the clerk can change (db.settings 'charter') and the holiday schedules the
 * clerk added for later years (db.settings 'holidaySchedules'). The engine keeps schedules in memory,
 * so they are registered again at every start, before the first render.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  resolveCharterSettings,
  setHolidaySchedule,
  type CharterSettings,
  type CharterSettingsInput,
  type HolidaySchedule,
} from '../../../shared/charter';
import type { DeskDB } from '../db/schema';
import { db } from '../db';

export const CHARTER_KEY = 'charter';
export const HOLIDAYS_KEY = 'holidaySchedules';

export async function readCharterSettings(d: DeskDB = db): Promise<CharterSettings> {
  const row = await d.settings.get(CHARTER_KEY);
  try {
    return resolveCharterSettings((row?.value ?? {}) as CharterSettingsInput);
  } catch {
    return resolveCharterSettings({});
  }
}

/** The current charter settings, live (defaults until loaded). */
export function useCharterSettings(): CharterSettings {
  const row = useLiveQuery(() => db.settings.get(CHARTER_KEY), []);
  try {
    return resolveCharterSettings((row?.value ?? {}) as CharterSettingsInput);
  } catch {
    return resolveCharterSettings({});
  }
}

export async function readClerkHolidaySchedules(d: DeskDB = db): Promise<Record<string, HolidaySchedule>> {
  const row = await d.settings.get(HOLIDAYS_KEY);
  const value = row?.value;
  return value && typeof value === 'object' ? (value as Record<string, HolidaySchedule>) : {};
}

/** Registers the clerk's schedules with the engine; a damaged entry is skipped, not fatal. */
export async function registerClerkHolidaySchedules(d: DeskDB = db): Promise<string[]> {
  const problems: string[] = [];
  for (const [year, schedule] of Object.entries(await readClerkHolidaySchedules(d))) {
    try {
      setHolidaySchedule(Number(year), schedule);
    } catch (e) {
      problems.push(`${year} 年节假日安排无法使用：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return problems;
}
