/**
 * 年度报告 (issue 18) on the demo dataset: three figures checked against the desks (会员 roster count by status,
 * 会费 arrears total, meetings held on 会议 → 合规), the charts drawn by ECharts (and the dues desk's chart),
 * then the Word and Excel exports read back.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { demo, documentXml, download, it, openSection, select, shot, today } from './support';
import { expectedDemoReport } from '../unit/report/expected';

async function statValue(page: Page, id: string): Promise<number> {
  const el = page.getByTestId(`stat-${id}`);
  await el.waitFor();
  return Number(await el.getAttribute('data-value'));
}

/** Exports the report by its button; the file is kept in test-results/report. */
async function exported(page: Page, button: string, name: string): Promise<Buffer> {
  const trigger = page.getByRole('button', { name: button, exact: true });
  return (await download(page, trigger, { saveAs: `report/${name}`, timeout: 60_000 })).bytes;
}

describe('年度报告 (issue 18)', () => {
  it('opens for the demo year, agrees with the desks, draws its charts, and exports Word and Excel', async ({
    demoPage: page,
    errors,
  }) => {
    const asOf = today();
    const year = Number(asOf.slice(0, 4));
    const x = expectedDemoReport(demo(asOf), year, asOf);

    // The desks' own figures.
    await openSection(page, '会员');
    await page
      .getByText(/共 \d+ 家/)
      .first()
      .waitFor();
    await select(page, '状态').pick('正式会员');
    const rosterText = await page.getByText(/共 \d+ 家（全部 \d+ 家）/).innerText();
    const rosterActive = Number(/共 (\d+) 家/.exec(rosterText)![1]);

    await openSection(page, '会费');
    const arrearsText = await page.getByTestId('arrears-total').innerText();
    const desksArrears = Number(/欠缴合计：([\d,]+) 元/.exec(arrearsText)![1]!.replace(/,/g, ''));
    // The dues desk's chart is ECharts now: an SVG drawn inside the labelled chart.
    await page.locator('[data-testid="dues-chart"][data-ready="true"] svg').first().waitFor();
    expect(await page.getByTestId('dues-chart').getAttribute('aria-label')).toMatch(
      /全年应缴 [\d,]+ 元，已收 [\d,]+ 元/,
    );
    await shot(page, 'report-0-dues-chart');

    await openSection(page, '会议');
    await page.getByRole('tab', { name: '合规', exact: true }).click();
    // The 合规 panel's own table: the meeting list's rows (会员大会 too) stay until the tab has switched.
    const compliance = page.getByRole('tabpanel', { name: '合规', exact: true });
    let desksHeld = 0;
    for (const body of ['会员大会', '理事会', '常务理事会']) {
      const row = compliance
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: body, exact: true }) });
      await row.waitFor();
      // 本年召开 is the fourth column.
      desksHeld += Number(await row.getByRole('cell').nth(3).innerText());
    }

    // 首页 → 年度报告 (the sidebar keeps its eight entries).
    await openSection(page, '首页');
    await page.getByRole('tab', { name: '年度报告', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '年度报告', exact: true }).waitFor();
    const started = Date.now();
    await page.getByTestId('stat-members').waitFor();
    const openMs = Date.now() - started;
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem').count()).toBe(8);
    expect(await page.getByLabel('年度', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('截止日期', { exact: true }).inputValue()).toBe(asOf);

    const statusTable = page.getByTestId('table-members-by-status');
    const activeRow = statusTable
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '正式会员', exact: true }) });
    const reportActive = Number((await activeRow.getByRole('cell').nth(2).innerText()).replace(/,/g, ''));
    expect(reportActive).toBe(rosterActive);
    expect(reportActive).toBe(x.endByStatus.active);
    expect(await statValue(page, 'arrears')).toBe(desksArrears);
    expect(desksArrears).toBe(x.arrears);
    expect(await statValue(page, 'meetings')).toBe(desksHeld);
    expect(desksHeld).toBe(Object.values(x.meetingsHeld).reduce((a, b) => a + b, 0));
    expect(await statValue(page, 'members')).toBe(x.endTotal);
    expect(await statValue(page, 'due')).toBe(x.due);
    expect(await statValue(page, 'collected')).toBe(x.collected);

    // Three charts, drawn by ECharts (SVG), each with its figures in its accessible name; one section per tab.
    for (const [tab, id] of [
      ['会员情况', 'chart-members'],
      ['会费收缴情况', 'chart-dues'],
      ['会议情况', 'chart-attendance'],
    ] as const) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.locator(`[data-testid="${id}"][data-ready="true"] svg`).first().waitFor();
      await shot(page, `report-1-${id}`);
    }
    expect(await page.getByTestId('chart-dues').getAttribute('aria-label')).toContain(
      `逾期欠缴 ${desksArrears.toLocaleString('en-US')} 元`,
    );
    await shot(page, 'report-1-view');

    // Word: the title, each section, the figures, tables with repeated header rows.
    const docx = await exported(page, '导出 Word', 'annual-report.docx');
    const xml = await documentXml(docx);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`中国网络安全产业联盟秘书处${year}年度工作报告（统计部分）`);
    for (const h of [
      '一、会员情况',
      '二、会费收缴情况',
      '三、会议情况',
      '四、专项行动',
      '五、发文情况',
      '六、联盟活动',
    ])
      expect(text).toContain(h);
    expect(text).toContain(`联盟共有会员单位 ${x.endTotal} 家`);
    expect(text).toContain(`其中已逾期欠缴 ${desksArrears.toLocaleString('en-US')} 元`);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');

    // Excel: one sheet per table, the as-of date in each sheet's first row.
    const xlsx = await exported(page, '导出 Excel', 'annual-report.xlsx');
    const wb = XLSX.read(xlsx, { type: 'buffer' });
    expect(wb.SheetNames.length).toBeGreaterThanOrEqual(20);
    for (const name of wb.SheetNames) {
      const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[name]!, { header: 1 });
      expect(String(rows[0]?.[0])).toContain(`截至 ${asOf}`);
    }
    const status = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['会员按状态']!, { header: 1 });
    expect(status.find((r) => r[0] === '正式会员')?.[2]).toBe(rosterActive);
    const byTier = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['会费按级别']!, { header: 1 });
    expect(byTier.find((r) => r[0] === '合计')?.[5]).toBe(desksArrears);

    // Another year: the as-of date follows (31 December of a past year).
    await select(page, '年度').pick(`${year - 1} 年`);
    await page.waitForFunction(
      (v) => (document.getElementById('report-asof') as HTMLInputElement | null)?.value === v,
      `${year - 1}-12-31`,
    );
    await page.getByText(`统计期间：${year - 1} 年全年`).waitFor();
    await shot(page, 'report-2-last-year');

    console.log(`年度报告 opened in ${openMs} ms (300 members)`);
    expect(errors).toEqual([]);
  });
});
