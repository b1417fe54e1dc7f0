/**
 * This workstation's own settings (issue 19): the workstation number its new ids are made from
 * (db/ids.ts), the workstation's name and the clerk's name (records/settings.ts, shown in 设置 and written
 * into every audit entry). They are not records of the alliance: never replicated, never in a backup and
 * never replaced by restoring one — a backup made on another workstation must not give this one that
 * workstation's number (its new ids would collide) or its name (the audit trail would name the wrong desk).
 *
 * Kept in localStorage, not in db.settings: it is synchronous, so the id middleware and the schema upgrade
 * (inside IndexedDB transactions, which must not await anything else) and the audit writer read it without
 * waiting; and it is outside the database that backups export and restores replace. Where there is no
 * localStorage (Node unit tests) an in-memory map stands in.
 */

/** The localStorage keys' prefix (a test's second writer of the origin reads this workstation's number). */
export const LOCAL_STORAGE_PREFIX = 'desk-local:';
const PREFIX = LOCAL_STORAGE_PREFIX;

const memory = new Map<string, string>();
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored value (parsed JSON), or undefined when absent or unreadable. */
export function readLocal(key: string): unknown {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(PREFIX + key);
  } catch {
    raw = undefined;
  }
  if (raw == null) raw = memory.get(key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores a value (JSON); `undefined` removes it. Listeners are told. */
export function writeLocal(key: string, value: unknown): void {
  const s = storage();
  if (value === undefined) {
    memory.delete(key);
    try {
      s?.removeItem(PREFIX + key);
    } catch {
      // unavailable: the in-memory copy is gone already
    }
  } else {
    const raw = JSON.stringify(value);
    memory.set(key, raw);
    try {
      s?.setItem(PREFIX + key, raw);
    } catch {
      // localStorage full or unavailable: kept in memory for this session
    }
  }
  for (const l of listeners) l();
}

/** Calls `listener` after every local write (this window) and on another window's (the storage event). */
export function subscribeLocal(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(PREFIX)) listener();
  };
  const w = typeof window === 'undefined' ? undefined : window;
  w?.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    w?.removeEventListener('storage', onStorage);
  };
}

/** The keys (without the storage prefix). Defined here, below the audit writer; named in records/settings.ts. */
export const LOCAL_KEYS = {
  /** `{ n, token }`: this workstation's number (db/ids.ts). */
  workstation: 'local.workstation',
  /** The name this workstation goes by (多人协作, the audit trail). */
  workstationName: 'local.workstationName',
  /** The clerk working at this workstation (the audit trail). */
  clerkName: 'local.clerkName',
  /**
   * `{ "<database>:<n>:<table>": next counter }`: the ids this workstation has handed out (db/ids.ts), so
   * that restoring an older backup and restarting does not hand out again the ids of records made since.
   */
  idFloor: 'local.idFloor',
  /**
   * The highest data format (shared/data/format.ts) a build has opened this workstation's database with:
   * an older build that finds a higher one does not open it (db/open.ts).
   */
  dataFormat: 'local.dataFormat',
} as const;
