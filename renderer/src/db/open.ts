/**
 * Opening this workstation's database, checked (shared/data/format.ts): a build does not open data that a
 * newer build wrote — an older version installed over a newer one would drop, the first time it saved a
 * record, the fields it does not know. Two signs: the highest data format a build opened the database with
 * (kept in localStorage beside it, LOCAL_KEYS.dataFormat), and IndexedDB's own version (a database of a
 * newer schema than this build declares — Dexie 4 opens it all the same and adds the tables and indexes it
 * declares, so the version is read first, from `indexedDB.databases()`). Either way nothing is opened or
 * written, and the window says so (app/singleTab.tsx).
 */
import { compareDataFormat, DATA_FORMAT, newerLocalText, parseDataFormat } from '../../../shared/data/format';
import { LOCAL_KEYS, readLocal, writeLocal } from './local';
import { SCHEMA_VERSION, type DeskDB } from './schema';

/** Not opened: data a newer build wrote (`text` says so), or a database that failed to open (`error`). */
export type OpenOutcome =
  | { ok: true }
  | { ok: false; reason: 'newer'; text: string }
  | { ok: false; reason: 'failed'; error: unknown };

/** The data of this workstation is of a newer format than this build's (before anything opens it). */
export function newerLocalData(): OpenOutcome | null {
  const mark = parseDataFormat(readLocal(LOCAL_KEYS.dataFormat));
  return mark !== null && compareDataFormat(mark) === 'newer'
    ? { ok: false, reason: 'newer', text: newerLocalText(mark) }
    : null;
}

/**
 * IndexedDB's version of the installed database, read without opening it (null: none, or the engine
 * cannot list its databases). Dexie's version N is IndexedDB's 10 × N.
 */
async function installedVersion(name: string): Promise<number | null> {
  try {
    if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
    return (await indexedDB.databases()).find((x) => x.name === name)?.version ?? null;
  } catch {
    return null;
  }
}

/** Opens the database unless a newer build wrote it; marks it with this build's format once open. */
export async function openDeskDatabase(d: DeskDB): Promise<OpenOutcome> {
  const newer = newerLocalData();
  if (newer) return newer;
  // Before Dexie opens it: Dexie 4 would open a newer database all the same, adding what it declares.
  const installed = d.isOpen() ? null : await installedVersion(d.name);
  if (installed !== null && Math.floor(installed / 10) > SCHEMA_VERSION)
    return { ok: false, reason: 'newer', text: newerLocalText(null) };
  try {
    if (!d.isOpen()) await d.open();
  } catch (e) {
    const name = (e as { name?: unknown } | null)?.name;
    const inner = (e as { inner?: { name?: unknown } } | null)?.inner?.name;
    if (name === 'VersionError' || inner === 'VersionError')
      return { ok: false, reason: 'newer', text: newerLocalText(null) };
    return { ok: false, reason: 'failed', error: e };
  }
  // Where the engine could not list its databases: Dexie 4 opened a newer one, its version says so.
  if (d.verno > SCHEMA_VERSION) {
    d.close();
    return { ok: false, reason: 'newer', text: newerLocalText(null) };
  }
  if (parseDataFormat(readLocal(LOCAL_KEYS.dataFormat)) !== DATA_FORMAT)
    writeLocal(LOCAL_KEYS.dataFormat, DATA_FORMAT);
  return { ok: true };
}
