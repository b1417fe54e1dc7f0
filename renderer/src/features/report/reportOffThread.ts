/**
 * The window's entry to the 年度报告's figures: read and computed in a Worker (report.worker.ts) so that
 * reading the records and running the dues ledger does not hold up the window, which loads the view and
 * ECharts meanwhile. Where a Worker cannot be started (or fails) the same `computeReport` runs here.
 *
 * The first opening of the view starts the report of this year as of today while the view's own script
 * loads (`startReport`, HomeTabs.tsx); the view then takes that run for the same year and date
 * (`reportOffThread`). A run not taken is dropped when 首页's 年度报告 tab is left (`dropStartedReport`), so a
 * later opening reads the records again.
 */
import { db } from '../../db';
import { callWorker } from '../../io/workerCall';
import type { ComputedReport } from './data';

type Query = { year: number; asOf: string };

// Imported only where the Worker cannot run (so this module stays small: HomeTabs is in the first screen).
const inPlace = (q: Query) => import('./data').then((m) => m.computeReport(db, q.year, q.asOf));

function run(q: Query): Promise<ComputedReport> {
  // For `npm run bench` (scripts/bench/report.mjs): when the figures are asked for, and when they are back.
  const t0 = performance.mark('report:start').startTime;
  return callWorker<Query, ComputedReport>(
    () => new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' }),
    q,
    inPlace,
  )
    .catch(() => inPlace(q))
    .then((r) => {
      performance.measure('report:read', { start: t0, end: performance.now() });
      return r;
    });
}

let started: { key: string; work: Promise<ComputedReport> } | null = null;

/** Starts the report of `year` as of `asOf` ahead of the view (which takes it by `reportOffThread`). */
export function startReport(year: number, asOf: string): void {
  const key = `${year}|${asOf}`;
  if (started?.key !== key) started = { key, work: run({ year, asOf }) };
}

/** Forgets a started report the view did not take. */
export function dropStartedReport(): void {
  started = null;
}

/** The report of `year` as of `asOf`: the one started ahead for them, else a new run. */
export function reportOffThread(year: number, asOf: string): Promise<ComputedReport> {
  const key = `${year}|${asOf}`;
  const early = started?.key === key ? started.work : null;
  started = null;
  return early ?? run({ year, asOf });
}
