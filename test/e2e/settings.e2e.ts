import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chooseFile,
  clickToPage,
  countRows,
  dialog,
  download,
  it,
  openSection,
  select,
  setDate,
  shot,
} from './support';
import { creditCodeCheckChar } from '../../shared/charter';

function code(body17: string): string {
  return body17 + creditCodeCheckChar(body17);
}

async function waitFor(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('设置: data safety (issue 8)', () => {
  it('backs up, imports a CSV roster (skipping a bad row), undoes it, restores the backup, and the audit trail shows it', async ({
    demoPage: page,
    errors,
  }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-datasafety-'));
    expect(await countRows(page, 'members')).toBe(300);
    await shot(page, 'settings-1-page');

    // 备份到文件 → a download, made in the backup Worker with database.json compressed in its own Worker
    // (issue 17: a nested Worker, which the page's CSP allows).
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const backupPath = path.join(dir, 'backup.zip');
    const backup = await download(page, page.getByRole('button', { name: '备份到文件', exact: true }), {
      saveAs: backupPath,
      timeout: 60_000,
    });
    expect(backup.name).toMatch(/^秘书处工作台备份-\d{8}-\d{6}\.zip$/);
    expect(statSync(backupPath).size).toBeGreaterThan(10_000);
    expect(workers.some((u) => /backup\.worker/.test(u))).toBe(true);
    expect(workers.some((u) => /compress\.worker/.test(u))).toBe(true);

    // Import a small CSV roster with one bad row (wrong check character).
    const csv = [
      '单位名称,统一社会信用代码,会员级别,会员代表,代表手机,联系人,联系人手机',
      `测试导入甲网络安全有限公司,${code('91110108MA0000001')},会员单位,张三,13800000001,李四,13900000001`,
      `测试导入乙数据科技有限公司,${code('91310115MA0000002')},理事单位,王五,13800000002,赵六,13900000002`,
      `测试导入丙信息技术有限公司,91440300MA00000030,会员单位,钱七,13800000003,孙八,13900000003`,
    ].join('\r\n');
    const csvPath = path.join(dir, '新会员名册.csv');
    writeFileSync(csvPath, '\ufeff' + csv);
    await chooseFile(page, page.getByRole('button', { name: '导入会员名册' }), csvPath);
    const importing = dialog(page, /导入会员名册/);
    await importing.waitFor();
    await importing.getByText('统一社会信用代码校验位不符', { exact: false }).waitFor();
    expect(await importing.getByRole('status').innerText()).toContain('可导入 2 行，有问题 1 行');
    expect(await importing.getByRole('button', { name: '导入 2 行' }).isDisabled()).toBe(true);
    // The file has no 入会日期 column: the preview says what that means for dues.
    await importing.getByText('可导入的行中有 2 行没有入会日期').waitFor();
    await shot(page, 'settings-2-import-preview');
    await importing.getByRole('button', { name: '跳过第 4 行' }).click();
    await importing.getByText('已跳过 1 行', { exact: false }).waitFor();
    await importing.getByRole('button', { name: '导入 2 行' }).click();
    await page.getByText('已导入 2 家会员单位', { exact: false }).waitFor();
    expect(await countRows(page, 'members')).toBe(302);
    await shot(page, 'settings-3-imported');

    // The imported member's file: its first tier and people come from the member itself (the import
    // writes one record per member), and the batch's audit entry is shown.
    await openSection(page, '会员');
    await page.getByLabel('搜索', { exact: true }).fill('测试导入乙');
    await page.getByRole('link', { name: '测试导入乙数据科技有限公司' }).click();
    await page.getByRole('heading', { level: 1, name: '会员档案：测试导入乙数据科技有限公司' }).waitFor();
    const card = (title: string) =>
      page.locator('.ant-card', { has: page.locator(':scope > .ant-card-head', { hasText: title }) });
    const people = await card('会员代表、联系人变更记录').innerText();
    expect(people).toContain('王五');
    expect(people).toContain('赵六');
    const tiers = await card('级别记录').innerText();
    expect(tiers).toContain('理事单位');
    expect(tiers).toContain('名册导入批次');
    await page.getByText('导入会员名册“新会员名册.csv”', { exact: false }).first().waitFor();
    await shot(page, 'settings-3b-imported-member-file');
    // No 入会日期 in the file: the member file says so, and the clerk fills it in (dues start from it).
    await page.getByText('未登记入会日期', { exact: true }).waitFor();
    await page.getByRole('button', { name: '补填入会日期' }).click();
    const approved = dialog(page, /补填入会日期/);
    await setDate(approved.field('入会日期'), '2023-03-01');
    await approved.ok();
    await page.getByText('已补填入会日期').waitFor();
    await page.getByText('未登记入会日期', { exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: '补填入会日期' }).count()).toBe(0);
    expect(await page.getByText('2023-03-01').count()).toBeGreaterThan(0);
    await shot(page, 'settings-3c-approved-on-filled');
    // The other imported unit still has none: the dues desk names it (it is not in the ledger).
    await openSection(page, '会费');
    await page.getByText('1 家在册会员未登记入会日期，未列入会费台账').waitFor();
    await page.getByRole('link', { name: '测试导入甲网络安全有限公司' }).waitFor();
    await openSection(page, '设置');

    // Undo the import as a whole.
    await page.getByRole('table', { name: '导入批次' }).getByRole('button', { name: '撤销本次导入' }).click();
    await dialog(page, /撤销导入批次/).ok('撤销本次导入');
    await page.getByText('已撤销导入：移除 2 家会员单位').waitFor();
    expect(await countRows(page, 'members')).toBe(300);
    // The undo is audited as its own action (撤销导入), not as a 作废.
    const undoAudit = page.getByRole('table', { name: '操作记录' });
    await page.getByLabel('搜索操作记录').fill('撤销导入批次');
    await undoAudit.getByRole('cell', { name: '撤销导入', exact: true }).first().waitFor();
    await page.getByLabel('搜索操作记录').fill('');

    // Restore the backup through the preview.
    await chooseFile(page, page.getByRole('button', { name: '从备份恢复' }), backupPath);
    const preview = page.getByRole('region', { name: '备份内容预览' });
    await preview.waitFor();
    expect(await preview.getByRole('table', { name: '各表记录数对比' }).innerText()).toContain('会员单位');
    await shot(page, 'settings-4-restore-preview');
    const pre = await download(page, preview.getByRole('button', { name: '确认恢复' }), { timeout: 60_000 });
    expect(pre.name).toMatch(/恢复前\.zip$/);
    await page.getByText(/已从“backup\.zip”恢复：300 家会员单位/).waitFor({ timeout: 60_000 });
    expect(await countRows(page, 'members')).toBe(300);
    expect(await countRows(page, 'imports')).toBe(0);

    // The audit trail lists the restore.
    const audit = page.getByRole('table', { name: '操作记录' });
    await waitFor(async () => (await audit.innerText()).includes('从备份恢复'));
    await page.getByLabel('搜索操作记录').fill('从备份恢复');
    await waitFor(async () => (await audit.getByRole('row').count()) === 2);
    expect(await audit.innerText()).toContain('恢复备份');
    await page.getByRole('region', { name: '操作记录' }).scrollIntoViewIfNeeded();
    await shot(page, 'settings-5-audit');

    // A file that is not a backup is refused with a Chinese message; nothing changes.
    const bogus = path.join(dir, '假备份.zip');
    writeFileSync(bogus, 'this is not a zip');
    await chooseFile(page, page.getByRole('button', { name: '从备份恢复' }), bogus);
    await page.getByText('不是秘书处工作台的备份文件', { exact: false }).waitFor();
    expect(await countRows(page, 'members')).toBe(300);
    await shot(page, 'settings-6-refused');
    expect(errors).toEqual([]);
  });
});

