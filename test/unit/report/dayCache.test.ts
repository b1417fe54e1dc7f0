/**
 * The engine's day-number cache (shared/charter/dates.ts `toDayNumber`, added for the annual report at 10,000
 * members): cached answers equal computed ones, invalid dates still throw every time, and the cache empties
 * itself past its bound without changing any answer.
 */
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, fromDayNumber, toDayNumber } from '../../../shared/charter';

describe('toDayNumber cache', () => {
  it(
    'gives the same day numbers the first and the second time, across 300,000 dates (past the bound)',
    { timeout: 30_000 },
    () => {
      const start = toDayNumber('1900-01-01');
      // One assertion over the whole run (300,000 expect calls took over 5 s on a loaded machine).
      const wrong: string[] = [];
      for (let n = start; n < start + 300_000; n += 1) {
        const d = fromDayNumber(n);
        if (toDayNumber(d) !== n) wrong.push(d);
      }
      expect(wrong).toEqual([]);
      // After the cache was emptied (more than 100,000 dates seen), earlier dates are still right.
      expect(toDayNumber('1900-01-01')).toBe(start);
      expect(toDayNumber('1970-01-01')).toBe(0);
      expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    },
  );

  it('never caches an invalid date: it throws every time, with its message', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => toDayNumber('2023-02-29')).toThrow(RangeError);
      expect(() => toDayNumber('2023-13-01')).toThrow(/月份/);
      expect(() => toDayNumber(42 as unknown as string)).toThrow(RangeError);
    }
  });
});
