/**
 * Dues (会费, charter art. 32): amounts, due dates and the ledger (R-D1 … R-D7).
 *
 * - R-D1 amounts per tier, a setting (`DuesSchedule`, default 30000 / 30000 / 10000 / 5000 yuan).
 * - R-D2 the dues year is the calendar year, due by 31 January.
 * - R-D3 a new member pays within one month of approval (same day next month, clamped to month end).
 * - R-D4 approved on or after 1 July: half for the first year (halved amounts round down to the yuan).
 * - R-D5 reading: the tier held on 1 January fixes the year's amount (for the approval year: the tier at
 *   approval); a tier change applies from the next year; the clerk may override an amount with a reason.
 * - R-D6 no refunds: leaving stops billing for later years only; what was paid stays paid.
 * - R-D7 dues unpaid after their due date → candidate for automatic withdrawal (see `autoWithdrawalCandidates`).
 */
import type { IsoDate, Tier } from '../domain/types';
import {
  addMonths,
  checkedDayNumber,
  compareDates,
  isoDate,
  parseIsoDate,
  startOfYear,
  toDayNumber,
  yearOf,
} from './dates';
import { assertCount, assertInteger, assertOneOf, fail } from './errors';
import type { CharterSettings, DuesSchedule } from './settings';
import { DEFAULT_DUES_SCHEDULE, duesScheduleOfYear } from './settings';

import { TIERS } from '../domain/types';
export { TIERS };

/**
 * A dues schedule for every year, or settings carrying one (e.g. `CharterSettings`), with the schedules in
 * force before a resolution changed it (`earlierDuesSchedules`, R-D1).
 */
export type DuesScheduleSource =
  | DuesSchedule
  | (Pick<CharterSettings, 'duesSchedule'> & Partial<Pick<CharterSettings, 'earlierDuesSchedules'>>);

/**
 * Resolves and checks the schedule of dues year `year` (every amount a non-negative integer number of yuan);
 * without a year, the current one.
 */
export function resolveDuesSchedule(source?: DuesScheduleSource, year?: number): DuesSchedule {
  const s: DuesSchedule =
    source === undefined
      ? DEFAULT_DUES_SCHEDULE
      : 'duesSchedule' in source
        ? year === undefined
          ? source.duesSchedule
          : duesScheduleOfYear(source, year)
        : source;
  for (const t of TIERS) assertCount(s[t], `会费标准（${t}）`);
  return s;
}

function assertYear(year: unknown, label = '会费年度'): asserts year is number {
  assertInteger(year, label, 1000, 9999);
}

/** The amount before halving and overrides (R-D1). */
export function standardDues(tier: Tier, schedule?: DuesScheduleSource, year?: number): number {
  assertOneOf(tier, TIERS, '会员等级');
  return resolveDuesSchedule(schedule, year)[tier];
}

/**
 * Amount and due date of one year's dues (R-D1 … R-D4).
 * Without `approvedOn`, or for a year after the approval year: the full amount, due 31 January of `year`.
 * In the approval year: due one month after approval (R-D3); half when approved on or after 1 July (R-D4).
 * A year before the approval year throws a `RangeError`. `schedule` overrides the R-D1 amounts.
 */
export function annualDues(
  a: { tier: Tier; year: number; approvedOn?: string },
  schedule?: DuesScheduleSource,
): { amount: number; dueOn: string } {
  assertYear(a.year);
  const full = standardDues(a.tier, schedule, a.year);
  if (a.approvedOn === undefined) return { amount: full, dueOn: isoDate(a.year, 1, 31) };
  const approved = parseIsoDate(a.approvedOn, '批准日期');
  if (a.year < approved.year) {
    fail(`会费年度 ${a.year} 早于批准入会的年度 ${approved.year}`);
  }
  if (a.year > approved.year) return { amount: full, dueOn: isoDate(a.year, 1, 31) };
  const halved = approved.month >= 7;
  return { amount: halved ? Math.floor(full / 2) : full, dueOn: addMonths(a.approvedOn, 1) };
}

/** The tier held from `from` onwards (until the next period). */
export interface TierPeriod {
  tier: Tier;
  from: IsoDate;
}

function sortedHistory(history: readonly TierPeriod[]): TierPeriod[] {
  if (history.length === 0) fail('会员等级记录为空');
  for (const p of history) {
    assertOneOf(p.tier, TIERS, '会员等级');
    checkedDayNumber(p.from, '等级生效日期');
  }
  return history.length === 1 ? [...history] : [...history].sort((a, b) => compareDates(a.from, b.from));
}

