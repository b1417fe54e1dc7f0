import { afterEach, describe, expect, it } from 'vitest';
import * as charter from '../../../shared/charter';
import holidayFile from '../../../shared/charter/data/holidays-cn.json';
import { expectAnswers, expectRangeError } from './helpers';

afterEach(() => charter.resetHolidaySchedules());

describe('shipped State Council schedules 2022–2026 (data/holidays-cn.json)', () => {
  it('knows 2022–2026', () => {
    expect(charter.knownHolidayYears()).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(Object.keys(holidayFile)).toEqual(['2022', '2023', '2024', '2025', '2026']);
  });

  it('every shipped schedule passes its own validation', () => {
    for (const [year, s] of Object.entries(charter.builtinHolidaySchedules())) {
      expect(charter.validateHolidaySchedule(Number(year), s)).toEqual([]);
    }
  });

  it('2024 National Day: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) make-up working days', () => {
    for (let d = 1; d <= 7; d++) expect(charter.isWorkingDay(`2024-10-0${d}`)).toBe(false);
    expect(charter.dayKind('2024-10-01')).toBe('holiday');
    expect(charter.isWorkingDay('2024-09-29')).toBe(true);
    expect(charter.dayKind('2024-09-29')).toBe('makeup-workday');
    expect(charter.isWorkingDay('2024-10-12')).toBe(true);
    expect(charter.isWorkingDay('2024-10-13')).toBe(false);
    expect(charter.dayKind('2024-10-13')).toBe('weekend');
  });

  it('2025 new rules: Spring Festival 01-28..02-04 off, 01-26 and 02-08 working; 05-01..05-05 off, 04-27 working', () => {
    expectAnswers(charter.isWorkingDay, {
      true: ['2025-01-27', '2025-01-26', '2025-02-08', '2025-02-05'],
      false: ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04'],
    });
    // 劳动节 and 国庆节.
    expectAnswers(charter.isWorkingDay, {
      true: ['2025-04-27', '2025-09-28', '2025-10-11'],
      false: ['2025-05-02', '2025-05-05', '2025-10-08'],
    });
  });

  it('2026: Spring Festival 02-15..02-23 off with 02-14 and 02-28 working; 01-04 (Sun) working', () => {
    expectAnswers(charter.isWorkingDay, {
      true: ['2026-02-24', '2026-02-14', '2026-02-28', '2026-01-04', '2026-10-10', '2026-09-20'],
      false: ['2026-02-16', '2026-02-23', '2026-01-02'],
    });
  });

  it('2022 and 2023 samples, including the New Year break starting 2022-12-31 in the 2023 notice', () => {
    expect(charter.isWorkingDay('2022-01-29')).toBe(true);
    expect(charter.isWorkingDay('2022-02-04')).toBe(false);
    expect(charter.isWorkingDay('2022-10-09')).toBe(true);
    expect(charter.dayKind('2022-12-31')).toBe('holiday');
    expect(charter.isWorkingDay('2023-01-02')).toBe(false);
    expect(charter.isWorkingDay('2023-01-03')).toBe(true);
    expect(charter.isWorkingDay('2023-06-25')).toBe(true);
  });
});

