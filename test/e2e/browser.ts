/**
 * Launches Debian's Chromium with playwright-core (no browser download) on a given profile folder,
 * so a test can close the browser and relaunch it on the same profile (data survives).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH ?? '']
  .filter(Boolean)
  .find((p) => existsSync(p));

export function newProfile(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
}

export const SHOTS = path.resolve('test-results/screenshots');

/**
 * Launches Chromium on `profile` and opens the app; `errors` collects the page's uncaught errors from the first load.
 *
 * The system asks for less motion (`prefers-reduced-motion: reduce`), so the desk shows its dialogs without
 * antd's zoom-in (ui/reducedMotion.ts). With the zoom, a click could land while the button was still growing:
 * pressed on it, released a frame later beside it, and the browser gave the click to the dialog around it
 * (ci75, ci77, ci78: a confirm left open). The zoom itself is covered by experience.e2e's motion case.
 */
export async function launch(
  profile: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  if (!CHROMIUM)
    throw new Error('找不到 Chromium（/usr/bin/chromium）：请先安装 Debian 的 chromium 软件包。');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseURL'));
  return { context, page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * A screenshot once the page stands still: antd still plays a modal's zoom-in and a date picker's fade-out
 * (class names ending in -appear, -enter or -leave) for a moment after they are usable.
 */
export async function stillShot(page: Page, name: string): Promise<void> {
  await untilStill(page);
  await shot(page, name);
}

/** Waits (at most 3 s) until no antd animation plays, then `settle` ms more. */
export async function untilStill(page: Page, settle = 300): Promise<void> {
  await page
    .waitForFunction(
      () =>
        !document.querySelector(
          '[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]',
        ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(settle);
}

/** Clicks a sidebar entry by its visible name. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name, exact: true }).click();
}

/** 设置 → 加载演示数据, waiting for the confirmation (the demo dataset: ~300 members). */
export async function loadDemoData(page: Page): Promise<void> {
  await openSection(page, '设置');
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText(/演示数据已加载：\d+ 家会员单位/).waitFor({ timeout: 90_000 });
}

/**
 * Kills the Chromium processes running on `profile` with SIGKILL (no graceful shutdown, no flush), as a
 * crash or a power cut would, and waits until they are gone (the profile can then be relaunched).
 */
export async function killBrowser(profile: string): Promise<number> {
  const { execFileSync } = await import('node:child_process');
  const pids = (): number[] => {
    try {
      return execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profile}`], { encoding: 'utf8' })
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const found = pids();
  for (const pid of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 50 && pids().length; i++) await new Promise((r) => setTimeout(r, 100));
  return found.length;
}
