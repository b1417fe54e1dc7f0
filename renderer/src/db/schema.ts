/**
 * The one Dexie module: the whole product's schema, versioned. Every later version adds a
 * `db.version(n).stores(...).upgrade(...)` step below AND a fixture + test in test/unit/db/migrations.test.ts.
 *
 * The database lives in the origin `app://desk` (Electron) or the 127.0.0.1 origin (browser mode).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Activity,
  AgendaItem,
  Application,
  AttendanceRecord,
  AuditEntry,
  Ballot,
  Certificate,
  ContactChange,
  DuesOverride,
  Enrolment,
  ImportBatch,
  Meeting,
  Member,
  MinuteVersion,
  Motion,
  Office,
  OutgoingDocument,
  Participation,
  Payment,
  Programme,
  Setting,
  StoredFile,
  TierChange,
} from '../../../shared/domain/records';
import { legacyIdsTo, moveRange } from '../../../shared/data/ids';
import { RECORD_TABLES, REFERENCES, rekeyRow, repointRow } from '../../../shared/data/references';
import { idMiddleware, workstationNumber } from './ids';
import { outboxMiddleware, type OutboxEntry } from './outbox';
import { revisionsMiddleware, type ChangeEntry, type DerivedEntry, type Revision } from './revisions';
import { appendAudit } from './audit';

export const DB_NAME = 'secretariat-desk';

/** Version 1: the schema for the whole product. Index strings only list indexed fields. */
export const SCHEMA_V1 = {
  members: '++id, &creditCode, name, status, tier, approvedOn, importBatchId',
  contactChanges: '++id, memberId, [memberId+role], noticeOn',
  tierChanges: '++id, memberId, effectiveFrom',
  applications: '++id, step, memberId, unit.creditCode, createdAt',
  duesOverrides: '++id, &[memberId+year], year',
  payments: '++id, memberId, year, [memberId+year], paidOn',
  activities: '++id, date, kind',
  participations: '++id, activityId, memberId, [memberId+date], date',
  meetings: '++id, body, date, [body+date]',
  attendance: '++id, meetingId, memberId, &[meetingId+memberId]',
  agendaItems: '++id, meetingId, [meetingId+order]',
  minuteVersions: '++id, agendaItemId, savedAt',
  motions: '++id, meetingId, agendaItemId',
  ballots: '++id, motionId, memberId, &[motionId+memberId]',
  offices: '++id, role, memberId, startOn, endOn',
  programmes: '++id, name, callYear',
  enrolments: '++id, programmeId, memberId, &[programmeId+memberId], status',
  files: '++id, [ownerType+ownerId], sha256',
  documents: '++id, &[year+seq], year, status, type, date',
  certificates: '++id, &certificateNo, memberId, kind, programmeId',
  settings: 'key',
  audit: '++id, at, entity, memberId, action, [entity+entityId]',
  imports: '++id, at',
} as const;

/**
 * Version 2: the member store drops the indexes nothing queries (status, tier, approvedOn; the roster
 * filters in memory). Each index is written with every member, so this takes about a quarter off the
 * cost of writing members (issue 9: the 10,000-row roster import). No data changes: no upgrade function.
 */
export const SCHEMA_V2 = {
  members: '++id, &creditCode, name, importBatchId',
} as const;

/**
 * Version 3 (issue 19): ids that cannot collide across workstations. No index changes; every row of every
 * record table is re-keyed into this workstation's range (`n × 2³² + id`, shared/data/ids.ts) with every
 * reference in it (shared/data/references.ts) — its own id, memberId, meetingId, …, the ids inside its
 * JSON fields and inside the audit trail's recorded changes. Settings keep their keys (names). From this
 * version on, new ids come from the id middleware (db/ids.ts), never from IndexedDB's key generator.
 */
export const SCHEMA_V3 = {} as const;

/**
 * Version 4 (issue 19): the sync outbox — every write of a replicated table records its key here in the
 * same transaction (renderer/src/db/outbox.ts), drained into the local PouchDB replica. Local-only:
 * never replicated (shared/sync/scope.ts LOCAL_TABLES), never in a backup. No data changes.
 */
export const SCHEMA_V4 = {
  syncOutbox: '++seq',
} as const;

/**
 * Version 5 (issue 17): kept derived values. `revisions` (a stamp per table, renewed by every write in the
 * writing transaction) and `changeLog` (which members each write touched) are kept by the middleware of
 * db/revisions.ts; `derived` holds values computed from the records (首页's and 会费's per-member summaries,
 * 首页's meetings part), each with the stamps it was computed at (features/home/derived.ts). All three are
 * local-only (shared/sync/scope.ts LOCAL_TABLES): never replicated, never in a backup. They start empty —
 * nothing is stamped yet, so every derived value is computed the first time. No data changes.
 */
