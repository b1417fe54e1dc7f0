/**
 * 专项行动 desk (issue 7, R-P1..R-P3) on the demo dataset: create the programme, enrol two members (a
 * member that left is refused), tick the four receipts, approve one, issue and batch-export its certificate,
 * and find the issue in the 发文 register as a 证书批次 (R-W1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newProfile, openSection, shot, loadDemoData } from './browser';

const OUT = path.resolve('test-results/programmes');

interface MemberRow {
  id: number;
  name: string;
  status: string;
}

function isoPlusDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function readMembers(page: Page): Promise<MemberRow[]> {
  return page.evaluate(
    () =>
      new Promise<MemberRow[]>((resolve, reject) => {
        const req = indexedDB.open('secretariat-desk');
        req.onsuccess = () => {
          const all = req.result.transaction('members', 'readonly').objectStore('members').getAll();
          all.onsuccess = () => {
            resolve((all.result as MemberRow[]).map((m) => ({ id: m.id, name: m.name, status: m.status })));
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

async function pickMember(page: Page, name: string): Promise<void> {
  const input = page.getByLabel('会员单位', { exact: true });
  await input.click();
  await input.fill(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await page.keyboard.press('Escape');
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
  let context: BrowserContext | null = null;
  afterEach(async () => {
    await context?.close();
    context = null;
  });

  it('programme, enrolments, receipts, review and certificate export (R-P1, R-P2, R-P3)', async () => {
    const s = await launch(newProfile());
    context = s.context;
    const { page } = s;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loadDemoData(page);
    const members = await readMembers(page);
    const active = members.filter((m) => m.status === 'active');
    const left = members.find((m) => m.status === 'withdrawn' || m.status === 'expelled');
    const a = active[3] as MemberRow;
    const b = active[4] as MemberRow;
    expect(a && b).toBeTruthy();

    await openSection(page, '专项行动');
    await page.getByRole('heading', { level: 1, name: '专项行动', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).waitFor();
    expect(await dialog.getByLabel('名称', { exact: true }).inputValue()).toBe('网络安全服务阳光行动');
    await dialog.getByLabel('简介').fill('规范网络安全服务行业行为，提高网络安全服务供给质量。');
    const deadline = isoPlusDays(30);
    const deadlineInput = dialog.getByLabel('截止日期');
    await deadlineInput.click();
    await deadlineInput.fill(deadline);
    await deadlineInput.press('Enter');
    await dialog.getByLabel('征集年度').fill(deadline.slice(0, 4));
    await shot(page, 'programmes-1-new');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
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

    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出证书（合并为一个 Word 文件）', exact: true }).click(),
    ])) as [Download, unknown];
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'certificates.docx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(`YGXD-${year}-001`);
    expect(xml).toContain(a.name.replace(/&/g, '&amp;'));

    // The applicant's materials and the form pre-filled from the registry.
    await page.getByRole('button', { name: `${a.name} 申请材料`, exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('单位名称').waitFor();
    expect(await drawer.getByLabel('单位名称').inputValue()).toBe(a.name);
    await drawer.getByLabel('网络安全服务内容').fill('安全运维、安全咨询');
    await drawer.getByRole('button', { name: '保存申请表', exact: true }).click();
    await page.getByText('申请表已保存').waitFor();
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
    expect(await listed.innerText()).toContain(a.name);
    expect(await listed.innerText()).toContain('有效');
    await shot(page, 'programmes-5-register-batch');
    const [batchDownload] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word', exact: true }).click(),
    ])) as [Download, unknown];
    const batchFile = path.join(OUT, 'certificate-batch.docx');
    await batchDownload.saveAs(batchFile);
    const batchBytes = readFileSync(batchFile);
    const batchXml =
      (await (await JSZip.loadAsync(batchBytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(batchXml).toContain(`YGXD-${year}-001`);
    const sha = createHash('sha256').update(batchBytes).digest('hex');
    await page.getByText(sha).waitFor();
    await page.getByRole('button', { name: '返回登记簿', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '发文', exact: true }).waitFor();
    expect(await entry.innerText()).toContain(sha.slice(0, 12));
    // (The settings desk's browser-mode backup notice is another desk's; not an error of this one.)
    expect(errors.filter((e) => !e.includes('自动备份'))).toEqual([]);
  });
});
