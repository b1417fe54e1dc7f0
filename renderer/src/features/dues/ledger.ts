/**
 * The dues desk's view logic (pure): one row per member for a dues year, filters, the arrears list and the
 * month-by-month chart series. Every amount, due date and status comes from the charter engine
 * (`duesLedger`: R-D1 … R-D7); nothing here re-implements a dues rule.
 */
import { DUES_STATUS_LABEL, compareDates, yearOf, type DuesStatus } from '../../../../shared/charter';
import type { Member } from '../../../../shared/domain/records';
import { matchesSearch, normalizeQuery } from '../../../../shared/search/memberSearch';
import type { LedgerRow } from '../../../../shared/report/ledger';

export { DUES_STATUS_LABEL };
export type { DuesStatus };
/** The ledger itself is shared with the annual report (shared/report/ledger.ts, moved from here). */
export {
  arrearsOf,
  buildLedger,
  chartSeries,
  duesTrackedFrom,
  ledgerInputOf,
  tierHistoryOf,
} from '../../../../shared/report/ledger';
export type {
  ChartPoint,
  ChartSeries,
  LedgerData,
  LedgerResult,
  LedgerRow,
} from '../../../../shared/report/ledger';

/** Years offered by the 年度 selector: from the earliest approval year to next year, newest first. */
export function selectableYears(members: readonly Pick<Member, 'approvedOn'>[], asOf: string): number[] {
  const thisYear = yearOf(asOf);
  let first = thisYear;
  for (const m of members) if (m.approvedOn) first = Math.min(first, Number(m.approvedOn.slice(0, 4)));
  const out: number[] = [];
  for (let y = thisYear + 1; y >= first; y--) out.push(y);
  return out;
}

/** Search (member searchText: name, pinyin, credit code, people) and the 状态 filter. */
export function filterRows(
  rows: readonly LedgerRow[],
  query: string,
  status: DuesStatus | 'all',
): LedgerRow[] {
  const q = normalizeQuery(query);
  return rows.filter((r) => (status === 'all' || r.status === status) && matchesSearch(r.searchText, q));
}

export interface Totals {
  amount: number;
  paid: number;
  outstanding: number;
  count: number;
}

export function totalsOf(rows: readonly LedgerRow[]): Totals {
  return rows.reduce(
    (t, r) => ({
      amount: t.amount + r.amount,
      paid: t.paid + r.paid,
      outstanding: t.outstanding + r.outstanding,
      count: t.count + 1,
    }),
    { amount: 0, paid: 0, outstanding: 0, count: 0 },
  );
}

/** Formats integer yuan with thousands separators: 30,000. */
export function yuan(n: number): string {
  return n.toLocaleString('en-US');
}

export const STATUS_COLOR: Record<DuesStatus, string> = {
  paid: 'green',
  partial: 'gold',
  'not-yet-due': 'default',
  overdue: 'red',
};

/** Whether `a` is on or before `b` (dates). */
export function onOrBefore(a: string, b: string): boolean {
  return compareDates(a, b) <= 0;
}
