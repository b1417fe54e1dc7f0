/**
 * Hostile input against every import path (backup restore, roster .xlsx/.csv): each attempt is
 * refused with a clear Chinese message (or sanitised), and the database is unchanged afterwards.
 */
import './env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { demoDb, snapshot } from './helpers';
import {
  createBackup,
  readBackup,
  restoreBackup,
  sha256Hex,
  DataError,
} from '../../../renderer/src/io/backup';
import { commitImport, existingKeys, mapAll, parseRosterFile } from '../../../renderer/src/io/importRoster';
import { rememberMapping, applyRemembered, validateRows } from '../../../shared/data/roster';
import { creditCodeCheckChar } from '../../../shared/charter';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { DATA_FORMAT } from '../../../shared/data/format';

const code = (body17: string) => body17 + creditCodeCheckChar(body17);
let db: DeskDB;
let good: Uint8Array;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  db = await demoDb(30);
  good = (await createBackup(db, { appVersion: '0.1.0' })).bytes;
  before = await snapshot(db);
});
afterAll(() => db.close());

function random(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

/** A backup zip with the given manifest patch and database.json text (sha/bytes recomputed unless `keepSha`). */
async function forge(opts: {
  manifest?: Record<string, unknown>;
  content?: (json: string) => string;
  keepSha?: boolean;
}) {
  const src = await JSZip.loadAsync(good);
  const manifest = JSON.parse(await src.file('manifest.json')!.async('string')) as Record<string, unknown>;
  let content = await src.file('database.json')!.async('string');
  if (opts.content) content = opts.content(content);
  const bytes = new TextEncoder().encode(content);
  if (!opts.keepSha) {
    manifest.sha256 = await sha256Hex(bytes);
    manifest.bytes = bytes.byteLength;
  }
  const m = { ...manifest, ...opts.manifest };
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(m));
  zip.file('database.json', bytes);
  return zip.generateAsync({ type: 'uint8array' });
}

