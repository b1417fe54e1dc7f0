/**
 * The dashboard's counts on the demo dataset, computed independently of the engine and of the desk's code:
 * straight from how shared/demo/generate.ts builds the data (members 7 mod 17 unpaid this year, 3 mod 23
 * half paid, 5 mod 13 never at an activity, member 9 absent from the last two standing councils, one
 * withdrawal in progress, every office's term ending 44 days after `asOf`). Shared by the unit test and the
 * e2e test (which loads the same dataset through 设置 → 加载演示数据).
 */
import type { DemoDataset } from '../../../shared/demo/generate';

const TIER_AMOUNT = { chair: 30000, standing: 30000, director: 10000, member: 5000 } as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `date` minus `months` months (day kept; the demo's days are ≤ 28, asOf's day is used as is). */
function minusMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${date.slice(8, 10)}`;
}

function plusDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86400000).toISOString().slice(0, 10);
}

export interface ExpectedCounts {
  applications: number;
  withdrawalReports: number;
  duesOverdue: number;
  duesOverdueTotal: number;
  autoWithdrawal: number;
  autoWithdrawalDues: number;
  autoWithdrawalInactive: number;
  standingAbsences: number;
  standingAbsentIds: number[];
  meetingsBehind: number;
  termsEnding: number;
}

export function expectedDemoCounts(ds: DemoDataset, asOf: string): ExpectedCounts {
  const thisYear = Number(asOf.slice(0, 4));

  // This year's dues overdue: billed this year, unpaid (7 mod 17) or half paid (3 mod 23), due date passed.
  const overdue = new Map<number, number>();
  for (const m of ds.members) {
    const approved = m.approvedOn!;
    if (Number(approved.slice(0, 4)) > thisYear) continue;
    if (m.left && Number(m.left.on.slice(0, 4)) < thisYear) continue;
    const newThisYear = Number(approved.slice(0, 4)) === thisYear;
    const month = Number(approved.slice(5, 7));
    const dueOn = newThisYear
      ? `${thisYear}-${pad(month + 1)}-${approved.slice(8, 10)}` // approvals are Jul–Oct: +1 month stays in the year
      : `${thisYear}-01-31`;
    const full = TIER_AMOUNT[m.tier];
    const amount = newThisYear && month >= 7 ? Math.floor(full / 2) : full;
    if (!(asOf > dueOn)) continue;
    if (m.id! % 17 === 7) overdue.set(m.id!, amount);
    else if (m.id! % 23 === 3) overdue.set(m.id!, amount - Math.floor(amount / 2));
  }

  // R-M7 candidates among active members: overdue dues, or nothing since (approval | last participation) for 12 months.
  const meetingDate = new Map(ds.meetings.map((mt) => [mt.id!, mt.date]));
  const last = new Map<number, string>();
  const took = (id: number, date: string) => {
    if (date > asOf) return;
    const prev = last.get(id);
    if (!prev || date > prev) last.set(id, date);
  };
  for (const p of ds.participations) took(p.memberId, p.date);
  for (const a of ds.attendance) if (a.status === 'present') took(a.memberId, meetingDate.get(a.meetingId)!);
  const cutoff = minusMonths(asOf, 12);
  let dues = 0;
  let inactive = 0;
  let either = 0;
  for (const m of ds.members) {
    if (m.status !== 'active') continue;
    const l = last.get(m.id!);
    const since = l && l > m.approvedOn! ? l : m.approvedOn!;
    const isInactive = since <= cutoff;
    const isDues = overdue.has(m.id!);
    if (isDues) dues++;
    if (isInactive) inactive++;
    if (isDues || isInactive) either++;
  }

  // R-O6: standing directors (members 1–9) missing two consecutive standing councils (leave counts as absence).
  const standing = ds.meetings
    .filter((mt) => mt.body === 'standing' && mt.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const statusAt = (meetingId: number, memberId: number) =>
    ds.attendance.find((a) => a.meetingId === meetingId && a.memberId === memberId)?.status;
  const absentIds: number[] = [];
  for (let id = 1; id <= 9; id++) {
    for (let i = 1; i < standing.length; i++) {
      if (statusAt(standing[i - 1]!.id!, id) !== 'present' && statusAt(standing[i]!.id!, id) !== 'present') {
        absentIds.push(id);
        break;
      }
    }
  }

  // R-O2/R-O4/R-O6: periods since 1 January last year without a quorate meeting (2/3 of those entitled present).
  const quorate = (mt: DemoDataset['meetings'][number]) => {
    const entitled = mt.entitled.filter((e) => !e.observer).length;
    const present = ds.attendance.filter((a) => a.meetingId === mt.id && a.status === 'present').length;
    return 3 * present >= 2 * entitled;
  };
  const periods: { body: string; start: string; end: string }[] = [];
  for (const y of [thisYear - 1, thisYear]) {
    periods.push({ body: 'assembly', start: `${y}-01-01`, end: `${y}-12-31` });
    periods.push({ body: 'council', start: `${y}-01-01`, end: `${y}-12-31` });
    periods.push({ body: 'standing', start: `${y}-01-01`, end: `${y}-06-30` });
    periods.push({ body: 'standing', start: `${y}-07-01`, end: `${y}-12-31` });
  }
  const behind = periods.filter(
    (p) =>
      p.start <= asOf &&
      !ds.meetings.some(
        (mt) =>
          mt.body === p.body && mt.date >= p.start && mt.date <= p.end && mt.date <= asOf && quorate(mt),
      ),
  ).length;

  const horizon = plusDays(asOf, 90);
  return {
    applications: 0,
    withdrawalReports: ds.members.filter((m) => m.status === 'withdrawing' && !m.withdrawal?.reportedOn)
      .length,
    duesOverdue: overdue.size,
    duesOverdueTotal: [...overdue.values()].reduce((s, v) => s + v, 0),
    autoWithdrawal: either,
    autoWithdrawalDues: dues,
    autoWithdrawalInactive: inactive,
    standingAbsences: absentIds.length,
    standingAbsentIds: absentIds,
    meetingsBehind: behind,
    termsEnding: ds.offices.filter((o) => o.startOn <= asOf && o.endOn >= asOf && o.endOn <= horizon).length,
  };
}
