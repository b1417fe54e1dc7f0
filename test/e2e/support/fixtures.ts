/**
 * The launch boilerplate as vitest fixtures. A test names what it needs and gets it fresh, on a new
 * profile folder; every browser it launched is closed after it, pass or fail (a failed test first leaves a
 * screenshot of each page it had open in test-results/failures):
 *
 *   it('…', async ({ page, errors }) => { … expect(errors).toEqual([]); });
 *   it('…', async ({ launch, profile }) => { let s = await launch(); …; s = await launch(); }); // relaunch
 *   it('…', async ({ demoPage: page, errors }) => { … }); // the demo dataset loaded first
 */
import { test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch as launchBrowser, loadDemoData, newProfile } from '../browser';

/** Where a failed test leaves a screenshot of each page it had open (what the clerk would have seen). */
const FAILURES = path.resolve('test-results/failures');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page (window 'error' events), from the first load on. */
  errors: string[];
}

interface Fixtures {
  /** The test's profile folder (the browser's user data: IndexedDB survives a relaunch on it). */
  profile: string;
  /** Launches Chromium on `profile` (default: the test's own) and opens the app. */
  launch: (profile?: string) => Promise<Session>;
  /** The app in a browser launched on the test's profile. */
  session: Session;
  page: Page;
  /** `page` once 设置 → 加载演示数据 has loaded the demo dataset. */
  demoPage: Page;
  errors: string[];
}

export const it = test.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => {
    await use(newProfile());
  },
  launch: async ({ profile, task }, use) => {
    const launched: BrowserContext[] = [];
    await use(async (p = profile) => {
      const s = await launchBrowser(p);
      launched.push(s.context);
      return s;
    });
    if (task.result?.state === 'fail') {
      mkdirSync(FAILURES, { recursive: true });
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      let n = 0;
      for (const c of launched)
        for (const p of c.pages()) {
          const file = path.join(FAILURES, `${name}-${++n}.png`);
          const took = await p
            .screenshot({ path: file, fullPage: true, timeout: 5000 })
            .then(() => true)
            .catch(() => false);
          if (took) console.error(`失败时的页面截图：${path.relative(process.cwd(), file)}`);
        }
    }
    // A browser killed by the test is gone already: closing it is a no-op or fails harmlessly.
    for (const c of launched) await c.close().catch(() => undefined);
  },
  session: async ({ launch }, use) => {
    await use(await launch());
  },
  page: async ({ session }, use) => {
    await use(session.page);
  },
  demoPage: async ({ page }, use) => {
    await loadDemoData(page);
    await use(page);
  },
  errors: async ({ session }, use) => {
    await use(session.errors);
  },
});
