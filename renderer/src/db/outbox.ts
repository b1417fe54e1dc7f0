/**
 * The outbox (issue 19): every write of a replicated table reaches the replicator even when the app
 * closes right after it. A DBCore middleware adds the `syncOutbox` table to every read-write transaction
 * that touches a replicated table and records each mutated key there IN THE SAME TRANSACTION (as Dexie
 * Cloud does); the engine (sync/engine.ts) drains it into the local PouchDB. The outbox holds keys, not
 * values: the drain reads the row as it is then (a deleted row becomes a PouchDB deletion).
 *
 * Not recorded: writes the engine applies from the server (marked with markRemote, so they do not echo
 * back), writes while no server was ever configured (nothing changes for a clerk who never connects) and
 * writes while the outbox is suspended (a restore after 断开: the replica is rebuilt from the server).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isReplicatedRow, isReplicatedTable } from '../../../shared/sync/scope';

export const OUTBOX_TABLE = 'syncOutbox';

export interface OutboxEntry {
  seq?: number;
  table: string;
  key: number | string;
}

const remote = new WeakSet<object>();

/** Marks a transaction (Dexie's `tx.idbtrans`) as the engine's: its writes are not recorded. */
export function markRemote(idbtrans: object): void {
  remote.add(idbtrans);
}

let recording: () => boolean = () => false;
let onRecorded: () => void = () => undefined;

/**
 * Called after a transaction that recorded keys has committed (the engine drains then). The outbox
 * is written below Dexie's own change tracking, so live queries do not see it: this is how the engine learns.
 */
export function setOutboxListener(listener: () => void): void {
  onRecorded = listener;
}

function afterCommit(trans: unknown): void {
  const t = trans as Partial<Pick<IDBTransaction, 'addEventListener'>> | null;
  if (t && typeof t.addEventListener === 'function') t.addEventListener('complete', () => onRecorded());
  else setTimeout(() => onRecorded(), 50);
}
let suspended = 0;

/** Whether to record at all (the engine: a server is configured). */
export function setOutboxRecording(when: () => boolean): void {
  recording = when;
}

/** Runs `fn` with the outbox suspended (a restore after 断开). */
export async function withoutOutbox<T>(fn: () => Promise<T>): Promise<T> {
  suspended++;
  try {
    return await fn();
  } finally {
    suspended--;
  }
}

function keysOf(req: DBCoreMutateRequest, results: unknown[] | undefined): unknown[] {
  switch (req.type) {
    case 'add':
    case 'put':
      return results ?? req.keys ?? [];
    case 'delete':
      return req.keys;
    default:
      return [];
  }
}

export function outboxMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'syncOutbox',
    // Above the id middleware (−10): the keys it gives are in the results.
    level: -5,
    create(down) {
      if (!down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return down;
      const outbox = () => down.table(OUTBOX_TABLE);
      const wrap = (t: DBCoreTable): DBCoreTable => ({
        ...t,
        async mutate(req) {
          const res = await t.mutate(req);
          if (suspended > 0 || remote.has(req.trans) || !recording()) return res;
          let keys: unknown[];
          if (req.type === 'deleteRange') {
            // Whole-table clears are a restore's: only recorded when the clerk chose to replace the
            // server's data (the restore then records the keys it removed, sync/restoreGuard.ts).
            keys = [];
          } else keys = keysOf(req, res.results);
          const values = keys
            .filter((k) => isReplicatedRow(t.name, k))
            .map((key) => ({ table: t.name, key: key as number | string }));
          if (values.length) {
            await outbox().mutate({ type: 'add', trans: req.trans, values });
            afterCommit(req.trans);
          }
          return res;
        },
      });
      return {
        ...down,
        transaction(stores, mode, options) {
          const add =
            mode === 'readwrite' && !stores.includes(OUTBOX_TABLE) && stores.some(isReplicatedTable);
          return down.transaction(add ? [...stores, OUTBOX_TABLE] : stores, mode, options);
        },
        table(name) {
          const t = down.table(name);
          return isReplicatedTable(name) ? wrap(t) : t;
        },
      };
    },
  };
}
