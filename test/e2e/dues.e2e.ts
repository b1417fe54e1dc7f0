import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { launch, newProfile, openSection, shot, loadDemoData } from './browser';
import { generateDemo } from '../../shared/demo/generate';
import { expectedDemoCounts } from '../unit/home/expected';

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const yuan = (n: number) => n.toLocaleString('en-US');

/**
 * A modal or drawer by its title. (Not getByRole('dialog', { name }): the e2e build runs with NODE_ENV=test,
 * where rc-component's useId returns the same 'test-id' for every dialog, so aria-labelledby is ambiguous.)
 */
function dialogTitled(page: Page, title: string | RegExp) {
  return page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-title, .ant-drawer-title').filter({ hasText: title }) });
}

async function arrearsTotal(page: Page): Promise<string> {
  return (await page.getByTestId('arrears-total').innerText()).trim();
}

describe('会费 desk (R-D1 … R-D7) on the demo dataset', () => {
  let context: BrowserContext | null = null;
  afterEach(async () => {
    await context?.close();
    context = null;
  });

  it('records a payment for a member in arrears, overrides an amount with a reason, exports dues notices', async () => {
    const s = await launch(newProfile());
    context = s.context;
    const { page } = s;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loadDemoData(page);

    await openSection(page, '会费');
    await page.getByRole('heading', { level: 1, name: '会费', exact: true }).waitFor();
    await page.getByTestId('arrears-total').waitFor();
    await shot(page, 'dues-1-ledger');

    // The arrears list matches the demo's construction (7 mod 17 unpaid, 3 mod 23 half paid).
    const expected = expectedDemoCounts(generateDemo({ asOf: localToday() }), localToday());
    expect(await arrearsTotal(page)).toBe(
      `欠缴合计：${yuan(expected.duesOverdueTotal)} 元（${expected.duesOverdue} 家）`,
    );

    // Pick the largest arrears.
    const arrears = page.getByRole('region', { name: '欠缴名单' });
    const first = arrears.locator('tr.ant-table-row').first();
    const link = first.getByRole('link');
    const name = (await link.innerText()).trim();
    const id = Number((await link.getAttribute('href'))!.split('/').pop());
    const owed = Number((await first.locator('td').nth(2).innerText()).replace(/,/g, ''));
    expect(owed).toBeGreaterThan(0);

    // Find it in the ledger by search: overdue.
    await page.getByLabel('搜索').fill(name);
    await page.getByTestId(`status-${id}`).waitFor();
    expect(await page.getByTestId(`status-${id}`).innerText()).toBe('已逾期');
    expect(await page.getByTestId(`outstanding-${id}`).innerText()).toBe(yuan(owed));

    // 登记缴费 from the arrears list: the amount is prefilled with what is owed.
    await first.getByRole('button', { name: '登记缴费' }).click();
    const dialog = dialogTitled(page, /登记缴费/);
    await dialog.waitFor();
    expect(await dialog.getByLabel('金额').inputValue()).toBe(String(owed));
    // Validation: not a positive amount.
    await dialog.getByLabel('金额').fill('0');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByText('金额必须大于 0').waitFor();
    await dialog.getByLabel('金额').fill(String(owed));
    await dialog.getByLabel('收据号').fill('E2E-0001');
    await dialog.getByLabel('备注').fill('端到端测试');
    await shot(page, 'dues-2-payment-dialog');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Its 欠缴金额 and status change, the arrears total drops.
    await page.getByText('已缴清').first().waitFor();
    expect(await page.getByTestId(`status-${id}`).innerText()).toBe('已缴清');
    expect(await page.getByTestId(`outstanding-${id}`).innerText()).toBe('0');
    expect(await arrearsTotal(page)).toBe(
      `欠缴合计：${yuan(expected.duesOverdueTotal - owed)} 元（${expected.duesOverdue - 1} 家）`,
    );
    await shot(page, 'dues-3-after-payment');

    // The payment shows in 明细 and can be voided with a reason (the arrears come back).
    const row = page.locator('tr.ant-table-row', { has: page.getByTestId(`status-${id}`) });
    await row.getByRole('button', { name: '明细' }).click();
    const drawer = dialogTitled(page, `缴费明细：${name}`);
    await drawer.getByText('E2E-0001').waitFor();
    await shot(page, 'dues-4-payments-drawer');
    await drawer.locator('tr', { hasText: 'E2E-0001' }).getByRole('button', { name: '作废' }).click();
    const voidDialog = dialogTitled(page, '作废缴费记录');
    await voidDialog.getByLabel('作废原因').fill('登记错误');
    await voidDialog.getByRole('button', { name: '确认作废' }).click();
    await drawer.getByText('已作废：登记错误').waitFor();
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      ([tid]) => document.querySelector(`[data-testid="${tid}"]`)?.textContent === '已逾期',
      [`status-${id}`],
    );
    expect(await arrearsTotal(page)).toBe(
      `欠缴合计：${yuan(expected.duesOverdueTotal)} 元（${expected.duesOverdue} 家）`,
    );
    // Record it again for the rest of the test.
    await first.getByRole('button', { name: '登记缴费' }).click();
    await dialog.waitFor();
    // Typed explicitly: the prefill is asserted above, and a re-opened dialog may render before the live
    // ledger has the voided amount back (seen once on a loaded CI machine).
    await dialog.getByLabel('金额').fill(String(owed));
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      ([tid]) => document.querySelector(`[data-testid="${tid}"]`)?.textContent === '已缴清',
      [`status-${id}`],
    );

    // R-D5: override an amount with a reason; the ledger shows the amount with a marker and the reason.
    await page.getByLabel('搜索').fill('');
    const second = page.locator('tr.ant-table-row').nth(1);
    const secondId = Number((await second.getByRole('link').first().getAttribute('href'))!.split('/').pop());
    const secondName = (await second.getByRole('link').first().innerText()).trim();
    await second.getByRole('button', { name: '调整应缴' }).click();
    const od = dialogTitled(page, /调整应缴金额/);
    await od.waitFor();
    await od.getByLabel('调整后金额').fill('2500');
    await od.getByRole('button', { name: '保存', exact: true }).click();
    await od.getByText('请填写调整原因（R-D5）').waitFor();
    await od.getByLabel('原因').fill('经常务理事会决议减半收取');
    await od.getByRole('button', { name: '保存', exact: true }).click();
    await od.waitFor({ state: 'hidden' });
    await page.getByLabel('搜索').fill(secondName);
    const orow = page.locator('tr.ant-table-row', { has: page.getByTestId(`status-${secondId}`) });
    const marker = orow.getByText('已调整');
    await marker.waitFor();
    expect(await orow.innerText()).toContain('2,500');
    await marker.hover();
    await page
      .getByRole('tooltip')
      .getByText(/经常务理事会决议减半收取/)
      .waitFor();
    await shot(page, 'dues-5-override');
    await page.getByLabel('搜索').fill('');

    // Bank details are missing in the demo: fill them on the dues page.
    const bank = page.getByRole('region', { name: '收款账户' });
    await bank.getByText('尚未填写收款账户').waitFor();
    await bank.getByLabel('户名').fill('中国网络安全产业联盟');
    await bank.getByLabel('开户行').fill('中国工商银行北京东城支行');
    await bank.getByLabel('账号').fill('0200 0000 1234 5678 901');
    await bank.getByRole('button', { name: '保存账户' }).click();
    await bank.getByRole('button', { name: '修改账户' }).waitFor();

    // Batch export for 2 selected members: one .docx, one notice per page.
    const rows = page.locator('tr.ant-table-row');
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: '导出缴费通知（2）' }).click();
    const ed = dialogTitled(page, '导出会费缴纳通知');
    await ed.getByText('已选 2 家会员单位').waitFor();
    await shot(page, 'dues-6-export-dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ed.getByRole('button', { name: '开始导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/年度会费缴纳通知（2家）\.docx$/);
    const outDir = path.resolve('test-results/dues');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, 'dues-notices.docx');
    await download.saveAs(file);
    const { readFileSync } = await import('node:fs');
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)?.length).toBe(2);
    expect(xml).toContain('0200 0000 1234 5678 901');
    await ed.waitFor({ state: 'hidden' });
    await shot(page, 'dues-7-after-export');

    // The chart has its legend and axis labels.
    await page.getByText('累计应缴').first().waitFor();
    expect(await page.getByTestId('dues-chart').getAttribute('aria-label')).toMatch(
      /全年应缴 [\d,]+ 元，已收 [\d,]+ 元/,
    );

    // The year's ledger exports to Excel (issue 8): a real .xlsx (zip) with the year's sheet.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出台账（Excel）', exact: true }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^\d{4}年会费台账\.xlsx$/);
    const book = await JSZip.loadAsync(readFileSync((await xlsx.path())!));
    expect(Object.keys(book.files)).toContain('xl/workbook.xml');
    expect(errors).toEqual([]);
  });
});
