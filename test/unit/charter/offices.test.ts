import { describe, expect, it } from 'vitest';
import type { OfficeTerm, StandingMeetingAttendance } from '../../../shared/charter';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

const standing = (holderId: number, startOn: string, endedOn?: string): OfficeTerm => ({
  holderId,
  role: 'standing',
  startOn,
  endedOn: endedOn ?? null,
});
const chair = (holderId: number, startOn: string): OfficeTerm => ({ holderId, role: 'chair', startOn });

describe('R-O3, R-O9 three-year terms: end = start + 3 years − 1 day', () => {
  it('term end dates, including a leap-day start', () => {
    expect(charter.termEndOn('2022-06-01')).toBe('2025-05-31');
    expect(charter.termEndOn('2023-01-01')).toBe('2025-12-31');
    expect(charter.termEndOn('2024-02-29')).toBe('2027-02-27'); // anniversary 2027-02-28
    expect(charter.termEndOn('2022-06-01', 5)).toBe('2027-05-31');
    expectRangeError(() => charter.termEndOn('2022-06-31'), /任期开始日期/);
  });

  it('in office from start to the last day inclusive; an early end counts', () => {
    const t = standing(1, '2022-06-01');
    expect(charter.isInOffice(t, '2022-05-31')).toBe(false);
    expect(charter.isInOffice(t, '2022-06-01')).toBe(true);
    expect(charter.isInOffice(t, '2025-05-31')).toBe(true);
    expect(charter.isInOffice(t, '2025-06-01')).toBe(false);
    expect(charter.lastDayInOffice(standing(1, '2022-06-01', '2023-01-10'))).toBe('2023-01-10');
    expect(charter.isInOffice({ ...t, endedOn: '2023-01-10' }, '2023-01-11')).toBe(false);
  });

  it('term length is a setting', () => {
    const s = charter.resolveCharterSettings({ termYears: 4 });
    expect(charter.lastDayInOffice(standing(1, '2022-06-01'), s)).toBe('2026-05-31');
  });

  it('terms ending within N days (inclusive), soonest first', () => {
    const terms = [
      standing(1, '2022-06-01'),
      standing(2, '2022-09-01'),
      { holderId: 3, role: 'secretary-general' as const, startOn: '2022-05-20' },
    ];
    const r = charter.termsEndingWithin(terms, '2025-05-01', 30);
    expect(r.map((x) => [x.term.holderId, x.endsOn, x.daysLeft])).toEqual([
      [3, '2025-05-19', 18],
      [1, '2025-05-31', 30],
    ]);
    expect(charter.termsEndingWithin(terms, '2025-05-01', 29).map((x) => x.term.holderId)).toEqual([3]);
    expect(charter.termsEndingWithin(terms, '2025-05-20', 11).map((x) => x.term.holderId)).toEqual([1]);
    expect(charter.termsEndingWithin(terms, '2025-05-20', 10)).toEqual([]);
  });
});

describe('R-O5 at most 9 standing directors', () => {
  const nine = Array.from({ length: 9 }, (_, i) => standing(i + 1, '2022-06-01'));

  it('a 10th seat is refused while nine are in office; allowed once one term ends', () => {
    expect(charter.STANDING_SEAT_CAP).toBe(9);
    expect(charter.holdersOn(nine, ['standing'], '2023-01-01')).toHaveLength(9);
    const tenth = charter.checkStandingSeatCap(nine, standing(10, '2023-01-01'));
    expect(tenth.ok).toBe(false);
    expect(tenth.maxSeated).toBe(10);
    expect(tenth.message).toMatch(/不超过 9 个/);
    const withEnded = [...nine.slice(1), standing(1, '2022-06-01', '2022-12-31')];
    expect(charter.checkStandingSeatCap(withEnded, standing(10, '2023-01-01')).ok).toBe(true);
  });

  it('the chair counts once as a standing director', () => {
    const eight = nine.slice(0, 8);
    const terms = [...eight, chair(1, '2022-06-01')];
    expect(charter.checkStandingSeatCap(terms, standing(9, '2023-01-01'))).toMatchObject({
      ok: true,
      maxSeated: 9,
    });
  });

  it('a seat starting later in the candidate’s term is counted too', () => {
    const eight = nine.slice(0, 8);
    const future = [...eight, standing(20, '2024-01-01')];
    expect(charter.checkStandingSeatCap(future, standing(21, '2023-01-01'))).toMatchObject({
      ok: false,
      peakOn: '2024-01-01',
    });
  });
});

