/**
 * The clerk's experience (issue 16), each point from the clerk's side on the demo dataset: a readable audit
 * trail, no dead end in 专项行动, no number burned on a template, the charter by article, Chinese names,
 * toasts that hide nothing, why 导入 is disabled, and a version kept before a large edit of the minutes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import {
  addAgendaItem,
  chooseFile,
  clickToPage,
  countRows,
  daysFromToday,
  dialog,
  it,
  newProfile,
  openMinuteVersions,
  openSection,
  readRows,
  select,
  setDate,
  shot,
  stillShot,
  untilStill,
} from './support';
import { creditCodeCheckChar, formatChineseDate } from '../../shared/charter';
import type { OutgoingDocument } from '../../shared/domain/records';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('the clerk’s experience (issue 16)', () => {
  it('16.2 + 16.1: a new programme starts empty and warns of a past deadline; enrolment is refused after it with the date; the audit trail reads in Chinese with names', async ({
    demoPage: page,
    errors,
  }) => {
    await openSection(page, '专项行动');
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const form = dialog(page, '新建专项行动');
    await form.field('名称', { exact: true }).waitFor();
    // Nothing of the 阳光行动 carried over.
    expect(await form.field('名称', { exact: true }).inputValue()).toBe('');
    expect(await form.field('证书编号前缀').inputValue()).toBe('');
    expect(await form.field('截止日期').inputValue()).toBe('');
    await form.field('名称', { exact: true }).fill('数据安全专项行动');
    await form.field('证书编号前缀').fill('SJAQ');
    const yesterday = daysFromToday(-1);
    await setDate(form.field('截止日期'), yesterday);
    const warning = form.getByRole('alert').filter({ hasText: '已过' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(`截止日期 ${formatChineseDate(yesterday)}已过`);
    await stillShot(page, 'experience-programme-past-deadline');
    await form.ok();
    await form.closed();
    await page.getByRole('heading', { level: 1, name: '数据安全专项行动' }).waitFor();

    // Past the deadline: 邀请 and 登记申请 are disabled, the reason with the date beside them.
    const closed = page.getByRole('alert').filter({ hasText: '不能再邀请或登记申请' });
    await closed.waitFor();
    expect(await closed.innerText()).toContain(`征集已于 ${formatChineseDate(yesterday)}截止`);
    expect(await page.getByRole('button', { name: '登记申请', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '邀请', exact: true }).isDisabled()).toBe(true);
    await shot(page, 'experience-programme-closed');

    // Moved to a later deadline, a member is registered.
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const edit = dialog(page, '编辑专项行动');
    await setDate(edit.field('截止日期'), daysFromToday(30));
    await edit.ok();
    await edit.closed();
    expect(await page.getByRole('button', { name: '登记申请', exact: true }).isDisabled()).toBe(false);
    const [first] = await readRows<{ id: number; name: string; status: string }>(page, 'members').then(
      (all) => all.filter((m) => m.status === 'active'),
    );
    const members = select(page, '会员单位');
    await members.pick(first!.name, { search: first!.name.slice(0, 6) });
    await members.close();
    await page.getByRole('button', { name: '登记申请', exact: true }).click();
    await page.getByText('已登记申请 1 家').waitFor();

    // 设置 → 操作记录: the programme and the enrolment in Chinese, with the programme's and member's names.
    await openSection(page, '设置');
    const trail = page.getByRole('table', { name: '操作记录' });
    await page.getByLabel('搜索操作记录').fill('数据安全专项行动');
    await trail.getByText('行动名称：（空） → 数据安全专项行动').waitFor();
    const text = await trail.innerText();
    expect(text).toContain('证书编号前缀：（空） → SJAQ');
    expect(text).toContain(`征集截止日期：（空） → ${yesterday}`);
    expect(text).toContain('专项行动：（空） → 数据安全专项行动');
    expect(text).toContain(`会员单位：（空） → ${first!.name}`);
    expect(text).toContain('状态：（空） → 已申请');
    for (const raw of [
      'programmeId',
      'memberId',
      'callYear',
      'deadline',
      'certificatePrefix',
      '单位名称：（空） → 数据安全',
      '{"',
    ])
      expect(text).not.toContain(raw);
    await trail.scrollIntoViewIfNeeded();
    await shot(page, 'experience-audit-trail');
    expect(errors).toEqual([]);
  });

  it('16.3: 定稿 of an untouched 一般通知 is refused, naming its placeholders; no number is used', async ({
    page,
    errors,
  }) => {
    await openSection(page, '发文');
    await clickToPage(page, '新建通知');
    await select(page, '模板').pick('一般通知');
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const refusal = dialog(page, '还有模板占位符未替换，不能定稿');
    await refusal.waitFor();
    const list = refusal.getByRole('list', { name: '未替换的占位符' });
    expect(await list.innerText()).toContain('标题：“关于××的通知”');
    expect(await list.innerText()).toContain('正文第 2 行：“一、××”');
    await stillShot(page, 'experience-placeholders-refused');
    await refusal.ok('知道了');
    const docs = await readRows<OutgoingDocument>(page, 'documents');
    expect(docs.filter((d) => d.docNumber)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('16.4 + 16.6: 首页 cites the charter by article with its sentence; a toast sits at the foot, clear of the title and buttons', async ({
    demoPage: page,
    errors,
  }) => {
    await openSection(page, '首页');
    const card = page
      .getByRole('region', { name: '退会通报' })
      .or(page.locator('section').filter({ hasText: '5 个工作日内' }))
      .first();
    await card.getByText('章程第十二条').first().waitFor();
    const body = await page.locator('main, .ant-layout-content').first().innerText();
    expect(body).not.toMatch(/R-[MODWP]\d/);
    expect(body).toContain('章程第三十二条');
    await card.getByText('章程第十二条').first().hover();
    const tip = page.getByRole('tooltip').filter({ hasText: '联盟会员退出联盟时应提前三十日书面告知秘书处' });
    await tip.waitFor();
    expect(await tip.innerText()).toMatch(/^第十二条 /);
    await stillShot(page, 'experience-home-article-tooltip');

    await openSection(page, '设置');
    const save = page.getByRole('button', { name: '保存章程参数', exact: true });
    await save.click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: '章程参数已保存' });
    await toast.waitFor();
    await page.waitForTimeout(400);
    const box = (await toast.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThan(viewport.height / 2);
    const overlaps = async (name: string, loc = page.getByRole('heading', { level: 1, name })) => {
      const b = await loc.boundingBox();
      return (
        !!b &&
        b.x < box.x + box.width &&
        box.x < b.x + b.width &&
        b.y < box.y + box.height &&
        box.y < b.y + b.height
      );
    };
    expect(await overlaps('设置')).toBe(false);
    expect(await overlaps('', save)).toBe(false);
    // The window as the clerk sees it (a full-page shot would not show where the toast is fixed).
    await page.screenshot({ path: 'test-results/screenshots/experience-toast-viewport.png' });
    expect(errors).toEqual([]);
  });

  it('16.5: the number inputs, the 发文 search and the selects read out in Chinese', async ({
    page,
    errors,
  }) => {
    await openSection(page, '设置');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).not.toMatch(/Increase Value|Decrease Value/);
    await openSection(page, '发文');
    await page.getByRole('heading', { level: 1, name: '发文' }).waitFor();
    const register = await page.locator('body').ariaSnapshot();
    expect(register).not.toMatch(/"search"|"Clear"|"close-circle"/);
    expect(errors).toEqual([]);
  });

  it('16.7: 导入 N 行 says why it is disabled until the problem rows are skipped', async ({
    page,
    errors,
  }) => {
    const dir = newProfile();
    const csv = [
      '单位名称,统一社会信用代码,会员级别',
      `体验导入甲网络安全有限公司,${code('91110108MA0000001')},会员单位`,
      `体验导入乙信息技术有限公司,91440300MA00000030,会员单位`,
    ].join('\r\n');
    const csvPath = path.join(dir, '名册.csv');
    writeFileSync(csvPath, '\ufeff' + csv);
    await openSection(page, '设置');
    await chooseFile(page, page.getByRole('button', { name: '导入会员名册' }), csvPath);
    const importing = dialog(page, /导入会员名册/);
    const commit = importing.getByRole('button', { name: '导入 1 行' });
    await commit.waitFor();
    expect(await commit.isDisabled()).toBe(true);
    const why = importing.getByText('不能导入：还有 1 行有问题');
    await why.waitFor();
    expect(await commit.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
    await stillShot(page, 'experience-import-why');
    await importing.getByRole('button', { name: '跳过所有有问题的行', exact: true }).click();
    await why.waitFor({ state: 'detached' });
    expect(await commit.isDisabled()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('16.8: a select-all-and-retype of the minutes keeps the text before it as a version, mid-burst', async ({
    demoPage: page,
    errors,
  }) => {
    await openSection(page, '会议');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
    const box = await addAgendaItem(page, '体验议题');
    // Two writes in one burst (no version kept by the burst rule), then select all and retype.
    await box.pressSequentially('会议听取了秘书处的工作报告，', { delay: 10 });
    await page.waitForTimeout(1500);
    await box.pressSequentially('与会代表一致同意。', { delay: 10 });
    await page.waitForTimeout(1500);
    await box.press('Control+A');
    await box.pressSequentially('重写', { delay: 10 });
    await page.waitForTimeout(1500);
    const hist = await openMinuteVersions(page, box, '体验议题');
    await hist.getByText('会议听取了秘书处的工作报告，与会代表一致同意。').first().waitFor();
    await stillShot(page, 'experience-minutes-version');
    expect(await countRows(page, 'minuteVersions')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('motion follows the system: a dialog zooms in by default and appears at once where less motion is asked for; its button takes a click at once', async ({
    page,
    errors,
  }) => {
    /**
     * Opens the leave guard's confirm over 新建入会申请; `places()` then gives where its 放弃修改并离开 button
     * was drawn, frame by frame, for the dialog's first 600 ms (each distinct box once).
     */
    const askToLeave = async () => {
      await openSection(page, '入会申请');
      await clickToPage(page, '新建申请', '新建入会申请');
      await page.getByLabel('单位名称', { exact: true }).fill('动效测试有限公司');
      await page.evaluate(() => {
        const w = window as unknown as { places: Set<string>; done: Promise<void> };
        w.places = new Set();
        w.done = new Promise((resolve) => {
          const frame = (since?: number) =>
            requestAnimationFrame((t) => {
              const button = document.querySelector('.ant-modal-confirm-btns .ant-btn-dangerous');
              if (button) {
                const r = button.getBoundingClientRect();
                w.places.add([r.x, r.y, r.width, r.height].map((v) => v.toFixed(1)).join(','));
              }
              if (button && since !== undefined && t - since > 600) resolve();
              else frame(button ? (since ?? t) : undefined);
            });
          frame();
        });
      });
      await page.getByRole('menuitem', { name: '会员' }).click();
      const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
      await ask.waitFor();
      const places = () =>
        page.evaluate(async () => {
          const w = window as unknown as { places: Set<string>; done: Promise<void> };
          await w.done;
          return [...w.places];
        });
      return { ask, places };
    };

    // The suite's browsers ask for less motion (browser.ts): no zoom, and the button is where it stays.
    const still = await askToLeave();
    expect(await still.places()).toHaveLength(1);
    await still.ask.getByRole('button', { name: '放弃修改并离开', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '会员', exact: true }).waitFor();

    // The system's default: read when the window opens, so after a reload the dialog zooms in.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    const moving = await askToLeave();
    expect((await moving.places()).length).toBeGreaterThan(2); // it grows from the pointer
    await untilStill(page);
    await moving.ask.getByRole('button', { name: '放弃修改并离开', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '会员', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
