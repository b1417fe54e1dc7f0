import { describe, expect } from 'vitest';
import { countRows, it, loadDemoData, openDesk, shot } from './support';

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
});
