import { describe, expect, it } from 'vitest';
import * as charter from '../../../shared/charter';
import { expectAnswers } from './helpers';

describe('R-D1: the tier an office gives', () => {
  it('chair → 理事长单位, vice-chair and standing → 常务理事单位, director → 理事单位, none for the secretary-general', () => {
    expect(charter.tierForRole('chair')).toBe('chair');
    expect(charter.tierForRole('vice-chair')).toBe('standing');
    expect(charter.tierForRole('standing')).toBe('standing');
    expect(charter.tierForRole('director')).toBe('director');
    expect(charter.tierForRole('secretary-general')).toBeNull();
  });

  it('R-D5: an election raises the tier from 1 January of the next year; an early end lowers it likewise', () => {
    expect(charter.tierChangeFor('member', 'standing', '2026-03-01')).toEqual({
      tier: 'standing',
      effectiveFrom: '2027-01-01',
    });
    expect(charter.tierChangeFor('chair', 'director', '2026-03-01')).toBeNull();
    expect(charter.tierDropFor('standing', [], '2026-12-31')).toEqual({
      tier: 'member',
      effectiveFrom: '2027-01-01',
    });
    expect(charter.tierDropFor('director', ['director'], '2026-05-01')).toBeNull();
  });
});

describe('R-M3 (4), R-P3: certificate numbers', () => {
  it('member certificates: the next after the highest of the year, 4 digits; other prefixes and years ignored', () => {
    expect(
      charter.nextCertificateNo(
        ['CCIA-HY-2026-0009', 'CCIA-HY-2026-0002', 'CCIA-HY-2025-0100', 'YGXD-2026-050'],
        2026,
      ),
    ).toBe('CCIA-HY-2026-0010');
  });

  it('programme certificates: the programme prefix, 3 digits; a returned certificate keeps its number', () => {
    expect(
      charter.nextProgrammeCertificateNo(['YGXD-2026-001', 'YGXD-2026-007', 'YGXD-2026-x'], 'YGXD', 2026),
    ).toBe('YGXD-2026-008');
    expect(charter.nextProgrammeCertificateNo([], ' YGXD ', 2026)).toBe('YGXD-2026-001');
    expect(() => charter.nextProgrammeCertificateNo([], '', 2026)).toThrow(RangeError);
  });
});

describe('R-M6, R-M7, R-M9: has left', () => {
  it('退会, 自动退会 and 除名 are the statuses of a unit that has left', () => {
    expectAnswers(charter.hasLeft, {
      true: ['withdrawn', 'auto-withdrawn', 'expelled'],
      false: ['active', 'withdrawing'],
    });
  });
});

describe('R-W1: the numbering year is the year of 成文日期', () => {
  it('reads the year of a real date and refuses anything else (never the clock)', () => {
    expect(charter.docNumberYear('2022-03-09')).toBe(2022);
    expect(() => charter.docNumberYear('')).toThrow(RangeError);
    expect(() => charter.docNumberYear('2022-02-30')).toThrow(/成文日期/);
  });
});
