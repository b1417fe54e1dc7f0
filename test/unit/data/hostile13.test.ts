/**
 * Issue 13 (security and durability), the hostile-input points. Each test reproduces an attack that
 * succeeded before the fix: a polluting `$types` key path in an older-schema backup (4), invalid rows
 * and too many rows or bytes (5), zip bombs as a backup and as an .xlsx (6), a received .docx with
 * 160,000 unclosed table rows (7). Bombs are built here with fflate; caps are injected small so the
 * tests stay fast, and one test per cap checks the real one's logic.
 */
import './env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { demoDb, snapshot } from './helpers';
import {
  BACKUP_LIMITS,
  createBackup,
  DataError,
  readBackup,
  restoreBackup,
  sha256Hex,
  stageBackup,
  type ReadBackup,
} from '../../../renderer/src/io/backup';
import { parseRosterFile } from '../../../renderer/src/io/importRoster';
import { readSheetRows, SHEET_LIMITS } from '../../../renderer/src/io/spreadsheet';
import { openDeskDb, type DeskDB } from '../../../renderer/src/db/schema';
import { loadDemo } from '../../../renderer/src/db/demo';
import { checkZipInflation, inflateEntry, listZip, ZipTooLargeError } from '../../../shared/data/zip';
import { checkTableRows } from '../../../shared/domain/schemas';
import { LOCAL_TABLES } from '../../../shared/sync/scope';
import { withoutForbiddenKeys } from '../../../shared/data/sanitize';
import { rememberMapping } from '../../../shared/data/roster';

const MB = 1024 * 1024;
let db: DeskDB;
let before: Record<string, unknown[]>;
let good: Uint8Array;
let v1Backup: Uint8Array;

beforeAll(async () => {
  db = await demoDb(20);
  before = await snapshot(db);
  good = (await createBackup(db, { appVersion: '0.1.0' })).bytes;
  const v1 = openDeskDb(`hostile13-v1-${process.pid}-${Date.now()}`, 1);
  await loadDemo(v1, { asOf: '2026-11-21', members: 8 });
  v1Backup = (await createBackup(v1, { appVersion: '0.1.0' })).bytes;
  v1.close();
});
afterAll(() => db.close());

/** Rebuilds a backup zip with edited database.json (manifest sha/bytes recomputed) and manifest. */
async function forge(
  src: Uint8Array,
  edit: {
    content?: (j: string) => string;
    manifest?: (m: Record<string, unknown>) => void;
    raw?: Uint8Array;
  },
): Promise<Uint8Array> {
  const files = unzipSync(src);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
  let content: Uint8Array = files['database.json']!;
  if (edit.content) content = strToU8(edit.content(new TextDecoder().decode(content)));
  if (edit.raw) content = edit.raw;
  manifest.sha256 = await sha256Hex(content);
  manifest.bytes = content.byteLength;
  edit.manifest?.(manifest);
  return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'database.json': content });
}

async function expectRefused(
  bytes: Uint8Array,
  message: string | RegExp,
  limits = BACKUP_LIMITS,
): Promise<void> {
  const attempt = async () => restoreBackup(db, await readBackup(bytes, 'x.zip', limits), 'x.zip');
  await expect(attempt()).rejects.toThrow(message);
  await expect(attempt()).rejects.toBeInstanceOf(DataError);
  expect(await snapshot(db)).toEqual(before);
}

