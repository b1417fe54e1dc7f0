/**
 * Durability (issue 13) in Chromium: minutes typed continuously survive a SIGKILL of the browser up to a
 * second before the kill; a reload right after typing keeps it (flushed as the page unloads); a full disk
 * says 磁盘空间不足 in Chinese, keeps the text and saves it when space returns; a second tab refuses to work
 * until 在此处继续使用, and the first one then stops. A 发文 typed into 新建通知 is a draft without a click, and
 * survives a reload and a kill the same way.
 */
import { describe, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { addAgendaItem, clickToPage, dialog, it, killBrowser, openDesk, openSection, shot } from './support';

const MEETING = 'E2E 理事会（耐久性测试）';
const ITEM = '审议年度工作报告';

/** A new 理事会 meeting with one agenda item; returns the item's minutes textbox. */
async function meetingWithItem(page: Page) {
  await openSection(page, '会议');
  await page.getByRole('button', { name: '新建会议', exact: true }).click();
  const dlg = dialog(page, '新建会议');
  await dlg.waitFor();
  await dlg.select('会议类型').pick('理事会');
  await dlg.getByRole('radio', { name: '现场', exact: true }).check();
  await dlg.field('会议名称').fill(MEETING);
  await dlg.field('地点').fill('北京');
  await dlg.field('主持人').fill('王主持');
  await dlg.field('记录人').fill('周梦妍');
  await dlg.ok();
  await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
  await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
  return addAgendaItem(page, ITEM);
}

async function openMinutes(page: Page) {
  await openSection(page, '会议');
  await page.getByRole('link', { name: MEETING }).click();
  await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
  const box = page.getByRole('textbox', { name: ITEM, exact: true });
  await box.waitFor();
  return box;
}

const SENTENCE = '秘书处汇报了本年度会员发展、专项行动和经费收支情况，与会理事进行了讨论。';

describe('durability (issue 13)', () => {
  it('continuous typing, then SIGKILL: everything typed until a second before the kill is kept', async ({
    launch,
    profile,
  }) => {
    let s = await launch();
    const box = await meetingWithItem(s.page);
    await box.click();

    // Steady typing for 10 s, 120–350 ms per character (a fixed pseudo-random sequence).
    const typed: { at: number; text: string }[] = [];
    let text = '';
    let seed = 13;
    const start = Date.now();
    for (let i = 0; Date.now() - start < 10_000; i++) {
      const ch = SENTENCE[i % SENTENCE.length]!;
      await s.page.keyboard.insertText(ch);
      text += ch;
      typed.push({ at: Date.now(), text });
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      await new Promise((r) => setTimeout(r, 120 + (seed % 231)));
    }
    const killedAt = Date.now();
    expect(await killBrowser(profile)).toBeGreaterThan(0);

    s = await launch();
    const again = await openMinutes(s.page);
    const kept = await again.inputValue();
    const mustHave = typed.filter((t) => t.at <= killedAt - 1000).at(-1)!.text;
    console.log(
      `SIGKILL after ${typed.length} characters in ${killedAt - start} ms: ${kept.length} kept, ` +
        `${mustHave.length} typed until 1 s before the kill`,
    );
    expect(text.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(mustHave.length);
  });

  it('a reload right after typing keeps every character (flushed as the page unloads)', async ({ page }) => {
    const box = await meetingWithItem(page);
    await box.click();
    await page.keyboard.insertText('会议');
    await page.waitForTimeout(1000);
    await page.keyboard.insertText('通过了年度工作报告');
    // No pause: the debounce has not fired when the page goes away.
    await page.reload();
    const again = await openMinutes(page);
    expect(await again.inputValue()).toBe('会议通过了年度工作报告');
  });

  // A full disk is injected: this Chromium (156) ignores CDP Storage.overrideQuotaForOrigin (the quota stays
  // at ~10 GB; from a browser session it fails with "Internal error"), and a tiny file system needs root.
  // While `__diskFull` is set, IndexedDB's own put / cursor update throw the DOMException the browser throws
  // when the quota is exhausted; everything above (Dexie, the autosave, the label) is the real code.
  it('disk full: 磁盘空间不足 in Chinese, the text stays on screen, and it is saved when space returns', async ({
    page,
  }) => {
    const box = await meetingWithItem(page);
    await box.click();
    await page.keyboard.insertText('第一句。');
    await page.getByText('已保存', { exact: true }).waitFor();

    await page.evaluate(() => {
      const w = window as unknown as { __diskFull: boolean };
      w.__diskFull = true;
      const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      for (const [proto, name] of [
        [IDBObjectStore.prototype, 'put'],
        [IDBObjectStore.prototype, 'add'],
        [IDBCursor.prototype, 'update'],
      ] as const) {
        const original = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
        (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
          if (w.__diskFull) throw full();
          return original.apply(this, args);
        };
      }
    });
    await page.keyboard.insertText('第二句写不进去。');
    const status = page.locator('[data-save-state="error"]');
    await status.waitFor({ timeout: 10_000 });
    const label = await status.innerText();
    console.log(`disk-full label: ${label}`);
    expect(label).toContain('磁盘空间不足');
    expect(label).toContain('备份');
    expect(label).toContain('输入的内容仍在屏幕上');
    expect(label).toMatch(/\d+ 秒后重试（第 1 次）/);
    expect(label).not.toMatch(/QuotaExceeded|quota/i);
    await page.getByText(/秒后重试（第 2 次）/).waitFor({ timeout: 10_000 });
    expect(await box.inputValue()).toBe('第一句。第二句写不进去。');

    await page.evaluate(() => {
      (window as unknown as { __diskFull: boolean }).__diskFull = false;
    });
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await page.reload();
    const again = await openMinutes(page);
    expect(await again.inputValue()).toBe('第一句。第二句写不进去。');
  });

  it('a second tab refuses until 在此处继续使用; the first one then stops', async ({ session }) => {
    const { context, page: first } = session;
    const box = await meetingWithItem(first);
    await box.click();
    await first.keyboard.insertText('第一个标签页的记录。');
    await first.getByText('已保存', { exact: true }).waitFor();

    const second = await context.newPage();
    await second.goto(inject('baseURL'));
    await second.getByText('工作台已在另一个窗口或标签页中打开', { exact: true }).waitFor();
    expect(await second.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    // The first tab is untouched meanwhile.
    await first.keyboard.insertText('继续记录。');
    await first.getByText('已保存', { exact: true }).waitFor();

    await second.getByRole('button', { name: '在此处继续使用', exact: true }).click();
    await first.getByText('工作台已在另一个窗口或标签页中继续使用', { exact: true }).waitFor();
    expect(await first.getByRole('textbox', { name: ITEM }).count()).toBe(0);
    const box2 = await openMinutes(second);
    expect(await box2.inputValue()).toBe('第一个标签页的记录。继续记录。');
    await box2.click();
    await second.keyboard.press('End');
    await second.keyboard.insertText('第二个标签页接着记录。');
    await second.getByText('已保存', { exact: true }).waitFor();

    // Back to the first tab: it takes over again and shows what the second one wrote.
    await first.getByRole('button', { name: '在此处继续使用', exact: true }).click();
    await second.getByText('工作台已在另一个窗口或标签页中继续使用', { exact: true }).waitFor();
    const box1 = await openMinutes(first);
    expect(await box1.inputValue()).toBe('第一个标签页的记录。继续记录。第二个标签页接着记录。');
  });
  it('发文: 新建通知 becomes a draft as it is typed, the cursor stays, and a reload and a kill lose nothing', async ({
    launch,
    profile,
  }) => {
    let s = await launch();
    let page = s.page;
    await openDesk(page, '发文');
    await clickToPage(page, '新建通知');
    await page.getByText('输入内容后自动保存为草稿。', { exact: true }).waitFor();
    const title = page.getByLabel('标题', { exact: true });
    await title.click();
    // Typed at a steady pace: the draft is created under the clerk's fingers; nothing typed meanwhile is lost.
    const TITLE = '关于召开二〇二七年会员大会的通知';
    for (const ch of TITLE) {
      await page.keyboard.insertText(ch);
      await page.waitForTimeout(120);
    }
    await page.getByRole('heading', { level: 1, name: '发文草稿' }).waitFor();
    expect(page.url()).toMatch(/#\/documents\/\d+$/);
    expect(await title.inputValue()).toBe(TITLE);
    expect(await title.evaluate((el) => el === document.activeElement), 'the title keeps the focus').toBe(
      true,
    );
    await page.locator('[data-save-state="saved"]').waitFor();
    expect(await page.locator('[data-save-state]').innerText()).toBe('自动保存：已保存');
    await shot(page, 'documents-autosave');

    // A reload right after typing (no pause, no 保存草稿): flushed as the page unloads, or replayed.
    const body = page.getByLabel('正文', { exact: true });
    await body.click();
    await page.keyboard.insertText('一、会议时间');
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('2027 年 1 月 15 日。');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '发文草稿' }).waitFor();
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel('正文', { exact: true }).inputValue()).toBe(
      '一、会议时间\n2027 年 1 月 15 日。',
    );

    // A kill a little over a second after the last keystroke: the autosave has stored it.
    await page.getByLabel('正文', { exact: true }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('特此通知。');
    await page.waitForTimeout(1200);
    expect(await killBrowser(profile)).toBeGreaterThan(0);

    s = await launch();
    page = s.page;
    await openDesk(page, '发文');
    // One draft: its creation was not replayed a second time.
    const rows = page.getByRole('table').getByRole('link', { name: TITLE, exact: true });
    await rows.first().waitFor(); // the register's rows arrive after its heading (ci83 counted before)
    expect(await rows.count()).toBe(1);
    await rows.click();
    await page.getByRole('heading', { level: 1, name: '发文草稿' }).waitFor();
    expect(await page.getByLabel('正文', { exact: true }).inputValue()).toBe(
      '一、会议时间\n2027 年 1 月 15 日。\n特此通知。',
    );
  });
});
