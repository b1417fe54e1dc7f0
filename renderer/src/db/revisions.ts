/**
 * Table revisions and the member change log (issue 17): what a derived value (首页's to-do list, 会费's
 * ledger of the year) depends on, written down IN THE SAME TRANSACTION as every write of a record table, so
 * a value computed once can be kept across sessions (features/home/derived.ts) and trusted exactly as long
 * as nothing it was computed from changed.
 *
 * A DBCore middleware, in the style of the sync outbox (db/outbox.ts), adds its two local-only tables to
 * every read-write transaction that touches a record table (or the settings) and, for each write:
 * - `revisions`: puts a new stamp for the written table (a string unique to this write — a random
 *   session prefix and a counter; once per table and transaction). A value remembers the stamps it was
 *   computed from; any later write, committed, leaves a different stamp. An aborted transaction leaves the
 *   stamp as it was (its data too).
 * - `changeLog`: for the tables whose rows belong to one member (the member itself, its tier history, dues
 *   overrides, payments, participations, attendance), appends which members the write touched — the
 *   member ids of the rows written AND of the rows they replaced or deleted (read first, in the same
 *   transaction), or `null` (every member) for a range delete (a restore's clear). Per-member summaries
 *   are then recomputed only for those members.
 *
 * Every writer goes through Dexie — the desks, the roster import, restores (in their Worker, which opens
 * the database with openDeskDb), the demo loader and the sync engine's remote changes (sync/engine.ts
 * applies them through Dexie tables: they are stamped like any other write; no change to the engine).
 * Versionchange (upgrade) transactions that do not hold these tables yet are not stamped: the tables are
 * created empty by version 5, so there is nothing to invalidate.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isReplicatedTable } from '../../../shared/sync/scope';
import type { DeskDB } from './schema';

export const REVISIONS_TABLE = 'revisions';
export const CHANGES_TABLE = 'changeLog';
/** The local-only tables of kept derived values (schema v5): stamps, the change log, the values. */
export const KEPT_TABLES: readonly string[] = [REVISIONS_TABLE, CHANGES_TABLE, 'derived'];

export interface Revision {
  table: string;
  stamp: string;
}

export interface ChangeEntry {
  seq?: number;
  table: string;
  /** The members whose rows the write touched; null: every member (a range delete). */
  members: number[] | null;
}

/** A kept derived value (table `derived`): its key, and what its owner stores (features/home/derived.ts). */
export interface DerivedEntry {
  key: string;
  [field: string]: unknown;
}

/** The tables whose rows belong to one member, and the field naming it. */
export const MEMBER_KEYED: Readonly<Record<string, 'id' | 'memberId'>> = {
  members: 'id',
  tierChanges: 'memberId',
  duesOverrides: 'memberId',
  payments: 'memberId',
  participations: 'memberId',
  attendance: 'memberId',
};

function randomPrefix(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return `${a[0]!.toString(36)}${a[1]!.toString(36)}`;
}

const prefix = randomPrefix();
let counter = 0;
/** A stamp no other write has: this page's random prefix and a counter. */
function nextStamp(): string {
  return `${prefix}.${(++counter).toString(36)}`;
}

function holds(trans: unknown, store: string): boolean {
  const names = (trans as Partial<IDBTransaction> | null)?.objectStoreNames;
  return !!names && typeof names.contains === 'function' && names.contains(store);
}

function memberIdsOf(rows: readonly unknown[], field: 'id' | 'memberId', into: Set<number>): void {
  for (const r of rows) {
    const v = (r as Record<string, unknown> | undefined)?.[field];
    if (typeof v === 'number') into.add(v);
  }
}

