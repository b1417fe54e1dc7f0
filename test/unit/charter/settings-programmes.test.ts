import { describe, expect, it } from 'vitest';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

describe('CharterSettings: the readings are settings with defaults', () => {
  it('defaults (R-D1 schedule, R-O9 three consecutive chair terms, R-W1 seed style, R-O6 leave = absent)', () => {
    expect(charter.DEFAULT_CHARTER_SETTINGS).toEqual({
      duesSchedule: { chair: 30000, standing: 30000, director: 10000, member: 5000 },
      earlierDuesSchedules: [],
      termYears: 3,
      chairMaxConsecutiveTerms: 3,
      docNumberStyle: 'seed',
      leaveCountsAsAbsence: true,
    });
    expect(Object.isFrozen(charter.DEFAULT_CHARTER_SETTINGS)).toBe(true);
  });

  it('partial input is merged with the defaults', () => {
    const s = charter.resolveCharterSettings({ docNumberStyle: 'gbt9704', duesSchedule: { member: 6000 } });
    expect(s.duesSchedule).toEqual({ chair: 30000, standing: 30000, director: 10000, member: 6000 });
    expect(charter.formatDocNumber({ year: 2022, seq: 56, style: s.docNumberStyle })).toBe(
      'CCIA秘〔2022〕56号',
    );
    expect(charter.resolveCharterSettings()).toEqual(charter.DEFAULT_CHARTER_SETTINGS);
  });

  it('invalid settings throw a Chinese RangeError (zod)', () => {
    expectRangeError(() => charter.resolveCharterSettings({ duesSchedule: { member: -5 } }), /章程设置无效/);
    expectRangeError(() => charter.resolveCharterSettings({ chairMaxConsecutiveTerms: 0 }), /章程设置无效/);
    expectRangeError(() => charter.resolveCharterSettings({ docNumberStyle: 'x' as 'seed' }), /章程设置无效/);
  });
});

describe('R-D1: the 会费标准 changes by resolution from a year on', () => {
  const base = charter.resolveCharterSettings();
  const raised = { ...base.duesSchedule, member: 6000 };

  it('a change from 2027 leaves the years before at the old amounts', () => {
    const s = charter.withDuesSchedule(base, raised, 2027);
    expect(s.duesSchedule.member).toBe(6000);
    expect(s.earlierDuesSchedules).toEqual([{ until: 2027, schedule: base.duesSchedule }]);
    expect(charter.duesScheduleFrom(s)).toBe(2027);
    expect(charter.duesScheduleOfYear(s, 2026).member).toBe(5000);
    expect(charter.duesScheduleOfYear(s, 2027).member).toBe(6000);
    expect(charter.annualDues({ tier: 'member', year: 2026 }, s).amount).toBe(5000);
    expect(charter.annualDues({ tier: 'member', year: 2030 }, s).amount).toBe(6000);
    // A member approved in 2020: 2020–2026 at 5,000, 2027 at 6,000.
    const ledger = charter.duesLedger(
      { approvedOn: '2020-03-01', tierHistory: [{ tier: 'member', from: '2020-03-01' }], payments: [] },
      '2027-03-01',
      s,
    );
    expect(ledger.years.map((y) => y.amount)).toEqual([5000, 5000, 5000, 5000, 5000, 5000, 5000, 6000]);
  });

  it('a later change replaces what applied from its year on; a correction applies to the current period', () => {
    const s1 = charter.withDuesSchedule(base, raised, 2027);
    const s2 = charter.withDuesSchedule(s1, { ...raised, member: 7000 }, 2029);
    expect(s2.earlierDuesSchedules.map((e) => [e.until, e.schedule.member])).toEqual([
      [2027, 5000],
      [2029, 6000],
    ]);
    // From 2025, before both: 2025 on is 8,000; 2024 and before keep 5,000.
    const s3 = charter.withDuesSchedule(s2, { ...raised, member: 8000 }, 2025);
    expect(s3.earlierDuesSchedules.map((e) => [e.until, e.schedule.member])).toEqual([[2025, 5000]]);
    expect([2024, 2025, 2030].map((y) => charter.duesScheduleOfYear(s3, y).member)).toEqual([
      5000, 8000, 8000,
    ]);
    // A mistyped amount corrected (every year of the current schedule): the earlier ones stay.
    const s4 = charter.withDuesSchedule(s1, { ...raised, member: 6500 }, null);
    expect(s4.earlierDuesSchedules).toEqual(s1.earlierDuesSchedules);
    expect([2026, 2027].map((y) => charter.duesScheduleOfYear(s4, y).member)).toEqual([5000, 6500]);
  });

  it('stored settings without a history apply the schedule to every year; a bad history is refused', () => {
    expect(charter.resolveCharterSettings({ duesSchedule: { member: 6000 } }).earlierDuesSchedules).toEqual(
      [],
    );
    expectRangeError(
      () =>
        charter.resolveCharterSettings({
          earlierDuesSchedules: [
            { until: 2027, schedule: base.duesSchedule },
            { until: 2025, schedule: base.duesSchedule },
          ],
        }),
      /适用年度须逐次递增/,
    );
    expectRangeError(() => charter.withDuesSchedule(base, raised, 20270), /适用起始年度无效/);
  });
});

describe('programmes (R-P1, R-P2, R-P3)', () => {
  const all = charter.PROGRAMME_RECEIPTS.map((r) => r.id);
  /** A member's application of 2022-10-01 with all four receipts, deadline 2022-11-30, unless `over` says otherwise. */
  const application = (over: Partial<Parameters<typeof charter.checkProgrammeApplication>[0]>) =>
    charter.checkProgrammeApplication({
      memberStatus: 'active',
      submittedOn: '2022-10-01',
      deadline: '2022-11-30',
      receipts: all,
      ...over,
    });

  it('R-P2 four receipts tracked separately', () => {
    expect(all).toEqual(['form-word', 'form-pdf', 'declaration-pdf', 'paper-post']);
  });

  it('R-P1 members only, deadline inclusive (2022-11-30)', () => {
    const ok = application({ submittedOn: '2022-11-30' });
    expect(ok).toMatchObject({ eligible: true, onTime: true, readyForReview: true, messages: [] });
    const late = application({ submittedOn: '2022-12-01' });
    expect(late.onTime).toBe(false);
    expect(late.messages[0]).toMatch(/截止日期 2022-11-30/);
    const outsider = application({ memberStatus: 'withdrawn' });
    expect(outsider.eligible).toBe(false);
  });

  it('R-P3 review (and the certificate) only once all four receipts are in', () => {
    const r = application({ receipts: ['form-word', 'form-pdf', 'declaration-pdf'] });
    expect(r.readyForReview).toBe(false);
    expect(r.missingReceipts.map((m) => m.id)).toEqual(['paper-post']);
    expectRangeError(() => application({ submittedOn: '2022-11-31' }));
  });
});
