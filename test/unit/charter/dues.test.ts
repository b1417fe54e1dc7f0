import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DuesLedgerInput, Tier } from '../../../shared/charter';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

describe('R-D1 amounts per tier (a setting)', () => {
  it('chair & standing 30000, director 10000, member 5000', () => {
    expect(charter.annualDues({ tier: 'chair', year: 2024 }).amount).toBe(30000);
    expect(charter.annualDues({ tier: 'standing', year: 2024 }).amount).toBe(30000);
    expect(charter.annualDues({ tier: 'director', year: 2024 }).amount).toBe(10000);
    expect(charter.annualDues({ tier: 'member', year: 2024 }).amount).toBe(5000);
    expect(charter.DEFAULT_DUES_SCHEDULE).toEqual({
      chair: 30000,
      standing: 30000,
      director: 10000,
      member: 5000,
    });
  });

  it('the schedule can be overridden by a schedule or a settings object', () => {
    const schedule = { ...charter.DEFAULT_DUES_SCHEDULE, member: 6000 };
    expect(charter.annualDues({ tier: 'member', year: 2024 }, schedule).amount).toBe(6000);
    const settings = charter.resolveCharterSettings({ duesSchedule: { director: 12000 } });
    expect(charter.annualDues({ tier: 'director', year: 2024 }, settings).amount).toBe(12000);
    expect(charter.annualDues({ tier: 'member', year: 2024 }, settings).amount).toBe(5000);
    expect(
      charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-08-01' }, schedule).amount,
    ).toBe(3000);
  });

  it('rejects invalid tiers, years and schedules with a Chinese RangeError', () => {
    expectRangeError(() => charter.annualDues({ tier: 'vip' as Tier, year: 2024 }), /会员等级/);
    expectRangeError(() => charter.annualDues({ tier: 'member', year: 2024.5 }), /整数/);
    expectRangeError(
      () =>
        charter.annualDues({ tier: 'member', year: 2024 }, { ...charter.DEFAULT_DUES_SCHEDULE, member: -1 }),
      /非负整数/,
    );
    expectRangeError(() =>
      charter.annualDues({ tier: 'member', year: 2024 }, { ...charter.DEFAULT_DUES_SCHEDULE, member: 100.5 }),
    );
  });
});

describe('R-D2 dues year and due date', () => {
  it('without approvedOn: full amount due 31 January of the year', () => {
    expect(charter.annualDues({ tier: 'member', year: 2025 })).toEqual({ amount: 5000, dueOn: '2025-01-31' });
  });
  it('a year after the approval year: full amount due 31 January', () => {
    expect(charter.annualDues({ tier: 'director', year: 2025, approvedOn: '2024-09-10' })).toEqual({
      amount: 10000,
      dueOn: '2025-01-31',
    });
  });
  it('a year before the approval year is an error', () => {
    expectRangeError(
      () => charter.annualDues({ tier: 'member', year: 2023, approvedOn: '2024-03-01' }),
      /早于/,
    );
  });
});

describe('R-D3 new member pays within one month of approval', () => {
  it('due one month after approval, clamped to month end', () => {
    expect(charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-03-15' })).toEqual({
      amount: 5000,
      dueOn: '2024-04-15',
    });
    expect(charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-01-31' }).dueOn).toBe(
      '2024-02-29',
    );
    expect(charter.annualDues({ tier: 'member', year: 2023, approvedOn: '2023-01-31' }).dueOn).toBe(
      '2023-02-28',
    );
    expect(charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-12-15' }).dueOn).toBe(
      '2025-01-15',
    );
  });
  it('rejects an impossible approval date', () => {
    expectRangeError(
      () => charter.annualDues({ tier: 'member', year: 2023, approvedOn: '2023-02-29' }),
      /批准日期/,
    );
  });
});

describe('R-D4 half dues when approved on or after 1 July', () => {
  it('06-30 full vs 07-01 half', () => {
    expect(charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-06-30' })).toEqual({
      amount: 5000,
      dueOn: '2024-07-30',
    });
    expect(charter.annualDues({ tier: 'member', year: 2024, approvedOn: '2024-07-01' })).toEqual({
      amount: 2500,
      dueOn: '2024-08-01',
    });
    expect(charter.annualDues({ tier: 'chair', year: 2024, approvedOn: '2024-12-31' })).toEqual({
      amount: 15000,
      dueOn: '2025-01-31',
    });
  });
  it('the following year is full again', () => {
    expect(charter.annualDues({ tier: 'member', year: 2025, approvedOn: '2024-07-01' }).amount).toBe(5000);
  });
  it('property: first-year amount is full before July, half from July', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const approvedOn = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const { amount } = charter.annualDues({ tier: 'director', year: y, approvedOn });
          return amount === (m >= 7 ? 5000 : 10000);
        },
      ),
    );
  });
});

