import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { today as todayIso } from '../../renderer/src/ui/today';
import { launch, newProfile, openSection, shot } from './browser';
import { annualDues, creditCodeCheckChar } from '../../shared/charter';

const FIRST17 = '91330106MA2H7K8L9';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);
const NAME = '杭州示例数据安全有限公司';

async function pickOption(page: Page, label: string, option: string) {
  await page
    .getByRole('combobox')
    .and(page.getByLabel(label, { exact: true }))
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

describe('入会申请 desk (issue 5, R-M3)', () => {
  let context: BrowserContext | null = null;
  afterEach(async () => {
    await context?.close();
    context = null;
  });

  it('takes an application through materials → review → council → notify → certificate, and the member appears in the roster', async () => {
    const s = await launch(newProfile());
    context = s.context;
    const { page } = s;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openSection(page, '入会申请');
    await page.getByRole('heading', { level: 1, name: '入会申请', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建申请', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '新建入会申请' }).waitFor();
    // Same form and labels as the member form, without 入会日期; tier defaults to 会员单位.
    expect(await page.getByLabel('入会日期').count()).toBe(0);
    await page.locator('.ant-select').filter({ hasText: '会员单位' }).first().waitFor();
    await page.getByLabel('单位名称', { exact: true }).fill(NAME);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(CODE);
    await page.getByLabel('注册地', { exact: true }).fill('浙江省杭州市');
    await pickOption(page, '单位性质', '企业');
    await page.getByLabel('主营业务', { exact: true }).fill('数据安全、隐私计算');
    await page.getByLabel('会员代表', { exact: true }).fill('陈静');
    await page.getByLabel('代表手机', { exact: true }).fill('13700137000');
    await page.getByLabel('联系人', { exact: true }).fill('周杰');
    await page.getByLabel('联系人手机', { exact: true }).fill('13600136000');
    await page.getByLabel('邮寄地址', { exact: true }).fill('浙江省杭州市西湖区文三路 100 号');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `入会申请：${NAME}` }).waitFor();

    // The filled application form for the applicant to stamp.
    const [formDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出入会申请书' }).click(),
    ]);
    expect(formDownload.suggestedFilename()).toBe(`入会申请书-${NAME}.docx`);

    // 1. Materials: incomplete materials block the review.
    const materials = page.getByRole('region', { name: '材料接收' });
    await materials.getByLabel('入会申请书（盖章）').check();
    await materials.getByLabel('单位介绍').check();
    await materials.getByRole('button', { name: '保存材料' }).click();
    await page
      .getByText('材料不齐，不能审查：缺少营业执照或统一社会信用代码证复印件、网络安全工作情况书面报告')
      .waitFor();
    expect(await page.getByRole('button', { name: '提交审查意见' }).isDisabled()).toBe(true);
    await shot(page, 'applications-materials-incomplete');
    await materials.getByLabel('营业执照或统一社会信用代码证复印件').check();
    await materials.getByLabel('网络安全工作情况书面报告').check();
    await materials.getByRole('button', { name: '保存材料' }).click();

    // 2. Review.
    const review = page.getByRole('button', { name: '提交审查意见' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '提交审查意见' && !b.disabled),
    );
    await page.getByLabel('审查意见').fill('经审查，申请材料齐全，符合入会条件，建议提交常务理事会审议。');
    await review.click();

    // 3. Council approval, with the first-year dues from the engine.
    await page.getByRole('button', { name: '保存审议结果' }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '保存审议结果' && !b.disabled),
    );
    await page.getByLabel('决议文号').fill('2026 年第二次常务理事会决议');
    const due = annualDues({ tier: 'member', year: Number(todayIso().slice(0, 4)), approvedOn: todayIso() });
    await page.getByText(`会费：${due.amount} 元，应于 ${due.dueOn} 前交纳`).waitFor();
    await shot(page, 'applications-council');
    await page.getByRole('button', { name: '保存审议结果' }).click();

    // 4. Notify.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '记录通知' && !b.disabled),
    );
    await page.getByRole('button', { name: '记录通知' }).click();

    // 5. Certificate: number and .docx export.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '发放证书并导出' && !b.disabled),
    );
    const certNo = `CCIA-HY-${todayIso().slice(0, 4)}-0001`;
    await page.getByText(certNo).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '发放证书并导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`会员证书-${certNo}-${NAME}.docx`);
    await page.getByText('入会手续已办结').waitFor();
    await shot(page, 'applications-done');

    // R-W1: the certificate is in the 发文 register as a 证书批次 of one, with a document number.
    await openSection(page, '发文');
    const entry = page.getByRole('row', { name: /颁发会员证书（1 份）/ });
    await entry.waitFor();
    const entryText = await entry.innerText();
    expect(entryText).toMatch(/CCIA 秘\[\d{4}\]\d{3} 号/);
    expect(entryText).toContain('证书批次');
    expect(entryText).toContain(NAME);
    expect(entryText).toContain('已定稿');

    await openSection(page, '入会申请');
    await page.getByText('已办结').waitFor();
    await shot(page, 'applications-list');

    await openSection(page, '会员');
    await page.getByLabel('搜索', { exact: true }).fill('hzsl');
    await page.getByRole('link', { name: NAME }).waitFor();
    const row = await page
      .getByRole('table', { name: '会员名册' })
      .getByRole('row')
      .filter({ hasText: NAME })
      .innerText();
    expect(row).toContain('正式会员');
    expect(row).toContain(todayIso());
    await page.getByRole('link', { name: NAME }).click();
    await page.getByText(certNo).first().waitFor();
    expect(errors).toEqual([]);
  });
});
