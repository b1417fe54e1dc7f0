/**
 * Automatic backups in the app's data folder: write, list (newest first), read, and retention.
 *
 * The main process names every backup from its own clock (the renderer only says daily or
 * pre-restore), never overwrites one (exclusive create; a suffix when the second is taken), and
 * ignores names dated after tomorrow in the list and the retention, so no renderer — and no stray
 * file — can push the real backups out of the retention window or replace one.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import type { AutoBackupInfo } from '../shared/contract';
import {
  autoBackupName,
  isDatedInFuture,
  parseAutoBackupName,
  planRetention,
} from '../shared/data/retention';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date and time of `now` (the main process's clock). */
export function localStamp(now: Date): { date: string; time: string } {
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`,
  };
}

export async function listAutoBackups(dir: string, now: Date = new Date()): Promise<AutoBackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const today = localStamp(now).date;
  const out: AutoBackupInfo[] = [];
  for (const name of names) {
    if (!parseAutoBackupName(name) || isDatedInFuture(name, today)) continue;
    const s = await stat(path.join(dir, name)).catch(() => null);
    if (s?.isFile()) out.push({ name, size: s.size });
  }
  const key = (n: string) => {
    const p = parseAutoBackupName(n)!;
    return `${p.stamp} ${String(p.seq).padStart(3, '0')}`;
  };
  return out.sort((a, b) => (key(a.name) < key(b.name) ? 1 : key(a.name) > key(b.name) ? -1 : 0));
}

function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/**
 * Puts `bytes` at `target` only if nothing is there: written to a temporary file first, then
 * hard-linked into place (atomic, fails with EEXIST instead of replacing). Where the file system
 * has no hard links, falls back to an exclusive create (`wx`). Returns false when the name is taken.
 */
async function createExclusive(target: string, bytes: Uint8Array): Promise<boolean> {
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes, { flag: 'wx' });
  try {
    await link(tmp, target);
    return true;
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errCode(e) ?? '')) throw e;
    try {
      await writeFile(target, bytes, { flag: 'wx' });
      return true;
    } catch (e2) {
      if (errCode(e2) === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Writes a new automatic backup named from `now`, then deletes what the retention plan drops. */
export async function writeAutoBackup(
  dir: string,
  kind: 'daily' | 'pre-restore',
  bytes: Uint8Array,
  now: Date = new Date(),
): Promise<AutoBackupInfo> {
  await mkdir(dir, { recursive: true });
  const { date, time } = localStamp(now);
  let name: string | null = null;
  for (let seq = 1; seq <= 999 && !name; seq++) {
    const candidate = autoBackupName(date, time, kind, seq);
    if (await createExclusive(path.join(dir, candidate), bytes)) name = candidate;
  }
  if (!name) throw new Error('无法写入自动备份：同一时刻的备份过多');
  const plan = planRetention(
    (await listAutoBackups(dir, now)).map((b) => b.name),
    { today: date },
  );
  for (const old of plan.remove) await unlink(path.join(dir, old)).catch(() => undefined);
  return { name, size: bytes.byteLength };
}

export async function readAutoBackup(dir: string, name: string, now: Date = new Date()): Promise<Uint8Array> {
  if (!parseAutoBackupName(name)) throw new Error('不是自动备份文件名');
  if (isDatedInFuture(name, localStamp(now).date))
    throw new Error('该自动备份的日期晚于明天，不是本应用写入的备份');
  return new Uint8Array(await readFile(path.join(dir, name)));
}
