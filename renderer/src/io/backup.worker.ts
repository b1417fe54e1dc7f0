/**
 * Worker: the heavy work of backup and restore, off the window's thread (backupOffThread.ts talks to it).
 *
 * - `check`: opens and checks a backup file (openBackup: manifest first, inflation under a running cap,
 *   SHA-256; readBackupContent: JSON, structure, `$types`, row caps, every row revived and checked
 *   against the domain schemas) and KEEPS the checked rows here; replies with the manifest only.
 * - `restore`: writes the rows kept by `check` into the database named (restoreBackup: one transaction,
 *   all or nothing, audited), reporting progress. IndexedDB is the same in a Worker; Dexie tells the
 *   window's live queries about the change (its BroadcastChannel).
 * - `backup`: createBackup of the database named (read and serialise here; UTF-8, compress and SHA-256 in
 *   a compress Worker of this one's own, on the other core), bytes transferred.
 *
 * A hostile file therefore costs this Worker, never the window; the window never parses a backup.
 */
import { createBackup, openBackup, readBackupContent, restoreBackup, type ReadBackup } from './backup';
import { openDeskDb } from '../db/schema';
import { CompressWorker } from './contentCompress';
import type { BackupRequest, BackupWorkerMessage } from './backupOffThread';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<BackupRequest>) => void) | null;
  postMessage: (m: BackupWorkerMessage, t?: Transferable[]) => void;
};

let held: ReadBackup | null = null;

/** Compresses database.json beside this Worker; started by the first backup, gone with this Worker. */
const compress = new CompressWorker(
  () => new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' }),
);

async function handle(q: BackupRequest, progress: (percent: number, label: string) => void) {
  switch (q.op) {
    case 'check': {
      held = null;
      held = readBackupContent(await openBackup(q.bytes, q.fileName));
      return { value: { manifest: held.manifest } };
    }
    case 'restore': {
      const backup = held;
      if (!backup) throw new Error('备份内容已不在后台，请重新选择备份文件。');
      const d = openDeskDb(q.dbName);
      try {
        await restoreBackup(d, backup, q.fileName, progress);
      } finally {
        d.close();
      }
      held = null;
      return { value: {} };
    }
    case 'backup': {
      const d = openDeskDb(q.dbName);
      try {
        const b = await createBackup(d, {
          appVersion: q.appVersion,
          now: new Date(q.now),
          onProgress: progress,
          compressor: () => compress.stream(),
        });
        return { value: b, transfer: [b.bytes.buffer as ArrayBuffer] };
      } finally {
        d.close();
      }
    }
  }
}

scope.onmessage = (ev) => {
  const q = ev.data;
  void (async () => {
    try {
      const r = await handle(q, (percent, label) =>
        scope.postMessage({ id: q.id, progress: { percent, label } }),
      );
      scope.postMessage({ id: q.id, ok: true, value: r.value }, r.transfer ?? []);
    } catch (e) {
      scope.postMessage({
        id: q.id,
        ok: false,
        message: e instanceof Error ? e.message : String(e),
        dataError: e instanceof Error && e.name === 'DataError',
      });
    }
  })();
};