export const SCHEMA_V5 = {
  revisions: 'table',
  changeLog: '++seq',
  derived: 'key',
} as const;

export const SCHEMA_VERSION = 5;
export type TableName = keyof typeof SCHEMA_V1;
export const TABLE_NAMES = Object.keys(SCHEMA_V1) as TableName[];

export type DeskDB = Dexie & {
  members: EntityTable<Member, 'id'>;
  contactChanges: EntityTable<ContactChange, 'id'>;
  tierChanges: EntityTable<TierChange, 'id'>;
  applications: EntityTable<Application, 'id'>;
  duesOverrides: EntityTable<DuesOverride, 'id'>;
  payments: EntityTable<Payment, 'id'>;
  activities: EntityTable<Activity, 'id'>;
  participations: EntityTable<Participation, 'id'>;
  meetings: EntityTable<Meeting, 'id'>;
  attendance: EntityTable<AttendanceRecord, 'id'>;
  agendaItems: EntityTable<AgendaItem, 'id'>;
  minuteVersions: EntityTable<MinuteVersion, 'id'>;
  motions: EntityTable<Motion, 'id'>;
  ballots: EntityTable<Ballot, 'id'>;
  offices: EntityTable<Office, 'id'>;
  programmes: EntityTable<Programme, 'id'>;
  enrolments: EntityTable<Enrolment, 'id'>;
  files: EntityTable<StoredFile, 'id'>;
  documents: EntityTable<OutgoingDocument, 'id'>;
  certificates: EntityTable<Certificate, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  audit: EntityTable<AuditEntry, 'id'>;
  imports: EntityTable<ImportBatch, 'id'>;
  syncOutbox: EntityTable<OutboxEntry, 'seq'>;
  revisions: EntityTable<Revision, 'table'>;
  changeLog: EntityTable<ChangeEntry, 'seq'>;
  derived: EntityTable<DerivedEntry, 'key'>;
};

/**
 * Declares every version on a Dexie instance. `upTo` lets the migration harness open an older
 * version with fixture data before upgrading it.
 */
export function declareVersions(db: Dexie, upTo: number = SCHEMA_VERSION): void {
  if (upTo >= 1) db.version(1).stores(SCHEMA_V1);
  if (upTo >= 2) db.version(2).stores(SCHEMA_V2);
  if (upTo >= 3)
    db.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => rekeyTables((name) => tx.table(name), legacyIdsTo(workstationNumber())));
  if (upTo >= 4) db.version(4).stores(SCHEMA_V4);
  if (upTo >= 5) db.version(5).stores(SCHEMA_V5);
  // Later versions go here, with .upgrade(async (tx) => { ... }) when rows must change.
}

/**
 * The one re-key (issue 19): every row of every record table through `map` (rekeyRow: its id and every
 * reference). Rows whose id changes are deleted under the old key and written under the new one; the
 * others are rewritten only if a reference changed. Run inside one transaction over every table (the
 * version 3 upgrade, rekeyWorkstation). Returns how many rows changed.
 */
export async function rekeyTables(
  table: (name: string) => Table,
  map: (id: number) => number,
): Promise<number> {
  let changed = 0;
  for (const name of RECORD_TABLES) {
    const t = table(name);
    const rows = (await t.toArray()) as { id: number }[];
    const moved: number[] = [];
    const out: object[] = [];
    for (const row of rows) {
      const next = rekeyRow(name, row, map);
      if (next === row) continue;
      if (next.id !== row.id) moved.push(row.id);
      out.push(next);
    }
    if (out.length === 0) continue;
    if (moved.length === rows.length) await t.clear();
    else if (moved.length) await t.bulkDelete(moved);
    for (let i = 0; i < out.length; i += 5000) await t.bulkPut(out.slice(i, i + 5000));
    changed += out.length;
  }
  return changed;
}

/**
 * After a collision at registration (renderer/src/sync/workstation.ts): this workstation's records move
 * from range `from` to range `to` — ids and every reference to them, in one transaction with an audit
 * entry. Records of other workstations are left as they are. Returns how many rows changed.
 */
export async function rekeyWorkstation(
  db: DeskDB,
  from: number,
  to: number,
  summary: (changed: number) => string,
): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    const changed = await rekeyTables((name) => db.table(name), moveRange(from, to));
    await appendAudit(db, {
      at: new Date().toISOString(),
      entity: 'database',
      action: 'update',
      summary: summary(changed),
    });
    return changed;
  });
}

/**
 * The slot a row holds for its member, where a member has at most one such row (a unique index with
 * memberId, or the same activity): two records of one unit merged keep the kept member's row there.
 */
