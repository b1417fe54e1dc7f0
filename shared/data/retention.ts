/**
 * Automatic backups: names and retention (the last 30 daily backups and the last backup of each of
 * the 12 most recent months are kept). Pure: the main process lists its files, asks `planRetention`
 * which to delete, and deletes them.
 */

export const AUTO_BACKUP_PREFIX = 'auto-';
export const DAILY_TO_KEEP = 30;
export const MONTHLY_TO_KEEP = 12;

export interface AutoBackupEntry {
  name: string;
  size?: number;
}

/** `auto-2026-11-21-093005.zip` for a local time; `kind` 'pre-restore' for the copy taken before a restore. */
export function autoBackupName(
  localDate: string,
  localTime: string,
  kind: 'daily' | 'pre-restore' = 'daily',
): string {
  const t = localTime.replace(/:/g, '').slice(0, 6).padEnd(6, '0');
  return `${AUTO_BACKUP_PREFIX}${localDate}-${t}${kind === 'pre-restore' ? '-pre-restore' : ''}.zip`;
}

const NAME_RE = /^auto-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})(-pre-restore)?\.zip$/;

export interface ParsedAutoBackupName {
  date: string;
  time: string;
  kind: 'daily' | 'pre-restore';
  /** Sortable key `YYYY-MM-DD HH:MM:SS`. */
  stamp: string;
}

export function parseAutoBackupName(name: string): ParsedAutoBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const time = `${m[2]}:${m[3]}:${m[4]}`;
  return { date: m[1]!, time, kind: m[5] ? 'pre-restore' : 'daily', stamp: `${m[1]} ${time}` };
}

/** Whether today's automatic backup is still to be taken. */
export function isDailyBackupDue(names: readonly string[], today: string): boolean {
  return !names.some((n) => parseAutoBackupName(n)?.date === today);
}

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

/**
 * Which automatic backups to keep: the newest backup of each of the `daily` most recent days, and the
 * newest of each of the `monthly` most recent months. Files not named like automatic backups are
 * never touched (not in `remove`). Copies taken before a restore stay while their day is kept.
 */
export function planRetention(
  names: readonly string[],
  opts: { daily?: number; monthly?: number } = {},
): RetentionPlan {
  const daily = opts.daily ?? DAILY_TO_KEEP;
  const monthly = opts.monthly ?? MONTHLY_TO_KEEP;
  const parsed = names
    .map((name) => ({ name, p: parseAutoBackupName(name) }))
    .filter((x): x is { name: string; p: ParsedAutoBackupName } => x.p !== null)
    .sort((a, b) => (a.p.stamp < b.p.stamp ? 1 : a.p.stamp > b.p.stamp ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const { name, p } of parsed) {
    if (!days.has(p.date) && days.size < daily) {
      days.add(p.date);
      keep.add(name);
    }
    const month = p.date.slice(0, 7);
    if (!months.has(month) && months.size < monthly) {
      months.add(month);
      keep.add(name);
    }
  }
  // A copy taken before a restore is kept as long as its day is within the daily window.
  for (const { name, p } of parsed) if (p.kind === 'pre-restore' && days.has(p.date)) keep.add(name);
  return {
    keep: parsed.filter((x) => keep.has(x.name)).map((x) => x.name),
    remove: parsed.filter((x) => !keep.has(x.name)).map((x) => x.name),
  };
}
