/**
 * Kept derived values (issue 17): 首页's to-do list and 会费's ledger of the year, kept in the local-only
 * table `derived` (schema v5) across sessions, each with what it was computed from — the as-of date, the
 * charter settings, the stamps of the tables it read and, for the per-member summaries, the last entry of
 * the member change log it has taken in (db/revisions.ts: renewed by every write, in the writing
 * transaction). A value whose stamps match is used as it is; otherwise it is computed by the same
 * functions as before (features/home/dashboard.ts over the engine) and stored again:
 *
 * - `memberSummaries`: one `MemberSummary` per member (its ledger row of the as-of year, its R-M7 check, its
 *   payments of the year). After writes touching a few members, only those members are read (through the
 *   memberId indexes) and recomputed; after a write to every member (a restore, an import of many rows), a
 *   change of the as-of date, the charter settings or a meeting (the dates attendance counts at), all are.
 * - `meetingsPart`: 首页's meetings and offices part, kept while meetings, attendance and offices are unchanged.
 * - The open applications and the first tracked dues year are read fresh each time (a small table; one
 *   indexed row).
 * - `dashboard`: the composed to-do list itself, kept while no table it reads has changed (the stamps of
 *   DASHBOARD_TABLES): a new session with nothing changed reads one small row.
 *
 * The values are read and the stamps checked in one read transaction, so a value is never stored with
 * stamps newer than what it was computed from. Storing happens after the value is shown (not awaited).
 */
import Dexie from 'dexie';
import type { CharterSettings } from '../../../../shared/charter';
import type {
  AttendanceRecord,
  DuesOverride,
  Member,
  Participation,
  Payment,
  TierChange,
} from '../../../../shared/domain/records';
import type { DeskDB } from '../../db/schema';
import { changesAfter, lastChange, pruneChanges, readStamps, sameStamps } from '../../db/revisions';
import { readBank, readCharterSettings, type BankSetting } from '../../records/settings';
import { trackedFromOf } from '../../records/ledgerRows';
import { APP_VERSION } from '../../platform/version';
import type { LedgerResult, LedgerRow } from '../dues/ledger';
import {
  DASHBOARD_TABLES,
  dashboardFromParts,
  meetingsPartOf,
  summariesFromRows,
  summariesOf,
  type Dashboard,
  type MeetingsPart,
  type MemberSummary,
} from './dashboard';

/**
 * The layout (and meaning) of the kept values: raise it whenever what a summary or part holds, or how the
 * code computing it decides, changes — a kept value of another format is computed again.
 */
export const DERIVED_FORMAT = 1;
/**
 * What a kept value is checked against besides its stamps: the format and the app's version (a new release
 * may decide a rule differently — its engine's values are computed again, never taken from an older one).
 */
const FORMAT = `${DERIVED_FORMAT}:${APP_VERSION}`;

/** Above this many touched members, every summary is recomputed from whole tables (one read is faster). */
const INCREMENTAL_LIMIT = 500;

const SUMMARIES_KEY = 'memberSummaries';
const MEETINGS_KEY = 'meetingsPart';

/** What the member summaries read. */
export const SUMMARY_TABLES = [
  'members',
  'tierChanges',
  'duesOverrides',
  'payments',
  'participations',
  'attendance',
  'meetings',
] as const;
const MEETINGS_TABLES = ['meetings', 'attendance', 'offices'] as const;

type SummariesEntry = {
  key: typeof SUMMARIES_KEY;
  format: string;
  asOf: string;
  settings: string;
  /** The meetings table's stamp (a meeting's date counts for its attendance; any change recomputes all). */
  meetings: string | undefined;
  /** The last change-log entry taken in. */
  seq: number;
  summaries: MemberSummary[];
};

/** How the last value was obtained (for tests and the bench's record). */
export type KeptHow = 'kept' | 'incremental' | 'computed';

const writes = new Set<Promise<void>>();
/**
 * Stores a computed value after the desk has shown it: `write` runs a little later (its structured clone of
 * 10,000 summaries is main-thread work that would otherwise come before the first paint). A failed store is
 * harmless (the value is computed again next time).
 */
function store(write: () => Promise<unknown>): void {
  const w: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, STORE_DELAY_MS))
    .then(write)
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => writes.delete(w));
  writes.add(w);
}
const STORE_DELAY_MS = 300;
/** Resolves when every value computed so far has been stored (tests). */
export async function keptWritesDone(): Promise<void> {
  while (writes.size) await Promise.all([...writes]);
}