describe('R-O8 chair needs a full standing-director term; R-O9 at most 3 consecutive chair terms', () => {
  it('R-O8: full term completed before the chair term starts (boundary)', () => {
    const terms = [standing(1, '2019-06-01')]; // ends 2022-05-31
    expect(charter.chairEligibility([...terms, standing(1, '2022-06-01')], 1, '2022-06-01').eligible).toBe(
      true,
    );
    const tooEarly = charter.chairEligibility([...terms], 1, '2022-05-31');
    expect(tooEarly.eligible).toBe(false);
    expect(tooEarly.reasons[0]).toMatch(/一届常务理事/);
    const cutShort = charter.chairEligibility([standing(1, '2019-06-01', '2021-01-01')], 1, '2022-06-01');
    expect(cutShort.hasFullStandingTerm).toBe(false);
  });

  it('R-O5 warning when the chair is not a standing director on the start date', () => {
    const r = charter.chairEligibility([standing(1, '2019-06-01')], 1, '2022-06-01');
    expect(r.eligible).toBe(true);
    expect(r.warnings[0]).toMatch(/常务理事中选举/);
  });

  it('R-O9: re-elected twice (3 terms) then refused; an interruption resets the count; limit is a setting', () => {
    const base = [
      standing(1, '2010-06-01'),
      standing(1, '2013-06-01'),
      standing(1, '2016-06-01'),
      standing(1, '2019-06-01'),
      standing(1, '2022-06-01'),
    ];
    const chairs = [chair(1, '2013-06-01'), chair(1, '2016-06-01'), chair(1, '2019-06-01')];
    expect(charter.consecutiveChairTerms(chairs, 1, '2019-06-01')).toBe(2);
    expect(charter.chairEligibility([...base, ...chairs.slice(0, 2)], 1, '2019-06-01').eligible).toBe(true);
    const fourth = charter.chairEligibility([...base, ...chairs], 1, '2022-06-01');
    expect(fourth.consecutiveTerms).toBe(3);
    expect(fourth.eligible).toBe(false);
    expect(fourth.reasons[0]).toMatch(/连任不得超过 2 届/);
    const interrupted = [
      ...base,
      chair(1, '2010-06-01'),
      chair(2, '2013-06-01'),
      chair(1, '2016-06-01'),
      chair(1, '2019-06-01'),
    ];
    expect(charter.chairEligibility(interrupted, 1, '2022-06-01').eligible).toBe(true);
    const s = charter.resolveCharterSettings({ chairMaxConsecutiveTerms: 4 });
    expect(charter.chairEligibility([...base, ...chairs], 1, '2022-06-01', s).eligible).toBe(true);
  });
});

