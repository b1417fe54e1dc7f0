/**
 * The window's entry to backups and restores: the heavy work runs in a Worker (backup.worker.ts), so a
 * zip bomb or a huge or malformed backup never freezes the window, and a 190,000-row backup or restore
 * leaves it responsive (no long task: reading, serialising, compressing, checking, zod and the writes are
 * all in the Worker; the window only shows progress).
 *
 * A backup file is checked once, in the Worker, which keeps the checked rows until they are restored (or
 * the preview is closed): the window receives only the manifest for its preview, and `restoreBackup`
 * asks the same Worker to write them. Where there is no Worker (jsdom, Node) the same functions run in
 * place.
 */
import { DataError } from '../../../shared/data/errors';
import type { BackupManifest } from '../../../shared/data/manifest';
import {
  createBackup,
  readBackup,
  type CreatedBackup,
  type HeldBackup,
  type Progress,
  type ReadBackup,
} from './backup';
import { SCHEMA_VERSION, type DeskDB } from '../db/schema';
import { WorkerCalls, type CallReply } from './workerCall';

export type BackupRequest = { id: number } & (
  | { op: 'check'; bytes: Uint8Array; fileName: string }
  | { op: 'restore'; dbName: string; fileName: string }
  | { op: 'backup'; dbName: string; appVersion: string; now: string }
);

/** What the backup Worker answers: each call's progress, then its value or its failure. */
export type BackupWorkerMessage = CallReply<unknown>;

type Request = BackupRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The backup Worker and its calls (one at a time is all the panel needs; each has its own id). */
class BackupWorker {
  private readonly calls: WorkerCalls<unknown>;

  constructor() {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      throw new DataError('无法启动后台处理（Worker），请重新打开工作台后再试。');
    }
    // Out of memory or a crash inside the worker.
    this.calls = new WorkerCalls(
      worker,
      () => new DataError('备份处理出错（文件可能过大或已损坏），数据库未作任何改动。'),
    );
  }

  /** False once it failed or was closed: never called again. */
  get alive(): boolean {
    return this.calls.alive;
  }

  /** No call under way. */
  get idle(): boolean {
    return this.calls.idle;
  }

  call<R>(
    q: Request,
    opts: { transfer?: Transferable[]; onProgress?: Progress | undefined } = {},
  ): Promise<R> {
    return this.calls.call(q, opts) as Promise<R>;
  }

  close() {
    this.calls.fail(new DataError('备份内容已关闭，请重新选择备份文件。'));
  }
}

/** A backup checked in its Worker, which holds the rows until `writeInto` (or `close`). */
class WorkerHeldBackup implements HeldBackup {
  constructor(
    readonly manifest: BackupManifest,
    private readonly worker: BackupWorker,
  ) {}

  async writeInto(dbName: string, fileName: string, onProgress?: Progress): Promise<void> {
    await this.worker.call({ op: 'restore', dbName, fileName }, { onProgress });
    // Written: the Worker has let go of the rows. (After a failure it keeps them for another try.)
    this.worker.close();
  }

  close() {
    this.worker.close();
  }
}

const workers = () => typeof Worker !== 'undefined';

/**
 * Opens and checks a backup file in a Worker; the result is restored with `restoreBackup` (from the same
 * Worker) or released with `closeBackup`. Throws DataError (Chinese) when the file is refused.
 */
export async function readBackupOffThread(
  bytes: Uint8Array,
  fileName: string,
): Promise<ReadBackup | HeldBackup> {
  if (!workers()) return readBackup(bytes, fileName);
  const worker = new BackupWorker();
  try {
    // A copy goes to the Worker: the caller keeps its bytes (the panel may offer them again).
    const copy = bytes.slice();
    const { manifest } = await worker.call<{ manifest: BackupManifest }>(
      { op: 'check', bytes: copy, fileName },
      { transfer: [copy.buffer] },
    );
    return new WorkerHeldBackup(manifest, worker);
  } catch (e) {
    worker.close();
    throw e;
  }
}

/** Releases a backup held in a Worker (the preview was closed or replaced). */
export function closeBackup(b: ReadBackup | HeldBackup | null | undefined): void {
  if (b && 'close' in b) b.close();
}

/**
 * How long the Worker that made a backup is kept for the next one (issue 17). A new Worker starts with its
 * code unoptimised and an empty heap: over the 178,798 rows of 10,000 members it worked ~0.5 s longer than
 * the same backup on the window's (warm) thread — 2.2–2.5 s against 1.8 s in one bench run — so backups in
 * a row (by hand, then the automatic one) share one. Let go after this long without a backup, taking its
 * memory with it; one that failed is never used again. (Opening a backup for restore always has its own.)
 */
export const KEEP_BACKUP_WORKER_MS = 5 * 60_000;
let kept: { worker: BackupWorker; timer?: ReturnType<typeof setTimeout> } | null = null;

function backupWorker(): BackupWorker {
  if (kept?.worker.alive) {
    clearTimeout(kept.timer);
    return kept.worker;
  }
  kept = { worker: new BackupWorker() };
  return kept.worker;
}

function keepForNext(worker: BackupWorker) {
  // No longer the kept one (it failed): closed once no other backup is under way in it.
  if (kept?.worker !== worker) {
    if (worker.idle) worker.close();
    return;
  }
  clearTimeout(kept.timer);
  kept.timer = setTimeout(() => {
    if (kept?.worker !== worker) return;
    kept = null;
    worker.close();
  }, KEEP_BACKUP_WORKER_MS);
}

/** createBackup of the app's database in a Worker (read and serialised there, compressed and hashed in its own). */
export async function createBackupOffThread(
  db: DeskDB,
  opts: { appVersion: string; now?: Date; onProgress?: Progress },
): Promise<CreatedBackup> {
  // A handle opened at an older schema version (tests, migrations) is backed up where it is.
  if (!workers() || db.verno !== SCHEMA_VERSION) return createBackup(db, opts);
  const worker = backupWorker();
  try {
    return await worker.call<CreatedBackup>(
      {
        op: 'backup',
        dbName: db.name,
        appVersion: opts.appVersion,
        now: (opts.now ?? new Date()).toISOString(),
      },
      { onProgress: opts.onProgress },
    );
  } catch (e) {
    // Not kept after a failure: the next backup starts a fresh Worker.
    if (kept?.worker === worker) kept = null;
    throw e;
  } finally {
    if (worker.alive) keepForNext(worker);
  }
}
