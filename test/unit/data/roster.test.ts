import './env';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { creditCodeCheckChar } from '../../../shared/charter';
import {
  applyRemembered,
  findHeaderRow,
  guessMapping,
  mapRow,
  parseDate,
  parseTier,
  rememberMapping,
  validateRows,
} from '../../../shared/data/roster';
import { parseCsv, decodeText } from '../../../shared/data/csv';
import { freshDb } from '../db/harness';
import {
  commitImport,
  existingKeys,
  mapAll,
  parseRosterFile,
  undoImport,
} from '../../../renderer/src/io/importRoster';
import { rosterWorkbook } from '../../../renderer/src/io/export';
import { generateDemo } from '../../../shared/demo/generate';

const code = (body17: string) => body17 + creditCodeCheckChar(body17);
const none = { creditCodes: new Map<string, string>(), names: new Map<string, string>() };

function csvBytes(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n'));
}

describe('roster import: mapping and validation (issue 8, R-M1, R-M2)', () => {
  it('guesses fields from Chinese headers and merged group titles (会员代表 / 手机)', () => {
    expect(
      guessMapping([
        '单位名称',
        '统一社会信用代码',
        '会员级别',
        '会员代表',
        '手机',
        '邮箱',
        '联系人',
        '联系电话',
      ]),
    ).toEqual([
      'name',
      'creditCode',
      'tier',
      'representative.name',
      'representative.mobile',
      'representative.email',
      'contact.name',
      'contact.mobile',
    ]);
    expect(
      guessMapping(
        ['单位名称', '姓名', '手机', '姓名', '手机'],
        ['', '会员代表', '会员代表', '联系人', '联系人'],
      ),
    ).toEqual(['name', 'representative.name', 'representative.mobile', 'contact.name', 'contact.mobile']);
    expect(
      findHeaderRow([
        ['会员名录', '会员名录'],
        ['单位名称', '信用代码'],
        ['a', 'b'],
      ]),
    ).toBe(1);
    expect(findHeaderRow([['x', 'y']])).toBe(-1);
  });

  it('remembers an edited mapping by header text', () => {
    const headers = ['单位', '代码', '备注'];
    const remembered = rememberMapping(headers, ['name', 'creditCode', '']);
    expect(applyRemembered(headers, guessMapping(headers), remembered)).toEqual(['name', 'creditCode', '']);
  });

  it('flags invalid credit codes (engine), missing names, bad phones/e-mails, unknown tiers, duplicates in file and DB', () => {
    const mapping = guessMapping([
      '单位名称',
      '统一社会信用代码',
      '会员级别',
      '代表手机',
      '代表邮箱',
      '入会日期',
    ]);
    const good = code('91110108MA0000001');
    const rows = [
      mapRow(['甲公司', good, '理事单位', '138 0000 0001', 'a@b.cn', '2024/5/1'], mapping, 2),
      mapRow(['', '91110108MA00000010', '黄金会员', '12345', 'not-an-email', '2024-13-01'], mapping, 3),
      mapRow(['甲公司', good, '', '', '', ''], mapping, 4),
      mapRow(['乙公司', code('91110108MA0000002'), '', '', '', ''], mapping, 5),
    ];
    const existing = {
      creditCodes: new Map([[code('91110108MA0000002'), '乙公司']]),
      names: new Map([['乙公司', 'x']]),
    };
    const out = validateRows(rows, existing);
    expect(out[0]!.problems).toEqual([]);
    const msgs = out[1]!.problems.map((p) => p.message).join('|');
    expect(msgs).toContain('缺少单位名称');
    expect(msgs).toContain('校验位不符');
    expect(msgs).toContain('无法识别的会员级别');
    expect(msgs).toContain('不是有效的手机');
    expect(msgs).toContain('格式不正确');
    expect(msgs).toContain('入会日期');
    expect(out[2]!.problems.map((p) => p.message)).toEqual([
      '与第 2 行的信用代码重复',
      '与第 2 行的单位名称重复',
    ]);
    expect(out[3]!.problems.map((p) => p.message).join('|')).toContain('已属于现有会员“乙公司”');
    // Skipping the first row clears the duplicate on the third.
    expect(validateRows(rows, none, new Set([2]))[2]!.problems).toEqual([]);
  });

  it('parses tiers and dates', () => {
    expect(parseTier('理事')).toBe('director');
    expect(parseTier('')).toBe('member');
    expect(parseTier('VIP')).toBeNull();
    expect(parseDate('2024年5月1日')).toBe('2024-05-01');
    expect(parseDate('2024-02-30')).toBeNull();
  });

  it('reads CSV with quotes, embedded commas/newlines, and GB18030 (Excel on Chinese Windows)', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"x\ny",z\n').rows).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', 'z'],
    ]);
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6]); // 单位名称 in GBK
    expect(decodeText(gbk)).toBe('单位名称');
  });
});

