/**
 * 年度报告: reads what the report of one year needs — each row once, in one read transaction — and computes
 * the figures by the pure `annualReport` (shared/report/figures.ts). The view runs `computeReport` in a
 * Worker (report.worker.ts), so the rows never cross to the window, only the figures.
 *
 * The small tables and those every figure needs (members, tier history, overrides, payments: the dues
 * engine applies any payment to any year, R-D7) are read whole, all requested at once. Participations and
 * attendance — the largest tables after the payments, three years of them — are read through their
 * indexes: those in the year's `participationWindow` (R-M7's last 11 months and the months of the year: one
 * range of the date index), the attendance of the meetings in it, those of the year's activities recorded
 * on a day outside it (found by their keys), and the whole history of the few members that `mayBeInactive`
 * (whose last participation the engine needs). test/unit/report/data.test.ts checks that the figures equal
 * those from the whole tables.
 */
import type { Table } from 'dexie';
import type { DeskDB } from '../../db/schema';
import { readCharterSettings, readTrackedFrom } from '../../records/settings';
import {
  annualReport,
  mayBeInactive,
  participationDates,
  participationWindow,
  reportPeriod,
  type AnnualReport,
  type ReportData,
} from '../../../../shared/report/figures';
import { compareDates } from '../../../../shared/charter';
import type { AttendanceRecord, Participation } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';

type Whole = Omit<ReportData, 'settings' | 'trackedFromSetting' | 'participations' | 'attendance'>;

/** The tables read whole. */
function wholeTables(db: DeskDB): { [K in keyof Whole]: Table<Whole[K][number]> } {
  return {
    members: db.members,
    tierChanges: db.tierChanges,
    overrides: db.duesOverrides,
    payments: db.payments,
    activities: db.activities,
    meetings: db.meetings,
    motions: db.motions,
    ballots: db.ballots,
    offices: db.offices,
    programmes: db.programmes,
    enrolments: db.enrolments,
    certificates: db.certificates,
    documents: db.documents,
  };
}

const within = (date: IsoDate, from: IsoDate, to: IsoDate) =>
  compareDates(date, from) >= 0 && compareDates(date, to) <= 0;

/** Rows of `table` whose `index` equals one of `keys`, one request per key (getAll on each key). */
async function byKeys<T>(table: Table<T>, index: string, keys: readonly number[]): Promise<T[]> {
  const lists = await Promise.all(keys.map((k) => table.where(index).equals(k).toArray()));
  return lists.flat();
}

/** The union of row lists, each row once, in primary-key order (as a whole-table read returns them). */
function union<T extends { id?: number }>(...lists: T[][]): T[] {
  const byId = new Map<number, T>();
  for (const l of lists) for (const r of l) if (r.id !== undefined) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id! - b.id!);
}

/**
 * Everything the report of `year` as of `asOf` needs, each row read once, in one read transaction: the tables
 * read whole all requested at once (getAll each), then participations and attendance through their indexes.
 */
export async function loadReportData(db: DeskDB, year: number, asOf: IsoDate): Promise<ReportData> {
  const { start, end } = reportPeriod(year, asOf);
  const window = participationWindow(year, asOf);
  const tables = wholeTables(db);
  return db.transaction(
    'r',
    [...Object.values(tables), db.participations, db.attendance, db.settings],
    async () => {
      const lists = Promise.all(
        Object.entries(tables).map(async ([key, table]) => [key, await (table as Table).toArray()] as const),
      ).then((l) => Object.fromEntries(l) as unknown as Whole);
      const settings = readCharterSettings(db);
      const trackedFromSetting = readTrackedFrom(db);
      // The window's participations: one contiguous range of the date index.
      const inWindow = db.participations.where('date').between(window.from, window.to, true, true).toArray();
      const whole = await lists;
      // Attendance of the meetings in the window (it covers the year).
      const meetingIds = whole.meetings
        .filter((m) => m.id !== undefined && within(m.date, window.from, window.to))
        .map((m) => m.id!);
      const windowAttendance = byKeys<AttendanceRecord>(db.attendance, 'meetingId', meetingIds);
      // Participations of the year's activities whatever the date recorded on each: almost all are in the
      // window already, so only their keys are read and the few others fetched.
      const activityIds = whole.activities
        .filter((a) => a.id !== undefined && within(a.date, start, end))
        .map((a) => a.id!);
      const activityKeys = Promise.all(
        activityIds.map((k) => db.participations.where('activityId').equals(k).primaryKeys()),
      );
      const windowParts = await inWindow;
      const have = new Set(windowParts.map((p) => p.id));
      const missing = (await activityKeys).flat().filter((id) => !have.has(id));
      const activityParts = missing.length
        ? (await db.participations.bulkGet(missing)).filter((p): p is Participation => !!p)
        : [];
      const attendanceInWindow = await windowAttendance;
      const took = participationDates(windowParts, whole.meetings, attendanceInWindow);
      const candidate = mayBeInactive(end);
      const history = whole.members.filter((m) => candidate(m, took.get(m.id ?? -1) ?? [])).map((m) => m.id!);
      const [historyParts, historyAttendance] = await Promise.all([
        byKeys<Participation>(db.participations, 'memberId', history),
        byKeys<AttendanceRecord>(db.attendance, 'memberId', history),
      ]);
      return {
        ...whole,
        participations: union(windowParts, activityParts, historyParts),
        attendance: union(attendanceInWindow, historyAttendance),
        settings: await settings,
        trackedFromSetting: await trackedFromSetting,
      };
    },
  );
}

/**
 * The report of `year` as of `asOf` (`annualReport`) and the first year of the year list (the earliest
 * approval): computed where the records are read (report.worker.ts), so only the figures cross threads.
 */
export interface ComputedReport {
  report: AnnualReport;
  firstYear: number | null;
}

export async function computeReport(db: DeskDB, year: number, asOf: IsoDate): Promise<ComputedReport> {
  const data = await loadReportData(db, year, asOf);
  let firstYear: number | null = null;
  for (const m of data.members)
    if (m.approvedOn) firstYear = Math.min(firstYear ?? Infinity, Number(m.approvedOn.slice(0, 4)));
  return { report: annualReport(data, year, asOf), firstYear };
}
