/* global document -- functions passed to page.evaluate run in the page */
// 年度报告 (issue 18): navigation to `#/report` until its key figures and first chart are painted (app start,
// the lazy chunks, reading what the report needs, the figures, the first paint), an absolute target.
//
// BENCH_PROFILE=report writes a CPU profile of the window's thread over one opening (the Worker's thread is
// not in it: its read and ledger show as `report:dues` below). BENCH_REPORT_COMPARE=<dir> also measures
// another build of the app (a `dist/bench/app` of an earlier commit, copied beside this one on the same
// origin, so it opens the same database), interleaved run by run with this one: a change is judged by the
// ratio of the two medians taken in the same run.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ids = ['report'];

/** One opening of the report at `url`: the end point and the page's own measures (features/report). */
async function openReport(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page
    .waitForFunction(
      () =>
        !!document.querySelector('[data-testid="stat-members"]') &&
        !!document.querySelector('[data-testid="chart-members"][data-ready="true"]') &&
        performance.now(),
      undefined,
      { polling: 'raf', timeout: 120_000 },
    )
    .catch(async (e) => {
      console.error(`   ${url}：`, (await page.locator('body').innerText()).slice(0, 500));
      throw e;
    });
  const t = await handle.jsonValue();
  const m = await page.evaluate(() => {
    const out = Object.fromEntries(performance.getEntriesByType('measure').map((e) => [e.name, e.duration]));
    const start = performance.getEntriesByName('report:start', 'mark')[0];
    if (start) out['report:start'] = start.startTime;
    return out;
  });
  return { t, m };
}

export async function run(ctx) {
  const { page, withData, RUNS, MEMBERS, result, results, stats, profiled, out } = ctx;
  const { median, round } = stats;
  console.log('Chromium：打开年度报告…');
  const variants = [{ name: 'this', url: `${withData}#/report` }];
  // BENCH_REPORT_COMPARE=dir or name=dir,name=dir…: other builds, each served beside this one.
  const compare = (process.env.BENCH_REPORT_COMPARE ?? '').split(',').filter(Boolean);
  for (const [i, spec] of compare.entries()) {
    const [name, dir] = spec.includes('=') ? spec.split('=') : [`compare${i || ''}`, spec];
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`BENCH_REPORT_COMPARE: ${dir}`);
    const to = path.join(out, 'app', `compare-${name}`);
    rmSync(to, { recursive: true, force: true });
    cpSync(dir, to, { recursive: true });
    variants.push({ name, url: `${withData}compare-${name}/index.html#/report` });
  }
  // What the page measures (features/report/reportOffThread.ts, index.tsx): report:start (navigation → the
  // Worker asked for the figures: on a first opening, while the view's script loads), report:read (→ the
  // figures back), report:figures (the sections' text made from them).
  const seen = Object.fromEntries(variants.map((v) => [v.name, { times: [], parts: {} }]));
  for (let i = 0; i < RUNS + 1; i++) {
    for (const v of variants) {
      const { t, m } = await openReport(page, v.url);
      if (i < 1) continue;
      const s = seen[v.name];
      s.times.push(t);
      for (const k of Object.keys(m)) (s.parts[k] ??= []).push(m[k]);
    }
  }
  if (process.env.BENCH_PROFILE === 'report')
    await profiled('report', () => openReport(page, variants[0].url));
  const detail = (s) => ({
    medianMs: round(median(s.times)),
    maxMs: round(Math.max(...s.times)),
    ...Object.fromEntries(
      Object.entries(s.parts)
        .filter(([k]) => k.startsWith('report:'))
        .map(([k, l]) => [`${k.slice('report:'.length)}Ms`, round(median(l))]),
    ),
    runs: s.times.length,
  });
  const mine = seen.this;
  results.push(
    result({
      id: 'report-open',
      what: `打开年度报告（${MEMBERS} 家，本年度）到主要数字与首张图表绘出`,
      value: median(mine.times),
      unit: 'ms',
      limit: 2000,
      details: {
        ...detail(mine),
        ...Object.fromEntries(
          variants
            .slice(1)
            .flatMap((v) => [
              [`${v.name}_ratio`, round(median(mine.times) / median(seen[v.name].times))],
              ...Object.entries(detail(seen[v.name])).map(([k, x]) => [`${v.name}_${k}`, x]),
            ]),
        ),
      },
    }),
  );
}