describe('roster import: commit and undo (issue 8)', () => {
  it('commits valid rows in one transaction with batch, searchText, history and audit; undo removes them and keeps them in the audit', async () => {
    const db = freshDb();
    const parsed = parseRosterFile(
      '名册.csv',
      csvBytes([
        '单位名称,统一社会信用代码,会员级别,会员代表,代表手机,联系人',
        `中安信网络安全有限公司,${code('91110108MA0000001')},理事单位,张伟,13800000001,李娜`,
        `华盾数据科技有限公司,${code('91310115MA0000002')},,王芳,13800000002,赵强`,
      ]),
    );
    const rows = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    const r = await commitImport(db, '名册.csv', rows);
    expect(r.count).toBe(2);
    const members = await db.members.toArray();
    expect(members.map((m) => [m.name, m.tier, m.status, m.importBatchId])).toEqual([
      ['中安信网络安全有限公司', 'director', 'active', r.batchId],
      ['华盾数据科技有限公司', 'member', 'active', r.batchId],
    ]);
    expect(members[0]!.searchText).toContain('zaxwlaqyxgs');
    // One write per member: the first tier and people are the member's own fields (initialHistory.ts),
    // and the batch's one audit entry names every unit.
    expect(await db.contactChanges.count()).toBe(0);
    expect(await db.tierChanges.count()).toBe(0);
    const entries = await db.audit.where('action').equals('import').toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toContain('中安信网络安全有限公司、华盾数据科技有限公司');

    // Importing the same file again: every row is a duplicate of the database.
    const again = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    expect(again.every((x) => x.problems.some((p) => p.message.includes('已属于现有会员')))).toBe(true);

    const removed = await undoImport(db, r.batchId);
    expect(removed).toBe(2);
    expect(await db.members.count()).toBe(0);
    expect(await db.contactChanges.count()).toBe(0);
    expect((await db.imports.get(r.batchId))!.undone).toBeDefined();
    const undo = (await db.audit.where('action').equals('undo').toArray()).find(
      (e) => e.entity === 'imports',
    )!;
    expect(undo.summary).toContain('中安信网络安全有限公司、华盾数据科技有限公司');
    expect((undo.changes![0]!.before as unknown[]).length).toBe(2);
    await expect(undoImport(db, r.batchId)).rejects.toThrow('已经撤销过');
    db.close();
  });

  it('refuses to undo once a payment refers to an imported member; nothing changes', async () => {
    const db = freshDb();
    const parsed = parseRosterFile(
      'a.csv',
      csvBytes(['单位名称,统一社会信用代码', `甲公司,${code('91110108MA0000001')}`]),
    );
    const r = await commitImport(db, 'a.csv', validateRows(mapAll(parsed, parsed.mapping), none));
    const m = (await db.members.toArray())[0]!;
    await db.payments.add({
      memberId: m.id!,
      year: 2026,
      paidOn: '2026-11-21',
      amount: 5000,
      method: '银行转账',
      receiptNo: '1',
      recordedAt: '',
    });
    await expect(undoImport(db, r.batchId)).rejects.toThrow('无法撤销');
    expect(await db.members.count()).toBe(1);
    db.close();
  });

  it('imports 10,000 rows from .xlsx in seconds, with progress', async () => {
    const ds = generateDemo({ members: 10_000, asOf: '2026-11-21' });
    const bytes = rosterWorkbook(ds.members);
    const t0 = Date.now();
    const parsed = parseRosterFile('大名册.xlsx', bytes);
    const db = freshDb();
    const rows = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    expect(rows.filter((r) => r.problems.length)).toEqual([]);
    const progress: number[] = [];
    await commitImport(db, '大名册.xlsx', rows, { onProgress: (d) => progress.push(d) });
    const secs = (Date.now() - t0) / 1000;
    expect(await db.members.count()).toBe(10_000);
    expect(progress.at(-1)).toBe(10_000);
    expect(secs).toBeLessThan(60);
    // The export's columns re-import into the same fields.
    const back = await db.members.toArray();
    expect(back[0]!.name).toBe(ds.members[0]!.name);
    expect(back[0]!.representative).toEqual(ds.members[0]!.representative);
    db.close();
  }, 120_000);

  it('exports the roster with codes and phones as text', () => {
    const ds = generateDemo({ members: 3, asOf: '2026-11-21' });
    const wb = XLSX.read(rosterWorkbook(ds.members), { type: 'array' });
    const ws = wb.Sheets['会员名册']!;
    expect(ws['B2'].v).toBe(ds.members[0]!.name);
    expect(ws['C2'].t).toBe('s');
    expect(ws['L2'].t).toBe('s');
  });
});
