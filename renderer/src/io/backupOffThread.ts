/**
 * The window's entry to reading a backup file: the file is opened and checked in a Worker
 * (backup.worker.ts), so a zip bomb or a huge or malformed backup never freezes the window; only a
 * backup that passed every check is read again here, for the preview and the restore.
 */
import { openBackup, readBackupContent, type OpenedBackup, type ReadBackup } from './backup';
import { callWorker } from './workerCall';

export async function readBackupOffThread(bytes: Uint8Array, fileName: string): Promise<ReadBackup> {
  const opened = await callWorker<{ bytes: Uint8Array; fileName: string }, OpenedBackup>(
    () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
    { bytes, fileName },
    (q) => openBackup(q.bytes, q.fileName),
    { copy: true },
  );
  return readBackupContent(opened);
}
