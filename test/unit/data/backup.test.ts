import './env';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { demoDb, snapshot } from './helpers';
import { freshDb } from '../db/harness';
import {
  applyStaged,
  createBackup,
  readBackup,
  restoreBackup,
  stageBackup,
} from '../../../renderer/src/io/backup';
import { BACKUP_FORMAT } from '../../../shared/data/manifest';
import { DATA_FORMAT } from '../../../shared/data/format';
import { openDeskDb, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { loadDemo } from '../../../renderer/src/db/demo';
import { workstationNumber } from '../../../renderer/src/db/ids';
import { legacyIdsTo } from '../../../shared/data/ids';
import { RECORD_TABLES, rekeyRow } from '../../../shared/data/references';

describe('backup and restore (issue 8)', () => {
  it('round trip: backup → wipe → restore gives identical tables (files blobs included), audited restore', async () => {
    const db = await demoDb();
    const before = await snapshot(db);
    const progress: number[] = [];
    const b = await createBackup(db, { appVersion: '0.1.0', onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toBe(100);
    expect(b.fileName).toMatch(/^秘书处工作台备份-\d{8}-\d{6}\.zip$/);
    expect(b.manifest.format).toBe(BACKUP_FORMAT);
    expect(b.manifest.schemaVersion).toBe(SCHEMA_VERSION);
    expect(b.manifest.formatVersion).toBe(2);
    expect(b.manifest.dataFormat).toBe(DATA_FORMAT);
    expect(b.manifest.counts.members).toBe(60);
    expect(b.manifest.counts.files).toBe(1);
    const zip = await JSZip.loadAsync(b.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['database.json', 'manifest.json']);

    // wipe
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
    });
    expect(await db.members.count()).toBe(0);

    const read = await readBackup(b.bytes, b.fileName);
    await restoreBackup(db, read, b.fileName);
    const after = await snapshot(db);
    const restoreEntries = (after.audit as { action: string }[]).filter((e) => e.action === 'restore');
    expect(restoreEntries).toHaveLength(1);
    after.audit = (after.audit as { action: string }[]).filter((e) => e.action !== 'restore');
    expect(after).toEqual(before);
    const file = await db.files.toArray();
    expect(file[0]!.data).toBeInstanceOf(Blob);
    expect(await file[0]!.data.text()).toBe('%PDF-');
    db.close();
  });

  it('a file of format 1 (written before the data format was recorded) restores as data format 1', async () => {
    const src = await demoDb(5);
    const b = await createBackup(src, { appVersion: '0.1.0' });
    const zip = await JSZip.loadAsync(b.bytes);
    const m = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    delete m.dataFormat;
    m.formatVersion = 1;
    zip.file('manifest.json', JSON.stringify(m));
    const old = await zip.generateAsync({ type: 'uint8array' });
    const read = await readBackup(old, 'old.zip');
    expect(read.manifest.dataFormat).toBeUndefined();
    const dst = await demoDb(8);
    await restoreBackup(dst, read, 'old.zip');
    expect(await dst.members.count()).toBe(5);
    src.close();
    dst.close();
  });

  it('restores into a different (fresh) database, replacing what it held', async () => {
    const src = await demoDb(20);
    const b = await createBackup(src, { appVersion: '0.1.0' });
    const dst = await demoDb(40);
    await restoreBackup(dst, await readBackup(b.bytes), 'x.zip');
    expect(await dst.members.count()).toBe(20);
    src.close();
    dst.close();
  });

  it('migration path (v1 → v2): a backup written at schema version 1 is staged there and restored at the current version, every member field kept', async () => {
    const v1 = openDeskDb(`backup-v1-${process.pid}-${Date.now()}`, 1);
    await loadDemo(v1, { asOf: '2026-11-21', members: 10 });
    const before = await snapshot(v1);
    const b = await createBackup(v1, { appVersion: '0.1.0' });
    const read = await readBackup(b.bytes);
    expect(read.manifest.schemaVersion).toBe(1);
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    const staged = await stageBackup(read);
    expect(Object.keys(staged).sort()).toEqual(v1.tables.map((t) => t.name).sort());
    const target = freshDb();
    await applyStaged(target, staged, read.manifest, 'v1.zip');
    const after = await snapshot(target);
    after.audit = after.audit!.filter((a) => (a as { action?: string }).action !== 'restore');
    // The sync outbox (version 4, issue 19) is not restored: empty.
    expect(after.syncOutbox).toEqual([]);
    delete after.syncOutbox;
    // Version 3 (issue 19) moves every id into this workstation's range, with every reference.
    const map = legacyIdsTo(workstationNumber());
    for (const t of RECORD_TABLES) before[t] = (before[t] ?? []).map((r) => rekeyRow(t, r, map));
    expect(after).toEqual(before);
    expect(target.members.schema.indexes.map((i) => i.name).sort()).toEqual([
      'creditCode',
      'importBatchId',
      'name',
    ]);
    v1.close();
    target.close();
  });

  it('restoreBackup restores a version-1 backup into the current database (replacing what it held)', async () => {
    const v1 = openDeskDb(`backup-v1b-${process.pid}-${Date.now()}`, 1);
    await loadDemo(v1, { asOf: '2026-11-21', members: 5 });
    const read = await readBackup((await createBackup(v1, { appVersion: '0.1.0' })).bytes);
    const target = await demoDb(3);
    await restoreBackup(target, read, 'v1.zip');
    expect((await target.members.toArray()).map((m) => m.name).sort()).toEqual(
      (await v1.members.toArray()).map((m) => m.name).sort(),
    );
    v1.close();
    target.close();
  });
});
