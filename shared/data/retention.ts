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

/**
 * `auto-2026-11-21-093005.zip` for a local time; `kind` 'pre-restore' for the copy taken before a
 * restore; `seq` ≥ 2 when a backup of the same second already exists (`…-093005-2.zip`). Only the
 * main process names backups, from its own clock (electron/backups.ts).
 */
export function autoBackupName(
  localDate: string,
  localTime: string,
  kind: 'daily' | 'pre-restore' = 'daily',
  seq = 1,
): string {
  const t = localTime.replace(/:/g, '').slice(0, 6).padEnd(6, '0');
  return `${AUTO_BACKUP_PREFIX}${localDate}-${t}${kind === 'pre-restore' ? '-pre-restore' : ''}${seq > 1 ? `-${seq}` : ''}.zip`;
}

const NAME_RE =
  /^auto-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(-pre-restore)?(?:-([2-9]|[1-9]\d{1,2}))?\.zip$/;

export interface ParsedAutoBackupName {
  date: string;
  time: string;
  kind: 'daily' | 'pre-restore';
  /** Sortable key `YYYY-MM-DD HH:MM:SS`. */
  stamp: string;
  /** 1, or the suffix of a backup taken in the same second as another. */
  seq: number;
}

/** Whether `y-m-d` is a real calendar date (no month 13, no 30 February). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 2000 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDaysIso(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** The parts of an automatic backup's name, or null when it is not one (impossible dates and times included). */
export function parseAutoBackupName(name: string): ParsedAutoBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [y, mo, d, hh, mm, ss] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(y, mo, d) || hh > 23 || mm > 59 || ss > 59) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = `${m[4]}:${m[5]}:${m[6]}`;
  return {
    date,
    time,
    kind: m[7] ? 'pre-restore' : 'daily',
    stamp: `${date} ${time}`,
    seq: m[8] ? Number(m[8]) : 1,
  };
}

/**
 * Whether a backup's name is dated after tomorrow (relative to `today`, the main process's local
 * date): no clock makes such a name, so it is ignored by the list and by the retention — it can
 * neither push real backups out of the window nor be offered for restoring.
 */
export function isDatedInFuture(name: string, today: string): boolean {
  const p = parseAutoBackupName(name);
  return p !== null && p.date > addDaysIso(today, 1);
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
 * newest of each of the `monthly` most recent months. Files not named like automatic backups, and
 * (given `today`) backups dated after tomorrow, are never touched (not in `remove`, not in `keep`). Copies taken before a restore stay while their day is kept.
 */
export function planRetention(
  names: readonly string[],
  opts: { daily?: number; monthly?: number; today?: string } = {},
): RetentionPlan {
  const daily = opts.daily ?? DAILY_TO_KEEP;
  const monthly = opts.monthly ?? MONTHLY_TO_KEEP;
  const latest = opts.today ? addDaysIso(opts.today, 1) : null;
  const parsed = names
    .map((name) => ({ name, p: parseAutoBackupName(name) }))
    .filter((x): x is { name: string; p: ParsedAutoBackupName } => x.p !== null)
    .filter((x) => latest === null || x.p.date <= latest)
    .sort((a, b) =>
      a.p.stamp !== b.p.stamp
        ? a.p.stamp < b.p.stamp
          ? 1
          : -1
        : a.p.seq !== b.p.seq
          ? b.p.seq - a.p.seq
          : a.name < b.name
            ? 1
            : -1,
    );
  const keep = new Set<string>();
  // The windows: the `daily` most recent days and `monthly` most recent months that have a backup.
  const days = new Set<string>();
  const months = new Set<string>();
  for (const { p } of parsed) {
    if (days.size < daily) days.add(p.date);
    if (months.size < monthly) months.add(p.date.slice(0, 7));
  }
  // In each, the newest daily backup (a pre-restore copy only when the day or month has no daily one).
  const dayTaken = new Set<string>();
  const monthTaken = new Set<string>();
  const ordered = [
    ...parsed.filter((x) => x.p.kind === 'daily'),
    ...parsed.filter((x) => x.p.kind !== 'daily'),
  ];
  for (const { name, p } of ordered) {
    if (days.has(p.date) && !dayTaken.has(p.date)) {
      dayTaken.add(p.date);
      keep.add(name);
    }
    const month = p.date.slice(0, 7);
    if (months.has(month) && !monthTaken.has(month)) {
      monthTaken.add(month);
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
