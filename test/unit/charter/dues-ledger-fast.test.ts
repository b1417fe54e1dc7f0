/**
 * duesLedger's fast path (issue 17: the ledger at 10,000 members) gives exactly what the year-by-year
 * definition gives: every billed year's terms from `duesForYear` (R-D1 … R-D6), payments applied in date
 * order, a year's own first, then the oldest debt (R-D7). The reference below is that definition, written
 * with the engine's public functions only, as the ledger was before it was made fast.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DuesLedger, DuesLedgerInput, DuesScheduleSource, DuesYearEntry } from '../../../shared/charter';
import * as charter from '../../../shared/charter';

/** duesForYear as defined from the engine's public rules (R-D1 … R-D6). */
function referenceTerms(member: DuesLedgerInput, year: number, settings?: DuesScheduleSource) {
  charter.parseIsoDate(member.approvedOn, '批准日期');
  if (member.leftOn) charter.parseIsoDate(member.leftOn, '退会日期');
  const tier = charter.duesTierForYear(member.tierHistory, member.approvedOn, year);
  const billed =
    year === charter.yearOf(member.approvedOn) ||
    !member.leftOn ||
    charter.compareDates(member.leftOn, charter.startOfYear(year)) > 0;
  if (!billed) return null;
  const { amount, dueOn } = charter.annualDues({ tier, year, approvedOn: member.approvedOn }, settings);
  const terms: charter.DuesYearTerms = {
    year,
    tier,
    standardAmount: charter.standardDues(tier, settings, year),
    halved: year === charter.yearOf(member.approvedOn) && charter.parseIsoDate(member.approvedOn).month >= 7,
    amount,
    dueOn,
  };
  let override: charter.DuesOverride | undefined;
  for (const o of member.overrides ?? []) if (o.year === year) override = o;
  if (override) {
    terms.amount = override.amount;
    terms.override = { amount: override.amount, reason: override.reason };
  }
  return terms;
}

function referenceLedger(member: DuesLedgerInput, asOf: string, settings?: DuesScheduleSource): DuesLedger {
  charter.parseIsoDate(asOf, '截止日期');
  const years: DuesYearEntry[] = [];
  if (charter.compareDates(member.approvedOn, asOf) <= 0) {
    for (let y = charter.yearOf(member.approvedOn); y <= charter.yearOf(asOf); y++) {
      const t = referenceTerms(member, y, settings);
      expect(charter.duesForYear(member, y, settings)).toEqual(t);
      if (!t) break;
      years.push({
        ...t,
        applied: 0,
        outstanding: t.amount,
        status: 'not-yet-due',
        overdue: false,
        settledOn: null,
        paidLate: false,
      });
    }
  }
  const byYear = new Map(years.map((e) => [e.year, e]));
  let unapplied = 0;
  const payments = member.payments
    .map((p, index) => {
      charter.parseIsoDate(p.paidOn, '缴费日期');
      if (!Number.isSafeInteger(p.amount) || p.amount < 0) throw new RangeError('缴费金额');
      return { p, index };
    })
    .filter(({ p }) => charter.compareDates(p.paidOn, asOf) <= 0)
    .sort((a, b) => charter.compareDates(a.p.paidOn, b.p.paidOn) || a.index - b.index);
  const apply = (e: DuesYearEntry, money: number, paidOn: string) => {
    const take = Math.min(e.outstanding, money);
    if (take <= 0) return money;
    e.applied += take;
    e.outstanding -= take;
    if (e.outstanding === 0) {
      e.settledOn = paidOn;
      e.paidLate = charter.compareDates(paidOn, e.dueOn) > 0;
    }
    return money - take;
  };
  for (const { p } of payments) {
    let money = p.amount;
    if (p.year !== undefined && p.year !== null) {
      const target = byYear.get(p.year);
      if (!target) {
        unapplied += money;
        continue;
      }
      money = apply(target, money, p.paidOn);
    }
    for (const e of years) {
      if (money === 0) break;
      money = apply(e, money, p.paidOn);
    }
    unapplied += money;
  }
  for (const e of years) {
    e.overdue = e.outstanding > 0 && charter.compareDates(asOf, e.dueOn) > 0;
    e.status =
      e.outstanding === 0 ? 'paid' : e.overdue ? 'overdue' : e.applied > 0 ? 'partial' : 'not-yet-due';
  }
  const sum = (f: (e: DuesYearEntry) => number) => years.reduce((s, e) => s + f(e), 0);
  return {
    asOf,
    years,
    totalAmount: sum((e) => e.amount),
    totalApplied: sum((e) => e.applied),
    totalOutstanding: sum((e) => e.outstanding),
    arrears: sum((e) => (e.overdue ? e.outstanding : 0)),
    unapplied,
  };
}