/** Every member's summary as of `asOf`: kept, brought up to date for the members written since, or computed. */
export async function keptSummaries(
  db: DeskDB,
  asOf: string,
  settings: CharterSettings,
): Promise<{ summaries: MemberSummary[]; how: KeptHow }> {
  const settingsKey = JSON.stringify(settings);
  const result = await db.transaction(
    'r',
    [db.derived, db.changeLog, db.revisions, ...SUMMARY_TABLES.map((t) => db.table(t))],
    async () => {
      const [entry, stamps, seq] = await Promise.all([
        db.derived.get(SUMMARIES_KEY) as Promise<SummariesEntry | undefined>,
        readStamps(db, ['meetings']),
        lastChange(db),
      ]);
      const valid =
        entry &&
        entry.format === FORMAT &&
        entry.asOf === asOf &&
        entry.settings === settingsKey &&
        entry.meetings === stamps.meetings &&
        entry.seq <= seq;
      if (valid && entry.seq === seq)
        return { summaries: entry.summaries, how: 'kept' as const, seq, meetings: stamps.meetings };
      if (valid) {
        const dirty = new Set<number>();
        let all = false;
        for (const c of await changesAfter(db, entry.seq)) {
          if (c.members === null) all = true;
          else for (const id of c.members) dirty.add(id);
          if (all || dirty.size > INCREMENTAL_LIMIT) break;
        }
        if (!all && dirty.size <= INCREMENTAL_LIMIT) {
          const ids = [...dirty];
          const [members, tiers, overrides, payments, participations, attendance] = await Promise.all([
            db.members.bulkGet(ids),
            db.tierChanges.where('memberId').anyOf(ids).toArray(),
            Promise.all(
              ids.map((id) =>
                db.duesOverrides
                  .where('[memberId+year]')
                  .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
                  .toArray(),
              ),
            ).then((l) => l.flat()),
            db.payments.where('memberId').anyOf(ids).toArray(),
            db.participations.where('memberId').anyOf(ids).toArray(),
            db.attendance.where('memberId').anyOf(ids).toArray(),
          ]);
          const meetingIds = [...new Set(attendance.map((a) => a.meetingId))];
          const meetings = await db.meetings.bulkGet(meetingIds);
          const meetingDate = new Map<number, string>();
          meetings.forEach((m, i) => m && meetingDate.set(meetingIds[i]!, m.date));
          const fresh = freshSummaries(
            members.filter((m): m is Member => m !== undefined),
            { tiers, overrides, payments, participations, attendance, meetingDate },
            asOf,
            settings,
          );
          const summaries = entry.summaries.filter((s) => !dirty.has(s.id));
          for (const s of fresh) summaries.push(s);
          summaries.sort((a, b) => a.id - b.id);
          return { summaries, how: 'incremental' as const, seq, meetings: stamps.meetings };
        }
      }
      const [members, tierChanges, overrides, payments, participations, attendance, meetings] =
        await Promise.all([
          db.members.toArray(),
          db.tierChanges.toArray(),
          db.duesOverrides.toArray(),
          db.payments.toArray(),
          db.participations.toArray(),
          db.attendance.toArray(),
          db.meetings.toArray(),
        ]);
      return {
        summaries: summariesOf(
          { members, tierChanges, overrides, payments, participations, attendance, meetings },
          asOf,
          settings,
        ),
        how: 'computed' as const,
        seq,
        meetings: stamps.meetings,
      };
    },
  );
  if (result.how !== 'kept') {
    const entry: SummariesEntry = {
      key: SUMMARIES_KEY,
      format: FORMAT,
      asOf,
      settings: settingsKey,
      meetings: result.meetings,
      seq: result.seq,
      summaries: result.summaries,
    };
    store(() => storeSummaries(db, entry, result.seq));
  }
  return { summaries: result.summaries, how: result.how };
}

/** The summaries of `members` from their own rows (the incremental path). */
function freshSummaries(
  members: readonly Member[],
  rows: {
    tiers: readonly TierChange[];
    overrides: readonly DuesOverride[];
    payments: readonly Payment[];
    participations: readonly Participation[];
    attendance: readonly AttendanceRecord[];
    meetingDate: ReadonlyMap<number, string>;
  },
  asOf: string,
  settings: CharterSettings,
): MemberSummary[] {
  return summariesFromRows(members, { ...rows, tierChanges: rows.tiers }, rows.meetingDate, asOf, settings);
}

/**
 * Stores the summaries unless a value that has taken in later changes is there already, and drops the
 * change log up to what they have taken in. (A value stored with an older `seq` than the one kept would
 * miss the changes already dropped.)
 */
async function storeSummaries(db: DeskDB, entry: SummariesEntry, seq: number): Promise<void> {
  await db.transaction('rw', [db.derived, db.changeLog, db.revisions], async () => {
    const kept = (await db.derived.get(SUMMARIES_KEY)) as SummariesEntry | undefined;
    if (kept && kept.seq > seq) return;
    // A meeting written since the values were read: their stamp is unknown, store nothing.
    if ((await readStamps(db, ['meetings'])).meetings !== entry.meetings) return;
    await db.derived.put(entry);
    await pruneChanges(db, seq);
  });
}

/** 首页's meetings and offices part as of `asOf`: kept while meetings, attendance and offices are unchanged. */
export function keptMeetingsPart(
  db: DeskDB,
  asOf: string,
  settings: CharterSettings,
): Promise<{ value: MeetingsPart; how: KeptHow }> {
  return keptByStamps(db, MEETINGS_KEY, MEETINGS_TABLES, `${asOf}|${JSON.stringify(settings)}`, async () => {
    const [meetings, attendance, offices] = await Promise.all([
      db.meetings.toArray(),
      db.attendance.toArray(),
      db.offices.toArray(),
    ]);
    return meetingsPartOf({ meetings, attendance, offices, settings }, asOf);
  });
}

