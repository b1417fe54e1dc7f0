/**
 * Worker: the 年度报告 read and computed off the window's thread (data.ts `computeReport`: reads what the
 * year needs from the app's IndexedDB, each row once, and runs `annualReport`), so the rows never cross to
 * the window, only the figures; the window loads the view and ECharts meanwhile. The clerk's holiday
 * schedules are registered with this thread's engine first (due dates, R-D2 / R-D3), as the window does at
 * start.
 */
import { db } from '../../db';
import { registerClerkHolidaySchedules } from '../../records/settings';
import { serveWorker } from '../../io/workerCall';
import { computeReport, type ComputedReport } from './data';

serveWorker(async (q: { year: number; asOf: string }): Promise<ComputedReport> => {
  await registerClerkHolidaySchedules(db);
  return computeReport(db, q.year, q.asOf);
});
