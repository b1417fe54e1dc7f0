/**
 * The annual report's figures on the demo dataset, counted independently of shared/report and of the charter
 * engine: straight from how shared/demo/generate.ts builds the data (tiers never change after admission, the
 * leavers' `left` dates, every meeting's attendance, motions by counts, one payment per member and year).
 * Shared by the unit test and the e2e test (which loads the same dataset through 设置 → 加载演示数据).
 */
import type { DemoDataset } from '../../../shared/demo/generate';
import type { MemberStatus } from '../../../shared/domain/types';

const TIER_AMOUNT = { chair: 30000, standing: 30000, director: 10000, member: 5000 } as const;

export interface ExpectedReport {
  startTotal: number;
  endTotal: number;
  endByTier: Record<string, number>;
  endByStatus: Partial<Record<MemberStatus, number>>;
  joined: number;
  left: number;
  due: number;
  collected: number;
  arrears: number;
  arrearsUnits: number;
  meetingsHeld: Record<string, number>;
  attendance: { name: string; entitled: number; present: number }[];
  motions: number;
  adopted: number;
  notAdopted: number;
  activities: { name: string; units: number }[];
  endingNextYear: number;
  receivedInYear: number;
}

/** `year`'s figures as of `asOf` (asOf within the year, or after it: the figures stop at 31 December). */
export function expectedDemoReport(ds: DemoDataset, year: number, asOf: string): ExpectedReport {
  const end = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const start = `${year}-01-01`;
  const memberOn = (m: DemoDataset['members'][number], d: string) =>
    m.approvedOn! <= d && (!m.left || m.left.on > d);
  const endMembers = ds.members.filter((m) => memberOn(m, end));
  const endByTier: Record<string, number> = {};
  for (const m of endMembers) endByTier[m.tier] = (endByTier[m.tier] ?? 0) + 1;
  const endByStatus: Partial<Record<MemberStatus, number>> = {};
  for (const m of ds.members) {
    if (m.approvedOn! > end) continue;
    const s: MemberStatus =
      m.left && m.left.on <= end
        ? m.left.how
        : m.withdrawal && m.withdrawal.noticeReceivedOn <= end
          ? 'withdrawing'
          : 'active';
    endByStatus[s] = (endByStatus[s] ?? 0) + 1;
  }

  // Dues of the year: billed members (approved by the year's end, not gone before 1 January); arrears are
  // what is unpaid after the due date (31 January, or one month after a new member's approval).
  let due = 0;
  let arrears = 0;
  let arrearsUnits = 0;
  for (const m of ds.members) {
    const ay = Number(m.approvedOn!.slice(0, 4));
    if (ay > year || m.approvedOn! > end) continue;
    if (m.left && m.left.on <= start && ay < year) continue;
    const full = TIER_AMOUNT[m.tier];
    const month = Number(m.approvedOn!.slice(5, 7));
    const amount = ay === year && month >= 7 ? Math.floor(full / 2) : full;
    due += amount;
    const dueOn =
      ay === year
        ? month === 12
          ? `${year + 1}-01-${m.approvedOn!.slice(8, 10)}`
          : `${year}-${String(month + 1).padStart(2, '0')}-${m.approvedOn!.slice(8, 10)}`
        : `${year}-01-31`;
    const paid = ds.payments
      .filter((p) => p.memberId === m.id && p.year === year && p.paidOn <= end)
      .reduce((s, p) => s + p.amount, 0);
    if (end > dueOn && paid < amount) {
      arrears += amount - paid;
      arrearsUnits++;
    }
  }
  const collected = ds.payments
    .filter((p) => p.year === year && p.paidOn <= end)
    .reduce((s, p) => s + p.amount, 0);
  const receivedInYear = ds.payments
    .filter((p) => p.paidOn >= start && p.paidOn <= end)
    .reduce((s, p) => s + p.amount, 0);

  const meetings = ds.meetings
    .filter((m) => m.date >= start && m.date <= end)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const meetingsHeld: Record<string, number> = { assembly: 0, council: 0, standing: 0 };
  const attendance: ExpectedReport['attendance'] = [];
  let adopted = 0;
  let motions = 0;
  for (const m of meetings) {
    const entitled = m.entitled.filter((e) => !e.observer).length;
    const present = ds.attendance.filter(
      (a) => a.meetingId === m.id && (m.form === 'remote' ? !!a.ballotReturnedOn : a.status === 'present'),
    ).length;
    attendance.push({ name: m.name, entitled, present });
    const quorate = 3 * present >= 2 * entitled;
    if (quorate) meetingsHeld[m.body]!++;
    for (const mo of ds.motions.filter((x) => x.meetingId === m.id)) {
      motions++;
      const f = mo.counts!.for;
      const ok = quorate && (m.body === 'assembly' ? 2 * f >= present : 3 * f >= 2 * present);
      // Standing council: the demo records the guiding unit's approval of every motion (R-O6).
      if (ok) adopted++;
    }
  }
  const activities = ds.activities
    .filter((a) => a.date >= start && a.date <= end)
    .map((a) => ({
      name: a.name,
      units: new Set(ds.participations.filter((p) => p.activityId === a.id).map((p) => p.memberId)).size,
    }));
  return {
    startTotal: ds.members.filter((m) => memberOn(m, start)).length,
    endTotal: endMembers.length,
    endByTier,
    endByStatus,
    joined: ds.members.filter((m) => m.approvedOn! >= start && m.approvedOn! <= end).length,
    left: ds.members.filter((m) => m.left && m.left.on >= start && m.left.on <= end).length,
    due,
    collected,
    arrears,
    arrearsUnits,
    meetingsHeld,
    attendance,
    motions,
    adopted,
    notAdopted: motions - adopted,
    activities,
    endingNextYear: ds.offices.filter((o) => o.endOn.startsWith(String(year + 1))).length,
    receivedInYear,
  };
}
