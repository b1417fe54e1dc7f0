import { registerPendingWrite } from '../platform';
import type { OpenOutcome } from '../db/open';

/**
 * What runs once at start-up before any desk shows (issue 17: none of it is needed to paint the shell, so
 * its modules — Dexie and the schema, zod and the charter engine's settings, the backups — load beside the
 * first paint, not before it). SingleTabGuard (app/singleTab.tsx) waits for startUp() before it lets a desk
 * mount, as main.tsx once waited for it before the first render:
 * - the browser is asked to keep the data (persistent storage);
 * - the clerk's holiday schedules for later years are registered with the engine (dates of every desk);
 * - desktop only: today's automatic backup, and one on quit (issue 8).
 * First of all the database is opened, checked (db/open.ts): data a newer build wrote is not opened.
 */
let started: Promise<OpenOutcome> | null = null;

/** Runs `fn` once the browser has painted the next frame (the first screen paints before what follows). */
export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * The start-up work, once; its outcome is the database's (db/open.ts): nothing of it runs on data a newer
 * build wrote, or on a database that does not open.
 */
export function startUp(): Promise<OpenOutcome> {
  started ??= (async () => {
    const [
      { db, requestPersistentStorage },
      { openDeskDatabase },
      { registerClerkHolidaySchedules },
      { startAutoBackups },
    ] = await Promise.all([
      import('../db'),
      import('../db/open'),
      import('../records/settings'),
      import('../io/autoBackup'),
    ]);
    const opened = await openDeskDatabase(db);
    if (!opened.ok) return opened;
    void requestPersistentStorage();
    await registerClerkHolidaySchedules().catch((e: unknown) => console.error('无法读取节假日安排', e));
    startAutoBackups(db, registerPendingWrite);
    return opened;
  })();
  return started;
}