const MEMBER_SLOT: Readonly<Record<string, string>> = {
  attendance: 'meetingId',
  duesOverrides: 'year',
  ballots: 'motionId',
  enrolments: 'programmeId',
  participations: 'activityId',
};
/** The member's own history, which the kept record has of its own: the merged record's is dropped. */
const MEMBER_OWN_HISTORY = new Set(['contactChanges', 'tierChanges']);

export interface MemberMerge {
  /** Rows now pointing at the kept member, by table. */
  moved: Record<string, number>;
  /** Rows removed (the merged record's own history, rows of a slot the kept member holds), by table. */
  dropped: Record<string, unknown[]>;
  /** The merged member's own row, if it was in this database (removed). */
  member?: unknown;
}

/**
 * Two records of one unit (the same unit added on two workstations offline) made one: every reference to
 * member `from` points at `to` (shared/data/references.ts `repointRow`; audit entries stay as they were);
 * a row of a slot `to` already holds (its attendance of the same meeting, its 会费调整 of the same year …)
 * and `from`'s own contact and tier history are removed instead, and so is `from`'s member row. In the
 * caller's transaction over every record table; the caller audits what is returned.
 */
export async function mergeMemberRecords(
  table: (name: string) => Table,
  from: number,
  to: number,
): Promise<MemberMerge> {
  const out: MemberMerge = { moved: {}, dropped: {} };
  const drop = (name: string, row: unknown) => (out.dropped[name] ??= []).push(row);
  for (const name of RECORD_TABLES) {
    if (name === 'members' || name === 'audit') continue;
    // The fields of this table that may hold a member's id (a table with none is not read at all).
    const memberPaths = Object.entries(REFERENCES[name])
      .filter(
        ([p, t]) =>
          p !== 'id' &&
          (t === 'members' || (typeof t === 'object' && Object.values(t.tables).includes('members'))),
      )
      .map(([p]) => p);
    if (memberPaths.length === 0) continue;
    const t = table(name);
    const ofMember = async (id: number) =>
      (t.schema.idxByName.memberId
        ? await t.where('memberId').equals(id).toArray()
        : await t.filter((r: { memberId?: unknown }) => r.memberId === id).toArray()) as Record<
        string,
        unknown
      >[];
    // Rows that may point at the member elsewhere than memberId (a meeting's entitled list, a motion's
    // subject) are all looked at.
    const direct = memberPaths.every((p) => p === 'memberId');
    const rows = direct ? await ofMember(from) : ((await t.toArray()) as Record<string, unknown>[]);
    const slot = MEMBER_SLOT[name];
    const held = slot ? new Set((await ofMember(to)).map((r) => r[slot])) : null;
    for (const row of rows) {
      const next = repointRow(name, row, 'members', from, to) as Record<string, unknown>;
      if (next === row) continue;
      if (MEMBER_OWN_HISTORY.has(name) || (held && slot && held.has(row[slot]))) {
        await t.delete(row.id as number);
        drop(name, row);
        continue;
      }
      if (held && slot) held.add(row[slot]);
      // A meeting lists each unit once.
      if (Array.isArray(next.entitled)) {
        const seen = new Set<unknown>();
        next.entitled = (next.entitled as { memberId?: unknown }[]).filter(
          (e) => e.memberId === 0 || (!seen.has(e.memberId) && seen.add(e.memberId)),
        );
      }
      await t.put(next);
      out.moved[name] = (out.moved[name] ?? 0) + 1;
    }
  }
  const members = table('members');
  const member = await members.get(from);
  if (member !== undefined) {
    await members.delete(from);
    out.member = member;
  }
  return out;
}

export function openDeskDb(name: string = DB_NAME, upTo: number = SCHEMA_VERSION): DeskDB {
  // Durability 'strict': a commit is flushed to disk before it resolves, so a killed
  // process during a meeting loses nothing that was acknowledged.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as DeskDB;
  declareVersions(db, upTo);
  // From version 3 new records get this workstation's ids (issue 19), never IndexedDB's auto-increment.
  // (A handle opened at an older version — a restore's staging, the migration tests — numbers as it did.)
  if (upTo >= 3) db.use(idMiddleware());
  // From version 4 every write of a replicated table is recorded for the sync engine in its own
  // transaction (issue 19, renderer/src/db/outbox.ts).
  if (upTo >= 4) db.use(outboxMiddleware());
  // From version 5 every write of a record table renews its table's stamp and logs the members it touched,
  // in the same transaction (issue 17, db/revisions.ts): what kept derived values are checked against.
  if (upTo >= 5) db.use(revisionsMiddleware());
  return db;
}
