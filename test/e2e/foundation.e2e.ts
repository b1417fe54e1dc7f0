import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { countRows, it, loadDemoData, openDesk, readRows, shot } from './support';
import { DATA_FORMAT } from '../../shared/data/format';
import { axeViolations } from './axe';

const SECTIONS = ['首页', '会员', '入会申请', '会费', '会议', '专项行动', '发文', '设置'];

describe('foundation (issue 2)', () => {
  it('loads, and every sidebar section opens with its heading', async ({ page, errors }) => {
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('menuitem').first().waitFor();
    expect(await nav.getByRole('menuitem').count()).toBe(SECTIONS.length);
    expect(await nav.getByRole('menuitem').allInnerTexts()).toEqual(SECTIONS);
    for (const [i, name] of SECTIONS.entries()) {
      await openDesk(page, name);
      await shot(page, `section-${i}-${name}`);
    }
    expect(errors).toEqual([]);
  });

  it('loads the demo dataset from 设置, and the data survives a browser restart on the same profile', async ({
    launch,
  }) => {
    let s = await launch();
    await loadDemoData(s.page);
    expect(await countRows(s.page, 'members')).toBe(300);
    // Loading again is refused: the database is not empty.
    await s.page.getByRole('button', { name: '加载演示数据' }).click();
    await s.page.getByText('数据库中已有会员数据', { exact: false }).first().waitFor();
    await s.context.close();

    s = await launch();
    expect(await countRows(s.page, 'members')).toBe(300);
  });

  it('data a newer build wrote is not opened: a newer data format or database version shows why, nothing written', async ({
    launch,
  }) => {
    const s = await launch();
    await openDesk(s.page, '会员');
    await s.page.getByRole('button', { name: '新增会员' }).waitFor();
    // This build has marked the data with its format.
    expect(await s.page.evaluate(() => localStorage.getItem('desk-local:local.dataFormat'))).toBe(
      String(DATA_FORMAT),
    );
    const settingsBefore = await readRows(s.page, 'settings');
    const refused = (page: Page) => page.getByRole('heading', { name: '本机数据来自较新版本的工作台' });

    // A newer build's mark (an older version installed over a newer one).
    await s.page.evaluate(
      (f) => localStorage.setItem('desk-local:local.dataFormat', String(f)),
      DATA_FORMAT + 1,
    );
    await s.page.reload();
    await refused(s.page).waitFor();
    expect(await s.page.getByText('本机数据保持原样，未做任何改动').count()).toBe(1);
    expect(await s.page.getByText(`数据格式第 ${DATA_FORMAT + 1} 版`).count()).toBe(1);
    expect(await s.page.getByRole('link', { name: '会员' }).count()).toBe(0); // no desk
    await shot(s.page, 'foundation-newer-data-refused');
    expect(await axeViolations(s.page)).toEqual([]);
    expect(await s.page.evaluate(() => localStorage.getItem('desk-local:local.dataFormat'))).toBe(
      String(DATA_FORMAT + 1),
    );
    expect(await readRows(s.page, 'settings')).toEqual(settingsBefore);

    // The newer build again (its mark back to this build's format): the desks open.
    await s.page.evaluate((f) => localStorage.setItem('desk-local:local.dataFormat', String(f)), DATA_FORMAT);
    await s.page.reload();
    await openDesk(s.page, '会员');

    // A database of a newer version (a newer build's schema), as it leaves it: not opened either.
    await s.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          // The app's own connection closes on the version change (Dexie's default).
          const req = indexedDB.open('secretariat-desk', 90);
          req.onsuccess = () => (req.result.close(), resolve());
          req.onerror = () => reject(req.error);
        }),
    );
    await s.page.reload();
    await refused(s.page).waitFor();
    expect(await s.page.getByText('数据库版本较新').count()).toBe(1);
    const version = await s.page.evaluate(
      async () => (await indexedDB.databases()).find((d) => d.name === 'secretariat-desk')?.version,
    );
    expect(version).toBe(90); // untouched by this build
    expect(s.errors).toEqual([]);
  });
});