describe('R-D5 tier held on 1 January fixes the amount; clerk overrides with a reason', () => {
  const history = [
    { tier: 'member' as const, from: '2022-03-01' },
    { tier: 'director' as const, from: '2023-06-01' },
    { tier: 'standing' as const, from: '2025-01-01' },
  ];

  it('tierOn and duesTierForYear', () => {
    expect(charter.tierOn(history, '2022-02-28')).toBeUndefined();
    expect(charter.tierOn(history, '2023-06-01')).toBe('director');
    expect(charter.duesTierForYear(history, '2022-03-01', 2022)).toBe('member');
    expect(charter.duesTierForYear(history, '2022-03-01', 2023)).toBe('member'); // director only from 2023-06-01
    expect(charter.duesTierForYear(history, '2022-03-01', 2024)).toBe('director');
    expect(charter.duesTierForYear(history, '2022-03-01', 2025)).toBe('standing'); // held on 1 January
  });

  it('duesForYear combines tier, halving and due date', () => {
    const member = { approvedOn: '2022-03-01', tierHistory: history };
    expect(charter.duesForYear(member, 2022)).toMatchObject({
      tier: 'member',
      amount: 5000,
      dueOn: '2022-04-01',
      halved: false,
    });
    expect(charter.duesForYear(member, 2023)).toMatchObject({
      tier: 'member',
      amount: 5000,
      dueOn: '2023-01-31',
    });
    expect(charter.duesForYear(member, 2024)).toMatchObject({ tier: 'director', amount: 10000 });
    expect(charter.duesForYear(member, 2025)).toMatchObject({ tier: 'standing', amount: 30000 });
    expect(
      charter.duesForYear(
        { approvedOn: '2024-07-01', tierHistory: [{ tier: 'member', from: '2024-07-01' }] },
        2024,
      ),
    ).toMatchObject({
      halved: true,
      amount: 2500,
      standardAmount: 5000,
    });
  });

  it('an override replaces the amount and keeps the reason', () => {
    const member = {
      approvedOn: '2022-03-01',
      tierHistory: history,
      overrides: [{ year: 2024, amount: 5000, reason: '常务理事会决议减免（2024 年第 2 次会议）' }],
    };
    expect(charter.duesForYear(member, 2024)).toMatchObject({
      amount: 5000,
      standardAmount: 10000,
      override: { amount: 5000, reason: '常务理事会决议减免（2024 年第 2 次会议）' },
    });
    expectRangeError(
      () => charter.duesForYear({ ...member, overrides: [{ year: 2024, amount: 0, reason: '  ' }] }, 2024),
      /理由/,
    );
    expectRangeError(() =>
      charter.duesForYear({ ...member, overrides: [{ year: 2024, amount: -5, reason: 'x' }] }, 2024),
    );
  });

  it('empty tier history is an error', () => {
    expectRangeError(
      () => charter.duesForYear({ approvedOn: '2022-03-01', tierHistory: [] }, 2022),
      /等级记录/,
    );
  });
});

