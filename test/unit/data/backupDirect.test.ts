/**
 * Same-version restore writes the checked backup straight into the database (no staging database):
 * the rows, typeson-revived, must come out exactly as dexie-export-import's importInto would write them,
 * all or nothing. Also: old JSZip backups still restore, new ones open in JSZip.
 */
import './env';
import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { importInto } from 'dexie-export-import';
import { KEPT_TABLES } from '../../../renderer/src/db/revisions';
import type * as DexieExportImport from 'dexie-export-import';
import { demoDb, snapshot } from './helpers';
import { freshDb } from '../db/harness';
import {
  createBackup,
  DataError,
  readBackup,
  restoreBackup,
  reviveRow,
  sha256Hex,
} from '../../../renderer/src/io/backup';
import type { DeskDB } from '../../../renderer/src/db/schema';

vi.mock('dexie-export-import', async (importOriginal) => {
  const m = await importOriginal<typeof DexieExportImport>();
  return { ...m, importInto: vi.fn(m.importInto) };
});

/** Deep copy with Blobs read (type, name, text); keeps holes, non-index array keys, Maps, Sets, Dates. */
async function norm(v: unknown): Promise<unknown> {
  if (v instanceof Blob)
    return { blob: v.type, name: v instanceof File ? v.name : null, text: await v.text() };
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (const k of Object.keys(v))
      (out as unknown as Record<string, unknown>)[k] = await norm(
        (v as unknown as Record<string, unknown>)[k],
      );
    return out;
  }
  if (v instanceof Map)
    return new Map(await Promise.all([...v].map(async ([k, x]) => [k, await norm(x)] as const)));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = await norm((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

async function deepSnapshot(db: DeskDB, dropRestore = true): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) {
    // Kept derived values and their stamps (issue 17): local-only, renewed by every write by design.
    if (KEPT_TABLES.includes(t.name)) continue;
    let rows = (await t.toArray()) as Record<string, unknown>[];
    if (dropRestore && t.name === 'audit') rows = rows.filter((r) => r.action !== 'restore');
    out[t.name] = await norm(rows);
  }
  return out;
}

async function typedDb(): Promise<DeskDB> {
  const db = await demoDb(20);
  const sparse: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const withKeys: unknown[] = ['a', 'b'];
  (withKeys as unknown as Record<string, unknown>).extra = 'x';
  await db.settings.bulkPut([
    {
      key: 'typed',
      value: {
        date: new Date('2026-01-02T03:04:05Z'),
        badDate: new Date(Number.NaN),
        map: new Map<unknown, unknown>([
          ['a', 1],
          ['b', new Date(0)],
        ]),
        set: new Set([1, 'x']),
        missing: undefined,
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        ninf: Number.NEGATIVE_INFINITY,
        big: 12345678901234567890n,
        buffer: new Uint8Array([1, 2, 3, 250]).buffer,
        blob: new Blob(['二进制'], { type: 'text/plain' }),
        sparse,
        withKeys,
        nested: [[{ when: new Date(7) }], { list: [new Blob(['x'])] }],
        'dot.key': new Date(5),
        'til~de': new Date(6),
      },
    },
  ] as never);
  return db;
}

