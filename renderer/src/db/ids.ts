/**
 * Ids that cannot collide across workstations (issue 19; the arithmetic is shared/data/ids.ts).
 *
 * - This workstation's number: a local-only setting (db/local.ts: not replicated, not in backups, not
 *   replaced by a restore), random on first use; renderer/src/sync/workstation.ts registers it on the
 *   office's server and picks another (re-keying this workstation's records) when it is taken.
 * - New ids: a DBCore middleware gives every record added or put without an id in a record table the
 *   next id of this workstation's range — IndexedDB's own key generator is never used for them (a
 *   replicated record with a larger id would move it into another workstation's range). The counter is
 *   one more than the largest id of the range in the table, read in the writing transaction the first
 *   time, and raised by every write of an id in the range (a restore, a re-key, a replicated record of
 *   this workstation), so it never hands out an id that is already there. It is also never below the
 *   floor this workstation keeps locally (LOCAL_KEYS.idFloor, raised by every id handed out): after an
 *   older backup is restored and the app restarts, the ids of the records made since the backup — gone
 *   here, maybe still on the office's server or another workstation — are not handed out again (a new
 *   record would silently replace the server's under the same id).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isWorkstationNumber, makeId, MAX_WORKSTATION, rangeOf, counterOf } from '../../../shared/data/ids';
import { RECORD_TABLES } from '../../../shared/data/references';
import { LOCAL_KEYS, readLocal, writeLocal } from './local';

export interface WorkstationIdentity {
  /** 1 … 2²¹ − 1: the range of this workstation's new ids. */
  n: number;
  /** Random, made once per installation: tells this workstation's `workstation:<n>` document from another's. */
  token: string;
}

function randomInt(below: number): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]! % below;
}

/** A random workstation number (1 … 2²¹ − 1), none of `taken`. */
export function randomWorkstationNumber(taken: ReadonlySet<number> = new Set()): number {
  for (;;) {
    const n = 1 + randomInt(MAX_WORKSTATION);
    if (!taken.has(n)) return n;
  }
}

function randomToken(): string {
  const a = new Uint8Array(16);
  crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function stored(): WorkstationIdentity | undefined {
  const v = readLocal(LOCAL_KEYS.workstation) as Partial<WorkstationIdentity> | undefined;
  return v && isWorkstationNumber(v.n) && typeof v.token === 'string' && /^[0-9a-f]{32}$/.test(v.token)
    ? { n: v.n, token: v.token }
    : undefined;
}

/** This workstation's identity; made (random number, random token) and stored the first time. */
export function workstationIdentity(): WorkstationIdentity {
  const s = stored();
  if (s) return s;
  const made = { n: randomWorkstationNumber(), token: randomToken() };
  writeLocal(LOCAL_KEYS.workstation, made);
  return made;
}

/** This workstation's number. */
export function workstationNumber(): number {
  return workstationIdentity().n;
}

/**
 * Takes another workstation number (after a collision at registration; the caller re-keys this
 * workstation's records, db/schema.ts `rekeyWorkstation`). The token stays: it is the installation's.
 */
export function setWorkstationNumber(n: number): WorkstationIdentity {
  if (!isWorkstationNumber(n)) throw new RangeError(`工作站编号无效：${String(n)}`);
  const next = { n, token: workstationIdentity().token };
  writeLocal(LOCAL_KEYS.workstation, next);
  return next;
}

// ------------------------------------------------------------------ the id middleware

const RECORD_TABLE_SET: ReadonlySet<string> = new Set(RECORD_TABLES);

/** DBCoreRangeType.Range (a const enum in Dexie's typings). */
const RANGE = 2;

/**
 * The middleware giving new records this workstation's ids. `number` is read at every write (it changes
 * after a collision); the counters are per table and per workstation number, for this database handle.
 */
export function idMiddleware(number: () => number = workstationNumber): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'workstationIds',
    // Below Dexie's own middlewares (cache -1, observability 0, hooks 2): they read the transaction's
    // zone, which is not carried across the await of the counter's first read. Above this one they see
    // the write as the app made it and learn the new keys from its results, as with auto-increment.
    level: -10,
    create(down) {
      /** `${n}:${table}` → the next counter. */
      const next = new Map<string, number>();
      const floorKey = (key: string) => `${down.schema.name}:${key}`;
      const floors = (): Record<string, number> => {
        const v = readLocal(LOCAL_KEYS.idFloor);
        return v && typeof v === 'object' ? (v as Record<string, number>) : {};
      };
      const keepFloor = (key: string) => {
        const all = floors();
        const counter = next.get(key)!;
        if ((all[floorKey(key)] ?? 0) < counter)
          writeLocal(LOCAL_KEYS.idFloor, { ...all, [floorKey(key)]: counter });
      };
      const raise = (key: string, counter: number) => {
        if ((next.get(key) ?? 0) <= counter) next.set(key, counter + 1);
      };
      const wrap = (t: DBCoreTable): DBCoreTable => {
        const pk = t.schema.primaryKey;
        if (!RECORD_TABLE_SET.has(t.name) || pk.keyPath !== 'id' || pk.outbound) return t;
        const take = async (req: DBCoreMutateRequest & { type: 'add' | 'put' }) => {
          const n = number();
          const key = `${n}:${t.name}`;
          const { lower, upper } = rangeOf(n);
          // Ids given (a restore, a re-key, a replicated record): the counter passes those of this range.
          for (const v of req.values as { id?: unknown }[]) {
            const id = v?.id;
            if (typeof id === 'number' && id >= lower && id < upper) raise(key, counterOf(id));
          }
          const missing = (req.values as { id?: unknown }[]).some((v) => v && v.id == null);
          if (!missing) return req;
          if (!next.has(key)) {
            const last = await t.query({
              trans: req.trans,
              values: false,
              limit: 1,
              direction: 'prev',
              query: {
                index: pk,
                range: { type: RANGE, lower, upper, lowerOpen: false, upperOpen: true },
              },
            });
            const top = last.result[0];
            raise(key, typeof top === 'number' ? counterOf(top) : 0);
            const floor = floors()[floorKey(key)];
            if (typeof floor === 'number' && Number.isSafeInteger(floor) && floor > 0) raise(key, floor - 1);
          }
          const values = (req.values as { id?: unknown }[]).map((v) => {
            if (!v || v.id != null) return v;
            const counter = next.get(key)!;
            next.set(key, counter + 1);
            return { ...v, id: makeId(n, counter) };
          });
          // Kept before the write: an aborted write only leaves a gap in the numbers.
          keepFloor(key);
          return { ...req, values };
        };
        return {
          ...t,
          mutate(req) {
            if (req.type !== 'add' && req.type !== 'put') return t.mutate(req);
            return take(req).then((r) => t.mutate(r));
          },
        };
      };
      return { ...down, table: (name) => wrap(down.table(name)) };
    },
  };
}
