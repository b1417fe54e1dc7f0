import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { demo, dialog, documentXml, download, fill, it, openDesk, shot, today } from './support';
import { expectedDemoCounts } from '../unit/home/expected';

const yuan = (n: number) => n.toLocaleString('en-US');

async function arrearsTotal(page: Page): Promise<string> {
  return (await page.getByTestId('arrears-total').innerText()).trim();
}

describe('会费 desk (R-D1 … R-D7) on the demo dataset', () => {
  it('records a payment for a member in arrears, overrides an amount with a reason, exports dues notices', async ({
    demoPage: page,
    errors,
  }) => {
    await openDesk(page, '会费');
    await page.getByTestId('arrears-total').waitFor();
    await shot(page, 'dues-1-ledger');

    // The arrears list matches the demo's construction (7 mod 17 unpaid, 3 mod 23 half paid).
    const expected = expectedDemoCounts(demo(), today());
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
    const payment = dialog(page, /登记缴费/);
    await payment.waitFor();
    expect(await payment.field('金额').inputValue()).toBe(String(owed));
    // Validation: not a positive amount.
    await payment.field('金额').fill('0');
    await payment.ok();
    await payment.getByText('金额必须大于 0').waitFor();
    await payment.field('金额').fill(String(owed));
    await payment.field('收据号').fill('E2E-0001');
    await payment.field('备注').fill('端到端测试');
    await shot(page, 'dues-2-payment-dialog');
    await payment.ok();
    await payment.closed();

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
    const drawer = dialog(page, `缴费明细：${name}`);
    await drawer.getByText('E2E-0001').waitFor();
    await shot(page, 'dues-4-payments-drawer');
    await drawer.locator('tr', { hasText: 'E2E-0001' }).getByRole('button', { name: '作废' }).click();
    const voidDialog = dialog(page, '作废缴费记录');
    await voidDialog.field('作废原因').fill('登记错误');
    await voidDialog.ok('确认作废');
    await drawer.getByText('已作废：登记错误').waitFor();
    await page.locator('.ant-drawer-close').click();
    await drawer.closed();
    await page.waitForFunction(
      ([tid]) => document.querySelector(`[data-testid="${tid}"]`)?.textContent === '已逾期',
      [`status-${id}`],
    );
    expect(await arrearsTotal(page)).toBe(
      `欠缴合计：${yuan(expected.duesOverdueTotal)} 元（${expected.duesOverdue} 家）`,
    );
    // Record it again for the rest of the test.
    await first.getByRole('button', { name: '登记缴费' }).click();
    await payment.waitFor();
    // Typed explicitly: the prefill is asserted above, and a re-opened dialog may render before the live
    // ledger has the voided amount back (seen once on a loaded CI machine).
    await payment.field('金额').fill(String(owed));
    await payment.ok();
    await payment.closed();
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
    const od = dialog(page, /调整应缴金额/);
    await od.waitFor();
    await od.field('调整后金额').fill('2500');
    await od.ok();
    await od.getByText('请填写调整原因', { exact: true }).waitFor();
    await od.field('原因').fill('经常务理事会决议减半收取');
    await od.ok();
    await od.closed();
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
    await fill(bank, {
      户名: '中国网络安全产业联盟',
      开户行: '中国工商银行北京东城支行',
      账号: '0200 0000 1234 5678 901',
    });
    await bank.getByRole('button', { name: '保存账户' }).click();
    await bank.getByRole('button', { name: '修改账户' }).waitFor();

    // Batch export for 2 selected members: one .docx, one notice per page.
    const rows = page.locator('tr.ant-table-row');
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: '导出缴费通知（2）' }).click();
    const ed = dialog(page, '导出会费缴纳通知');
    await ed.getByText('已选 2 家会员单位').waitFor();
    await shot(page, 'dues-6-export-dialog');
    const notices = await download(page, ed.button('开始导出'), { saveAs: 'dues/dues-notices.docx' });
    expect(notices.name).toMatch(/年度会费缴纳通知（2家）\.docx$/);
    const xml = await documentXml(notices.bytes);
    expect(xml.match(/<w:sectPr/g)?.length).toBe(2);
    expect(xml).toContain('0200 0000 1234 5678 901');
    await ed.closed();
    await shot(page, 'dues-7-after-export');

    // The chart has its legend and axis labels.
    await page.getByText('累计应缴').first().waitFor();
    expect(await page.getByTestId('dues-chart').getAttribute('aria-label')).toMatch(
      /全年应缴 [\d,]+ 元，已收 [\d,]+ 元/,
    );

    // The year's ledger exports to Excel (issue 8): a real .xlsx (zip) with the year's sheet.
    const xlsx = await download(page, page.getByRole('button', { name: '导出台账（Excel）', exact: true }));
    expect(xlsx.name).toMatch(/^\d{4}年会费台账\.xlsx$/);
    const book = await JSZip.loadAsync(xlsx.bytes);
    expect(Object.keys(book.files)).toContain('xl/workbook.xml');
    expect(errors).toEqual([]);
  });
});