/** The tier held on `date` (the latest period starting on or before it), or `undefined` before the first. */
export function tierOn(history: readonly TierPeriod[], date: IsoDate): Tier | undefined {
  parseIsoDate(date);
  let tier: Tier | undefined;
  for (const p of sortedHistory(history)) if (compareDates(p.from, date) <= 0) tier = p.tier;
  return tier;
}

/**
 * R-D5: the tier that fixes a year's dues — held on 1 January, or at approval for the approval year.
 * When the history starts later than that day, its first period is used.
 */
export function duesTierForYear(history: readonly TierPeriod[], approvedOn: IsoDate, year: number): Tier {
  assertYear(year);
  const approvalYear = yearOf(approvedOn);
  if (year < approvalYear) fail(`会费年度 ${year} 早于批准入会的年度 ${approvalYear}`);
  const day = year === approvalYear ? approvedOn : startOfYear(year);
  const sorted = sortedHistory(history);
  return tierOn(sorted, day) ?? (sorted[0] as TierPeriod).tier;
}

/** R-D5: a clerk's override of one year's amount, with the reason recorded. */
export interface DuesOverride {
  year: number;
  amount: number;
  reason: string;
}

/** A payment received. `year` assigns it to a dues year; without it, it settles the oldest debt first. */
export interface DuesPayment {
  paidOn: IsoDate;
  amount: number;
  year?: number | null;
}

/** What the dues functions need to know about a member. */
export interface DuesMember {
  /** Date of the standing council's approval (被批准之日, R-M3 (3)). */
  approvedOn: IsoDate;
  /** Tier history (R-D5). */
  tierHistory: readonly TierPeriod[];
  /**
   * Date the membership ended (withdrawal effective, automatic withdrawal or expulsion confirmed).
   * Years starting on or after it are not billed; earlier years stay owed and nothing is refunded (R-D6).
   */
  leftOn?: IsoDate | null;
  /** Clerk overrides (R-D5); the last one given for a year wins. */
  overrides?: readonly DuesOverride[];
}

/** One year's dues terms for a member. */
export interface DuesYearTerms {
  year: number;
  tier: Tier;
  /** The R-D1 amount of the tier. */
  standardAmount: number;
  /** True when halved for a new member approved on or after 1 July (R-D4). */
  halved: boolean;
  /** The amount owed (after halving and any override). */
  amount: number;
  dueOn: IsoDate;
  /** The override applied, if any (R-D5). */
  override?: { amount: number; reason: string };
}

function checkOverride(o: DuesOverride): void {
  assertYear(o.year, '调整的会费年度');
  assertCount(o.amount, '调整后的会费金额');
  if (typeof o.reason !== 'string' || o.reason.trim() === '') fail(`调整 ${o.year} 年会费必须注明理由`);
}

/**
 * The dues of `year` for a member (R-D1 … R-D5), or `null` when the year is not billed because the member
 * had left before it began. Throws for a year before the approval year.
 */
export function duesForYear(
  member: DuesMember,
  year: number,
  settings?: DuesScheduleSource,
): DuesYearTerms | null {
  assertYear(year);
  const approved = parseIsoDate(member.approvedOn, '批准日期');
  if (member.leftOn) parseIsoDate(member.leftOn, '退会日期');
  // What duesTierForYear, isBilledYear and annualDues decide, with the member's dates parsed once (the
  // ledger asks this of every member): R-D5 the tier held on 1 January, or at approval in its year.
  if (year < approved.year) fail(`会费年度 ${year} 早于批准入会的年度 ${approved.year}`);
  const inApprovalYear = year === approved.year;
  const sorted = sortedHistory(member.tierHistory);
  const day = toDayNumber(inApprovalYear ? member.approvedOn : startOfYear(year));
  let held: Tier | undefined;
  for (const p of sorted) if (toDayNumber(p.from) <= day) held = p.tier;
  const tier = held ?? (sorted[0] as TierPeriod).tier;
  // R-D6: a later year is billed only if the member had not left by its 1 January.
  if (!inApprovalYear && member.leftOn && toDayNumber(member.leftOn) <= day) return null;
  // R-D1 … R-D4: the tier's amount, due 31 January; in the approval year due a month after approval,
  // halved (rounded down) when approved on or after 1 July.
  const standardAmount = resolveDuesSchedule(settings, year)[tier];
  const halved = inApprovalYear && approved.month >= 7;
  const terms: DuesYearTerms = {
    year,
    tier,
    standardAmount,
    halved,
    amount: halved ? Math.floor(standardAmount / 2) : standardAmount,
    dueOn: inApprovalYear ? addMonths(member.approvedOn, 1) : isoDate(year, 1, 31),
  };
  let override: DuesOverride | undefined;
  for (const o of member.overrides ?? []) {
    checkOverride(o);
    if (o.year === year) override = o;
  }
  if (override) {
    terms.amount = override.amount;
    terms.override = { amount: override.amount, reason: override.reason };
  }
  return terms;
}

