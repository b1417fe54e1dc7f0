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
        what: `导入 ${MEMBERS} 行 .xlsx 名册（解析、校验、预览、提交），对比 SheetJS 解析 + 原生 IndexedDB 写入同样记录`,
        value: d.pipelineMs / d.floorMs,
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
    const scope = `${MEMBERS} 家会员及三年会议，${d.rows} 条记录`;
    results.push(
      result({
        id: 'backup',
        what: `备份（${scope}），对比原生 IndexedDB getAll 读出全部表`,
        value: d.backupMs / d.floorReadMs,
        unit: '×',
        limit: 1.3,
        details: d,
      }),
      result({
        id: 'restore',
        what: `恢复（${scope}：后台检查 + 一个事务写入），对比原生 IndexedDB 一个事务写入同样记录`,
        value: d.restoreMs / d.floorWriteMs,
        unit: '×',
        limit: 1.3,
        details: { restoreMs: d.restoreMs, floorWriteMs: d.floorWriteMs, runs: d.runs },
      }),
      result({
        id: 'backup-restore',
        what: `备份与恢复合计（${scope}），对比原生读出 + 写入合计`,
        value: (d.backupMs + d.restoreMs) / (d.floorReadMs + d.floorWriteMs),
        unit: '×',
        limit: 1.3,
        details: {
          oursMs: d.backupMs + d.restoreMs,
          floorMs: d.floorReadMs + d.floorWriteMs,
          runs: d.runs,
        },
      }),
      result({
        id: 'backup-longtask',
        what: '备份与恢复期间窗口主线程最长的任务（PerformanceObserver longtask）',
        value: d.longestTaskMs,
        unit: 'ms',
        limit: 200,
        details: {
          backupMs: d.longestBackupTaskMs,
          restoreMs: d.longestRestoreTaskMs,
          longTasks: d.longTasks,
          runs: d.runs,
        },
      }),
    );
  }
}
