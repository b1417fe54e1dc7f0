/**
 * PouchDB in the renderer (issue 19): the local replica (IndexedDB adapter, beside the app's Dexie
 * database) and the office's CouchDB over HTTP. PouchDB's replication is CouchDB's own protocol:
 * checkpoints make it resumable, losing revisions of a conflict are kept.
 */
import PouchDB from 'pouchdb-browser';
import type { SyncConnection } from './connection';

export type Pouch = PouchDB.Database;
export type PouchDoc = PouchDB.Doc;

/** The local replica of one server database (one per server database, so a change of server starts clean). */
export function localPouchName(connection: Pick<SyncConnection, 'url' | 'db'>): string {
  return `desk-sync-${connection.db}@${new URL(connection.url).host}`;
}

export function openLocalPouch(connection: Pick<SyncConnection, 'url' | 'db'>): Pouch {
  return new PouchDB(localPouchName(connection), { auto_compaction: false });
}

/** The server database; the credentials go in the Authorization header, never in the URL. */
export function openRemotePouch(connection: SyncConnection, opts: { skipSetup?: boolean } = {}): Pouch {
  return new PouchDB(`${connection.url}/${encodeURIComponent(connection.db)}`, {
    skip_setup: opts.skipSetup ?? true,
    auth: { username: connection.user, password: connection.password },
  });
}

export { PouchDB };
