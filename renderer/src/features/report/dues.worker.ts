/**
 * Worker: the 年度报告's 会费 part off the window's thread (data.ts `loadDuesPart`: reads members, tier
 * history, overrides and payments from the app's IndexedDB and runs the dues ledger), while the window reads
 * the other records and draws. The clerk's holiday schedules are registered with this thread's engine first
 * (due dates, R-D2 / R-D3), as the window does at start.
 */
import { db } from '../../db';
import { registerClerkHolidaySchedules } from '../../records/settings';
import { serveWorker } from '../../io/workerCall';
import { loadDuesPart } from './data';
import type { DuesPart } from '../../../../shared/report/figures';

serveWorker(async (q: { year: number; asOf: string }): Promise<DuesPart> => {
  await registerClerkHolidaySchedules(db);
  return loadDuesPart(db, q.year, q.asOf);
});
