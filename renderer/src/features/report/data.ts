/**
 * 年度报告: reads what the report needs in one read transaction; the figures are computed by the pure
 * `annualReport` (shared/report/figures.ts).
 */
import type { DeskDB } from '../../db/schema';
import { readCharterSettings, readTrackedFrom } from '../../records/settings';
import type { ReportData } from '../../../../shared/report/figures';

export async function loadReportData(db: DeskDB): Promise<ReportData> {
  return db.transaction(
    'r',
    [
      db.members,
      db.tierChanges,
      db.duesOverrides,
      db.payments,
      db.activities,
      db.participations,
      db.meetings,
      db.attendance,
      db.motions,
      db.ballots,
      db.offices,
      db.programmes,
      db.enrolments,
      db.certificates,
      db.documents,
      db.settings,
    ],
    async () => {
      const [
        members,
        tierChanges,
        overrides,
        payments,
        activities,
        participations,
        meetings,
        attendance,
        motions,
        ballots,
        offices,
        programmes,
        enrolments,
        certificates,
        documents,
      ] = await Promise.all([
        db.members.toArray(),
        db.tierChanges.toArray(),
        db.duesOverrides.toArray(),
        db.payments.toArray(),
        db.activities.toArray(),
        db.participations.toArray(),
        db.meetings.toArray(),
        db.attendance.toArray(),
        db.motions.toArray(),
        db.ballots.toArray(),
        db.offices.toArray(),
        db.programmes.toArray(),
        db.enrolments.toArray(),
        db.certificates.toArray(),
        db.documents.toArray(),
      ]);
      const settings = await readCharterSettings(db);
      const trackedFromSetting = await readTrackedFrom(db);
      return {
        members,
        tierChanges,
        overrides,
        payments,
        activities,
        participations,
        meetings,
        attendance,
        motions,
        ballots,
        offices,
        programmes,
        enrolments,
        certificates,
        documents,
        settings,
        trackedFromSetting,
      };
    },
  );
}
