/**
 * Accessibility (issue 16.9): axe-core on every screen and every dialog the clerk opens on the demo
 * dataset — no serious or critical violation — and the accessibility tree read back: no English names
 * (Increase Value, left, search, Clear) and no internal values or ids read out as option names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { daysFromToday, dialog, it, openSection, setDate, shot, stillShot } from './support';
import { untilStill } from './browser';
import { axeViolations, englishNames } from './axe';

interface Finding {
  where: string;
  violations: string[];
  english: string[];
}

async function check(page: Page, where: string, found: Finding[]): Promise<void> {
  // Once antd's enter animations are over (a fading element is not what the clerk reads), and once a
  // toast of the step before has gone (its fade-out, mid-way, reads as grey text on white).
  await untilStill(page, 400);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
  const violations = (await axeViolations(page)).map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`,
  );
  const english = await englishNames(page);
  found.push({ where, violations, english });
  // Kept for reading when a run fails half-way.
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/a11y-findings.json', JSON.stringify(found, null, 2));
}

const go = (page: Page, hash: string) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);

describe('accessibility of every screen and dialog (issue 16.9)', () => {
  it('axe finds no serious or critical violation and every name is Chinese, on every desk and dialog', async ({
    demoPage: page,
    errors,
  }) => {
    const found: Finding[] = [];
    const screen = async (name: string, ready: () => Promise<unknown>) => {
      await ready();
      await page.waitForTimeout(300);
      await check(page, name, found);
    };
    const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).first().waitFor();
    const openDialog = async (name: string, open: () => Promise<unknown>, title: string | RegExp) => {
      await open();
      await page.getByRole('dialog', { name: title }).waitFor();
      await stillShot(page, `a11y-dialog-${name}`);
      await check(page, `对话框：${name}`, found);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: title }).waitFor({ state: 'hidden' });
    };

    /** An open select's list: its options must read out their labels, never a value or an id. */
    const list = async (where: string, label: string, search?: string) => {
      const box = page.getByRole('combobox', { name: label, exact: true });
      await box.click();
      if (search !== undefined) await box.fill(search);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await check(page, `${where} · ${label}（展开）`, found);
      await page.keyboard.press('Escape');
    };

    // Every desk of the sidebar.
    for (const section of ['首页', '会员', '入会申请', '会费', '会议', '专项行动', '发文', '设置']) {
      await openSection(page, section);
      await screen(section, () => h1(section === '首页' ? /首页|工作台|待办/ : section));
      await shot(page, `a11y-${section}`);
    }
    // 首页's 年度报告 tab, the meetings tabs.
    await go(page, '#/report');
    await screen('年度报告', () => page.getByRole('tab', { name: '年度报告' }).waitFor());
    for (const [tab, hash] of [
      ['任职', '#/meetings/offices'],
      ['活动登记', '#/meetings/activities'],
      ['合规', '#/meetings/compliance'],
    ] as const) {
      await go(page, hash);
      await screen(`会议 · ${tab}`, () => page.getByRole('tab', { name: tab, selected: true }).waitFor());
    }

    // A member file and its dialogs.
    await openSection(page, '会员');
    await list('会员', '状态');
    await page.getByRole('table', { name: '会员名册' }).getByRole('link').first().click();
    await screen('会员档案', () => h1(/会员档案/));
    await shot(page, 'a11y-会员档案');
    await openDialog(
      '登记退会申请',
      () => page.getByRole('button', { name: '登记退会申请', exact: true }).click(),
      /登记退会申请/,
    );
    await go(page, '#/members/new');
    await screen('新增会员', () => h1('新增会员'));
    await go(page, '#/applications/new');
    await screen('新建入会申请', () => h1(/新建入会申请/));

    // 会费 and its 登记缴费 dialog.
    await openSection(page, '会费');
    await h1('会费');
    await openDialog(
      '登记缴费',
      () => page.getByRole('button', { name: '登记缴费', exact: true }).first().click(),
      /登记缴费/,
    );

    // A meeting and its tabs; 新建会议.
    await openSection(page, '会议');
    await h1('会议');
    await page.getByRole('button', { name: '新建会议', exact: true }).click();
    const meeting = dialog(page, '新建会议');
    await meeting.waitFor();
    await stillShot(page, 'a11y-dialog-新建会议');
    await check(page, '对话框：新建会议', found);
    await list('新建会议', '会议类型');
    await meeting.cancel();
    await meeting.closed();
    await page.getByRole('table').getByRole('link').first().click();
    await screen('会议详情', () => page.getByRole('button', { name: '返回会议列表', exact: true }).waitFor());
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await screen(`会议详情 · ${tab}`, () => page.getByRole('tab', { name: tab, selected: true }).waitFor());
      await shot(page, `a11y-会议详情-${tab}`);
    }

    // 专项行动: 新建, and a programme.
    await openSection(page, '专项行动');
    await h1('专项行动');
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const form = dialog(page, '新建专项行动');
    await form.field('名称', { exact: true }).waitFor();
    await stillShot(page, 'a11y-dialog-新建专项行动');
    await check(page, '对话框：新建专项行动', found);
    await form.field('名称', { exact: true }).fill('数据安全专项行动');
    await form.field('证书编号前缀').fill('SJAQ');
    await setDate(form.field('截止日期'), daysFromToday(30));
    await form.ok();
    await form.closed();
    await screen('专项行动详情', () => page.getByRole('button', { name: '批量导出预填申请表' }).waitFor());
    await list('专项行动详情', '会员单位', '北京');
    await shot(page, 'a11y-专项行动详情');

    // 发文: a new notice and a document of the register.
    await openSection(page, '发文');
    await page.getByRole('button', { name: '新建通知', exact: true }).click();
    await screen('新建通知', () => h1('新建通知'));
    await list('新建通知', '模板');
    await page.getByLabel('标题', { exact: true }).fill('关于召开年会的通知');
    await page.getByLabel('正文', { exact: true }).fill('一、会议时间\n2027 年 1 月 15 日。');
    await page.getByRole('button', { name: '保存草稿', exact: true }).click();
    await screen('发文草稿', () => h1('发文草稿'));
    await shot(page, 'a11y-发文草稿');

    const bad = found.filter((f) => f.violations.length || f.english.length);
    expect(
      bad.map(
        (f) => `${f.where}\n  ${[...f.violations, ...f.english.map((e) => `英文名称：${e}`)].join('\n  ')}`,
      ),
    ).toEqual([]);
    expect(found.length).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });
});
