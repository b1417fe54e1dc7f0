/**
 * The backup Worker kept between backups (issue 17, backupOffThread.ts): backups in a row share one Worker
 * (a new one starts cold); it is let go after KEEP_BACKUP_WORKER_MS without a backup, and after a failure the
 * next backup starts a fresh one. A fake Worker answers each call.
 */
import './env';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, type DeskDB } from '../../../renderer/src/db/schema';
import type * as OffThread from '../../../renderer/src/io/backupOffThread';

class FakeWorker {
  static made: FakeWorker[] = [];
  static fail = false;
  /** Calls (by their order in this Worker) that fail. */
  failing = new Set<number>();
  calls = 0;
  terminated = false;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(q: { id: number }) {
    const answer =
      FakeWorker.fail || this.failing.has(++this.calls)
        ? { id: q.id, ok: false, message: '磁盘已满', dataError: true }
        : { id: q.id, ok: true, value: { bytes: new Uint8Array(1), fileName: 'b.zip', manifest: {} } };
    setTimeout(() => this.onmessage?.({ data: answer }));
  }
  terminate() {
    this.terminated = true;
  }
}

const db = { name: 'secretariat-desk', verno: SCHEMA_VERSION } as unknown as DeskDB;

describe('backup Worker kept for the next backup (issue 17)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.made = [];
    FakeWorker.fail = false;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  const backup = async (m: typeof OffThread) => {
    const p = m.createBackupOffThread(db, { appVersion: 't' });
    await vi.advanceTimersByTimeAsync(1);
    return p;
  };

  it('two backups in a row share one Worker; it is let go after the keep time, and the next starts anew', async () => {
    const m = await import('../../../renderer/src/io/backupOffThread');
    await backup(m);
    await vi.advanceTimersByTimeAsync(m.KEEP_BACKUP_WORKER_MS - 1_000);
    await backup(m);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    // The keep time runs again from the last backup.
    await vi.advanceTimersByTimeAsync(m.KEEP_BACKUP_WORKER_MS - 1_000);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await backup(m);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('after a failed backup the Worker is closed and the next backup has a fresh one', async () => {
    const m = await import('../../../renderer/src/io/backupOffThread');
    FakeWorker.fail = true;
    const refused = expect(m.createBackupOffThread(db, { appVersion: 't' })).rejects.toThrow('磁盘已满');
    await vi.advanceTimersByTimeAsync(1);
    await refused;
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    FakeWorker.fail = false;
    await backup(m);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.terminated).toBe(false);
  });

  it('a backup failing beside another one under way in the same Worker leaves that one to finish', async () => {
    const m = await import('../../../renderer/src/io/backupOffThread');
    await backup(m);
    FakeWorker.made[0]!.failing.add(2); // the first of the two answers first, with a failure
    const failed = expect(m.createBackupOffThread(db, { appVersion: 't' })).rejects.toThrow('磁盘已满');
    const other = m.createBackupOffThread(db, { appVersion: 't' });
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    await expect(other).resolves.toMatchObject({ fileName: 'b.zip' });
    // Let go once both are done; the next backup has a fresh Worker.
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await backup(m);
    expect(FakeWorker.made).toHaveLength(2);
  });
});