export type DuesStatus = 'paid' | 'partial' | 'not-yet-due' | 'overdue';
export const DUES_STATUS_LABEL: Record<DuesStatus, string> = {
  paid: '已缴清',
  partial: '部分缴纳',
  'not-yet-due': '未到期',
  overdue: '已逾期',
};

/** One year of the ledger. */
export interface DuesYearEntry extends DuesYearTerms {
  /** Paid towards this year, as of the ledger date. */
  applied: number;
  outstanding: number;
  /**
   * paid (nothing outstanding) › overdue (outstanding after the due date, even if partly paid) ›
   * partial (partly paid, not yet due) › not-yet-due.
   */
  status: DuesStatus;
  /** Outstanding and past the due date (R-D7). */
  overdue: boolean;
  /** The date of the payment that settled the year, if settled by payments. */
  settledOn: IsoDate | null;
  /** Settled after the due date. */
  paidLate: boolean;
}

export interface DuesLedger {
  asOf: IsoDate;
  /** Billed years from the approval year to the year of `asOf` (or of leaving), ascending. */
  years: DuesYearEntry[];
  /** Sum of the amounts of those years. */
  totalAmount: number;
  /** Sum of payments applied to those years. */
  totalApplied: number;
  /** Outstanding on years not yet due or overdue. */
  totalOutstanding: number;
  /** Arrears: outstanding on overdue years (R-D7). */
  arrears: number;
  /** Payments not applied to any listed year (paid in advance for a later year, or overpaid). */
  unapplied: number;
}

/** Input of `duesLedger`: the member plus its payments. */
export interface DuesLedgerInput extends DuesMember {
  payments: readonly DuesPayment[];
}

/**
 * The dues ledger of a member as of `asOf` (R-D1 … R-D7). Payments after `asOf` are ignored. Payments
 * are applied in date order: one with a `year` goes to that year first, the rest of it and payments
 * without a year settle the oldest outstanding year first; what is left over is `unapplied`.
 */
