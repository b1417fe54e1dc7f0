// The interaction benchmarks of issue 17 (a part of npm run bench, see scripts/bench.mjs):
//   search       search-as-you-type over the 10,000-member roster, keydown → list painted
// Functions passed to page.evaluate run in the page:
/* global window, document, MutationObserver */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const ids = ['search'];

/** @param {any} ctx @param {(id: string) => boolean} want */
export async function run(ctx, want) {
  const { page, context, withData: A, MEMBERS, result, results, stats, out, openRoster } = ctx;
  const { median, round: r2 } = stats;
  if (want('search')) {
    console.log('Chromium：边输入边搜索…');
    // 20 keystrokes: pinyin initials (bjwl, zg), full pinyin (shanghai, anquan).
    const words = ['bjwl', 'shanghai', 'anquan', 'zg'];
    await openRoster(A);
    const input = page.getByLabel('搜索');
    // BENCH_PROFILE=search writes a CPU profile of the keystrokes (open it in Chrome DevTools).
    const profiler = process.env.BENCH_PROFILE === 'search' ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }

    const times = [];
    const counts = [];
    const toHandler = [];
    const toCommit = [];
    for (let w = -1; w < words.length; w++) {
      const word = w < 0 ? 'wl' : words[w]; // a warm-up word first
      await input.fill('');
      await page.waitForFunction(() => document.querySelector('[data-roster-query=""]'));
      for (let i = 0; i < word.length; i++) {
        const q = word.slice(0, i + 1);
        await page.evaluate((q) => {
          window.__bench.search = new Promise((resolve) => {
            const input = document.getElementById('roster-search');
            input.addEventListener(
              'keydown',
              (ev) => {
                const start = ev.timeStamp;
                const handled = performance.now();
                const check = () => {
                  if (document.querySelector(`[data-roster-query="${q}"]`)) {
                    obs.disconnect();
                    const committed = performance.now();
                    window.__bench.afterPaint((t) => {
                      const status = [...document.querySelectorAll('[role=status]')].find((e) =>
                        /^共/.test(e.textContent ?? ''),
                      );
                      resolve({
                        ms: t - start,
                        toHandler: handled - start,
                        toCommit: committed - start,
                        status: status?.textContent ?? '',
                      });
                    });
                    return true;
                  }
                  return false;
                };
                const obs = new MutationObserver(check);
                obs.observe(document.body, {
                  attributes: true,
                  subtree: true,
                  attributeFilter: ['data-roster-query'],
                });
              },
              { once: true },
            );
          });
        }, q);
        await page.keyboard.press(word[i]);
        const r = await page.evaluate(() => window.__bench.search);
        if (w >= 0) {
          times.push(r.ms);
          counts.push(r.status);
          toHandler.push(r.toHandler);
          toCommit.push(r.toCommit);
        }
      }
    }
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(path.join(out, 'search.cpuprofile'), JSON.stringify(profile));
      console.log(`   CPU 剖析已写入 ${path.join(out, 'search.cpuprofile')}`);
    }
    results.push(
      result({
        id: 'search',
        what: `边输入边搜索（${MEMBERS} 家，含拼音首字母），按键到列表绘出`,
        value: median(times),
        unit: 'ms',
        limit: 16,
        details: {
          keystrokes: times.length,
          keyToHandlerMs: r2(median(toHandler)),
          keyToCommitMs: r2(median(toCommit)),
          maxMs: r2(Math.max(...times)),
          p90Ms: r2([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)]),
          lastCount: counts.at(-1) ?? '',
        },
      }),
    );
  }
}