describe('设置 › 公文设置: the fonts this machine has (issue 15, browser path: queryLocalFonts)', () => {
  /** Replaces the page's queryLocalFonts before the app loads (headless Chromium would leave the prompt unanswered). */
  async function withLocalFonts(page: Page, families: string[] | null) {
    await page.addInitScript((list) => {
      Object.defineProperty(window, 'queryLocalFonts', {
        configurable: true,
        value:
          list === null
            ? undefined
            : async () => list.map((family) => ({ family, fullName: family, postscriptName: family })),
      });
    }, families);
    await page.reload();
    await openSection(page, '设置');
    return page.getByRole('region', { name: '公文设置' });
  }

  it('a stock Windows set: lists what is installed and defaults to the Windows faces, saying why', async ({
    page,
    errors,
  }) => {
    const fonts = await withLocalFonts(page, [
      'FangSong',
      'KaiTi',
      'SimSun',
      'SimHei',
      'Noto Serif CJK SC',
      '思源宋体',
    ]);
    const state = (face: string) =>
      fonts.getByRole('row', { name: new RegExp(`^${face}\\s*(已安装|未安装|无法确认)$`) });
    await state('仿宋').getByText('已安装').waitFor();
    for (const face of ['楷体', '宋体', '黑体']) expect(await state(face).innerText()).toContain('已安装');
    for (const face of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体'])
      expect(await state(face).innerText()).toContain('未安装');
    await fonts
      .getByText('通过浏览器的本机字体访问接口，找到 6 个字体（其中中文名称 1 个）。中文字体：思源宋体。')
      .waitFor();
    await fonts
      .getByText(
        /当前字体方案（自动）：Windows 自带字体.*本机未安装仿宋_GB2312、方正小标宋简体、楷体_GB2312，已默认使用 Windows 自带字体方案/,
      )
      .waitFor();
    await fonts
      .getByText('导出时使用：Windows 自带字体（仿宋、宋体加粗、黑体、楷体）（仿宋正文）。')
      .waitFor();
    await shot(page, 'settings-7-fonts-windows');
    // An export follows the scheme in effect: the Windows faces, no GB2312 name anywhere.
    await openSection(page, '发文');
    await clickToPage(page, '新建通知');
    await select(page, '模板').pick('征集通知');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-fonts-'));
    const file = await download(page, page.getByRole('button', { name: '导出 Word', exact: true }), {
      saveAs: path.join(dir, 'notice.docx'),
    });
    const zip = await JSZip.loadAsync(file.bytes);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).not.toContain('GB2312');
    expect(await zip.file('word/fontTable.xml')?.async('string')).not.toContain('GB2312');
    expect(errors).toEqual([]);
  });

  it('no Local Font Access: a plain Chinese message, nothing claimed, the standard scheme', async ({
    page,
    errors,
  }) => {
    const fonts = await withLocalFonts(page, null);
    await fonts
      .getByText(/当前浏览器不支持查询本机字体.*无法确认公文字体是否已安装。/)
      .first()
      .waitFor();
    expect(await fonts.getByText('无法确认', { exact: true }).count()).toBe(7);
    await fonts.getByText(/导出时使用：GB\/T 9704 字体/).waitFor();
    expect(errors).toEqual([]);
  });
});
