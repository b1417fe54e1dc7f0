/**
 * 专项行动 desk (issue 7, R-P1..R-P3) on the demo dataset: create the programme, enrol two members (a
 * member that left is refused), tick the four receipts, approve one, issue and batch-export its certificate,
 * and find the issue in the 发文 register as a 证书批次 (R-W1).
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import {
  daysFromToday,
  dialog,
  documentXml,
  download,
  it,
  openDesk,
  openSection,
  otherWriter,
  readRows,
  select,
  setDate,
  shot,
} from './support';

interface MemberRow {
  id: number;
  name: string;
  status: string;
}

/** Picks a unit in the enrolment select (searched by name; the list shows it with its status) and closes it. */
async function pickMember(page: Page, name: string): Promise<void> {
  const unit = select(page, '会员单位');
  await unit.pick(name, { search: name });
  await unit.close();
}

/** Receipt checkboxes are controlled by the database: click, then wait for the write to come back. */
async function tick(page: Page, name: string, label: string): Promise<void> {
  await page.getByLabel(`${name} ${label}`, { exact: true }).click();
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true,
    `input[aria-label="${name} ${label}"]`,
  );
}

describe('专项行动 desk (issue 7)', () => {
  it('programme, enrolments, receipts, review and certificate export (R-P1, R-P2, R-P3)', async ({
    demoPage: page,
    errors,
  }) => {
    const members = await readRows<MemberRow>(page, 'members');
    const active = members.filter((m) => m.status === 'active');
    const left = members.find((m) => m.status === 'withdrawn' || m.status === 'expelled');
    const a = active[3] as MemberRow;
    const b = active[4] as MemberRow;
    expect(a && b).toBeTruthy();

    await openDesk(page, '专项行动');
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const form = dialog(page, '新建专项行动');
    await form.field('名称', { exact: true }).waitFor();
    // A new programme starts empty (issue 16.2): the clerk names it and its certificate prefix.
    expect(await form.field('名称', { exact: true }).inputValue()).toBe('');
    await form.field('名称', { exact: true }).fill('网络安全服务阳光行动');
    await form.field('证书编号前缀').fill('YGXD');
    await form.field('简介').fill('规范网络安全服务行业行为，提高网络安全服务供给质量。');
    const deadline = daysFromToday(30);
    await setDate(form.field('截止日期'), deadline);
    await form.field('征集年度').fill(deadline.slice(0, 4));
    await shot(page, 'programmes-1-new');
    await form.ok();
    await page.getByRole('heading', { level: 1, name: '网络安全服务阳光行动' }).waitFor();
    const [y, mo, d] = deadline.split('-').map(Number);
    await page.getByText(`${y} 年 ${mo} 月 ${d} 日`).first().waitFor();

    // R-P1: members only.
    if (left) {
      await pickMember(page, left.name);
      await page.getByRole('button', { name: '登记申请', exact: true }).click();
      await page.getByText('专项行动仅面向联盟会员单位', { exact: false }).waitFor();
      await shot(page, 'programmes-2-refused');
      await page.getByRole('button', { name: '知道了', exact: true }).click();
    }
    await pickMember(page, a.name);
    await page.getByRole('button', { name: '登记申请', exact: true }).click();
    await page.getByRole('link', { name: a.name, exact: true }).waitFor();
    await pickMember(page, b.name);
    await page.getByRole('button', { name: '邀请', exact: true }).click();
    await page.getByRole('link', { name: b.name, exact: true }).waitFor();

    // R-P2: four receipts for A, one for B.
    for (const label of ['申请表 Word 版', '申请表盖章 PDF', '宣言盖章 PDF', '纸质原件'])
      await tick(page, a.name, label);
    await tick(page, b.name, '申请表 Word 版');
    const overview = page.getByRole('region', { name: '概况' });
    await overview.getByText('材料齐全').waitFor();
    expect(await overview.innerText()).toMatch(/邀请\/登记\s*2[\s\S]*已申请\s*2[\s\S]*材料齐全\s*1/);
    const missing = page.getByRole('region', { name: '截止前缺少的材料' });
    expect(await missing.innerText()).toContain(b.name);
    expect(await missing.innerText()).toContain('距截止还有 30 天');

    // B is incomplete: approval is refused with the engine's message.
    await page.getByRole('button', { name: `${b.name} 通过`, exact: true }).click();
    await page.getByText('尚未收到', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: `${a.name} 通过`, exact: true }).click();
    await page.getByText(`已通过：${a.name}`).waitFor();

    await page.getByRole('button', { name: /^颁发证书/ }).click();
    const year = deadline.slice(0, 4);
    const issuedMsg = page.getByText(new RegExp(`已颁发 1 份证书：YGXD-${year}-001；已登记发文 CCIA`));
    await issuedMsg.waitFor();
    const batchNo = /CCIA 秘\[\d{4}\]\d{3} 号/.exec(await issuedMsg.innerText())?.[0] ?? '';
    expect(batchNo).not.toBe('');
    await shot(page, 'programmes-3-detail');

    const certificates = await download(
      page,
      page.getByRole('button', { name: '导出证书（合并为一个 Word 文件）', exact: true }),
      { saveAs: 'programmes/certificates.docx' },
    );
    const xml = await documentXml(certificates.bytes);
    expect(xml).toContain(`YGXD-${year}-001`);
    expect(xml).toContain(a.name.replace(/&/g, '&amp;'));

    // The applicant's materials and the form pre-filled from the registry.
    await page.getByRole('button', { name: `${a.name} 申请材料`, exact: true }).click();
    const drawer = dialog(page, `${a.name} — 申请材料`);
    await drawer.field('单位名称').waitFor();
    expect(await drawer.field('单位名称').inputValue()).toBe(a.name);
    await drawer.field('网络安全服务内容').fill('安全运维、安全咨询');
    await drawer.ok('保存申请表');
    await page.getByText('申请表已保存').waitFor();
    // A 联系人 entered and saved, then cleared and saved: it shows the member file's again, and the clerk's
    // own save is not named as another workstation's change.
    const contact = drawer.field('联系人', { exact: true });
    const fromFile = await contact.inputValue();
    await contact.fill('申报联系人');
    await drawer.ok('保存申请表');
    await page.getByText('申请表已保存').first().waitFor();
    await page.waitForTimeout(500);
    await contact.fill('');
    await drawer.ok('保存申请表');
    await page.waitForTimeout(1000); // the stored form arrives through the live query
    expect(await contact.inputValue()).toBe(fromFile);
    expect(await drawer.getByRole('alert').filter({ hasText: '其他工作站' }).count()).toBe(0);
    await shot(page, 'programmes-4-drawer');
    await page.keyboard.press('Escape');

    // R-W1: the issue is in the 发文 register as a 证书批次 under its own number; its Word file is the
    // certificates as issued, and the file's SHA-256 goes into the register.
    await openSection(page, '发文');
    const entry = page.getByRole('row', { name: new RegExp(batchNo.replace(/[[\]]/g, '\\$&')) });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('证书批次');
    expect(await entry.getByRole('button', { name: /^作废/ }).count()).toBe(0);
    await entry.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `发文 ${batchNo}` }).waitFor();
    const listed = page
      .getByRole('table', { name: '本批证书' })
      .getByRole('row', { name: new RegExp(`YGXD-${year}-001`) });
    await listed.getByText('有效', { exact: true }).waitFor(); // the certificates' state, once read
    expect(await listed.innerText()).toContain(a.name);
    await shot(page, 'programmes-5-register-batch');
    const batch = await download(page, page.getByRole('button', { name: '导出 Word', exact: true }), {
      saveAs: 'programmes/certificate-batch.docx',
    });
    const batchBytes = batch.bytes;
    const batchXml = await documentXml(batchBytes);
    expect(batchXml).toContain(`YGXD-${year}-001`);
    const sha = createHash('sha256').update(batchBytes).digest('hex');
    await page.getByText(sha).waitFor();
    await page.getByRole('button', { name: '返回登记簿', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '发文', exact: true }).waitFor();
    expect(await entry.innerText()).toContain(sha.slice(0, 12));
    // (The settings desk's browser-mode backup notice is another desk's; not an error of this one.)
    expect(errors.filter((e) => !e.includes('自动备份'))).toEqual([]);
  });

  it('编辑 writes only what the clerk changed: another workstation’s change made while the dialog is open stays', async ({
    page,
    errors,
  }) => {
    await openDesk(page, '专项行动');
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const create = dialog(page, '新建专项行动');
    await create.field('名称', { exact: true }).fill('数据安全专项行动');
    await create.field('证书编号前缀').fill('SJAQ');
    const deadline = daysFromToday(20);
    await setDate(create.field('截止日期'), deadline);
    await create.field('征集年度').fill(deadline.slice(0, 4));
    await create.ok();
    await page.getByRole('heading', { level: 1, name: '数据安全专项行动' }).waitFor();
    const id = (await readRows<{ id: number; name: string }>(page, 'programmes')).find(
      (p) => p.name === '数据安全专项行动',
    )!.id;

    const other = await otherWriter(page);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const edit = dialog(page, '编辑专项行动');
    await edit.field('简介').waitFor();
    await other.update('programmes', id, { description: '另一工作站写的简介' });
    await edit.field('证书编号前缀').fill('SJAQ2');
    await edit.ok();
    await edit.closed();
    await other.close();
    const p = (
      await readRows<{ id: number; description: string; certificatePrefix: string }>(page, 'programmes')
    ).find((x) => x.id === id);
    expect(p).toMatchObject({ description: '另一工作站写的简介', certificatePrefix: 'SJAQ2' });
    expect(errors).toEqual([]);
  });
});
