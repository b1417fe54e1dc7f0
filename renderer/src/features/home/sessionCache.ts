/**
 * Values derived from whole tables (首页's to-do list, the dues desk's records), kept for the session
 * until one of those tables changes (issue 17). Opening a desk again — the clerk goes from 首页 to 会费 and
 * back — shows what was computed last time at once instead of reading ~160,000 rows and computing every
 * member's ledger again; a write to a table the value depends on (in this window, another one or a Worker:
 * Dexie's `storagemutated`) makes it stale, and a desk showing it computes it again.
 */
import { useEffect, useState } from 'react';
import { Dexie, type ObservabilitySet } from 'dexie';

export interface SessionCache<K, V> {
  /** The value for `key` if it is fresh (no table it depends on changed since it was computed). */
  peek(key: K): V | undefined;
  /** The fresh value for `key`, computed (once, however many ask at the same time) when there is none. */
  get(key: K): Promise<V>;
  /** Calls `listener` after a change that makes values stale; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Marks every value stale (what a change to one of the tables does). */
  invalidate(): void;
}

/**
 * A cache of `compute(key)` whose values depend on the tables `tables` of the database named `dbName`.
 * Only the latest `keep` keys are kept (a key is an as-of date, maybe with a year).
 */
export function sessionCache<K, V>(opts: {
  dbName: string;
  tables: readonly string[];
  compute: (key: K) => Promise<V>;
  keep?: number;
}): SessionCache<K, V> {
  const keep = opts.keep ?? 2;
  /** Bumped by every change to one of the tables; a value is fresh while its generation is current. */
  let generation = 0;
  const values = new Map<K, { generation: number; value: V }>();
  const pending = new Map<K, { generation: number; promise: Promise<V> }>();
  const listeners = new Set<() => void>();
  const prefixes = opts.tables.map((t) => `idb://${opts.dbName}/${t}/`);

  const invalidate = () => {
    generation++;
    for (const l of listeners) l();
  };
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const part of Object.keys(parts))
      if (prefixes.some((p) => part.startsWith(p))) {
        invalidate();
        return;
      }
  });

  return {
    peek(key) {
      const hit = values.get(key);
      return hit && hit.generation === generation ? hit.value : undefined;
    },
    get(key) {
      const hit = values.get(key);
      if (hit && hit.generation === generation) return Promise.resolve(hit.value);
      const running = pending.get(key);
      if (running && running.generation === generation) return running.promise;
      // The generation is taken before reading: a change during the computation leaves it stale.
      const at = generation;
      const promise = opts.compute(key).then(
        (value) => {
          if (pending.get(key)?.promise === promise) pending.delete(key);
          values.delete(key);
          values.set(key, { generation: at, value });
          while (values.size > keep) values.delete(values.keys().next().value as K);
          return value;
        },
        (e: unknown) => {
          if (pending.get(key)?.promise === promise) pending.delete(key);
          throw e;
        },
      );
      pending.set(key, { generation: at, promise });
      return promise;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    invalidate,
  };
}

/**
 * The cache's value for `key` in a component: the fresh value at once when there is one, else
 * `undefined` until it is computed; computed again after each change to its tables (one computation for
 * a burst of changes: the next one starts when the running one is done). A failed computation is thrown
 * while rendering (as by useLiveQuery). A `null` key asks for nothing (undefined).
 */
export function useSessionCache<K, V>(cache: SessionCache<K, V>, key: K | null): V | undefined {
  const [state, setState] = useState<{ key: K | null; value: V | undefined; error?: unknown }>(() => ({
    key,
    value: key === null ? undefined : cache.peek(key),
  }));
  useEffect(() => {
    if (key === null) return;
    let alive = true;
    let running = false;
    let again = false;
    const refresh = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      void cache.get(key).then(
        (value) => {
          running = false;
          if (alive) setState({ key, value });
          if (again && alive) {
            again = false;
            refresh();
          }
        },
        (error: unknown) => {
          running = false;
          // Thrown while rendering, as useLiveQuery does: the desk's error boundary says what failed.
          if (alive) setState({ key, value: undefined, error });
        },
      );
    };
    const fresh = cache.peek(key);
    if (fresh === undefined) refresh();
    else setState((s) => (s.key === key && s.value === fresh ? s : { key, value: fresh }));
    const off = cache.subscribe(refresh);
    return () => {
      alive = false;
      off();
    };
  }, [cache, key]);
  if (state.key === key && state.error !== undefined) throw state.error;
  if (key === null) return undefined;
  return state.key === key ? state.value : cache.peek(key);
}