describe('R-M6 reportDueBy: 5th working day after receipt, receipt day not counted', () => {
  it('plain weeks; 2024-06-10 (端午) is skipped', () => {
    expect(charter.reportDueBy('2024-06-03')).toBe('2024-06-11');
    expect(charter.reportDueBy('2024-11-04')).toBe('2024-11-11');
  });

  it('across the 2024 National Day holiday with the 09-29 make-up Sunday', () => {
    // 09-29 (Sun, 调休上班) 1, 09-30 2, [10-01..10-07 off], 10-08 3, 10-09 4, 10-10 5
    expect(charter.reportDueBy('2024-09-27')).toBe('2024-10-10');
    expect(charter.reportDueBy('2024-09-28')).toBe('2024-10-10');
  });

  it('counts the 2024-10-12 make-up Saturday', () => {
    // 10-09 1, 10-10 2, 10-11 3, 10-12 (Sat, 调休上班) 4, 10-14 5
    expect(charter.reportDueBy('2024-10-08')).toBe('2024-10-14');
    // without the make-up Saturday it would be 10-15
    expect(charter.addWorkingDays('2024-10-08', 5)).toBe('2024-10-14');
  });

  it('receipt on a holiday: counting starts the next working day', () => {
    expect(charter.reportDueBy('2024-10-03')).toBe('2024-10-12');
  });

  it('rejects malformed dates with a Chinese RangeError', () => {
    expectRangeError(() => charter.reportDueBy('2024-09-31'));
    expectRangeError(() => charter.addWorkingDays('2024-09-30', 1.5), /整数/);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it('n = 0 returns the date; negative n counts backwards', () => {
    expect(charter.addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
    expect(charter.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(charter.addWorkingDays('2024-10-08', -2)).toBe('2024-09-29');
  });

  it('workingDaysBetween is consistent with addWorkingDays', () => {
    expect(charter.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(5);
    expect(charter.workingDaysBetween('2024-10-10', '2024-09-27')).toBe(0);
  });
});

describe('outside known years: plain Monday–Friday estimate', () => {
  it('2030 uses weekdays only and is flagged as estimated', () => {
    expect(charter.isOutsideKnownHolidayYears('2030-10-01')).toBe(true);
    expect(charter.isOutsideKnownHolidayYears('2024-10-01')).toBe(false);
    expect(charter.isWorkingDay('2030-10-01')).toBe(true); // a Tuesday, no schedule known
    expect(charter.isWorkingDay('2030-10-05')).toBe(false); // Saturday
    expect(charter.addWorkingDays('2030-09-27', 5)).toBe('2030-10-04');
    expect(charter.rangeOutsideKnownHolidayYears('2026-12-28', '2027-01-05')).toBe(true);
    expect(charter.rangeOutsideKnownHolidayYears('2024-12-28', '2025-01-05')).toBe(false);
  });
});

describe('runtime registration of a year (设置)', () => {
  const s2027 = {
    holidays: [
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ],
    workdays: ['2027-09-26', '2027-10-09'],
    source: '测试数据',
  };

  it('setHolidaySchedule registers, getHolidaySchedule reads back, removal falls back to weekdays', () => {
    expect(charter.getHolidaySchedule(2027)).toBeUndefined();
    expect(charter.isWorkingDay('2027-10-04')).toBe(true);
    const stored = charter.setHolidaySchedule(2027, s2027);
    expect(stored.holidays).toHaveLength(7);
    expect(charter.knownHolidayYears()).toContain(2027);
    expect(charter.getHolidaySchedule(2027)).toEqual(stored);
    expect(charter.isWorkingDay('2027-10-04')).toBe(false);
    expect(charter.isWorkingDay('2027-10-09')).toBe(true);
    expect(charter.isOutsideKnownHolidayYears('2027-10-04')).toBe(false);
    expect(charter.removeHolidaySchedule(2027)).toBe(true);
    expect(charter.isWorkingDay('2027-10-04')).toBe(true);
  });

  it('replacing a shipped year changes the answers; reset restores them', () => {
    charter.setHolidaySchedule(2024, { holidays: [], workdays: [] });
    expect(charter.isWorkingDay('2024-10-01')).toBe(true);
    charter.resetHolidaySchedules();
    expect(charter.isWorkingDay('2024-10-01')).toBe(false);
  });

  it('returned schedules are copies (no aliasing of the registry)', () => {
    const s = charter.getHolidaySchedule(2024);
    s?.holidays.push('2024-12-25');
    expect(charter.isWorkingDay('2024-12-25')).toBe(true);
  });

  it('sorts and de-duplicates dates', () => {
    const s = charter.setHolidaySchedule(2027, {
      holidays: ['2027-10-02', '2027-10-01', '2027-10-01'],
      workdays: [],
    });
    expect(s.holidays).toEqual(['2027-10-01', '2027-10-02']);
  });

  it('rejects invalid schedules with a Chinese RangeError (zod + year checks)', () => {
    expectRangeError(
      () => charter.setHolidaySchedule(2027, { holidays: ['2027-02-29'], workdays: [] }),
      /日期无效/,
    );
    expectRangeError(() => charter.setHolidaySchedule(2027, { holidays: 'x', workdays: [] }));
    expectRangeError(
      () => charter.setHolidaySchedule(2027, { holidays: ['2030-01-01'], workdays: [] }),
      /不属于 2027 年/,
    );
    expectRangeError(
      () => charter.setHolidaySchedule(2027, { holidays: [], workdays: ['2027-10-08'] }),
      /周六或周日/,
    );
    expectRangeError(
      () => charter.setHolidaySchedule(2027, { holidays: ['2027-10-09'], workdays: ['2027-10-09'] }),
      /同时列为/,
    );
    expect(charter.validateHolidaySchedule(20271, { holidays: [], workdays: [] })).toHaveLength(1);
    expect(charter.knownHolidayYears()).not.toContain(2027);
  });
});
