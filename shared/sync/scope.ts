/**
 * What replicates (issue 19) — written down in one place. Pure.
 *
 * Every table that holds the alliance's records replicates through the office's CouchDB, each row as one
 * document `<table>:<key>`. Local-only: window state (kept by the main process, not in IndexedDB), this
 * workstation's own settings (its number, name and clerk: renderer/src/db/local.ts, localStorage, never in
 * a table), the sync connection itself, and the settings rows listed in LOCAL_SETTING_KEYS below.
 */

/**
 * The tables whose rows replicate: every table of the schema (renderer/src/db/schema.ts — a test checks
 * that a new table is listed here or in LOCAL_TABLES). Settings rows replicate by key (below).
 */
export const REPLICATED_TABLES = [
  'members',
  'contactChanges',
  'tierChanges',
  'applications',
  'duesOverrides',
  'payments',
  'activities',
  'participations',
  'meetings',
  'attendance',
  'agendaItems',
  'minuteVersions',
  'motions',
  'ballots',
  'offices',
  'programmes',
  'enrolments',
  'files',
  'documents',
  'certificates',
  'settings',
  'audit',
  'imports',
] as const;
export type ReplicatedTable = (typeof REPLICATED_TABLES)[number];

/**
 * Tables of the schema that never replicate (and are never in a backup): the sync machinery's own
 * bookkeeping, and this workstation's kept derived values with the stamps they are checked against
 * (issue 17: renderer/src/db/revisions.ts, features/home/derived.ts).
 */
export const LOCAL_TABLES: readonly string[] = ['syncOutbox', 'revisions', 'changeLog', 'derived'];

const REPLICATED: ReadonlySet<string> = new Set<string>(REPLICATED_TABLES);

/**
 * Settings rows that stay on this workstation: the roster import's remembered column mapping (it follows
 * the spreadsheets this clerk imports) and every key starting `local.` or `sync.`. Every other setting
 * (章程参数, 节假日安排, 会费收款账户, 台账起始年度, 公文设置) is the alliance's and replicates.
 */
export const LOCAL_SETTING_KEYS: readonly string[] = ['importMapping'];
export const LOCAL_SETTING_PREFIXES: readonly string[] = ['local.', 'sync.'];

export function isLocalSetting(key: string): boolean {
  return LOCAL_SETTING_KEYS.includes(key) || LOCAL_SETTING_PREFIXES.some((p) => key.startsWith(p));
}

/** True when the table's rows replicate at all. */
export function isReplicatedTable(table: string): boolean {
  return REPLICATED.has(table);
}

/** True when this row (by its table and primary key) replicates. */
export function isReplicatedRow(table: string, key: unknown): boolean {
  if (!isReplicatedTable(table)) return false;
  if (table === 'settings') return typeof key === 'string' && !isLocalSetting(key);
  return typeof key === 'number' && Number.isSafeInteger(key) && key > 0;
}

/** The PouchDB/CouchDB document id of a row: `<table>:<key>` (settings keep their name). */
export function docIdOf(table: string, key: number | string): string {
  return `${table}:${String(key)}`;
}

/** The row a document id names, or null when it is not a replicated row (design docs, counters, …). */
export function parseDocId(id: string): { table: string; key: number | string } | null {
  const i = id.indexOf(':');
  if (i <= 0) return null;
  const table = id.slice(0, i);
  const raw = id.slice(i + 1);
  if (!isReplicatedTable(table)) return null;
  if (table === 'settings') return raw !== '' && !isLocalSetting(raw) ? { table, key: raw } : null;
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const key = Number(raw);
  return Number.isSafeInteger(key) ? { table, key } : null;
}
