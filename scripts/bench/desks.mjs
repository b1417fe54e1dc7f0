// The desks benchmarks of issue 17 (a part of npm run bench, see scripts/bench.mjs):
//   memory       renderer JS heap after GC, at 10,000 members

export const ids = ['memory'];

/** @param {any} ctx @param {(id: string) => boolean} want */
export async function run(ctx, want) {
  const { page, context, withData: A, MEMBERS, result, results, stats, openRoster } = ctx;
  const { round: r2 } = stats;
  if (want('memory')) {
    console.log('Chromium：内存…');
    await openRoster(A);
    await page.locator('.roster-row a').first().click();
    await page.getByRole('heading', { level: 1, name: /^会员档案：/ }).waitFor();
    await page.getByText('基本信息').waitFor();
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    const mb = usedSize / 1024 / 1024;
    results.push(
      result({
        id: 'memory',
        what: `渲染进程 JS 堆：载入 ${MEMBERS} 家名册并打开一家会员档案后`,
        value: mb,
        unit: 'MB',
        limit: 150,
        details: { usedMB: r2(mb), totalMB: r2(totalSize / 1024 / 1024), url: page.url().replace(A, '/') },
      }),
    );
  }
}