/** Sets the declared uncompressed size of the entries (all, or the one named) in both headers to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number, only?: string): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const named = (at: number, len: number) =>
    only === undefined || new TextDecoder().decode(out.subarray(at, at + len)) === only;
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && named(i + 30, dv.getUint16(i + 26, true))) dv.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50 && named(i + 46, dv.getUint16(i + 28, true)))
      dv.setUint32(i + 24, size, true);
  }
  return out;
}

describe('4. prototype pollution through an older-schema backup', () => {
  // Before the fix, the first of these restored (through importInto's typeson, whose plain-object
  // reviver set the key path unguarded) and left Object.prototype.hasOwnProperty an array.
  const PATHS = [
    'constructor.prototype.hasOwnProperty',
    '__proto__.polluted',
    'name.__proto__',
    'a~1b.prototype',
  ];
  const hasOwn = Object.prototype.hasOwnProperty;

  for (const path of PATHS) {
    it(`a v1 backup with "${path}" in $types is refused before anything revives it`, async () => {
      const evil = await forge(v1Backup, {
        content: (j) => j.replace('"rows":[{', `"rows":[{"$types":{"${path}":"arrayNonindexKeys"},`),
      });
      try {
        await expectRefused(evil, `不允许的键名“${path}”`);
        expect(Object.prototype.hasOwnProperty).toBe(hasOwn);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        Object.prototype.hasOwnProperty = hasOwn; // (only if the fix failed: keep the other tests sane)
      }
    });
  }

  it('the staging path itself never uses typeson: a forged ReadBackup with such a path is refused, nothing polluted', async () => {
    const read = await readBackup(v1Backup);
    const forged = structuredClone(read) as ReadBackup;
    const members = forged.data.data.data.find((t) => t.tableName === 'members')!;
    (members.rows[0] as Record<string, unknown>).$types = {
      'constructor.prototype.hasOwnProperty': 'arrayNonindexKeys',
    };
    const target = await demoDb(2);
    const targetBefore = await snapshot(target);
    try {
      await expect(stageBackup(forged)).rejects.toThrow('无法读入数据库');
      await expect(restoreBackup(target, forged, 'x.zip')).rejects.toThrow('无法读入数据库');
      expect(await snapshot(target)).toEqual(targetBefore);
      target.close();
      expect(Object.prototype.hasOwnProperty).toBe(hasOwn);
    } finally {
      Object.prototype.hasOwnProperty = hasOwn;
    }
  });

  it('the current-version path refuses the same keys (and literal __proto__ keys in rows)', async () => {
    await expectRefused(
      await forge(good, {
        content: (j) => j.replace('"rows":[{', '"rows":[{"$types":{"constructor.prototype.x":"date"},'),
      }),
      '不允许的键名',
    );
    await expectRefused(
      await forge(good, { content: (j) => j.replace('"rows":[{', '"rows":[{"__proto__":{"polluted":1},') }),
      '不允许的键名“__proto__”',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a remembered roster mapping never stores a key a backup would refuse (a “constructor” column)', () => {
    const mapping = rememberMapping(['Constructor', 'prototype', '单位名称'], ['', '', 'name']);
    expect(Object.keys(mapping)).toContain('constructor');
    expect(Object.keys(withoutForbiddenKeys(mapping))).toEqual(['单位名称']);
  });

  it('a clean v1 backup still restores (migrating through staging)', async () => {
    const target = await demoDb(2);
    await restoreBackup(target, await readBackup(v1Backup), 'v1.zip');
    expect(await target.members.count()).toBe(8);
    target.close();
  });
});

describe('5. restored rows are validated against the domain schemas; rows and bytes are capped', () => {
  const badMember = (j: string) => {
    const o = JSON.parse(j) as { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };
    const rows = o.data.data.find((t) => t.tableName === 'members')!.rows;
    rows[2]!.name = 12345;
    rows[2]!.representative = null;
    return JSON.stringify(o);
  };

  it('a member {name: 12345, representative: null} is refused naming the table, row and field', async () => {
    await expectRefused(
      await forge(good, { content: badMember }),
      /“会员单位”（members）的第 3 条记录（编号 \d+）的字段“name”有误：类型不对（应为文本，实为数字）/,
    );
  });

  it('the same in a v1 backup (checked after migrating, before the write)', async () => {
    await expectRefused(
      await forge(v1Backup, { content: badMember }),
      /“会员单位”（members）的第 3 条记录.*字段“name”/,
    );
  });

  it('every table has a schema, and the rows the app writes pass it (demo data, files, settings)', async () => {
    // Every table a backup carries (the local-only sync outbox never is in one).
    for (const t of db.tables.filter((x) => !LOCAL_TABLES.includes(x.name))) {
      const rows = await t.toArray();
      expect(checkTableRows(t.name, rows), t.name).toBeUndefined();
    }
    expect(checkTableRows('members', [{ ...(await db.members.toArray())[0], tier: 'king' }])).toMatchObject({
      table: 'members',
      row: 1,
      field: 'tier',
    });
    expect(
      checkTableRows('payments', [{ ...(await db.payments.toArray())[0], paidOn: '2026/1/1' }]),
    ).toMatchObject({
      field: 'paidOn',
      message: '应为 YYYY-MM-DD 日期',
    });
    expect(checkTableRows('evil', [{}])).toMatchObject({ message: '未知的数据表' });
    // A 发文's 版头 / 版记 are checked too (the schema did not describe them before).
    const doc = {
      id: 1,
      title: '关于召开年会的通知',
      type: '通知',
      date: '2026-12-07',
      year: 2026,
      addressee: '各会员单位',
      body: '一、会议时间',
      attachments: [],
      issuer: '中国网络安全产业联盟秘书处',
      status: 'draft',
      createdAt: '2026-12-07T08:00:00.000Z',
      updatedAt: '2026-12-07T08:00:00.000Z',
      letterhead: { mark: '中国网络安全产业联盟文件' },
      colophon: { cc: '各理事单位', printDate: '2026-12-07' },
    };
    expect(checkTableRows('documents', [doc])).toBeUndefined();
    expect(checkTableRows('documents', [{ ...doc, letterhead: { mark: 5 } }])).toMatchObject({
      field: 'letterhead.mark',
    });
    expect(checkTableRows('documents', [{ ...doc, colophon: 'x' }])).toMatchObject({ field: 'colophon' });
    // What forms can legitimately leave behind is not a reason to refuse a restore.
    const meeting = (await db.meetings.toArray())[0]!;
    expect(checkTableRows('meetings', [{ ...meeting, returnBy: '' }])).toBeUndefined();
    expect(checkTableRows('meetings', [{ ...meeting, extraFromANewerBuild: 1 }])).toBeUndefined();
  });

  it('a field of the wrong type deep in a record (meeting.entitled[0].name) is named by its path', async () => {
    const bytes = await forge(good, {
      content: (j) => {
        const o = JSON.parse(j) as {
          data: { data: { tableName: string; rows: Record<string, unknown>[] }[] };
        };
        const m = o.data.data.find((t) => t.tableName === 'meetings')!.rows[0]!;
        (m.entitled as { name: unknown }[])[0]!.name = { html: '<b>' };
        return JSON.stringify(o);
      },
    });
    await expectRefused(bytes, /“会议”（meetings）的第 1 条记录.*字段“entitled\.0\.name”/);
  });

  it('too many rows: refused from the manifest, before database.json is inflated', async () => {
    const counts = (await readBackup(good)).manifest.counts;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const limits = { ...BACKUP_LIMITS, maxRows: total - 1 };
    await expectRefused(good, `上限 ${(total - 1).toLocaleString('zh-CN')} 条`, limits);
    // database.json replaced by garbage that would not even inflate: the manifest alone decides.
    const files = unzipSync(good);
    const broken = zipSync({
      'manifest.json': files['manifest.json']!,
      'database.json': files['database.json']!,
    });
    await expectRefused(broken, '记录过多', limits);
    // Within the cap it restores.
    const target = await demoDb(1);
    await restoreBackup(
      target,
      await readBackup(good, 'ok.zip', { ...BACKUP_LIMITS, maxRows: total }),
      'ok.zip',
    );
    target.close();
  });

  it('too many rows with a manifest that lies about them: refused from the rows actually read', async () => {
    const bytes = await forge(good, {
      manifest: (m) => {
        m.counts = { members: 1 };
      },
    });
    await expectRefused(bytes, '记录过多', { ...BACKUP_LIMITS, maxRows: 30 });
  });

  it('the real row cap: a manifest declaring 500,000 rows is refused at once', async () => {
    const bytes = await forge(good, {
      manifest: (m) => {
        m.counts = { ...(m.counts as object), audit: 500_000 };
      },
    });
    const t0 = performance.now();
    await expectRefused(bytes, '记录过多（500,');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(BACKUP_LIMITS.maxRows).toBeLessThan(500_000);
    expect(BACKUP_LIMITS.maxRows).toBeGreaterThanOrEqual(200_000); // the 10,000-member demo: ~190,000 rows
  });

  it('too many bytes: a manifest declaring more than the content cap is refused before inflating', async () => {
    const m = (await readBackup(good)).manifest;
    await expectRefused(good, '备份内容过大', { ...BACKUP_LIMITS, maxContentBytes: m.bytes - 1 });
    const huge = await forge(good, {
      manifest: (x) => {
        x.bytes = 4 * 1024 * MB;
      },
    });
    await expectRefused(huge, /备份内容过大（解压后 4096 MB，上限 300 MB）/);
  });
});

describe('6. zip bombs', () => {
  /** A backup whose database.json is `size` bytes of spaces (JSON whitespace) that deflate to ~size/1000. */
  async function bombBackup(size: number, manifestBytes: number): Promise<Uint8Array> {
    const files = unzipSync(good);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    manifest.bytes = manifestBytes;
    return zipSync(
      {
        'manifest.json': strToU8(JSON.stringify(manifest)),
        'database.json': new Uint8Array(size).fill(0x20),
      },
      { level: 9 },
    );
  }

  it('a backup inflating far past its manifest stops at the manifest size (running cap, not headers)', async () => {
    const bomb = lieAboutSizes(await bombBackup(64 * MB, 1 * MB), 1000, 'database.json');
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    // The headers now say every entry is 1,000 bytes: only the running count can tell.
    const t0 = performance.now();
    await expectRefused(bomb, '与清单不符：解压后超过清单所记的 1,048,576 字节');
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
  });

  it('manifest.json itself cannot be a bomb', async () => {
    const files = unzipSync(good);
    const bomb = lieAboutSizes(
      zipSync(
        { 'manifest.json': new Uint8Array(32 * MB).fill(0x20), 'database.json': files['database.json']! },
        { level: 9 },
      ),
      100,
      'manifest.json',
    );
    await expectRefused(bomb, '备份清单过大');
  });

  it('the real content cap: a bomb whose manifest claims 4 GiB is refused from the manifest in milliseconds', async () => {
    const bomb = await bombBackup(8 * MB, 4 * 1024 * MB - 1);
    const t0 = performance.now();
    await expectRefused(bomb, '备份内容过大');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('inflateEntry stops within one step past the cap, whatever the header declares', () => {
    const zip = lieAboutSizes(zipSync({ 'a.bin': new Uint8Array(48 * MB) }, { level: 9 }), 10);
    const [e] = listZip(zip);
    expect(e!.declaredSize).toBe(10);
    const t0 = performance.now();
    expect(() => inflateEntry(zip, e!, 2 * MB, '太大')).toThrow(ZipTooLargeError);
    expect(performance.now() - t0).toBeLessThan(1000);
    // An honest header over the cap is refused without inflating at all.
    const honest = zipSync({ 'a.bin': new Uint8Array(4 * MB) }, { level: 9 });
    expect(() => inflateEntry(honest, listZip(honest)[0]!, MB, '太大')).toThrow('太大');
    // Under the cap the content comes out whole, and a lying header is caught.
    expect(inflateEntry(honest, listZip(honest)[0]!, 8 * MB, '太大').byteLength).toBe(4 * MB);
    const liar = lieAboutSizes(honest, 4 * MB - 1);
    expect(() => inflateEntry(liar, listZip(liar)[0]!, 8 * MB, '太大')).toThrow('已损坏');
  });

  function xlsxWith(extra: Record<string, Uint8Array>): Uint8Array {
    const ws = XLSX.utils.aoa_to_sheet([
      ['单位名称', '统一社会信用代码'],
      ['甲公司', '91110108MA00000010'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名册');
    const files = unzipSync(
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    );
    return zipSync({ ...files, ...extra }, { level: 9 });
  }

  it('an .xlsx bomb (a small file inflating to many times the cap) is refused before SheetJS reads it', () => {
    const bomb = xlsxWith({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * MB).fill(0x20) });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const limits = { maxEntryBytes: 4 * MB, maxTotalBytes: 4 * MB };
    const t0 = performance.now();
    expect(() => readSheetRows('名册.xlsx', bomb, limits)).toThrow(/解压后超过 4 MB/);
    expect(() =>
      readSheetRows('名册.xlsx', lieAboutSizes(bomb, 100, 'xl/worksheets/sheet1.xml'), limits),
    ).toThrow(/解压后超过 4 MB/);
    expect(performance.now() - t0).toBeLessThan(3000);
    // Many entries each under the per-entry cap still hit the total cap.
    const spread: Record<string, Uint8Array> = {};
    for (let i = 0; i < 8; i++) spread[`xl/media/x${i}.bin`] = new Uint8Array(MB);
    expect(() =>
      readSheetRows('名册.xlsx', xlsxWith(spread), { maxEntryBytes: 2 * MB, maxTotalBytes: 4 * MB }),
    ).toThrow(DataError);
    // The same workbook without the bomb reads.
    expect(readSheetRows('名册.xlsx', xlsxWith({}), limits).rows[1]).toEqual([
      '甲公司',
      '91110108MA00000010',
    ]);
  });

  it('the real .xlsx cap: a 1.4 GB-style bomb is refused at the 80 MB cap, in about a second', () => {
    expect(SHEET_LIMITS.maxTotalBytes).toBe(80 * MB);
    const bomb = xlsxWith({ 'xl/worksheets/sheet1.xml': new Uint8Array(96 * MB).fill(0x20) });
    const t0 = performance.now();
    expect(() => parseRosterFile('名册.xlsx', bomb)).toThrow(/解压后超过 80 MB/);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(checkZipInflation(xlsxWith({}), SHEET_LIMITS, '太大').total).toBeGreaterThan(0);
  });
});
