/**
 * The connection to the office's CouchDB as the server counter (sync/counter.ts) and the workstation
 * registration (sync/workstation.ts) take it — pure of where the configuration is kept (the sync
 * engine's sync/connection.ts: `getConnection()` returns this shape).
 */
export interface ServerConnection {
  /** The server's base URL without a trailing slash, e.g. http://192.168.1.10:5984. */
  url: string;
  /** The database the office shares. */
  db: string;
  user: string;
  password: string;
}
