/**
 * Automatic backups need the main process (files in the app's data folder): the contract's
 * writeAutoBackup / listAutoBackups / readAutoBackup. In the browser they are unavailable (the browser
 * implementation rejects), so the UI checks for the Electron bridge (`window.desk`) first.
 */
import type { AutoBackupInfo, DeskApi } from '../../../shared/contract';
import { desk } from '../platform';
import { isDailyBackupDue } from '../../../shared/data/retention';
import type { DeskDB } from '../db/schema';

export type { AutoBackupInfo };
export type AutoBackupApi = Pick<DeskApi, 'writeAutoBackup' | 'listAutoBackups' | 'readAutoBackup'>;

/** The automatic-backup channels when running in the desktop app, else null. */
export function autoBackupApi(): AutoBackupApi | null {
  const d = typeof window !== 'undefined' ? (window.desk as Partial<DeskApi> | undefined) : undefined;
  return d &&
    typeof d.writeAutoBackup === 'function' &&
    typeof d.listAutoBackups === 'function' &&
    typeof d.readAutoBackup === 'function'
    ? (d as AutoBackupApi)
    : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export function localStamp(d = new Date()): { date: string; time: string } {
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
  };
}

/** Takes today's automatic backup if it is due. Call once at start-up (and it is called from 设置). */
export async function runDailyAutoBackup(
  db: DeskDB,
  api: AutoBackupApi | null = autoBackupApi(),
): Promise<string | null> {
  if (!api) return null;
  const { date } = localStamp();
  const existing = await api.listAutoBackups();
  if (
    !isDailyBackupDue(
      existing.map((e) => e.name),
      date,
    )
  )
    return null;
  const info = await desk.appInfo();
  // The backup writer loads on first use, not with the first screen; it runs in a Worker, so the
  // window stays responsive while 10,000 members are read and compressed.
  const { createBackupOffThread } = await import('./backupOffThread');
  const b = await createBackupOffThread(db, { appVersion: info.version });
  // The main process names the file from its own clock and never overwrites one.
  return (await api.writeAutoBackup({ kind: 'daily', bytes: b.bytes })).name;
}

let lastQuitBackupAt = 0;

/**
 * The on-quit automatic backup (desktop only). Runs from the flush that the main process requests
 * before the window closes; the same flush also runs when the window hides, so it is throttled to
 * one backup per 30 minutes.
 */
export async function runQuitAutoBackup(
  db: DeskDB,
  api: AutoBackupApi | null = autoBackupApi(),
): Promise<string | null> {
  if (!api) return null;
  const now = Date.now();
  if (now - lastQuitBackupAt < 30 * 60_000) return null;
  lastQuitBackupAt = now;
  const info = await desk.appInfo();
  // The backup writer loads on first use, not with the first screen; it runs in a Worker, so the
  // window stays responsive while 10,000 members are read and compressed.
  const { createBackupOffThread } = await import('./backupOffThread');
  const b = await createBackupOffThread(db, { appVersion: info.version });
  // The main process names the file from its own clock and never overwrites one.
  return (await api.writeAutoBackup({ kind: 'daily', bytes: b.bytes })).name;
}

/** Start-up wiring: today's backup now, and the on-quit backup registered as a pending write. */
export function startAutoBackups(db: DeskDB, registerPendingWrite: (f: () => Promise<void>) => void): void {
  const api = autoBackupApi();
  if (!api) return;
  lastQuitBackupAt = Date.now(); // the daily backup below is the first one of this session
  void runDailyAutoBackup(db, api).catch((e: unknown) => console.error('自动备份失败', e));
  registerPendingWrite(async () => {
    await runQuitAutoBackup(db, api).catch((e: unknown) => console.error('退出前自动备份失败', e));
  });
}
