/**
 * The configured connection to the office's CouchDB (issue 19): `{ url, db, user, password } | null` and
 * whether it is online right now — for the replication engine (sync/engine.ts), the status in the app's
 * header and the server counter of R-W1 numbers (sync/counter.ts).
 *
 * - Address, database and user are this workstation's own settings: localStorage (db/local.ts) — never
 *   replicated, never in a backup, never in the audit trail.
 * - The password: in Electron encrypted by the main process with safeStorage (contract: storeSyncPassword /
 *   loadSyncPassword); in the browser only in this page's memory (it is asked again after a reload).
 * - `null` until the clerk connects (设置 → 多人协作) and after 断开.
 */
import { useSyncExternalStore } from 'react';
import { readLocal, writeLocal, subscribeLocal } from '../db/local';
import { checkDatabaseName, checkServerUrl } from '../../../shared/sync/server';
import { desk } from '../platform';

export interface SyncConnection {
  /** The server's base URL, checked (shared/sync/server.ts), without a trailing slash. */
  url: string;
  db: string;
  user: string;
  password: string;
}

/** What is stored locally (no password). `enabled` false: 断开 (the form keeps the address). */
export interface StoredConnection {
  url: string;
  db: string;
  user: string;
  enabled: boolean;
}

export const CONNECTION_KEY = 'local.sync.connection';

let password: string | null = null;
let online = false;
let passwordLoaded = false;
const listeners = new Set<() => void>();

function notify(): void {
  snapshot = computeSnapshot();
  for (const l of listeners) l();
}

/** The stored address, database and user (or null when never configured). */
export function readStoredConnection(): StoredConnection | null {
  const v = readLocal(CONNECTION_KEY) as Partial<StoredConnection> | undefined;
  if (!v || typeof v.url !== 'string' || typeof v.db !== 'string' || typeof v.user !== 'string') return null;
  return { url: v.url, db: v.db, user: v.user, enabled: v.enabled === true };
}

/** The configured connection, or null (not configured, 断开, or the password not known in this page). */
export function getConnection(): SyncConnection | null {
  const s = readStoredConnection();
  if (!s || !s.enabled || password === null) return null;
  return { url: s.url, db: s.db, user: s.user, password };
}

/** True while the replication with the server is up (set by the engine). */
export function isOnline(): boolean {
  return getConnection() !== null && online;
}

/** The engine reports whether the server answers. */
export function setOnline(value: boolean): void {
  if (online === value) return;
  online = value;
  notify();
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  const off = subscribeLocal(() => notify());
  return () => {
    listeners.delete(listener);
    off();
  };
}

interface Snapshot {
  stored: StoredConnection | null;
  connection: SyncConnection | null;
  online: boolean;
}
function computeSnapshot(): Snapshot {
  const connection = getConnection();
  return { stored: readStoredConnection(), connection, online: connection !== null && online };
}
let snapshot: Snapshot = computeSnapshot();
function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    JSON.stringify(a.stored) === JSON.stringify(b.stored) &&
    a.online === b.online &&
    JSON.stringify(a.connection) === JSON.stringify(b.connection)
  );
}
function currentSnapshot(): Snapshot {
  const now = computeSnapshot();
  if (!sameSnapshot(now, snapshot)) snapshot = now;
  return snapshot;
}

/** The stored settings, the connection and its online state, live. */
export function useConnection(): Snapshot {
  return useSyncExternalStore(subscribeConnection, currentSnapshot, currentSnapshot);
}

/** Checks the form's values (Chinese RangeError when not usable). */
export function checkConnection(values: { url: string; db: string; user: string; password: string }) {
  const { base } = checkServerUrl(values.url);
  const db = checkDatabaseName(values.db);
  const user = values.user.trim();
  if (user === '') throw new RangeError('请填写用户名');
  if (values.password === '') throw new RangeError('请填写密码');
  return { url: base, db, user, password: values.password };
}

/** 连接: stores the settings (the password through the platform) and enables the connection. */
export async function saveConnection(values: SyncConnection): Promise<SyncConnection> {
  const checked = checkConnection(values);
  const kept = await desk.storeSyncPassword({
    password: checked.password,
    origin: new URL(checked.url).origin,
  });
  password = checked.password;
  passwordLoaded = true;
  writeLocal(CONNECTION_KEY, { url: checked.url, db: checked.db, user: checked.user, enabled: true });
  notify();
  void kept;
  return checked;
}

/** 断开: the connection is disabled and the stored password forgotten (the address stays in the form). */
export async function clearConnection(): Promise<void> {
  const s = readStoredConnection();
  password = null;
  online = false;
  if (s) writeLocal(CONNECTION_KEY, { ...s, enabled: false });
  await desk.storeSyncPassword({ password: null, origin: null });
  notify();
}

/**
 * At start-up: the stored password (Electron: decrypted by the main process, which also allows the
 * server in the CSP again; the browser has none after a reload and the clerk connects again).
 */
export async function loadConnection(): Promise<SyncConnection | null> {
  if (!passwordLoaded) {
    passwordLoaded = true;
    const s = readStoredConnection();
    if (s?.enabled) {
      try {
        const loaded = await desk.loadSyncPassword({ origin: new URL(s.url).origin });
        if (loaded !== null && password === null) password = loaded;
      } catch {
        password = null;
      }
    }
    notify();
  }
  return getConnection();
}