export function revisionsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'tableRevisions',
    // Above the id middleware (−10): the keys it gives are in the results; below Dexie's own (cache −1,
    // observability 0, hooks 2), which read the transaction's zone, lost across our awaits.
    level: -7,
    create(down) {
      const names = down.schema.tables.map((t) => t.name);
      if (!names.includes(REVISIONS_TABLE) || !names.includes(CHANGES_TABLE)) return down;
      /** The tables already stamped in each transaction. */
      const stamped = new WeakMap<object, Set<string>>();
      const wrap = (t: DBCoreTable): DBCoreTable => {
        const field = MEMBER_KEYED[t.name];
        const before = async (req: DBCoreMutateRequest, into: Set<number>) => {
          if (!field || field === 'id') return;
          let keys: unknown[] = [];
          if (req.type === 'delete') keys = req.keys;
          else if (req.type === 'put')
            keys = req.keys ?? req.values.map((v) => (v as { id?: unknown } | undefined)?.id);
          keys = keys.filter((k) => k !== undefined && k !== null);
          if (keys.length === 0) return;
          memberIdsOf(await t.getMany({ trans: req.trans, keys }), field, into);
        };
        return {
          ...t,
          async mutate(req) {
            if (!holds(req.trans, REVISIONS_TABLE) || !holds(req.trans, CHANGES_TABLE)) return t.mutate(req);
            const touched = new Set<number>();
            await before(req, touched);
            const res = await t.mutate(req);
            const trans = req.trans as object;
            let done = stamped.get(trans);
            if (!done) stamped.set(trans, (done = new Set()));
            if (!done.has(t.name)) {
              done.add(t.name);
              await down
                .table(REVISIONS_TABLE)
                .mutate({ type: 'put', trans: req.trans, values: [{ table: t.name, stamp: nextStamp() }] });
            }
            if (field) {
              let members: number[] | null;
              if (req.type === 'deleteRange') members = null;
              else {
                if (field === 'id') {
                  if (req.type === 'delete')
                    memberIdsOf(
                      req.keys.map((id: unknown) => ({ id })),
                      'id',
                      touched,
                    );
                  else
                    memberIdsOf(
                      (res.results ?? req.keys ?? []).map((id: unknown) => ({ id })),
                      'id',
                      touched,
                    );
                } else if (req.type === 'add' || req.type === 'put') memberIdsOf(req.values, field, touched);
                members = [...touched];
              }
              if (members === null || members.length > 0)
                await down
                  .table(CHANGES_TABLE)
                  .mutate({ type: 'add', trans: req.trans, values: [{ table: t.name, members }] });
            }
            return res;
          },
        };
      };
      return {
        ...down,
        transaction(stores, mode, options) {
          const add =
            mode === 'readwrite' &&
            stores.some(isReplicatedTable) &&
            (!stores.includes(REVISIONS_TABLE) || !stores.includes(CHANGES_TABLE));
          const all = add
            ? [...stores, ...[REVISIONS_TABLE, CHANGES_TABLE].filter((s) => !stores.includes(s))]
            : stores;
          return down.transaction(all, mode, options);
        },
        table(name) {
          const t = down.table(name);
          return isReplicatedTable(name) ? wrap(t) : t;
        },
      };
    },
  };
}

/** The current stamps of `tables` (undefined: never written since version 5, or cleared by a restore). */
export async function readStamps(
  db: DeskDB,
  tables: readonly string[],
): Promise<Record<string, string | undefined>> {
  const rows = await db.revisions.bulkGet([...tables]);
  const out: Record<string, string | undefined> = {};
  tables.forEach((t, i) => (out[t] = rows[i]?.stamp));
  return out;
}

/** Whether two stamp sets are the same (a value computed at `a` is still valid at `b`). */
export function sameStamps(
  a: Readonly<Record<string, string | undefined>>,
  b: Readonly<Record<string, string | undefined>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** The last change's sequence number (0 when there is none). */
export async function lastChange(db: DeskDB): Promise<number> {
  const last = await db.changeLog.orderBy(':id').last();
  return last?.seq ?? 0;
}

/** The changes after `seq`, oldest first. */
export function changesAfter(db: DeskDB, seq: number): Promise<ChangeEntry[]> {
  return db.changeLog.where(':id').above(seq).toArray();
}

/**
 * Drops the changes before `seq` (changes a stored value has taken in; called in the transaction that
 * stores it, features/home/derived.ts). The entry `seq` itself stays: it is what `lastChange` reads.
 */
export async function pruneChanges(db: DeskDB, seq: number): Promise<void> {
  if (seq > 1) await db.changeLog.where(':id').below(seq).delete();
}
