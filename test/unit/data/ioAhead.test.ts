/**
 * Issue 17, files in and out: the work moved off the window keeps the same results.
 * - Roster import: the search texts the Worker computes ahead (rosterRows.ts) are exactly
 *   buildSearchText's, and the commit uses one only while its row still reads the same.
 * - Backup: a backup held in a Worker (backupOffThread.ts) is restored by it into the database named;
 *   without Workers (Node, jsdom) the same functions run in place.
 */
import './env';
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../db/harness';
import { demoDb } from './helpers';
import { commitImport, existingKeys, mapAll, parseRosterFile } from '../../../renderer/src/io/importRoster';
import { precomputeSearchTexts, searchTextKey } from '../../../renderer/src/io/rosterRows';
import {
  readRosterOffThread,
  searchTextsIfReady,
  type RosterSheet,
} from '../../../renderer/src/io/sheetOffThread';
import { createBackupOffThread, readBackupOffThread } from '../../../renderer/src/io/backupOffThread';
import { restoreBackup, tableCounts, type HeldBackup } from '../../../renderer/src/io/backup';
import { rosterWorkbook } from '../../../renderer/src/io/export';
import { rowToFields, validateRows } from '../../../shared/data/roster';
import { buildSearchText } from '../../../shared/search/searchText';
import { generateDemo } from '../../../shared/demo/generate';

describe('roster import: search texts computed ahead (issue 17)', () => {
  const members = generateDemo({ members: 60, asOf: '2026-11-21' }).members;
  const bytes = rosterWorkbook(members);

  it('are exactly buildSearchText of each row under the guessed mapping', () => {
    const parsed = parseRosterFile('名册.xlsx', bytes);
    const ahead = precomputeSearchTexts(parsed);
    const rows = mapAll(parsed, parsed.mapping);
    expect(ahead.size).toBe(rows.length);
    for (const r of rows) {
      const f = rowToFields(r.values);
      expect(ahead.get(r.line)).toEqual({ key: searchTextKey(f), text: buildSearchText(f) });
    }
  });

  it('the commit uses a text only while its row reads the same (an edited name is computed again)', async () => {
    const db = await freshDb();
    const parsed = parseRosterFile('名册.xlsx', bytes);
    const ahead = precomputeSearchTexts(parsed);
    const rows = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    // The clerk corrected the first row's name after the texts were computed.
    rows[0]!.values.name = '重庆测试网络安全有限公司';
    // A wrong text under the right key would be used as is: prove which texts came from the map.
    const forged = new Map(ahead);
    const second = rows[1]!;
    forged.set(second.line, { ...forged.get(second.line)!, text: 'from-the-worker' });
    await commitImport(db, '名册.xlsx', rows, { searchTexts: forged });
    const first = await db.members.where('name').equals('重庆测试网络安全有限公司').first();
    expect(first!.searchText).toBe(buildSearchText(rowToFields(rows[0]!.values)));
    expect(first!.searchText).toContain('chongqing');
    const two = await db.members.where('name').equals(second.values.name).first();
    expect(two!.searchText).toBe('from-the-worker');
    db.close();
  });

  it('the commit never waits for them: not sent yet → none, and their Worker is stopped', async () => {
    const close = vi.fn();
    const sheet = (texts: Promise<Map<number, { key: string; text: string }> | null>): RosterSheet => ({
      rows: [],
      sheetName: '名册',
      searchTexts: texts,
      close,
    });
    const done = new Map([[2, { key: 'k', text: 't' }]]);
    expect(await searchTextsIfReady(sheet(Promise.resolve(done)))).toBe(done);
    expect(close).not.toHaveBeenCalled();
    expect(await searchTextsIfReady(sheet(new Promise(() => undefined)))).toBeNull();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('without Workers the rows are read in place and nothing is computed ahead', async () => {
    const sheet = await readRosterOffThread('名册.xlsx', bytes);
    expect(sheet.rows.length).toBe(members.length + 1);
    expect(await sheet.searchTexts).toBeNull();
    sheet.close();
  });
});

describe('backup and restore off the window (issue 17)', () => {
  it('without Workers: backup, check and restore run in place, all tables back', async () => {
    const db = await demoDb();
    const before = await tableCounts(db);
    const b = await createBackupOffThread(db, { appVersion: 't' });
    const read = await readBackupOffThread(b.bytes, b.fileName);
    expect('writeInto' in read).toBe(false);
    await db.members.clear();
    await restoreBackup(db, read, b.fileName);
    const after = await tableCounts(db);
    expect(after.members).toBe(before.members);
    expect(after.audit).toBe(before.audit! + 1); // the restore is audited
    db.close();
  }, 30_000); // a whole demo database backed up and restored: seconds on a loaded machine

  it('a backup held in a Worker is written by it into the same database, by name, with progress', async () => {
    const db = await freshDb();
    const writeInto = vi.fn(async (_db: string, _f: string, onProgress?: (p: number, l: string) => void) => {
      onProgress?.(100, '完成');
    });
    const held: HeldBackup = {
      manifest: { counts: {} } as HeldBackup['manifest'],
      writeInto,
      close: () => undefined,
    };
    const progress: number[] = [];
    await restoreBackup(db, held, 'b.zip', (p) => progress.push(p));
    expect(writeInto).toHaveBeenCalledWith(db.name, 'b.zip', expect.any(Function));
    expect(progress).toEqual([100]);
    db.close();
  });
});