async function expectRefusedRestore(bytes: Uint8Array, message: string | RegExp) {
  const attempt = async () => restoreBackup(db, await readBackup(bytes, 'x.zip'), 'x.zip');
  await expect(attempt()).rejects.toThrow(message);
  await expect(attempt()).rejects.toBeInstanceOf(DataError);
  expect(await snapshot(db)).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('hostile backups are refused and change nothing (issue 8)', () => {
  it('empty file', () => expectRefusedRestore(new Uint8Array(), '空文件'));
  it('random bytes', () => expectRefusedRestore(random(5000), '不是秘书处工作台的备份文件'));
  it('a PNG renamed .zip', () => expectRefusedRestore(PNG, 'PNG 图片'));
  it('a truncated backup', () =>
    expectRefusedRestore(good.subarray(0, Math.floor(good.length / 2)), /已损坏或不完整|缺少/));
  it('a zip without manifest', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expectRefusedRestore(await zip.generateAsync({ type: 'uint8array' }), '缺少清单或数据');
  });
  it('a backup from a newer schema version', async () =>
    expectRefusedRestore(
      await forge({ manifest: { schemaVersion: 99, appVersion: '9.0.0' } }),
      '较新版本的工作台',
    ));
  it('a backup of a newer data format (shared/data/format.ts): refused before anything is read', async () =>
    expectRefusedRestore(
      await forge({ manifest: { dataFormat: DATA_FORMAT + 1, appVersion: '9.0.0' } }),
      `该备份来自较新版本的工作台（9.0.0，数据格式第 ${DATA_FORMAT + 1} 版），本工作台的数据格式为第 ${DATA_FORMAT} 版`,
    ));
  it('a manifest of file format 2 without its data format', async () =>
    expectRefusedRestore(await forge({ manifest: { dataFormat: undefined } }), '清单内容不完整'));
  it('a backup file format newer than this build knows', async () =>
    expectRefusedRestore(
      await forge({ manifest: { formatVersion: 3 } }),
      '该备份文件格式（第 3 版）比本工作台新',
    ));
  it('content that does not match the manifest SHA-256', async () => {
    // same length: the digest tells
    await expectRefusedRestore(
      await forge({
        content: (j) => j.replace('"formatName":"dexie"', '"formatName":"dexiE"'),
        keepSha: true,
      }),
      'SHA-256',
    );
    // longer than the manifest says: inflation stops at the manifest's size
    await expectRefusedRestore(
      await forge({ content: (j) => j.replace('"name":"', '"name":"篡改'), keepSha: true }),
      '与清单不符',
    );
  });
  it('counts that do not match the manifest', async () => {
    const src = await JSZip.loadAsync(good);
    const m = JSON.parse(await src.file('manifest.json')!.async('string')) as {
      counts: Record<string, number>;
    };
    await expectRefusedRestore(
      await forge({ manifest: { counts: { ...m.counts, members: 31 } } }),
      '记录数与清单不符',
    );
  });
  it('an unknown table', async () =>
    expectRefusedRestore(
      await forge({ content: (j) => j.replace('"tableName":"members"', '"tableName":"evil"') }),
      /结构有误/,
    ));
  it('a row that breaks a unique index (duplicate credit code) — the whole restore is refused', async () => {
    const dup = await forge({
      content: (j) => {
        const o = JSON.parse(j) as {
          data: { data: { tableName: string; rows: { creditCode: string }[] }[] };
        };
        const t = o.data.data.find((x) => x.tableName === 'members')!;
        t.rows[1]!.creditCode = t.rows[0]!.creditCode;
        return JSON.stringify(o);
      },
    });
    await expectRefusedRestore(dup, '无法读入数据库');
  });
  it('not JSON inside', async () =>
    expectRefusedRestore(await forge({ content: () => '{"formatName":"dexie", oops' }), '不是有效的 JSON'));
  it('disallowed typeson types', async () =>
    expectRefusedRestore(
      await forge({ content: (j) => j.replace('"rows":[{', '"rows":[{"$types":{"x":"cryptokey"},') }),
      '不允许的数据类型',
    ));

  it('prototype-pollution keys (__proto__, constructor.prototype) in the manifest or the rows are refused', async () => {
    const rows = await forge({
      content: (j) =>
        j.replace(
          '"rows":[{',
          '"rows":[{"__proto__":{"polluted":"row"},"constructor":{"prototype":{"polluted":"ctor"}},',
        ),
    });
    await expectRefusedRestore(rows, '备份内容中含有不允许的键名“__proto__”');
    // The zip's manifest literally contains "__proto__" (JSON.stringify drops a spread __proto__, so write it raw).
    const zip = await JSZip.loadAsync(good);
    const m = (await zip.file('manifest.json')!.async('string')).replace(
      '{',
      '{"__proto__":{"polluted":"manifest"},',
    );
    zip.file('manifest.json', m);
    await expectRefusedRestore(await zip.generateAsync({ type: 'uint8array' }), '备份清单中含有不允许的键名');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

function xlsx(aoa: unknown[][], merges: XLSX.Range[] = [], patch?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  if (merges.length) ws['!merges'] = merges;
  patch?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '名册');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function expectRefusedImport(name: string, bytes: Uint8Array, message: string | RegExp) {
  expect(() => parseRosterFile(name, bytes)).toThrow(message);
  expect(() => parseRosterFile(name, bytes)).toThrow(DataError);
  expect(await snapshot(db)).toEqual(before);
}

describe('hostile roster files (issue 8)', () => {
  it('empty, random, truncated and renamed files are refused with what they really are', async () => {
    await expectRefusedImport('名册.csv', new Uint8Array(), '空文件');
    await expectRefusedImport('名册.xlsx', random(3000), '无法识别的二进制文件');
    await expectRefusedImport('名册.xlsx', PNG, '实际上是PNG 图片');
    await expectRefusedImport(
      '名册.xlsx',
      new TextEncoder().encode('单位名称,信用代码\n甲,1'),
      '实际上是文本文件',
    );
    await expectRefusedImport('名册.csv', PNG, '不是 CSV 文本');
    await expectRefusedImport('名册.pdf', new TextEncoder().encode('%PDF-1.4'), '不支持的文件类型');
    const real = xlsx([
      ['单位名称', '统一社会信用代码'],
      ['甲', code('91110108MA0000001')],
    ]);
    await expectRefusedImport(
      '名册.xlsx',
      real.subarray(0, Math.floor(real.length / 2)),
      /已损坏|没有数据|找不到表头/,
    );
    await expectRefusedImport('名册.csv', new TextEncoder().encode('随便写点什么\n没有表头'), '找不到表头');
  });

  it('100,000-row spreadsheets and CSVs are refused quickly with a clear message', async () => {
    const rows: unknown[][] = [['单位名称', '统一社会信用代码']];
    for (let i = 0; i < 100_000; i++) rows.push([`单位${i}`, 'X']);
    const t0 = Date.now();
    await expectRefusedImport('大.xlsx', xlsx(rows), '超过 20,000 行');
    const csv = new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
    await expectRefusedImport('大.csv', csv, '超过 20,000 行');
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it('formulas are never evaluated: cached values or the formula text are taken as plain text', () => {
    const bytes = xlsx(
      [
        ['单位名称', '统一社会信用代码', '邮寄地址'],
        ['甲', code('91110108MA0000001'), 'x'],
      ],
      [],
      (ws) => {
        ws['A2'] = { t: 's', v: '甲公司', f: 'CONCATENATE("甲","公司")' };
        ws['C2'] = { t: 'n', f: 'HYPERLINK("http://evil.example","点我")' } as XLSX.CellObject;
      },
    );
    const p = parseRosterFile('f.xlsx', bytes);
    const [row] = mapAll(p, p.mapping);
    expect(row!.values.name).toBe('甲公司');
    expect(row!.values.postalAddress).toBe('=HYPERLINK("http://evil.example","点我")');
  });

  it('merged header cells: a title row and group titles over two-row headers are understood', () => {
    const bytes = xlsx(
      [
        ['2026 年会员名录', '', '', '', '', ''],
        ['单位名称', '统一社会信用代码', '会员代表', '', '联系人', ''],
        ['', '', '姓名', '手机', '姓名', '手机'],
        ['甲公司', code('91110108MA0000001'), '张三', '13800000001', '李四', '13900000001'],
      ],
      [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
        { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
        { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
        { s: { r: 1, c: 2 }, e: { r: 1, c: 3 } },
        { s: { r: 1, c: 4 }, e: { r: 1, c: 5 } },
      ],
    );
    const p = parseRosterFile('merged.xlsx', bytes);
    expect(p.headerLine).toBe(3);
    expect(p.mapping).toEqual([
      'name',
      'creditCode',
      'representative.name',
      'representative.mobile',
      'contact.name',
      'contact.mobile',
    ]);
    const rows = validateRows(mapAll(p, p.mapping), { creditCodes: new Map(), names: new Map() });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]!.values['contact.mobile']).toBe('13900000001');
  });

  it('10,000-character cells make the row an error; control characters are stripped; emoji survive', async () => {
    const csv = [
      '单位名称,统一社会信用代码,主营业务',
      `甲\u0000公司\u0007😀,${code('91110108MA0000001')},"安全\u202e服务\t运维"`,
      `乙公司,${code('91110108MA0000002')},${'长'.repeat(10_000)}`,
    ].join('\n');
    const p = parseRosterFile('c.csv', new TextEncoder().encode(csv));
    const rows = validateRows(mapAll(p, p.mapping), await existingKeys(db));
    expect(rows[0]!.values.name).toBe('甲公司😀');
    expect(rows[0]!.values.business).toBe('安全服务 运维');
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[1]!.problems.map((x) => x.message).join()).toContain('主营业务过长（10000 个字符');
    // Committing a row with problems is refused; nothing is written.
    await expect(commitImport(db, 'c.csv', rows)).rejects.toThrow('未处理的问题行');
    expect(await snapshot(db)).toEqual(before);
    // The clean row commits into a separate database with its emoji intact.
    const other = await demoDb(1);
    await commitImport(other, 'c.csv', [rows[0]!]);
    expect(await other.members.where('name').equals('甲公司😀').count()).toBe(1);
    other.close();
  });

  it('a __proto__ column header does not pollute the remembered mapping', () => {
    const p = parseRosterFile(
      'p.csv',
      new TextEncoder().encode(`__proto__,单位名称,统一社会信用代码\nx,甲,${code('91110108MA0000001')}`),
    );
    const remembered = rememberMapping(p.headers, p.mapping);
    const stored = JSON.parse(JSON.stringify(remembered)) as typeof remembered;
    expect(applyRemembered(p.headers, p.mapping, stored)).toEqual(['', 'name', 'creditCode']);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    expect(Object.getPrototypeOf(remembered)).toBe(Object.prototype);
  });
});