describe('R-D6 no refunds: leaving stops billing for later years only', () => {
  const base = { approvedOn: '2022-03-01', tierHistory: [{ tier: 'member' as const, from: '2022-03-01' }] };
  it('a member who left during 2024 still owes 2024, not 2025', () => {
    const m = { ...base, leftOn: '2024-05-10' };
    expect(charter.duesForYear(m, 2024)?.amount).toBe(5000);
    expect(charter.duesForYear(m, 2025)).toBeNull();
    const ledger = charter.duesLedger(
      { ...m, payments: [{ paidOn: '2024-01-20', amount: 5000 }] },
      '2026-01-01',
    );
    expect(ledger.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
  });
  it('left on 1 January: that year is not billed; left on 2 January: it is', () => {
    expect(charter.duesForYear({ ...base, leftOn: '2024-01-01' }, 2024)).toBeNull();
    expect(charter.duesForYear({ ...base, leftOn: '2024-01-02' }, 2024)?.amount).toBe(5000);
  });
});

describe('ledger (R-D2 … R-D7): payments applied, status per year, arrears as of a date', () => {
  const member: DuesLedgerInput = {
    approvedOn: '2023-09-15',
    tierHistory: [
      { tier: 'member', from: '2023-09-15' },
      { tier: 'director', from: '2024-10-01' },
    ],
    payments: [],
  };

  it('status labels', () => {
    expect(charter.DUES_STATUS_LABEL).toEqual({
      paid: '已缴清',
      partial: '部分缴纳',
      'not-yet-due': '未到期',
      overdue: '已逾期',
    });
  });

  it('first year half (approved 09-15), due 10-15: not yet due on the due date, overdue the day after', () => {
    const onDue = charter.duesLedger(member, '2023-10-15');
    expect(onDue.years).toHaveLength(1);
    expect(onDue.years[0]).toMatchObject({
      year: 2023,
      amount: 2500,
      dueOn: '2023-10-15',
      status: 'not-yet-due',
      overdue: false,
    });
    expect(onDue.arrears).toBe(0);
    const after = charter.duesLedger(member, '2023-10-16');
    expect(after.years[0]).toMatchObject({ status: 'overdue', overdue: true, outstanding: 2500 });
    expect(after.arrears).toBe(2500);
    expect(charter.duesArrears(member, '2023-10-16')).toBe(2500);
  });

  it('31 January boundary for later years', () => {
    const paidFirst = { ...member, payments: [{ paidOn: '2023-10-01', amount: 2500 }] };
    expect(charter.duesLedger(paidFirst, '2024-01-31').years[1]).toMatchObject({
      year: 2024,
      status: 'not-yet-due',
      amount: 5000,
    });
    expect(charter.duesLedger(paidFirst, '2024-02-01').years[1]).toMatchObject({ status: 'overdue' });
    expect(charter.duesLedger(paidFirst, '2024-02-01').arrears).toBe(5000);
  });

  it('partial before the due date, overdue (still showing what was applied) after it', () => {
    const m = { ...member, payments: [{ paidOn: '2023-10-01', amount: 1000 }] };
    expect(charter.duesLedger(m, '2023-10-10').years[0]).toMatchObject({
      status: 'partial',
      applied: 1000,
      outstanding: 1500,
    });
    expect(charter.duesLedger(m, '2023-11-01').years[0]).toMatchObject({
      status: 'overdue',
      applied: 1000,
      outstanding: 1500,
    });
  });

  it('FIFO: untagged payments settle the oldest year first; R-D5 tier change applies from 2025', () => {
    const m = {
      ...member,
      payments: [
        { paidOn: '2024-03-01', amount: 4000 },
        { paidOn: '2024-04-01', amount: 3500 },
      ],
    };
    const l = charter.duesLedger(m, '2025-03-01');
    expect(l.years.map((y) => [y.year, y.tier, y.amount, y.applied, y.status])).toEqual([
      [2023, 'member', 2500, 2500, 'paid'],
      [2024, 'member', 5000, 5000, 'paid'],
      [2025, 'director', 10000, 0, 'overdue'],
    ]);
    expect(l.years[0]).toMatchObject({ settledOn: '2024-03-01', paidLate: true });
    expect(l.years[1]).toMatchObject({ settledOn: '2024-04-01', paidLate: true });
    expect(l.totalAmount).toBe(17500);
    expect(l.totalApplied).toBe(7500);
    expect(l.arrears).toBe(10000);
    expect(l.unapplied).toBe(0);
  });

  it('a payment tagged with a year goes there first; a later-year prepayment stays unapplied; payments after asOf are ignored', () => {
    const m = {
      ...member,
      payments: [
        { paidOn: '2023-10-10', amount: 2500, year: 2023 },
        { paidOn: '2023-12-20', amount: 5000, year: 2024 },
        { paidOn: '2024-01-05', amount: 3000 },
        { paidOn: '2024-06-01', amount: 999 },
      ],
    };
    const l = charter.duesLedger(m, '2023-12-31');
    expect(l.years).toHaveLength(1);
    expect(l.years[0]).toMatchObject({ status: 'paid', settledOn: '2023-10-10', paidLate: false });
    expect(l.unapplied).toBe(5000);
    const l2 = charter.duesLedger(m, '2024-02-01');
    expect(l2.years[1]).toMatchObject({ year: 2024, applied: 5000, status: 'paid', paidLate: false });
    expect(l2.unapplied).toBe(3000);
  });

  it('an override to 0 counts as paid', () => {
    const m = { ...member, overrides: [{ year: 2023, amount: 0, reason: '首年免缴（常务理事会决议）' }] };
    expect(charter.duesLedger(m, '2024-01-01').years[0]).toMatchObject({
      amount: 0,
      status: 'paid',
      settledOn: null,
    });
  });

  it('asOf before approval: empty ledger', () => {
    const l = charter.duesLedger(member, '2023-01-01');
    expect(l.years).toEqual([]);
    expect(l.arrears).toBe(0);
  });

  it('rejects bad payments and dates', () => {
    expectRangeError(
      () => charter.duesLedger({ ...member, payments: [{ paidOn: '2024-02-30', amount: 1 }] }, '2024-03-01'),
      /缴费日期/,
    );
    expectRangeError(
      () => charter.duesLedger({ ...member, payments: [{ paidOn: '2024-02-01', amount: -1 }] }, '2024-03-01'),
      /缴费金额/,
    );
    expectRangeError(() => charter.duesLedger(member, '2024-13-01'));
  });

  it('property: applied + outstanding = amount and arrears ≤ outstanding', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 1000 }), amount: fc.integer({ min: 0, max: 20000 }) }),
        ),
        (ps) => {
          const payments = ps.map((p) => ({
            paidOn: new Date(Date.UTC(2023, 8, 15 + p.day)).toISOString().slice(0, 10),
            amount: p.amount,
          }));
          const l = charter.duesLedger(
            { ...member, payments },
            '2026-06-30',
            charter.DEFAULT_CHARTER_SETTINGS,
          );
          const total = payments.reduce((s, p) => s + p.amount, 0);
          return (
            l.years.every((y) => y.applied + y.outstanding === y.amount && y.outstanding >= 0) &&
            l.arrears <= l.totalOutstanding &&
            l.totalApplied + l.unapplied === total
          );
        },
      ),
    );
  });
});
