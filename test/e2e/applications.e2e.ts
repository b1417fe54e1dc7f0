import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickToPage,
  countRows,
  download,
  fill,
  fillMemberForm,
  it,
  openDesk,
  openSection,
  otherWriter,
  readRows,
  select,
  shot,
  today,
} from './support';
import { annualDues, creditCodeCheckChar } from '../../shared/charter';
import { axeViolations } from './axe';

const FIRST17 = '91330106MA2H7K8L9';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);
const NAME = '杭州示例数据安全有限公司';

/** Waits until the step's button can be pressed (the previous step's write has come back). */
async function ready(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('button')].some((b) => b.textContent === n && !b.disabled),
    name,
  );
}

describe('入会申请 desk (issue 5, R-M3)', () => {
  it('takes an application through materials → review → council → notify → certificate, and the member appears in the roster', async ({
    page,
    errors,
  }) => {
    await openDesk(page, '入会申请');
    await clickToPage(page, '新建申请', '新建入会申请');
    // Same form and labels as the member form, without 入会日期; tier defaults to 会员单位.
    expect(await page.getByLabel('入会日期').count()).toBe(0);
    await page.locator('.ant-select').filter({ hasText: '会员单位' }).first().waitFor();
    await fill(page, { 单位名称: NAME, 统一社会信用代码: CODE, 注册地: '浙江省杭州市' });
    await select(page, '单位性质').pick('企业');
    await fill(page, {
      主营业务: '数据安全、隐私计算',
      会员代表: '陈静',
      代表手机: '13700137000',
      联系人: '周杰',
      联系人手机: '13600136000',
      邮寄地址: '浙江省杭州市西湖区文三路 100 号',
    });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `入会申请：${NAME}` }).waitFor();

    // The filled application form for the applicant to stamp.
    const form = await download(page, page.getByRole('button', { name: '导出入会申请书' }));
    expect(form.name).toBe(`入会申请书-${NAME}.docx`);

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
    await ready(page, '提交审查意见');
    await page.getByLabel('审查意见').fill('经审查，申请材料齐全，符合入会条件，建议提交常务理事会审议。');
    await review.click();

    // 3. Council approval, with the first-year dues from the engine.
    await page.getByRole('button', { name: '保存审议结果' }).waitFor();
    await ready(page, '保存审议结果');
    await page.getByLabel('决议文号').fill('2026 年第二次常务理事会决议');
    const due = annualDues({ tier: 'member', year: Number(today().slice(0, 4)), approvedOn: today() });
    await page.getByText(`会费：${due.amount} 元，应于 ${due.dueOn} 前交纳`).waitFor();
    await shot(page, 'applications-council');
    await page.getByRole('button', { name: '保存审议结果' }).click();

    // 4. Notify.
    await ready(page, '记录通知');
    await page.getByRole('button', { name: '记录通知' }).click();

    // 5. Certificate: number and .docx export.
    await ready(page, '发放证书并导出');
    const certNo = `CCIA-HY-${today().slice(0, 4)}-0001`;
    await page.getByText(certNo).waitFor();
    const certificate = await download(page, page.getByRole('button', { name: '发放证书并导出' }));
    expect(certificate.name).toBe(`会员证书-${certNo}-${NAME}.docx`);
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
    await fill(page, { 搜索: 'hzsl' });
    await page.getByRole('link', { name: NAME }).waitFor();
    const row = await page
      .getByRole('table', { name: '会员名册' })
      .getByRole('row')
      .filter({ hasText: NAME })
      .innerText();
    expect(row).toContain('正式会员');
    expect(row).toContain(today());
    await page.getByRole('link', { name: NAME }).click();
    await page.getByText(certNo).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('R-M9: a unit expelled last year applying again is refused with the date it may apply from; nothing is saved, and leaving still asks', async ({
    demoPage: page,
    errors,
  }) => {
    const expelled = (
      await readRows<{ name: string; creditCode: string; status: string }>(page, 'members')
    ).find((m) => m.status === 'expelled')!;
    const applications = await countRows(page, 'applications');
    await openDesk(page, '入会申请');
    await clickToPage(page, '新建申请', '新建入会申请');
    await page.locator('.ant-select').filter({ hasText: '会员单位' }).first().waitFor();
    await fillMemberForm(page, {
      单位名称: expelled.name,
      统一社会信用代码: expelled.creditCode,
      注册地: '北京市海淀区',
    });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '起方可重新申请入会（章程第十三条）' }).waitFor();
    expect(await countRows(page, 'applications')).toBe(applications);

    // Refused is not saved: the sidebar asks before the typing is thrown away.
    await page.getByRole('menuitem', { name: '会员' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
    await ask.getByText('新建入会申请有未保存的修改。离开本页，这些修改将丢失。').waitFor();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    expect(await page.getByLabel('单位名称', { exact: true }).inputValue()).toBe(expelled.name);
    expect(errors).toEqual([]);
  });

  it('材料接收 on two workstations: a box ticked on the other shows here, one the clerk changed stays and is named, leaving unsaved asks, and 保存材料 keeps both', async ({
    page,
    errors,
  }) => {
    const name = '宁波示例网络科技有限公司';
    const first17 = '91330201MA2J3K4L5';
    await openDesk(page, '入会申请');
    await clickToPage(page, '新建申请', '新建入会申请');
    await page.locator('.ant-select').filter({ hasText: '会员单位' }).first().waitFor();
    await fillMemberForm(page, {
      单位名称: name,
      统一社会信用代码: first17 + creditCodeCheckChar(first17),
      注册地: '浙江省宁波市',
    });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `入会申请：${name}` }).waitFor();
    type Row = { id: number; unit: { name: string }; materials: Record<string, boolean> };
    const stored = async () => (await readRows<Row>(page, 'applications')).find((a) => a.unit.name === name)!;
    const app = await stored();

    // The clerk ticks 入会申请书 (not saved yet); another workstation saves 单位介绍 and 入会申请书 unticked.
    const materials = page.getByRole('region', { name: '材料接收' });
    await materials.getByLabel('入会申请书（盖章）').check();
    const other = await otherWriter(page);
    await other.update('applications', app.id, {
      materials: { ...app.materials, application: false, introduction: true },
    });
    const intro = materials.getByLabel('单位介绍');
    await page.waitForFunction(
      () =>
        (document.querySelector('input[type=checkbox][id$="introduction"]') as HTMLInputElement | null)
          ?.checked,
    );
    expect(await intro.isChecked()).toBe(true);
    expect(await materials.getByLabel('入会申请书（盖章）').isChecked()).toBe(true);
    const notice = materials.getByRole('alert');
    await notice
      .getByText('刚修改了材料接收情况中你也在修改的：入会申请书（盖章）', { exact: false })
      .waitFor();
    await other.close();

    // Leaving with the tick not saved asks; 继续编辑 keeps it.
    await page.getByRole('menuitem', { name: '会员' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
    await ask.getByText(`${name}的材料接收情况有未保存的修改`, { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await ask.waitFor({ state: 'hidden' });

    await materials.getByRole('button', { name: '保存材料' }).click();
    await page.getByText('已保存材料接收情况').first().waitFor();
    expect((await stored()).materials).toMatchObject({ application: true, introduction: true });
    expect(errors).toEqual([]);
  });
});
