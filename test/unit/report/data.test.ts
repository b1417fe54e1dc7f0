/**
 * 年度报告's read (renderer/src/features/report/data.ts): participations and attendance are read through
 * their indexes, only what the year needs (R-M7's window, the year's activities and meetings, the whole
 * history of members that may be inactive), each row once, and `computeReport` (what the view's Worker
 * runs) computes `annualReport` of them. The figures must be exactly those from the whole tables, on the
 * demo dataset (fake IndexedDB) for several years and as-of dates, with edge records added: a participation
 * recorded on another day than its activity, a member whose only participation is years old, one attended
 * only a meeting outside the window.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { loadDemo } from '../../../renderer/src/db/demo';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { computeReport, loadReportData } from '../../../renderer/src/features/report/data';
import { annualReport, type ReportData } from '../../../shared/report/figures';
import { readCharterSettings, readTrackedFrom } from '../../../renderer/src/records/settings';

const AS_OF = '2026-11-21';

async function wholeTables(db: DeskDB): Promise<ReportData> {
  return {
    members: await db.members.toArray(),
    tierChanges: await db.tierChanges.toArray(),
    overrides: await db.duesOverrides.toArray(),
    payments: await db.payments.toArray(),
    activities: await db.activities.toArray(),
    participations: await db.participations.toArray(),
    meetings: await db.meetings.toArray(),
    attendance: await db.attendance.toArray(),
    motions: await db.motions.toArray(),
    ballots: await db.ballots.toArray(),
    offices: await db.offices.toArray(),
    programmes: await db.programmes.toArray(),
    enrolments: await db.enrolments.toArray(),
    certificates: await db.certificates.toArray(),
    documents: await db.documents.toArray(),
    settings: await readCharterSettings(db),
    trackedFromSetting: await readTrackedFrom(db),
  };
}

describe('年度报告 read through the indexes: the same figures as from the whole tables', () => {
  let db: DeskDB;
  let full: ReportData;

  beforeAll(async () => {
    db = freshDb();
    const ds = await loadDemo(db, { asOf: AS_OF });
    const activity = ds.activities.find((a) => a.date.startsWith('2025'))!;
    const [m1, m2, m3] = ds.members.filter((m) => m.approvedOn && m.approvedOn < '2024-01-01');
    const meeting = ds.meetings.find((m) => m.date < '2024-06-01')!;
    // A participation of a 2025 activity recorded on another day (outside 2025's window), a member whose
    // only participation is in 2024, one that only attended an early 2024 meeting.
    await db.participations.where('memberId').anyOf([m1!.id!, m2!.id!, m3!.id!]).delete();
    await db.attendance.where('memberId').anyOf([m2!.id!, m3!.id!]).delete();
    await db.participations.bulkAdd([
      { activityId: activity.id!, memberId: m1!.id!, date: '2024-12-30' },
      {
        activityId: ds.activities.find((a) => a.date.startsWith('2024'))!.id!,
        memberId: m2!.id!,
        date: '2024-03-02',
      },
    ]);
    await db.attendance.add({
      ...ds.attendance.find((a) => a.meetingId === meeting.id)!,
      id: undefined,
      memberId: m3!.id!,
      status: 'present',
    });
    full = await wholeTables(db);
  }, 120_000);

  for (const [year, asOf] of [
    [2026, AS_OF],
    [2026, '2026-03-31'],
    [2025, AS_OF],
    [2025, '2025-06-30'],
    [2025, '2025-12-31'],
    [2024, '2024-12-31'],
    [2024, '2024-02-29'],
  ] as const) {
    it(`${year} as of ${asOf}`, async () => {
      const read = await loadReportData(db, year, asOf);
      expect(read.participations.length).toBeLessThan(full.participations.length);
      expect(read.attendance.length).toBeLessThan(full.attendance.length);
      const r = annualReport(read, year, asOf);
      // Everything, the refused records included (the edge members' removed attendance makes some recorded
      // tallies exceed the members present: reported as problems, the same either way).
      expect(r).toEqual(annualReport(full, year, asOf));
    }, 60_000);
  }

  it('flags the edge members of 2025 as in the whole tables (R-M7, last participation found)', async () => {
    const { report: r } = await computeReport(db, 2025, '2025-12-31');
    expect(r.membership.activity.inactive.length).toBeGreaterThan(0);
    expect(r.membership.activity.inactive.some((x) => x.lastParticipationOn === '2024-03-02')).toBe(true);
  }, 60_000);
});
