/**
 * Worker: opens and checks a backup file off the window's thread (openBackup: manifest first, inflation
 * under a running cap, SHA-256; readBackupContent: JSON, structure, `$types`, row caps, every row against
 * the domain schemas). Replies with the manifest and the checked content bytes (transferred).
 */
import { openBackup, readBackupContent, type OpenedBackup } from './backup';
import { serveWorker } from './workerCall';

serveWorker(async (q: { bytes: Uint8Array; fileName: string }): Promise<OpenedBackup> => {
  const opened = await openBackup(q.bytes, q.fileName);
  readBackupContent(opened);
  return opened;
});
