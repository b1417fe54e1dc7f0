/**
 * 年度报告: reads what the report of one year needs in one read transaction; the figures are computed by the
 * pure `annualReport` (shared/report/figures.ts).
 *
 * The small tables and those every figure needs (members, tier history, payments: the dues engine applies
 * any payment to any year) are read whole. Participations and attendance — the largest tables after the
 * payments, three years of them — are read through their indexes: those in the year's `participationWindow`
 * (R-M7's last 11 months and the months of the year), those of the activities and meetings of the year, and
 * the whole history of the few members that `mayBeInactive` (whose last participation the engine needs).
 * test/unit/report/data.test.ts checks that the figures equal those from the whole tables.
 *
 * The 会费 part (members, tier history, overrides, payments — the largest table — and the dues ledger) is
 * read and computed by `loadDuesPart` in a Worker (dues.worker.ts) while the window reads the rest
 * (`loadOtherData`) and draws; `assembleReport` puts them together.
 */
import { LEDGER_TABLES, readLedgerRows } from '../../records/ledgerRows';
import type { Table } from 'dexie';
import type { DeskDB } from '../../db/schema';
import { readCharterSettings, readTrackedFrom } from '../../records/settings';
import {
  duesPart,
  mayBeInactive,
  participationDates,
  participationWindow,
  reportPeriod,
  type DuesData,
  type DuesPart,
  type OtherData,
} from '../../../../shared/report/figures';
import { compareDates } from '../../../../shared/charter';
import type { AttendanceRecord, Participation } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';

type Whole = Omit<OtherData, 'settings' | 'participations' | 'attendance'>;

/** The tables read whole. */
function wholeTables(db: DeskDB): { [K in keyof Whole]: Table<Whole[K][number]> } {
  return {
    members: db.members,
    tierChanges: db.tierChanges,
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

/** What the dues figures need (read whole: the engine applies a payment to any year, R-D7). */
export async function loadDuesData(db: DeskDB): Promise<DuesData> {
  return db.transaction(
    'r',
    [...LEDGER_TABLES, 'settings'].map((t) => db.table(t)),
    async () => {
      return {
        ...(await readLedgerRows(db)),
        settings: await readCharterSettings(db),
        trackedFromSetting: await readTrackedFrom(db),
      };
    },
  );
}

/** The 会费 part of the report of `year` as of `asOf` (run in dues.worker.ts). */
export async function loadDuesPart(db: DeskDB, year: number, asOf: IsoDate): Promise<DuesPart> {
  return duesPart(await loadDuesData(db), year, asOf);
}

/** Everything else the report of `year` as of `asOf` needs. */
export async function loadOtherData(db: DeskDB, year: number, asOf: IsoDate): Promise<OtherData> {
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
      const inWindow = db.participations.where('date').between(window.from, window.to, true, true).toArray();
      const whole = await lists;
      // Attendance of the meetings in the window (it covers the year); participations of the year's
      // activities (whatever the date recorded on each).
      const meetingIds = whole.meetings
        .filter((m) => m.id !== undefined && within(m.date, window.from, window.to))
        .map((m) => m.id!);
      const activityIds = whole.activities
        .filter((a) => a.id !== undefined && within(a.date, start, end))
        .map((a) => a.id!);
      const [windowParts, windowAttendance, activityParts] = await Promise.all([
        inWindow,
        byKeys<AttendanceRecord>(db.attendance, 'meetingId', meetingIds),
        byKeys<Participation>(db.participations, 'activityId', activityIds),
      ]);
      const took = participationDates(windowParts, whole.meetings, windowAttendance);
      const candidate = mayBeInactive(end);
      const history = whole.members.filter((m) => candidate(m, took.get(m.id ?? -1) ?? [])).map((m) => m.id!);
      const [historyParts, historyAttendance] = history.length
        ? await Promise.all([
            db.participations.where('memberId').anyOf(history).toArray(),
            db.attendance.where('memberId').anyOf(history).toArray(),
          ])
        : [[], []];
      return {
        ...whole,
        participations: union(windowParts, activityParts, historyParts),
        attendance: union(windowAttendance, historyAttendance),
        settings: await readCharterSettings(db),
      };
    },
  );
}
