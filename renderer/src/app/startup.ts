import { registerPendingWrite } from '../platform';

/**
 * What runs once at start-up before any desk shows (issue 17: none of it is needed to paint the shell, so
 * its modules — Dexie and the schema, zod and the charter engine's settings, the backups — load beside the
 * first paint, not before it). SingleTabGuard (app/singleTab.tsx) waits for startUp() before it lets a desk
 * mount, as main.tsx once waited for it before the first render:
 * - the browser is asked to keep the data (persistent storage);
 * - the clerk's holiday schedules for later years are registered with the engine (dates of every desk);
 * - desktop only: today's automatic backup, and one on quit (issue 8).
 */
let started: Promise<void> | null = null;

/** Runs `fn` once the browser has painted the next frame (the first screen paints before what follows). */
export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function startUp(): Promise<void> {
  started ??= (async () => {
    const [{ db, requestPersistentStorage }, { registerClerkHolidaySchedules }, { startAutoBackups }] =
      await Promise.all([import('../db'), import('../records/settings'), import('../io/autoBackup')]);
    void requestPersistentStorage();
    await registerClerkHolidaySchedules().catch((e: unknown) => console.error('无法读取节假日安排', e));
    startAutoBackups(db, registerPendingWrite);
  })();
  return started;
}