const day = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((n) => charter.fromDayNumber(n));
const D2015 = charter.toDayNumber('2015-01-01');
const D2027 = charter.toDayNumber('2027-12-31');
const tier = fc.constantFrom(...charter.TIERS);

const member: fc.Arbitrary<DuesLedgerInput> = fc.record({
  approvedOn: day(D2015, D2027),
  tierHistory: fc.array(fc.record({ tier, from: day(D2015, D2027) }), { minLength: 1, maxLength: 4 }),
  leftOn: fc.option(day(D2015, D2027), { nil: null }),
  overrides: fc.array(
    fc.record({
      year: fc.integer({ min: 2015, max: 2027 }),
      amount: fc.integer({ min: 0, max: 40000 }),
      reason: fc.constantFrom('困难减免', '理事会决定'),
    }),
    { maxLength: 4 },
  ),
  payments: fc.array(
    fc.record({
      paidOn: day(D2015, D2027),
      amount: fc.constantFrom(0, 2500, 5000, 10000, 15000, 30000, 45000),
      year: fc.option(fc.integer({ min: 2014, max: 2028 }), { nil: null }),
    }),
    { maxLength: 12 },
  ),
});

describe('duesLedger equals its year-by-year definition (R-D1 … R-D7)', () => {
  it('for random members, dates, tier histories, departures, overrides and payments', () => {
    fc.assert(
      fc.property(member, day(D2015, D2027), fc.integer({ min: 0, max: 2 }), (m, asOf, custom) => {
        // The default schedule; another for every year; or that one from 2021 and a third from 2024 (R-D1).
        const other = { chair: 40000, standing: 20000, director: 8000, member: 3000 };
        const settings =
          custom === 0
            ? undefined
            : custom === 1
              ? { duesSchedule: other }
              : {
                  duesSchedule: { chair: 50000, standing: 25000, director: 9000, member: 4000 },
                  earlierDuesSchedules: [
                    {
                      until: 2021,
                      schedule: { chair: 30000, standing: 30000, director: 10000, member: 5000 },
                    },
                    { until: 2024, schedule: other },
                  ],
                };
        const fast = charter.duesLedger(m, asOf, settings);
        expect(fast).toEqual(referenceLedger(m, asOf, settings));
        // Same fields in the same order (what a JSON export of the ledger would show).
        expect(JSON.stringify(fast)).toBe(JSON.stringify(referenceLedger(m, asOf, settings)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses bad input with the same message', () => {
    const base: DuesLedgerInput = {
      approvedOn: '2020-03-01',
      tierHistory: [{ tier: 'member', from: '2020-03-01' }],
      payments: [],
    };
    const cases: DuesLedgerInput[] = [
      { ...base, payments: [{ paidOn: '2021-02-30', amount: 5000 }] },
      { ...base, payments: [{ paidOn: '2021-02-01', amount: -1 }] },
      { ...base, payments: [{ paidOn: '2021-02-01', amount: 5000, year: 99 }] },
      { ...base, tierHistory: [] },
      { ...base, overrides: [{ year: 2022, amount: 100, reason: ' ' }] },
      { ...base, leftOn: '2023-13-01' },
    ];
    for (const c of cases) {
      let message = '';
      try {
        charter.duesLedger(c, '2024-06-30');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      if (c.payments[0]?.amount !== -1 && c.payments[0]?.year !== 99)
        expect(() => referenceLedger(c, '2024-06-30')).toThrow(message);
    }
  });
});
