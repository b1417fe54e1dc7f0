/* global window -- functions passed to page.evaluate run in the page */
// Files in and out (issue 17): importing a 10,000-row .xlsx roster and backing up / restoring the 10k demo
// database, each against its reference measured in the same run (browser side: bench/web/io.ts).
export const ids = ['import', 'backup'];

/** Opens the benchmark page (same origin as the app, whose database holds the 10k demo). */
async function openBenchPage({ page, withData }) {
  await page.goto(`${withData}bench/index.html`);
  await page.waitForFunction(() => window.deskBench !== undefined);
}

export async function run(ctx, want) {
  const { page, RUNS, MEMBERS, result, results, profiled } = ctx;
  await openBenchPage(ctx);
  if (want('import')) {
    console.log('Chromium：导入 10,000 行名册…');
    const d = await profiled('import', () =>
      page.evaluate(
        ([n, runs]) => window.deskBench.importRoster(n, runs),
        [MEMBERS, Math.max(3, Math.round(RUNS / 2))],
      ),
    );
    results.push(
      result({
        id: 'import',
        what: `导入 ${MEMBERS} 行 .xlsx 名册（解析、校验、预览、提交）`,
        value: d.pipelineMs / d.parserMs,
        unit: '×',
        limit: 1.3,
        details: d,
      }),
    );
  }
  if (want('backup')) {
    console.log('Chromium：备份与恢复…');
    const d = await profiled('backup', () =>
      page.evaluate((runs) => window.deskBench.backupRestore(runs), Math.max(3, Math.round(RUNS / 3))),
    );
    results.push(
      result({
        id: 'backup',
        what: `备份并恢复（${MEMBERS} 家会员及三年会议）`,
        value: d.oursMs / d.dexieMs,
        unit: '×',
        limit: 1.2,
        details: d,
      }),
    );
  }
}