describe('R-O6 two consecutive absences from standing-council meetings', () => {
  const terms = [standing(1, '2022-06-01'), standing(2, '2022-06-01'), standing(3, '2022-06-01')];
  const meeting = (
    meetingId: number,
    date: string,
    absent: number[],
    leave: number[] = [],
  ): StandingMeetingAttendance => ({
    meetingId,
    date,
    attendance: [1, 2, 3].map((holderId) => ({
      holderId,
      attendance: absent.includes(holderId) ? 'absent' : leave.includes(holderId) ? 'leave' : 'present',
    })),
  });

  it('flags two in a row, not two apart', () => {
    const ms = [
      meeting(1, '2023-01-10', [1]),
      meeting(2, '2023-06-10', [1, 2]),
      meeting(3, '2023-12-10', [2]),
      meeting(4, '2024-06-10', []),
    ];
    const flags = charter.standingAbsenceFlags(ms, terms, '2024-07-01');
    expect(flags.map((f) => [f.holderId, f.meetingIds, f.dates])).toEqual([
      [1, [1, 2], ['2023-01-10', '2023-06-10']],
      [2, [2, 3], ['2023-06-10', '2023-12-10']],
    ]);
    expect(flags[0]?.message).toMatch(/连续两次未出席/);
    const apart = [
      meeting(1, '2023-01-10', [3]),
      meeting(2, '2023-06-10', []),
      meeting(3, '2023-12-10', [3]),
    ];
    expect(charter.standingAbsenceFlags(apart, terms, '2024-07-01')).toEqual([]);
  });

  it('leave counts as not attending by default (a setting); a missing record counts as absent', () => {
    const ms = [meeting(1, '2023-01-10', [], [3]), meeting(2, '2023-06-10', [], [3])];
    expect(charter.standingAbsenceFlags(ms, terms, '2024-07-01').map((f) => f.holderId)).toEqual([3]);
    expect(
      charter.standingAbsenceFlags(
        ms,
        terms,
        '2024-07-01',
        charter.resolveCharterSettings({ leaveCountsAsAbsence: false }),
      ),
    ).toEqual([]);
    const noRecord = [
      { meetingId: 1, date: '2023-01-10', attendance: [] },
      { meetingId: 2, date: '2023-06-10', attendance: [] },
    ];
    expect(charter.standingAbsenceFlags(noRecord, terms, '2024-07-01').map((f) => f.holderId)).toEqual([
      1, 2, 3,
    ]);
  });

  it('only meetings held while in office and on or before asOf count', () => {
    const late = [standing(1, '2022-06-01'), standing(2, '2023-07-01')];
    const ms = [meeting(1, '2023-01-10', [2]), meeting(2, '2023-06-10', [2]), meeting(3, '2023-12-10', [2])];
    expect(charter.standingAbsenceFlags(ms, late, '2023-12-09')).toEqual([]);
    expect(charter.standingAbsenceFlags(ms, late, '2024-07-01')).toEqual([]);
    expect(
      charter
        .standingAbsenceFlags([...ms, meeting(4, '2024-06-10', [2])], late, '2024-07-01')
        .map((f) => f.holderId),
    ).toEqual([2]);
  });
});

describe('R-O5, R-O7, R-O10 appointments', () => {
  it('secretary-general: elected by the standing council, approved by the guiding unit (R-O7)', () => {
    expect(charter.APPOINTMENT_RULES['secretary-general']).toMatchObject({
      decidedBy: 'standing',
      needsGuidingUnit: true,
      rule: 'R-O7',
    });
    expect(
      charter.appointmentStatus('secretary-general', { body: 'standing', outcome: 'pending-approval' }),
    ).toMatchObject({ complete: false });
    expect(charter.appointmentStatus('secretary-general', { body: 'standing', outcome: 'approved' })).toEqual(
      {
        complete: true,
        message: null,
      },
    );
    expect(
      charter.appointmentStatus('secretary-general', { body: 'council', outcome: 'adopted' }).message,
    ).toMatch(/应由常务理事会决定/);
  });

  it('deputy secretary-general (R-O10) and standing directors / chair elected by the council (R-O5)', () => {
    expect(charter.APPOINTMENT_RULES['deputy-sg']).toMatchObject({
      nominatedBy: '秘书长提名',
      needsGuidingUnit: true,
      rule: 'R-O10',
    });
    expect(charter.appointmentStatus('standing', { body: 'council', outcome: 'adopted' }).complete).toBe(
      true,
    );
    expect(charter.appointmentStatus('chair', { body: 'council', outcome: 'not-adopted' }).complete).toBe(
      false,
    );
    expect(charter.appointmentStatus('chair', null).message).toMatch(/理事会决议/);
  });
});
