/**
 * The dues ledger of one year, one row per member (pure): moved here from the dues desk
 * (renderer/src/features/dues/ledger.ts, which re-exports it) so the annual report (shared/report) and the
 * desk read the same figures. Every amount, due date and status comes from the charter engine
 * (`duesLedger`: R-D1 … R-D7); nothing here re-implements a dues rule.
 */
import {
  duesLedger,
  startOfYear,
  yearOf,
  type DuesLedgerInput,
  type DuesScheduleSource,
  type DuesStatus,
  type TierPeriod,
} from '../charter';
import type { DuesOverride, Member, Payment, TierChange } from '../domain/records';
import type { MemberStatus, Tier } from '../domain/types';
import { groupBy } from '../data/group';

/** What the ledger needs from the database. */
export interface LedgerData {
  members: readonly Member[];
  tierChanges: readonly TierChange[];
  overrides: readonly DuesOverride[];
  payments: readonly Payment[];
}

/** One member's dues for the selected year. */
export interface LedgerRow {
  memberId: number;
  name: string;
  searchText: string;
  memberStatus: MemberStatus;
  /** R-D5: the tier that fixes the year's amount (held on 1 January, or at approval). */
  tier: Tier;
  /** 应缴金额 (after R-D4 halving and any override). */
  amount: number;
  standardAmount: number;
  halved: boolean;
  /** 截止日期 (R-D2, R-D3). */
  dueOn: string;
  /** 已缴金额: payments applied to this year by the engine. */
  paid: number;
  /** 欠缴金额. */
  outstanding: number;
  status: DuesStatus;
  /** Outstanding after the due date (R-D7). */
  overdue: boolean;
  /** R-D5: the clerk's override, with its reason. */
  override?: { amount: number; reason: string };
  /** The member left (during the year): it still owes the year (R-D6). */
  leftOn?: string;
}

export interface LedgerResult {
  rows: LedgerRow[];
  /** Members whose records the engine refused (bad dates etc.), with the engine's message. */
  problems: { memberId: number; name: string; message: string }[];
}

/** The tier history of a member for the engine (R-D5), from db.tierChanges; the current tier when none. */
export function tierHistoryOf(member: Member, changes: readonly TierChange[] | undefined): TierPeriod[] {
  if (changes && changes.length > 0) return changes.map((c) => ({ tier: c.tier, from: c.effectiveFrom }));
  return [{ tier: member.tier, from: member.approvedOn ?? '1970-01-01' }];
}

/** Builds the engine's input for one member: tier history, leaving date, overrides, non-voided payments. */
export function ledgerInputOf(
  member: Member & { approvedOn: string },
  tierChanges: readonly TierChange[] | undefined,
  overrides: readonly DuesOverride[] | undefined,
  payments: readonly Payment[] | undefined,
): DuesLedgerInput {
  return {
    approvedOn: member.approvedOn,
    tierHistory: tierHistoryOf(member, tierChanges),
    leftOn: member.left?.on ?? null,
    overrides: (overrides ?? []).map((o) => ({ year: o.year, amount: o.amount, reason: o.reason })),
    payments: (payments ?? [])
      .filter((p) => !p.voided)
      .map((p) => ({ paidOn: p.paidOn, amount: p.amount, year: p.year })),
  };
}

/**
 * The ledger of `year` as of `asOf`: members approved on or before the year and still members on
 * 1 January (or approved during it) — the engine's `duesLedger` decides which years are billed (members
 * who left during the year still owe it, R-D6). For a future year the ledger is taken on its 1 January.
 */