async function rezip(bytes: Uint8Array, edit?: (json: string) => string): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await src.file('manifest.json')!.async('string')) as Record<string, unknown>;
  let content = await src.file('database.json')!.async('string');
  if (edit) content = edit(content);
  const data = new TextEncoder().encode(content);
  manifest.sha256 = await sha256Hex(data);
  manifest.bytes = data.byteLength;
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest));
  zip.file('database.json', data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

describe('same-version restore without staging', () => {
  it('gives the same database as the source and as importInto (Blobs and typeson types included)', async () => {
    const src = await typedDb();
    const before = await deepSnapshot(src);
    const b = await createBackup(src, { appVersion: '0.1.0' });
    expect(b.manifest.counts.settings).toBe(2);

    const dst = await demoDb(7);
    vi.mocked(importInto).mockClear();
    const progress: number[] = [];
    await restoreBackup(dst, await readBackup(b.bytes), 'x.zip', (p) => progress.push(p));
    expect(importInto).not.toHaveBeenCalled(); // no staging database
    expect(progress.at(-1)).toBe(100);
    const after = await deepSnapshot(dst);
    expect(after).toStrictEqual(before);
    const setting = (await dst.settings.get('typed'))!.value as Record<string, unknown>;
    expect(setting.blob).toBeInstanceOf(Blob);
    expect(setting.map).toBeInstanceOf(Map);
    expect(setting.date).toBeInstanceOf(Date);
    expect(Object.hasOwn(setting, 'missing')).toBe(true);
    expect(1 in (setting.sparse as unknown[])).toBe(false);
    expect(await (await dst.files.toArray())[0]!.data.text()).toBe('%PDF-');
    const audit = (await dst.audit.toArray()).filter((e) => e.action === 'restore');
    expect(audit).toHaveLength(1);

    // The reference: dexie-export-import's own importInto of the same database.json.
    const ref = freshDb();
    await ref.open();
    const json = await (await JSZip.loadAsync(b.bytes)).file('database.json')!.async('string');
    await importInto(ref, new Blob([json]), { acceptNameDiff: true, clearTablesBeforeImport: true });
    expect(after).toStrictEqual(await deepSnapshot(ref));
    src.close();
    dst.close();
    ref.close();
  });

  it('a failure mid-way (a later table breaks a key) writes nothing', async () => {
    const db = await demoDb(30);
    const good = (await createBackup(db, { appVersion: '0.1.0' })).bytes;
    let broken = '';
    const bad = await rezip(good, (j) => {
      const o = JSON.parse(j) as { data: { data: { tableName: string; rows: { id: number }[] }[] } };
      const tables = o.data.data;
      // The last table with two rows, after others that hold rows (so they were already written).
      const i = tables.findLastIndex((t) => t.rows.length >= 2);
      expect(tables.slice(0, i).some((t) => t.rows.length > 0)).toBe(true);
      broken = tables[i]!.tableName;
      tables[i]!.rows[1]!.id = tables[i]!.rows[0]!.id;
      return JSON.stringify(o);
    });
    expect(broken).not.toBe('members');
    const target = await demoDb(5);
    const before = await snapshot(target);
    const attempt = async () => restoreBackup(target, await readBackup(bad, 'x.zip'), 'x.zip');
    await expect(attempt()).rejects.toThrow('备份内容无法读入数据库');
    await expect(attempt()).rejects.toBeInstanceOf(DataError);
    expect(await snapshot(target)).toEqual(before);
    db.close();
    target.close();
  });

  it('a backup zipped by JSZip (DEFLATE, as older versions wrote) still restores; new ones open in JSZip', async () => {
    const db = await demoDb(12);
    const b = await createBackup(db, { appVersion: '0.1.0' });
    const zip = await JSZip.loadAsync(b.bytes);
    const content = await zip.file('database.json')!.async('uint8array');
    expect(await sha256Hex(content)).toBe(b.manifest.sha256);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(b.manifest);
    const before = await deepSnapshot(db);
    const target = await demoDb(3);
    await restoreBackup(target, await readBackup(await rezip(b.bytes)), 'old.zip');
    expect(await deepSnapshot(target)).toStrictEqual(before);
    db.close();
    target.close();
  });

  it('escaped prototype keys (\\u005f…) are refused like literal ones, nothing written', async () => {
    const db = await demoDb(4);
    const b = await createBackup(db, { appVersion: '0.1.0' });
    const evil = await rezip(b.bytes, (j) =>
      j.replace(
        '"rows":[{',
        '"rows":[{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"row"},"constructo\\u0072":{"prototype":{"polluted":"c"}},',
      ),
    );
    await expect(readBackup(evil)).rejects.toThrow('不允许的键名');
    await expect(readBackup(evil)).rejects.toBeInstanceOf(DataError);
    expect(Object.prototype).not.toHaveProperty('polluted');
    db.close();
  });

  it('typeson key paths through prototype keys are refused before reviving, nothing written', async () => {
    const db = await demoDb(4);
    const b = await createBackup(db, { appVersion: '0.1.0' });
    const target = await demoDb(2);
    const before = await snapshot(target);
    for (const path of [
      'name.__proto__',
      'constructor.prototype.hasOwnProperty',
      'a.prototype',
      'x~1y.__proto__',
    ]) {
      const evil = await rezip(b.bytes, (j) =>
        j.replace('"rows":[{', `"rows":[{"$types":{"${path}":"arrayNonindexKeys"},`),
      );
      await expect(readBackup(evil)).rejects.toThrow(`不允许的键名“${path}”`);
    }
    expect(await snapshot(target)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('length');
    db.close();
    target.close();
  });
});

describe('reviveRow (typeson revive as importInto does it)', () => {
  it('leaves untyped rows alone and revives the typeson forms', () => {
    const plain = { id: 1, name: '甲' };
    expect(reviveRow(plain)).toBe(plain);
    expect(reviveRow({ $: { id: 2 }, $types: true })).toEqual({ id: 2 });
    // A non-object root: `$types.$` holds the paths.
    expect(reviveRow({ $: 5, $types: { $: { '': 'date' } } })).toEqual(new Date(5));
    // Cyclic / shared references ('#').
    const r = reviveRow({ id: 1, a: { x: 1 }, b: '#a', $types: { b: '#' } }) as { a: object; b: object };
    expect(r.b).toBe(r.a);
    // The input is left reusable (a retried restore revives the same rows again).
    const typed = {
      id: 1,
      when: 0,
      list: { 0: 'a', length: 1, k: 2 },
      $types: { when: 'date', list: 'arrayNonindexKeys' },
    };
    const once = reviveRow(typed);
    expect(reviveRow(typed)).toStrictEqual(once);
    expect((once as { list: unknown[] }).list).toBeInstanceOf(Array);
  });

  it('refuses types the bundled typeson does not know', () => {
    expect(() => reviveRow({ id: 1, v: 0, $types: { v: 'undefined' } })).toThrow('Unregistered type');
    expect(() => reviveRow({ id: 1, v: 0, $types: { v: 'cryptokey' } })).toThrow('Unregistered type');
    expect(() => reviveRow({ id: 1, v: { data: 5 }, $types: { v: 'blob2' } })).toThrow();
  });
});
