// The interaction benchmarks of issue 17 (a part of npm run bench, see scripts/bench.mjs), each a keystroke
// measured from its keydown event to the first paint after the screen shows its effect ("painted" = the
// first task after the requestAnimationFrame that follows that DOM state, as everywhere in the bench):
//   search       search-as-you-type over the 10,000-member roster: keydown → the list filtered → painted
//   search-load  the same, while a busy loop (`node -e "for(;;){}"`, started here) loads another core
//   search-paced(-load)  the same keys at a typing pace (PACE_MS between keys) instead of back to back: a
//                key pressed right after a paint waits for the next vsync (its frame cannot start at once),
//                which a clerk's keys, a fifth of a second apart, do not
//   rollcall     签到 of a 会员大会 with all 10,000 members entitled: 1 on a row → the row marked, the next
//                row focused and the quorum indicator counting it → painted
//   minutes      typing into an agenda item already holding 20,000 characters, while autosave writes:
//                keydown → the input handled (React's render) → painted; and how far the stored text lags
// Beside each, the floor: a keystroke on the same page and element that changes nothing (→ in the search
// box, x on a roll-call row, → at the end of the minutes), keydown → painted — what the browser itself costs.
// BENCH_PROFILE=search|rollcall|minutes writes a CPU profile of that part (dist/bench/<part>.cpuprofile).
// Functions passed to page.evaluate run in the page:
/* global window, document, MutationObserver, indexedDB, setInterval, clearInterval */
import { spawn } from 'node:child_process';

export const ids = ['search', 'search-load', 'search-paced', 'search-paced-load', 'rollcall', 'minutes'];

/** The p-th quantile (nearest rank, as the README's p90). */
const quantile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/**
 * Arms the measurement of the next keydown in the page: `window.__ix` resolves with the time from the
 * keydown to the first paint after the page reached its expected state (`kind`, `arg`).
 */
function arm(page, kind, arg) {
  return page.evaluate(
    ([kind, arg]) => {
      window.__ix = new Promise((resolve) => {
        document.addEventListener(
          'keydown',
          (ev) => {
            const start = ev.timeStamp;
            let settled = false;
            const finish = () => {
              if (settled) return;
              settled = true;
              const committed = performance.now();
              window.__bench.afterPaint((t) => resolve({ ms: t - start, toCommit: committed - start }));
            };
            if (kind === 'floor') return finish();
            if (kind === 'minutes') {
              // React handles the input event synchronously (a discrete event): once every listener of
              // the event has run — this one, on the document, runs after React's on the root — the
              // render is committed.
              document.addEventListener('input', finish, { once: true });
              return;
            }
            const done = () => {
              if (kind === 'search') return !!document.querySelector(`[data-roster-query="${arg.q}"]`);
              // rollcall: the next row has the focus, the quorum bar counts the mark, the row shows it.
              const quorum = document.querySelector('[aria-label="法定人数"]')?.textContent ?? '';
              const row = document.querySelector(`[data-roll-row="${arg.pos - 1}"]`);
              return (
                document.activeElement?.getAttribute('data-roll-row') === String(arg.pos) &&
                quorum.includes(`出席 ${arg.present} /`) &&
                !!row?.querySelector('input[type=radio][value=present]:checked')
              );
            };
            if (done()) return finish();
            const obs = new MutationObserver(() => {
              if (done()) {
                obs.disconnect();
                document.removeEventListener('focusin', onFocus, true);
                finish();
              }
            });
            const onFocus = () => {
              if (done()) {
                obs.disconnect();
                document.removeEventListener('focusin', onFocus, true);
                finish();
              }
            };
            document.addEventListener('focusin', onFocus, true);
            obs.observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
          },
          { capture: true, once: true },
        );
      });
    },
    [kind, arg],
  );
}

/** One keystroke, measured: arms, presses, waits for the result. */
async function keystroke(page, key, kind, arg = {}) {
  await arm(page, kind, arg);
  await page.keyboard.press(key);
  return page.evaluate(() => window.__ix);
}