export function buildLedger(
  data: LedgerData,
  year: number,
  asOf: string,
  schedule?: DuesScheduleSource,
): LedgerResult {
  const tiers = groupBy(data.tierChanges, (t) => t.memberId);
  const overrides = groupBy(data.overrides, (o) => o.memberId);
  const payments = groupBy(data.payments, (p) => p.memberId);
  const ledgerAsOf = year > yearOf(asOf) ? startOfYear(year) : asOf;
  const rows: LedgerRow[] = [];
  const problems: LedgerResult['problems'] = [];
  for (const m of data.members) {
    if (m.id === undefined || !m.approvedOn) continue;
    if (Number(m.approvedOn.slice(0, 4)) > year) continue;
    try {
      const input = ledgerInputOf(
        m as Member & { approvedOn: string },
        tiers.get(m.id),
        overrides.get(m.id),
        payments.get(m.id),
      );
      const entry = duesLedger(input, ledgerAsOf, schedule).years.find((y) => y.year === year);
      if (!entry) continue;
      const row: LedgerRow = {
        memberId: m.id,
        name: m.name,
        searchText: m.searchText,
        memberStatus: m.status,
        tier: entry.tier,
        amount: entry.amount,
        standardAmount: entry.standardAmount,
        halved: entry.halved,
        dueOn: entry.dueOn,
        paid: entry.applied,
        outstanding: entry.outstanding,
        status: entry.status,
        overdue: entry.overdue,
      };
      if (entry.override) row.override = entry.override;
      if (m.left?.on) row.leftOn = m.left.on;
      rows.push(row);
    } catch (e) {
      problems.push({ memberId: m.id, name: m.name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  rows.sort((a, b) => a.memberId - b.memberId);
  return { rows, problems };
}

/**
 * The first dues year the ledger tracks: the clerk's setting (db.settings 'duesTrackedFrom'), else the year
 * of the earliest recorded payment, else this year. Years before it were settled before the desk was used
 * (their payments were never entered), so they are not reported as arrears.
 * The engine's `trackedWithdrawalReasons` drops the automatic-withdrawal reasons of those years (R-M7).
 */
export function duesTrackedFrom(payments: readonly Payment[], asOf: string, setting?: unknown): number {
  if (typeof setting === 'number' && Number.isInteger(setting) && setting >= 1000 && setting <= 9999)
    return setting;
  let first: number | undefined;
  for (const p of payments) if (!p.voided && (first === undefined || p.year < first)) first = p.year;
  return first ?? yearOf(asOf);
}

/** The arrears list: outstanding past the due date (R-D7), largest first, with the total. */
export function arrearsOf(rows: readonly LedgerRow[]): { rows: LedgerRow[]; total: number } {
  const list = rows
    .filter((r) => r.overdue && r.outstanding > 0)
    .sort((a, b) => b.outstanding - a.outstanding || a.memberId - b.memberId);
  return { rows: list, total: list.reduce((s, r) => s + r.outstanding, 0) };
}

export interface ChartPoint {
  /** 1 … 12. */
  month: number;
  /** Cumulative amount due by the end of the month (dues falling due after the year count in December). */
  due: number;
  /** Cumulative payments for the year received by the end of the month (earlier payments count in January). */
  paid: number;
}

export interface ChartSeries {
  points: ChartPoint[];
  /** Payments for the year received after 31 December (late payments), not in the monthly bars. */
  paidAfterYear: number;
}

/**
 * Collected against due, cumulative by month, for the members of the ledger. Payments are the non-voided
 * ones assigned to `year`.
 */
export function chartSeries(
  rows: readonly LedgerRow[],
  payments: readonly Payment[],
  year: number,
): ChartSeries {
  const dueByMonth = new Array<number>(13).fill(0);
  const paidByMonth = new Array<number>(13).fill(0);
  const members = new Set(rows.map((r) => r.memberId));
  for (const r of rows) {
    const y = Number(r.dueOn.slice(0, 4));
    const m = y < year ? 1 : y > year ? 12 : Number(r.dueOn.slice(5, 7));
    dueByMonth[m] = (dueByMonth[m] ?? 0) + r.amount;
  }
  let paidAfterYear = 0;
  for (const p of payments) {
    if (p.voided || p.year !== year || !members.has(p.memberId)) continue;
    const y = Number(p.paidOn.slice(0, 4));
    if (y > year) {
      paidAfterYear += p.amount;
      continue;
    }
    const m = y < year ? 1 : Number(p.paidOn.slice(5, 7));
    paidByMonth[m] = (paidByMonth[m] ?? 0) + p.amount;
  }
  const points: ChartPoint[] = [];
  let due = 0;
  let paid = 0;
  for (let m = 1; m <= 12; m++) {
    due += dueByMonth[m] ?? 0;
    paid += paidByMonth[m] ?? 0;
    points.push({ month: m, due, paid });
  }
  return { points, paidAfterYear };
}