export function duesLedger(
  member: DuesLedgerInput,
  asOf: IsoDate,
  settings?: DuesScheduleSource,
): DuesLedger {
  parseIsoDate(asOf, '截止日期');
  const asOfDay = toDayNumber(asOf);
  const approvalYear = yearOf(member.approvedOn);
  const lastYear = yearOf(asOf);
  const years: DuesYearEntry[] = [];
  /** Day numbers of the years' due dates (years[i].dueOn). */
  const dueDays: number[] = [];
  // Each entry is written out as one literal (the terms' fields, then the ledger's), not spread from the
  // terms: a spread object grown by seven fields is slow to update in V8 (it was the ledger's largest
  // cost at 10,000 members). The field order is that of `{ ...terms, applied, … }`.
  const push = (t: DuesYearTerms) => {
    const { year, tier, standardAmount, halved, amount, dueOn, override } = t;
    years.push(
      override
        ? {
            year,
            tier,
            standardAmount,
            halved,
            amount,
            dueOn,
            override,
            applied: 0,
            outstanding: amount,
            status: 'not-yet-due',
            overdue: false,
            settledOn: null,
            paidLate: false,
          }
        : {
            year,
            tier,
            standardAmount,
            halved,
            amount,
            dueOn,
            applied: 0,
            outstanding: amount,
            status: 'not-yet-due',
            overdue: false,
            settledOn: null,
            paidLate: false,
          },
    );
    dueDays.push(toDayNumber(t.dueOn));
  };
  if (toDayNumber(member.approvedOn) <= asOfDay) {
    // The approval year through duesForYear, which checks every part of the member (its dates, tier
    // history, schedule and overrides) and is always billed; the later years from what it checked
    // (`laterYearTerms`: the same terms as duesForYear gives, without checking them all again).
    const first = duesForYear(member, approvalYear, settings);
    if (first) push(first);
    if (first && approvalYear < lastYear) {
      const later = laterYearTerms(member, settings);
      for (let y = approvalYear + 1; y <= lastYear; y++) {
        const t = later(y);
        if (!t) break;
        push(t);
      }
    }
  }
  let unapplied = 0;
  const payments: { p: DuesPayment; index: number; day: number }[] = [];
  member.payments.forEach((p, index) => {
    const day = checkedDayNumber(p.paidOn, '缴费日期');
    assertCount(p.amount, '缴费金额');
    if (p.year !== undefined && p.year !== null) assertYear(p.year, '缴费所属年度');
    if (day <= asOfDay) payments.push({ p, index, day });
  });
  payments.sort((a, b) => a.day - b.day || a.index - b.index);
  const apply = (i: number, money: number, paidOn: IsoDate, paidDay: number): number => {
    const entry = years[i]!;
    const take = Math.min(entry.outstanding, money);
    if (take <= 0) return money;
    entry.applied += take;
    entry.outstanding -= take;
    if (entry.outstanding === 0) {
      entry.settledOn = paidOn;
      entry.paidLate = paidDay > dueDays[i]!;
    }
    return money - take;
  };
  for (const { p, day } of payments) {
    let money = p.amount;
    if (p.year !== undefined && p.year !== null) {
      // The years are consecutive from the approval year.
      const i = p.year - approvalYear;
      if (i < 0 || i >= years.length) {
        unapplied += money;
        continue;
      }
      money = apply(i, money, p.paidOn, day);
    }
    for (let i = 0; i < years.length; i++) {
      if (money === 0) break;
      money = apply(i, money, p.paidOn, day);
    }
    unapplied += money;
  }
  let totalAmount = 0;
  let totalApplied = 0;
  let totalOutstanding = 0;
  let arrears = 0;
  years.forEach((e, i) => {
    e.overdue = e.outstanding > 0 && asOfDay > dueDays[i]!;
    e.status =
      e.outstanding === 0 ? 'paid' : e.overdue ? 'overdue' : e.applied > 0 ? 'partial' : 'not-yet-due';
    totalAmount += e.amount;
    totalApplied += e.applied;
    totalOutstanding += e.outstanding;
    if (e.overdue) arrears += e.outstanding;
  });
  return { asOf, years, totalAmount, totalApplied, totalOutstanding, arrears, unapplied };
}

/**
 * The terms of the years after the approval year, for a member whose approval year `duesForYear` has
 * already checked (so its dates, tier history, schedule and overrides are valid): exactly what
 * `duesForYear(member, year, settings)` returns for those years — the tier held on 1 January (R-D5),
 * billed while still a member on 1 January (R-D6), the full amount due 31 January (R-D1, R-D2), the
 * last override given for the year (R-D5) — with the history sorted and the overrides indexed once.
 */
function laterYearTerms(
  member: DuesMember,
  settings?: DuesScheduleSource,
): (year: number) => DuesYearTerms | null {
  const history = sortedHistory(member.tierHistory).map((p) => ({ tier: p.tier, from: toDayNumber(p.from) }));
  // The schedule of each year (R-D1: a resolution changes it from a year on), resolved once a year.
  const schedules = new Map<number, DuesSchedule>();
  const scheduleOf = (year: number) => {
    let sc = schedules.get(year);
    if (!sc) schedules.set(year, (sc = resolveDuesSchedule(settings, year)));
    return sc;
  };
  const leftDay = member.leftOn ? toDayNumber(member.leftOn) : null;
  const overrides = new Map<number, DuesOverride>();
  for (const o of member.overrides ?? []) overrides.set(o.year, o);
  return (year) => {
    const jan1 = toDayNumber(startOfYear(year));
    let tier: Tier | undefined;
    for (const p of history) if (p.from <= jan1) tier = p.tier;
    tier ??= history[0]!.tier;
    if (leftDay !== null && leftDay <= jan1) return null;
    const full = scheduleOf(year)[tier];
    const terms: DuesYearTerms = {
      year,
      tier,
      standardAmount: full,
      halved: false,
      amount: full,
      dueOn: isoDate(year, 1, 31),
    };
    const override = overrides.get(year);
    if (override) {
      terms.amount = override.amount;
      terms.override = { amount: override.amount, reason: override.reason };
    }
    return terms;
  };
}

/** Arrears (overdue outstanding dues) of a member as of `asOf` (R-D7). */
export function duesArrears(member: DuesLedgerInput, asOf: IsoDate, settings?: DuesScheduleSource): number {
  return duesLedger(member, asOf, settings).arrears;
}
