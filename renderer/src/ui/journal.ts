/**
 * A synchronous safety copy of unsaved edits (issue 13). IndexedDB writes are asynchronous, and a write begun
 * as the page unloads (a reload, Electron's 重新加载, closing the tab) may be dropped; localStorage is written
 * synchronously, so each autosave also keeps its pending value here until it is stored. When this window
 * next holds the desk (app/singleTab.tsx), replayJournal() writes what was left through the replayer its
 * editor registered — only if the stored value is still the one the edit started from (`base`), so a stale
 * copy never overwrites newer text.
 */

const PREFIX = 'desk-unsaved:';

export interface JournalEntry<T> {
  base: T;
  value: T;
  at: number;
}

type Replayer = (id: string, entry: JournalEntry<unknown>) => Promise<void>;
const replayers = new Map<string, Replayer>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** `kind` names the editor (e.g. minutes), `id` the record: the key is desk-unsaved:<kind>:<id>. */
export function journalKey(kind: string, id: string | number): string {
  return `${kind}:${id}`;
}

export function journalWrite<T>(key: string, entry: JournalEntry<T>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(entry));
  } catch {
    // localStorage full or unavailable: the IndexedDB autosave still runs.
  }
}

export function journalClear(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // unavailable
  }
}

export function journalRead<T>(key: string): JournalEntry<T> | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as JournalEntry<T>) : null;
  } catch {
    return null;
  }
}

/** How an editor kind writes a left-over entry (called at start-up, before the desk renders). */
export function registerReplayer(kind: string, replay: Replayer): void {
  replayers.set(kind, replay);
}

/** Writes every left-over entry through its replayer; an entry whose write fails is kept for next time. */
export async function replayJournal(): Promise<void> {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k.slice(PREFIX.length));
  }
  for (const key of keys) {
    const sep = key.indexOf(':');
    const replay = replayers.get(key.slice(0, sep));
    const entry = journalRead<unknown>(key);
    if (!replay || !entry || sep < 0) continue;
    try {
      await replay(key.slice(sep + 1), entry);
      journalClear(key);
    } catch (e) {
      console.error(`未能写入上次未保存的内容（${key}）`, e);
    }
  }
}
