import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, newProfile, openSection, shot } from './browser';

const SECTIONS = ['首页', '会员', '入会申请', '会费', '会议', '专项行动', '发文', '设置'];

describe('foundation (issue 2)', () => {
  let context: BrowserContext | null = null;
  afterEach(async () => {
    await context?.close();
    context = null;
  });

  it('loads, and every sidebar section opens with its heading', async () => {
    const s = await launch(newProfile());
    context = s.context;
    const { page } = s;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('menuitem').first().waitFor();
    expect(await nav.getByRole('menuitem').count()).toBe(SECTIONS.length);
    expect(await nav.getByRole('menuitem').allInnerTexts()).toEqual(SECTIONS);
    for (const [i, name] of SECTIONS.entries()) {
      await openSection(page, name);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await shot(page, `section-${i}-${name}`);
    }
    expect(errors).toEqual([]);
  });

  it('loads the demo dataset from 设置, and the data survives a browser restart on the same profile', async () => {
    const profile = newProfile();
    let s = await launch(profile);
    context = s.context;
    await openSection(s.page, '设置');
    await s.page.getByRole('button', { name: '加载演示数据' }).click();
    await s.page.getByText(/演示数据已加载：\d+ 家会员单位/).waitFor({ timeout: 60_000 });
    const count = () =>
      s.page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('secretariat-desk');
            req.onsuccess = () => {
              const tx = req.result.transaction('members', 'readonly');
              const c = tx.objectStore('members').count();
              c.onsuccess = () => {
                resolve(c.result);
                req.result.close();
              };
              c.onerror = () => reject(c.error);
            };
            req.onerror = () => reject(req.error);
          }),
      );
    expect(await count()).toBe(300);
    // Loading again is refused: the database is not empty.
    await s.page.getByRole('button', { name: '加载演示数据' }).click();
    await s.page.getByText('数据库中已有会员数据', { exact: false }).first().waitFor();
    await s.context.close();

    s = await launch(profile);
    context = s.context;
    expect(await count()).toBe(300);
  });
});
