/**
 * Another writer of the app's database, as the office's replication writes another workstation's changes:
 * a page of the app's origin (a missing file: no app, no CSP) with its own Dexie.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { makeId, MAX_WORKSTATION } from '../../../shared/data/ids';
import { LOCAL_KEYS, LOCAL_STORAGE_PREFIX } from '../../../renderer/src/db/local';

type Row = Record<string, unknown>;

export interface OtherWriter {
  /** Writes `changes` into row `key` of `table` through Dexie: the app's window is told, as of any write. */
  update(table: string, key: number, changes: Row): Promise<void>;
  /**
   * Adds `row` to `table` through Dexie (the window is told), with an id of another workstation's range (as
   * a replicated record comes: never one this workstation's id counter could hand out); gives the id.
   */
  add(table: string, row: Row): Promise<number>;
  /**
   * Holds a write transaction on `table`: the app's writes to it wait behind it. `release` then puts row
   * `key` with `changes` and commits, before the app's waiting writes run (raw IndexedDB: the window is
   * not told; a later `update` tells it).
   */
  hold(table: string, key: number): Promise<{ release(changes: Row): Promise<void> }>;
  close(): Promise<void>;
}

export async function otherWriter(page: Page): Promise<OtherWriter> {
  let added = 0;
  const other = await page.context().newPage();
  await other.goto(`${inject('baseURL')}other-workstation.txt`);
  await other.addScriptTag({ path: path.resolve('node_modules/dexie/dist/dexie.js') });
  // The app's tab in front again: a tab behind gets no animation frames, and antd's dialogs wait for one.
  await page.bringToFront();
  type Win = {
    Dexie: new (name: string) => {
      open(): Promise<unknown>;
      table(n: string): { update(k: number, c: Row): Promise<number>; add(r: Row): Promise<number> };
      close(): void;
    };
    release: (changes: Row) => Promise<void>;
  };
  return {
    update: (table, key, changes) =>
      other.evaluate(
        async ([t, k, c]) => {
          const db = new (window as unknown as Win).Dexie('secretariat-desk');
          await db.open();
          await db.table(t).update(k, c);
          db.close();
        },
        [table, key, changes] as const,
      ),
    add: async (table, row) => {
      const own = await other.evaluate((key) => {
        const n = (JSON.parse(localStorage.getItem(key) ?? '{}') as { n?: unknown }).n;
        return typeof n === 'number' ? n : 0;
      }, LOCAL_STORAGE_PREFIX + LOCAL_KEYS.workstation);
      const id = makeId(own === MAX_WORKSTATION ? 1 : own + 1, ++added);
      await other.evaluate(
        async ([t, r]) => {
          const db = new (window as unknown as Win).Dexie('secretariat-desk');
          await db.open();
          await db.table(t).add(r);
          db.close();
        },
        [table, { ...row, id }] as const,
      );
      return id;
    },
    hold: async (table, key) => {
      await other.evaluate(
        ([t, k]) =>
          new Promise<void>((held) => {
            const open = indexedDB.open('secretariat-desk');
            open.onsuccess = () => {
              const tx = open.result.transaction(t, 'readwrite');
              const store = tx.objectStore(t);
              let change: Row | null = null;
              const committed = new Promise<void>((done) => (tx.oncomplete = () => done()));
              (window as unknown as Win).release = (c) => {
                change = c;
                return committed;
              };
              // Requests one after another keep the transaction open until the change is given.
              const spin = () => {
                const got = store.get(k);
                got.onsuccess = () => {
                  if (change) store.put({ ...(got.result as Row), ...change });
                  else spin();
                };
              };
              spin();
              held();
            };
          }),
        [table, key] as const,
      );
      return {
        release: (changes) => other.evaluate((c) => (window as unknown as Win).release(c), changes),
      };
    },
    close: () => other.close(),
  };
}
