import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import {
  registerClerkHolidaySchedules,
  HOLIDAYS_KEY,
  readCharterSettings,
  CHARTER_KEY,
} from '../../../renderer/src/records/settings';
import {
  isOutsideKnownHolidayYears,
  isWorkingDay,
  reportDueBy,
  resetHolidaySchedules,
} from '../../../shared/charter';

describe('clerk-extended holiday schedules (issue 3: schedules are data the clerk extends in 设置)', () => {
  afterEach(() => resetHolidaySchedules());

  it('registers a stored 2027 schedule with the engine at start-up', async () => {
    const db = freshDb();
    // 2027-01-01 is a Friday; pretend 2027-01-02..03 are holidays and Sunday 2027-01-10 a make-up workday.
    await db.settings.put({
      key: HOLIDAYS_KEY,
      value: { '2027': { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-10'] } },
    });
    expect(isOutsideKnownHolidayYears('2027-01-04')).toBe(true);
    expect(isWorkingDay('2027-01-01')).toBe(true); // weekday fallback before registration
    expect(await registerClerkHolidaySchedules(db)).toEqual([]);
    expect(isOutsideKnownHolidayYears('2027-01-04')).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-01-10')).toBe(true);
    // R-M6: five working days after receipt, the make-up Sunday counts.
    expect(reportDueBy('2027-01-06')).toBe('2027-01-12');
    db.close();
  });

  it('skips a damaged stored schedule with a Chinese message instead of failing', async () => {
    const db = freshDb();
    await db.settings.put({
      key: HOLIDAYS_KEY,
      value: { '2028': { holidays: ['2028-02-30'], workdays: [] } },
    });
    const problems = await registerClerkHolidaySchedules(db);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^2028 年节假日安排无法使用/);
    db.close();
  });

  it('reads the charter readings with defaults filled in, and ignores invalid stored values', async () => {
    const db = freshDb();
    expect((await readCharterSettings(db)).chairMaxConsecutiveTerms).toBe(3);
    await db.settings.put({
      key: CHARTER_KEY,
      value: { duesSchedule: { member: 6000 }, docNumberStyle: 'gbt9704' },
    });
    const s = await readCharterSettings(db);
    expect(s.duesSchedule.member).toBe(6000);
    expect(s.duesSchedule.chair).toBe(30000);
    expect(s.docNumberStyle).toBe('gbt9704');
    await db.settings.put({ key: CHARTER_KEY, value: { termYears: -1 } });
    expect((await readCharterSettings(db)).termYears).toBe(3);
    db.close();
  });
});
