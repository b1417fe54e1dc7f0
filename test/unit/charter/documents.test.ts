import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

describe('R-W1 document numbers', () => {
  it("seed style (default) prints exactly 'CCIA 秘[2022]056 号' as the seed notice", () => {
    expect(charter.formatDocNumber({ year: 2022, seq: 56 })).toBe('CCIA 秘[2022]056 号');
    expect(charter.formatDocNumber({ year: 2022, seq: 56, style: 'seed' })).toBe('CCIA 秘[2022]056 号');
    expect(charter.formatDocNumber({ year: 2024, seq: 1 })).toBe('CCIA 秘[2024]001 号');
    expect(charter.formatDocNumber({ year: 2024, seq: 1234 })).toBe('CCIA 秘[2024]1234 号');
  });

  it("GB/T 9704 style: 'CCIA秘〔2022〕56号'", () => {
    expect(charter.formatDocNumber({ year: 2022, seq: 56, style: 'gbt9704' })).toBe('CCIA秘〔2022〕56号');
  });

  it('parses both styles back', () => {
    expect(charter.parseDocNumber('CCIA 秘[2022]056 号')).toEqual({ year: 2022, seq: 56, style: 'seed' });
    expect(charter.parseDocNumber('CCIA秘〔2022〕56号')).toEqual({ year: 2022, seq: 56, style: 'gbt9704' });
    expect(charter.parseDocNumber('CCIA 秘[2022]000 号')).toBeNull();
    expect(charter.parseDocNumber('某某[2022]1号')).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom('seed' as const, 'gbt9704' as const),
        (year, seq, style) => {
          const p = charter.parseDocNumber(charter.formatDocNumber({ year, seq, style }));
          return p !== null && p.year === year && p.seq === seq && p.style === style;
        },
      ),
    );
  });

  it('sequence below 1, fractional sequence, bad year or style throw a Chinese RangeError', () => {
    expectRangeError(() => charter.formatDocNumber({ year: 2022, seq: 0 }), /从 1 开始/);
    expectRangeError(() => charter.formatDocNumber({ year: 2022, seq: -3 }), /从 1 开始/);
    expectRangeError(() => charter.formatDocNumber({ year: 2022, seq: 1.5 }), /整数/);
    expectRangeError(() => charter.formatDocNumber({ year: 22, seq: 1 }), /发文年度/);
    expectRangeError(() => charter.formatDocNumber({ year: 2022, seq: 1, style: 'x' as 'seed' }), /样式/);
  });

  it('nextDocSeq: restarts each year, never reuses a number, voided ones included, gaps not filled', () => {
    const register = [
      { year: 2022, seq: 55 },
      { year: 2022, seq: 56 }, // issued
      { year: 2022, seq: 58 }, // voided draft: still consumed
      { year: 2023, seq: 3 },
    ];
    expect(charter.nextDocSeq(register, 2022)).toBe(59);
    expect(charter.nextDocSeq(register, 2023)).toBe(4);
    expect(charter.nextDocSeq(register, 2024)).toBe(1);
    expect(charter.nextDocSeq([], 2024)).toBe(1);
    expectRangeError(() => charter.nextDocSeq([{ year: 2022, seq: 0 }], 2022), /发文序号/);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ year: fc.integer({ min: 2020, max: 2026 }), seq: fc.integer({ min: 1, max: 999 }) }),
        ),
        fc.integer({ min: 2020, max: 2026 }),
        (issued, year) => {
          const next = charter.nextDocSeq(issued, year);
          return next >= 1 && issued.every((d) => d.year !== year || d.seq < next);
        },
      ),
    );
  });
});

describe('R-W2 section numbering', () => {
  it('一、二、… 十、十一、二十', () => {
    expect([1, 2, 3, 9, 10, 11, 20, 21, 99].map(charter.chineseNumeral)).toEqual([
      '一',
      '二',
      '三',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(charter.sectionHeadingNumber(1)).toBe('一、');
    expectRangeError(() => charter.chineseNumeral(0));
  });
});