/** @param {any} ctx @param {(id: string) => boolean} want */
export async function run(ctx, want) {
  const { page, withData: A, RUNS, MEMBERS, result, results, stats, profiled, openRoster } = ctx;
  const { median, round: r2 } = stats;

  // --- search ------------------------------------------------------------------------------------------
  // BENCH_PACE_MS=200 (say): another pace, to see what the caret's blink costs (README, seventeenth session:
  // with 250 ms between keys each letter comes ~510 ms after the last caret move, just after its blink).
  const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 250);
  const searchOnce = async (part, paceMs = 0) => {
    // Pinyin initials (bjwl, zg), full pinyin (shanghai, anquan): 20 keystrokes a round.
    const words = ['bjwl', 'shanghai', 'anquan', 'zg'];
    const rounds = Math.max(1, Math.round(RUNS / 5));
    await openRoster(A);
    const input = page.getByLabel('搜索');
    const t = { key: [], commit: [], floor: [], counts: [] };
    await profiled(part, async () => {
      for (let w = -1; w < words.length * rounds; w++) {
        const word = w < 0 ? 'wl' : words[w % words.length]; // a warm-up word first
        await input.fill('');
        await page.waitForFunction(() => document.querySelector('[data-roster-query=""]'));
        for (let i = 0; i < word.length; i++) {
          if (paceMs) await page.waitForTimeout(paceMs);
          const r = await keystroke(page, word[i], 'search', { q: word.slice(0, i + 1) });
          // The floor: → at the end of the text changes nothing.
          if (paceMs) await page.waitForTimeout(paceMs);
          const f = await keystroke(page, 'ArrowRight', 'floor');
          if (w < 0) continue;
          t.key.push(r.ms);
          t.commit.push(r.toCommit);
          t.floor.push(f.ms);
        }
        if (w >= 0)
          t.counts.push(
            await page.evaluate(
              () =>
                [...document.querySelectorAll('[role=status]')].find((e) => /^共/.test(e.textContent ?? ''))
                  ?.textContent ?? '',
            ),
          );
      }
    });
    return t;
  };
  const searchResults = (id, label, t, load) => {
    const details = {
      keystrokes: t.key.length,
      keyToCommitMs: r2(median(t.commit)),
      p90Ms: r2(quantile(t.key, 0.9)),
      maxMs: r2(Math.max(...t.key)),
      floorMs: r2(median(t.floor)),
      floorP90Ms: r2(quantile(t.floor, 0.9)),
      lastCount: t.counts.at(-1) ?? '',
      load,
    };
    results.push(
      result({
        id,
        what: `边输入边搜索（${MEMBERS} 家，含拼音首字母）${label}，按键到列表绘出：中位数`,
        value: median(t.key),
        unit: 'ms',
        limit: 8,
        details,
      }),
    );
    results.push(
      result({
        id: `${id}-p90`,
        what: `边输入边搜索${label}：p90`,
        value: quantile(t.key, 0.9),
        unit: 'ms',
        limit: 16,
        details: { keystrokes: t.key.length, floorP90Ms: details.floorP90Ms, load },
      }),
    );
  };
  if (want('search')) {
    console.log('Chromium：边输入边搜索…');
    searchResults('search', '', await searchOnce('search'), 'none');
  }
  /** Runs `fn` while a busy loop (another process) keeps one core occupied. */
  const withBusyLoop = async (fn) => {
    const busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 500));
      return await fn();
    } finally {
      busy.kill();
    }
  };
  if (want('search-load')) {
    console.log('Chromium：边输入边搜索（另一进程占满一个核）…');
    const t = await withBusyLoop(() => searchOnce('search-load'));
    searchResults('search-load', '（另一进程忙循环）', t, 'node busy loop');
  }
  if (want('search-paced')) {
    console.log(`Chromium：边输入边搜索（按键间隔 ${PACE_MS} ms）…`);
    searchResults(
      'search-paced',
      `（按键间隔 ${PACE_MS} ms）`,
      await searchOnce('search-paced', PACE_MS),
      'none',
    );
  }
  if (want('search-paced-load')) {
    console.log(`Chromium：边输入边搜索（按键间隔 ${PACE_MS} ms，另一进程占满一个核）…`);
    const t = await withBusyLoop(() => searchOnce('search-paced-load', PACE_MS));
    searchResults('search-paced-load', `（按键间隔 ${PACE_MS} ms，另一进程忙循环）`, t, 'node busy loop');
  }

  if (!want('rollcall') && !want('minutes')) return;

  // --- the benchmark's 会员大会 -------------------------------------------------------------------------
  await page.goto(`${A}bench/index.html`);
  await page.waitForFunction(() => window.deskBench !== undefined);
  const seeded = await page.evaluate(() => window.deskBench.seedAssembly(20_000));
  const openMeeting = async () => {
    await page.goto('about:blank');
    await page.goto(`${A}#/meetings/m/${seeded.meetingId}`);
    await page.locator('[data-roll-row="0"]').waitFor();
  };

  try {
    if (want('rollcall')) {
      console.log(`Chromium：会员大会签到（应到 ${seeded.entitled}）…`);
      await openMeeting();
      const marks = 10 + RUNS * 4; // 46 by default
      const t = { key: [], commit: [], floor: [] };
      await page.locator('[data-roll-row="0"]').focus();
      await profiled('rollcall', async () => {
        for (let i = 0; i < marks; i++) {
          // 1 = 出席; the next row gets the focus; the quorum bar counts i + 1 present.
          const r = await keystroke(page, '1', 'rollcall', { pos: i + 1, present: i + 1 });
          // A clerk's pace: the next name is called out (and the mark is written meanwhile).
          await page.waitForTimeout(150);
          // The floor: x on the focused row does nothing.
          const f = await keystroke(page, 'x', 'floor');
          if (i < 4) continue; // warm-up
          t.key.push(r.ms);
          t.commit.push(r.toCommit);
          t.floor.push(f.ms);
        }
      });
      const quorum = await page.locator('[aria-label="法定人数"]').textContent();
      results.push(
        result({
          id: 'rollcall',
          what: `会员大会签到（应到 ${seeded.entitled}）：一键标记、跳到下一行、法定人数更新，到绘出`,
          value: median(t.key),
          unit: 'ms',
          limit: 16,
          details: {
            keystrokes: t.key.length,
            keyToCommitMs: r2(median(t.commit)),
            p90Ms: r2(quantile(t.key, 0.9)),
            maxMs: r2(Math.max(...t.key)),
            floorMs: r2(median(t.floor)),
            quorum: (quorum ?? '').slice(0, 40),
          },
        }),
      );
    }

    if (want('minutes')) {
      console.log('Chromium：在 20,000 字的议程中记录纪要（自动保存进行中）…');
      await openMeeting();
      await page.getByRole('tab', { name: '会议纪要' }).click();
      const area = page.getByLabel('审议年度工作报告', { exact: true });
      await area.waitFor();
      await area.focus();
      await page.keyboard.press('Control+End');
      // In the page: the typed length over time, and the stored length read every 100 ms (raw IndexedDB);
      // the lag is how long the oldest keystroke not yet stored has waited.
      await page.evaluate((itemId) => {
        const el = document.activeElement;
        const typed = [];
        const state = { maxLagMs: 0, saves: 0, stored: -1 };
        window.__ixSave = state;
        el.addEventListener('input', () => typed.push({ len: el.value.length, at: performance.now() }));
        const open = indexedDB.open('secretariat-desk');
        open.onsuccess = () => {
          const idb = open.result;
          state.timer = setInterval(() => {
            const req = idb.transaction('agendaItems').objectStore('agendaItems').get(itemId);
            req.onsuccess = () => {
              const len = req.result?.discussion.length ?? -1;
              if (len !== state.stored) state.saves++;
              state.stored = len;
              const waiting = typed.find((x) => x.len > len);
              if (waiting) state.maxLagMs = Math.max(state.maxLagMs, performance.now() - waiting.at);
            };
          }, 100);
          state.close = () => {
            clearInterval(state.timer);
            idb.close();
          };
        };
      }, seeded.itemId);
      const keys = 20 + RUNS * 6; // 74 by default
      const t = { key: [], commit: [], floor: [] };
      const text = 'huiyijiyaobianjiceshi';
      await profiled('minutes', async () => {
        for (let i = 0; i < keys; i++) {
          const r = await keystroke(page, text[i % text.length], 'minutes');
          // About 8 characters a second: the autosave writes while typing goes on (at most every 800 ms).
          await page.waitForTimeout(80);
          const f = i % 3 === 0 ? await keystroke(page, 'ArrowRight', 'floor') : null;
          if (i < 4) continue;
          t.key.push(r.ms);
          t.commit.push(r.toCommit);
          if (f) t.floor.push(f.ms);
        }
      });
      const typedLen = await area.evaluate((el) => el.value.length);
      // After typing stops, the stored text must catch up within the same second.
      await page.waitForFunction((n) => window.__ixSave.stored === n, typedLen, { timeout: 5000 });
      const save = await page.evaluate(() => {
        const s = window.__ixSave;
        s.close?.();
        return { maxLagMs: s.maxLagMs, saves: s.saves };
      });
      results.push(
        result({
          id: 'minutes',
          what: '在已有 20,000 字的议程中记录纪要（自动保存进行中）：按键到绘出',
          value: median(t.key),
          unit: 'ms',
          limit: 16,
          details: {
            keystrokes: t.key.length,
            keyToInputHandledMs: r2(median(t.commit)),
            p90Ms: r2(quantile(t.key, 0.9)),
            maxMs: r2(Math.max(...t.key)),
            floorMs: r2(median(t.floor)),
            chars: typedLen,
            storedChangesSeen: save.saves,
          },
        }),
      );
      results.push(
        result({
          id: 'minutes-save-lag',
          what: '纪要自动保存落后于输入的最长时间（每 100 ms 读取一次存储）',
          value: save.maxLagMs,
          unit: 'ms',
          limit: 1000,
          details: { saves: save.saves },
        }),
      );
    }
  } finally {
    await page.goto(`${A}bench/index.html`);
    await page.waitForFunction(() => window.deskBench !== undefined);
    await page.evaluate((id) => window.deskBench.dropAssembly(id), seeded.meetingId);
  }
}
