/**
 * 年度报告: reads what the report needs in one read transaction; the figures are computed by the pure
 * `annualReport` (shared/report/figures.ts).
 */
import type { Table } from 'dexie';
import type { DeskDB } from '../../db/schema';
import { readCharterSettings, readTrackedFrom } from '../../records/settings';
import type { ReportData } from '../../../../shared/report/figures';

type Rows = Omit<ReportData, 'settings' | 'trackedFromSetting'>;

/** The table each list of the report's data is read from (whole tables: the figures filter by date). */
function tablesOf(db: DeskDB): { [K in keyof Rows]: Table<Rows[K][number]> } {
  return {
    members: db.members,
    tierChanges: db.tierChanges,
    overrides: db.duesOverrides,
    payments: db.payments,
    activities: db.activities,
    participations: db.participations,
    meetings: db.meetings,
    attendance: db.attendance,
    motions: db.motions,
    ballots: db.ballots,
    offices: db.offices,
    programmes: db.programmes,
    enrolments: db.enrolments,
    certificates: db.certificates,
    documents: db.documents,
  };
}

export async function loadReportData(db: DeskDB): Promise<ReportData> {
  const tables = tablesOf(db);
  return db.transaction('r', [...Object.values(tables), db.settings], async () => {
    const lists = await Promise.all(
      Object.entries(tables).map(async ([key, table]) => [key, await (table as Table).toArray()] as const),
    );
    return {
      ...(Object.fromEntries(lists) as unknown as Rows),
      settings: await readCharterSettings(db),
      trackedFromSetting: await readTrackedFrom(db),
    };
  });
}
