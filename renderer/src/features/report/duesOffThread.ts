/**
 * The window's entry to the 年度报告's 会费 part: computed in a Worker (dues.worker.ts) so that reading the
 * payments and running the dues ledger does not hold up the window, which reads the other records and draws
 * meanwhile. Where a Worker cannot be started (or fails) the same `loadDuesPart` runs here.
 */
import { db } from '../../db';
import { callWorker } from '../../io/workerCall';
import { loadDuesPart } from './data';
import type { DuesPart } from '../../../../shared/report/figures';

export function duesPartOffThread(year: number, asOf: string): Promise<DuesPart> {
  return callWorker<{ year: number; asOf: string }, DuesPart>(
    () => new Worker(new URL('./dues.worker.ts', import.meta.url), { type: 'module' }),
    { year, asOf },
    (q) => loadDuesPart(db, q.year, q.asOf),
  ).catch(() => loadDuesPart(db, year, asOf));
}
