/** Automatic backups in the app's data folder: write, list (newest first), read, and retention. */
import path from 'node:path';
import { mkdir, readdir, readFile, stat, unlink, writeFile, rename } from 'node:fs/promises';
import type { AutoBackupInfo } from '../shared/contract';
import { parseAutoBackupName, planRetention } from '../shared/data/retention';

export async function listAutoBackups(dir: string): Promise<AutoBackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: AutoBackupInfo[] = [];
  for (const name of names) {
    if (!parseAutoBackupName(name)) continue;
    out.push({ name, size: (await stat(path.join(dir, name))).size });
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/** Writes atomically (temp file + rename), then deletes what the retention plan drops. */
export async function writeAutoBackup(dir: string, name: string, bytes: Uint8Array): Promise<AutoBackupInfo> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const tmp = `${target}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
  const plan = planRetention((await listAutoBackups(dir)).map((b) => b.name));
  for (const old of plan.remove) await unlink(path.join(dir, old)).catch(() => undefined);
  return { name, size: bytes.byteLength };
}

export async function readAutoBackup(dir: string, name: string): Promise<Uint8Array> {
  if (!parseAutoBackupName(name)) throw new Error('不是自动备份文件名');
  return new Uint8Array(await readFile(path.join(dir, name)));
}
