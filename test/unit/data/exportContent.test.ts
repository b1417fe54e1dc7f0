/**
 * The backup's content written in one pass (renderer/src/io/exportContent.ts, issue 17) is byte for byte
 * what dexie-export-import's exportDB writes — on the demo database (a Blob in `files` included) and on
 * rows holding every value typeson marks ($types): arrays (nested, empty), undefined properties, NaN and
 * ±Infinity, Dates, a Blob, one object referenced twice, keys needing escapes — and a row holding a value
 * it does not write (a Map, an array with a hole) makes it give way to exportDB, the backup still restoring.
 */
import './env';
import { describe, expect, it, vi } from 'vitest';
import { exportDB } from 'dexie-export-import';
import { demoDb, snapshot } from './helpers';
import { exportContent, base64 } from '../../../renderer/src/io/exportContent';
import { createBackup, readBackup, restoreBackup } from '../../../renderer/src/io/backup';
import { LOCAL_TABLES } from '../../../shared/sync/scope';

const skip = [...LOCAL_TABLES];
/** exportContent's text (its head, then its pieces joined) and counts, or null. */
async function ourText(db: Parameters<typeof exportContent>[0]) {
  const pieces: string[] = [];
  const r = await exportContent(db, skip, (text) => pieces.push(text));
  return r && { counts: r.counts, text: r.head + pieces.join('') };
}
const exportDbText = async (db: Parameters<typeof exportDB>[0]) =>
  (await exportDB(db, { skipTables: skip })).text();

describe('backup content in one pass (issue 17)', () => {
  it('is exportDB’s text on the demo database, counts included', async () => {
    const db = await demoDb(40);
    const ours = await ourText(db);
    expect(ours).not.toBeNull();
    const text = ours!.text;
    expect(text).toBe(await exportDbText(db));
    const header = JSON.parse(text) as { data: { tables: { name: string; rowCount: number }[] } };
    for (const t of header.data.tables) expect(ours!.counts[t.name]).toBe(t.rowCount);
    expect(ours!.counts.members).toBe(40);
  });

  it('asks IndexedDB for no count(): the header, given last as `head`, counts the rows read', async () => {
    const db = await demoDb(15);
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    try {
      const pieces: string[] = [];
      const r = await exportContent(db, skip, (text) => pieces.push(text));
      expect(count).not.toHaveBeenCalled();
      // The head is the text before the first table: the header, with every table's row count.
      expect(pieces[0]).toMatch(/^\{"tableName":/);
      expect(r!.head).toMatch(/"data":\[$/);
      const file = JSON.parse(r!.head + pieces.join('')) as {
        data: {
          tables: { name: string; rowCount: number }[];
          data: { tableName: string; rows: unknown[] }[];
        };
      };
      for (const t of file.data.tables) {
        const rows = file.data.data.find((d) => d.tableName === t.name)!.rows;
        expect(t.rowCount, t.name).toBe(rows.length);
        expect(r!.counts[t.name]).toBe(rows.length);
      }
      expect(r!.counts.members).toBe(15);
    } finally {
      count.mockRestore();
      db.close();
    }
  });

  it('reads through a handle not opened yet, as the backup Worker makes one (it failed: no backend database)', async () => {
    const db = await demoDb(10);
    const name = db.name;
    db.close();
    const { openDeskDb } = await import('../../../renderer/src/db/schema');
    const fresh = openDeskDb(name);
    expect(fresh.isOpen()).toBe(false);
    const b = await createBackup(fresh, { appVersion: 'test' });
    expect(b.manifest.counts.members).toBe(10);
    fresh.close();
  });

  it('is exportDB’s text for rows with every value typeson marks', async () => {
    const db = await demoDb(3);
    const shared = { z: 1, list: ['a'] };
    await db.settings.bulkPut([
      {
        key: 'typed',
        value: {
          list: [1, 2, { q: [3, undefined] }],
          empty: [],
          u: undefined,
          n: NaN,
          inf: Infinity,
          neg: -Infinity,
          d: new Date(Date.UTC(2026, 10, 21)),
          bad: new Date(NaN),
          s: shared,
          again: shared,
          blob: new Blob(['备份'], { type: 'text/plain' }),
          'k.y~': undefined,
          nil: null,
          t: true,
        },
      } as never,
      { key: 'plain', value: 'x' },
    ]);
    // References back to the row itself and to an object met earlier in an array (the walk's `seen`).
    const cyclic: Record<string, unknown> = { key: 'cyclic' };
    const entry = { memberId: 1 };
    cyclic.value = { entries: [entry, 'x', entry, 7], back: cyclic, first: entry };
    await db.settings.put(cyclic as never);
    const ours = await ourText(db);
    expect(ours!.text).toBe(await exportDbText(db));
  });

  it('gives way to exportDB for a value it does not write; the backup restores the same', async () => {
    // eslint-disable-next-line no-sparse-arrays -- an array with a hole is what is tested
    for (const value of [new Map([[1, 2]]), [1, , 3]]) {
      const db = await demoDb(3);
      await db.settings.put({ key: 'odd', value } as never);
      expect(await ourText(db)).toBeNull();
      const before = await snapshot(db);
      const b = await createBackup(db, { appVersion: 'test' });
      await db.members.clear();
      await restoreBackup(db, await readBackup(b.bytes, b.fileName), b.fileName);
      const after = await snapshot(db);
      expect(after.members).toEqual(before.members);
      expect(after.settings!.find((s) => (s as { key: string }).key === 'odd')).toEqual(
        before.settings!.find((s) => (s as { key: string }).key === 'odd'),
      );
    }
  });

  it('base64 as the standard alphabet with padding', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '备份内容'])
      expect(base64(new TextEncoder().encode(s))).toBe(Buffer.from(s).toString('base64'));
  });
});