type StampedEntry<T> = {
  key: string;
  format: string;
  params: string;
  stamps: Record<string, string | undefined>;
  value: T;
};

/**
 * A value computed from whole tables, kept in `derived` under `key` while those tables' stamps, the format
 * and `params` are unchanged; `compute` reads what it needs inside the same read transaction. For a desk
 * whose first view reads large tables to show a few figures (the 会议 list: the quorum of each meeting from
 * every attendance record, issue 17). A live query over it re-runs on every write of those tables (their
 * stamps are read each time).
 */
export async function keptByStamps<T>(
  db: DeskDB,
  key: string,
  tables: readonly string[],
  params: string,
  compute: () => Promise<T>,
): Promise<{ value: T; how: KeptHow }> {
  const r = await db.transaction(
    'r',
    [db.derived, db.revisions, ...tables.map((t) => db.table(t))],
    async () => {
      const [entry, stamps] = await Promise.all([
        db.derived.get(key) as Promise<StampedEntry<T> | undefined>,
        readStamps(db, tables),
      ]);
      if (entry && entry.format === FORMAT && entry.params === params && sameStamps(entry.stamps, stamps))
        return { value: entry.value, how: 'kept' as const, stamps };
      return { value: await compute(), how: 'computed' as const, stamps };
    },
  );
  if (r.how === 'computed') {
    const entry: StampedEntry<T> = { key, format: FORMAT, params, stamps: r.stamps, value: r.value };
    store(() => db.derived.put(entry));
  }
  return { value: r.value, how: r.how };
}

type DashboardEntry = {
  key: typeof DASHBOARD_KEY;
  format: string;
  asOf: string;
  stamps: Record<string, string | undefined>;
  value: Dashboard;
};
const DASHBOARD_KEY = 'dashboard';

/**
 * 首页's to-do list as of `asOf`: the kept list itself while no table it reads has changed (its stamps, read
 * BEFORE its parts, so a list is never stored with stamps newer than its data); else from its kept parts,
 * each brought up to date first. `how`: the list's ('kept') or its parts' (summaries, meetings part).
 */
export async function keptDashboard(db: DeskDB, asOf: string): Promise<Dashboard & { how: KeptHow[] }> {
  const [entry, stamps] = await db.transaction('r', [db.derived, db.revisions], () =>
    Promise.all([
      db.derived.get(DASHBOARD_KEY) as Promise<DashboardEntry | undefined>,
      readStamps(db, DASHBOARD_TABLES),
    ]),
  );
  if (entry && entry.format === FORMAT && entry.asOf === asOf && sameStamps(entry.stamps, stamps))
    return { ...entry.value, how: ['kept'] };
  const settings = await readCharterSettings(db);
  const [applications, s, m, tracked] = await Promise.all([
    db.applications.toArray(),
    keptSummaries(db, asOf, settings),
    keptMeetingsPart(db, asOf, settings),
    trackedFromOf(db, asOf),
  ]);
  const d = dashboardFromParts({
    asOf,
    applications,
    summaries: s.summaries,
    meetings: m.value,
    trackedFrom: tracked.year,
  });
  const kept: DashboardEntry = { key: DASHBOARD_KEY, format: FORMAT, asOf, stamps, value: d };
  store(() => db.derived.put(kept));
  return { ...d, how: [s.how, m.how] };
}

/** What the dues desk shows for the as-of year (its first view), from the kept member summaries. */
export interface DuesYearView {
  year: number;
  ledger: LedgerResult;
  /** The year's payments of every member (the chart's input). */
  yearPayments: Payment[];
  members: Pick<Member, 'id' | 'name' | 'status' | 'approvedOn'>[];
  settings: CharterSettings;
  bank: BankSetting | undefined;
  trackedFrom: number;
  trackedFromSet: boolean;
  how: KeptHow;
}

export async function keptDuesYear(db: DeskDB, asOf: string): Promise<DuesYearView> {
  const settings = await readCharterSettings(db);
  const [s, bank, tracked] = await Promise.all([
    keptSummaries(db, asOf, settings),
    readBank(db),
    trackedFromOf(db, asOf),
  ]);
  const rows: LedgerRow[] = [];
  const problems: LedgerResult['problems'] = [];
  const yearPayments: Payment[] = [];
  const members: DuesYearView['members'] = [];
  for (const m of s.summaries) {
    if (m.row) rows.push(m.row);
    if (m.problem !== undefined) problems.push({ memberId: m.id, name: m.name, message: m.problem });
    for (const p of m.yearPayments) yearPayments.push(p);
    const lite: DuesYearView['members'][number] = { id: m.id, name: m.name, status: m.status };
    if (m.approvedOn) lite.approvedOn = m.approvedOn;
    members.push(lite);
  }
  return {
    year: Number(asOf.slice(0, 4)),
    ledger: { rows, problems },
    yearPayments,
    members,
    settings,
    bank,
    trackedFrom: tracked.year,
    trackedFromSet: tracked.year === tracked.setting,
    how: s.how,
  };
}
