import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as charter from '../../../shared/charter';
import { expectAnswers, expectRangeError } from './helpers';

describe('IsoDate parsing and validation', () => {
  it('accepts real dates and rejects malformed or impossible ones', () => {
    const impossible = ['2023-02-29', '2023-13-01', '2023-04-31', '1900-02-29'];
    const malformed = ['2023-4-1', '2023-04-01T00:00', 20230401];
    expectAnswers<unknown>(charter.isIsoDate, {
      true: ['2024-02-29', '2000-02-29'],
      false: [...impossible, ...malformed],
    });
  });

  it('throws RangeError with a Chinese message saying what is wrong', () => {
    expectRangeError(() => charter.assertIsoDate('2023-02-29'), /2023 年 2 月只有 28 天/);
    expectRangeError(() => charter.assertIsoDate('2023/02/01'), /格式无效/);
    expectRangeError(() => charter.assertIsoDate(undefined), /YYYY-MM-DD/);
    expectRangeError(() => charter.parseIsoDate('2023-00-10'), /月份/);
    expectRangeError(() => charter.addDays('2023-02-30', 1));
    expectRangeError(() => charter.addDays('2023-02-01', 1.5), /整数/);
    expectRangeError(() => charter.isoDate(2023, 2, 29));
  });
});

describe('calendar arithmetic (UTC-free integer day numbers)', () => {
  it('day numbers round-trip and match the epoch', () => {
    expect(charter.toDayNumber('1970-01-01')).toBe(0);
    expect(charter.toDayNumber('2000-03-01')).toBe(11017);
    expect(charter.fromDayNumber(19723)).toBe('2024-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: -700000, max: 2900000 }),
        (n) => charter.toDayNumber(charter.fromDayNumber(n)) === n,
      ),
    );
  });

  it('agrees with Date.UTC on random dates (reference only, not used by the engine)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const date = charter.isoDate(y, m, d);
          const ms = Date.UTC(y, m - 1, d);
          return (
            charter.toDayNumber(date) === ms / 86400000 &&
            charter.dayOfWeek(date) === new Date(ms).getUTCDay()
          );
        },
      ),
    );
  });

  it('addDays crosses months, years and leap days', () => {
    expect(charter.addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(charter.addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(charter.addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(charter.addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(charter.addDays('2024-09-01', 30)).toBe('2024-10-01');
  });

  it('addMonths clamps to the last day of the month (31 Jan + 1 month = 28/29 Feb)', () => {
    expect(charter.addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(charter.addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(charter.addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(charter.addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(charter.addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(charter.addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('addYears keeps month and day; 29 Feb becomes 28 Feb in a common year', () => {
    expect(charter.addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(charter.addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(charter.addYears('2023-03-01', 1)).toBe('2024-03-01');
  });

  it('compare, difference, min and max', () => {
    expect(charter.compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(charter.compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(charter.compareDates('2024-10-01', '2024-09-30')).toBe(1);
    expect(charter.daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(charter.daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(charter.minDate('2024-05-01', '2023-05-01', '2024-01-01')).toBe('2023-05-01');
    expect(charter.maxDate('2024-05-01', '2023-05-01', '2024-01-01')).toBe('2024-05-01');
  });

  it('day of week: 2024-10-12 is a Saturday, 2024-09-29 a Sunday', () => {
    expect(charter.dayOfWeek('2024-10-12')).toBe(6);
    expect(charter.dayOfWeek('2024-09-29')).toBe(0);
    expect(charter.dayOfWeek('2022-09-16')).toBe(5);
  });
});

describe('R-W2 Chinese dates as printed on a notice', () => {
  it("formatChineseDate('2022-09-16') → '2022 年 9 月 16 日' (seed style)", () => {
    expect(charter.formatChineseDate('2022-09-16')).toBe('2022 年 9 月 16 日');
    expect(charter.formatChineseDate('2022-11-30')).toBe('2022 年 11 月 30 日');
    expectRangeError(() => charter.formatChineseDate('2022-09-31'));
  });
});
