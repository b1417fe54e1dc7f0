/**
 * Issue 13, point 6, in Chromium: a zip-bomb backup chosen in 设置 → 备份 (and a bomb .xlsx chosen in
 * 导入会员名册) is refused with a Chinese message while the window stays responsive — the file is
 * opened in a Worker, and inflation stops at the cap. Before: a 4.2 MB backup inflating to 4 GiB froze
 * the window for 67 s before its refusal; a 1.5 MB .xlsx inflating to 1.4 GB crashed the tab.
 */
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { daysFromToday, dialog, it, openSection, readRows, select, setDate, shot } from './support';
import { buildSunshineApplicationForm } from '../../shared/documents';

const MB = 1024 * 1024;

/** A zip streamed in chunks: `name` is `total` bytes of spaces (deflated ~1000:1), plus small files. */
function bombZip(small: Record<string, Uint8Array>, name: string, total: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [n, data] of Object.entries(small)) {
    const f = new ZipDeflate(n, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  const big = new ZipDeflate(name, { level: 6 });
  zip.add(big);
  const chunk = new Uint8Array(16 * MB).fill(0x20);
  for (let done = 0; done < total; done += chunk.length) big.push(chunk, done + chunk.length >= total);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Sets the declared uncompressed size of the named entry in the central directory to `size`. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const len = dv.getUint16(i + 28, true);
    if (new TextDecoder().decode(zip.subarray(i + 46, i + 46 + len)) === name)
      dv.setUint32(i + 24, size, true);
  }
  return zip;
}

/** Starts a 50 ms interval in the page recording when it fires (a frozen window records nothing). */
async function startTicking(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __ticks: number[] };
    w.__ticks = [];
    setInterval(() => w.__ticks.push(performance.now()), 50);
  });
}

/** The longest gap between ticks so far (ms). */
function longestGap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = (window as unknown as { __ticks: number[] }).__ticks;
    let max = 0;
    for (let i = 1; i < t.length; i++) max = Math.max(max, t[i]! - t[i - 1]!);
    return max;
  });
}

/**
 * 设置: chooses `file` with the button `button` while the page ticks and waits (60 s at most) for `refusal`;
 * gives how long that took from the choice and the longest gap between ticks.
 */
async function refusedInSettings(
  page: Page,
  button: string,
  file: string,
  refusal: Locator,
): Promise<{ took: number; gap: number }> {
  await openSection(page, '设置');
  await startTicking(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const t0 = Date.now();
  await chooser.setFiles(file);
  await refusal.waitFor({ timeout: 60_000 });
  const took = Date.now() - t0;
  return { took, gap: await longestGap(page) };
}

describe('hostile files in the window (issue 13)', () => {
  it('a zip-bomb backup is refused in Chinese and the window keeps running during the parse', async ({
    launch,
  }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-hostile-'));
    // The manifest says database.json is 290 MB (under the 300 MB cap), its headers say nothing
    // useful, and it inflates to 400 MB: the worker inflates up to the manifest's size, then refuses.
    const manifest = {
      format: 'secretariat-desk-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: 2,
      createdAt: '2026-11-21T00:00:00.000Z',
      counts: { members: 1 },
      sha256: '0'.repeat(64),
      bytes: 290 * MB,
    };
    // Its central directory says database.json is 1,000 bytes: only the running count can stop it.
    const bomb = lieAboutSize(
      bombZip({ 'manifest.json': strToU8(JSON.stringify(manifest)) }, 'database.json', 400 * MB),
      'database.json',
      1000,
    );
    const bombPath = path.join(dir, '炸弹备份.zip');
    writeFileSync(bombPath, bomb);
    expect(statSync(bombPath).size).toBeLessThan(2 * MB);

    const { page, errors } = await launch();
    const { took, gap } = await refusedInSettings(
      page,
      '从备份恢复',
      bombPath,
      page.getByText('备份内容与清单不符：解压后超过清单所记的', { exact: false }),
    );
    // The page answers while the worker inflates (was frozen for 67 s).
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(gap).toBeLessThan(1000);
    console.info(`bomb backup: refused after ${took} ms, longest main-thread gap ${Math.round(gap)} ms`);
    await shot(page, 'hostile-1-bomb-backup');
    expect(errors).toEqual([]);
  });

  it('an .xlsx bomb chosen in 导入会员名册 is refused in Chinese, and the tab survives', async ({
    launch,
  }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-hostile-'));
    const ws = XLSX.utils.aoa_to_sheet([
      ['单位名称', '统一社会信用代码'],
      ['甲公司', '91110108MA00000010'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名册');
    const real = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const files = unzipSync(real);
    delete files['xl/worksheets/sheet1.xml'];
    const bomb = lieAboutSize(
      bombZip(files, 'xl/worksheets/sheet1.xml', 160 * MB),
      'xl/worksheets/sheet1.xml',
      2000,
    );
    const bombPath = path.join(dir, '名册.xlsx');
    writeFileSync(bombPath, bomb);

    const { page, errors } = await launch();
    const { took, gap } = await refusedInSettings(
      page,
      '导入会员名册',
      bombPath,
      page.getByText('解压后超过 80 MB', { exact: false }).first(),
    );
    console.info(`bomb xlsx: refused after ${took} ms, longest main-thread gap ${Math.round(gap)} ms`);
    expect(gap).toBeLessThan(1000);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await shot(page, 'hostile-2-bomb-xlsx');
    expect(errors).toEqual([]);
  });

  it('a received Word form is read in a worker: a real one fills the form, 160,000 unclosed rows do not freeze the window', async ({
    demoPage: page,
    errors,
  }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-hostile-'));
    const members = await readRows<{ name: string; status: string }>(page, 'members');
    const name = members.find((m) => m.status === 'active')!.name;
    await openSection(page, '专项行动');
    await page.getByRole('button', { name: '新建专项行动', exact: true }).click();
    const form = dialog(page, '新建专项行动');
    await form.field('名称', { exact: true }).fill('网络安全服务阳光行动');
    await form.field('证书编号前缀').fill('YGXD');
    const deadline = daysFromToday(30);
    await setDate(form.field('截止日期'), deadline);
    await form.field('征集年度').fill(deadline.slice(0, 4));
    await form.ok();
    await page.getByRole('heading', { level: 1, name: '网络安全服务阳光行动' }).waitFor();
    const unit = select(page, '会员单位');
    await unit.pick(name, { search: name });
    await unit.close();
    await page.getByRole('button', { name: '登记申请', exact: true }).click();
    await page.getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: `${name} 申请材料`, exact: true }).click();
    const drawer = dialog(page, `${name} — 申请材料`);
    await drawer.waitFor();

    const upload = async (file: string) => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        drawer.getByRole('button', { name: '上传 Word 文件' }).click(),
      ]);
      await chooser.setFiles(file);
    };

    // A real filled form: read back in the worker, fields filled — a long value whole, from the rows the paper
    // continues it in (「网络安全服务内容（续）」; only the first row's 6 of 40 lines came back before).
    const filled = path.join(dir, '申请表.docx');
    const long = Array.from({ length: 40 }, (_, i) => `${i + 1}. 安全运维、应急响应（来自 Word）`).join('\n');
    writeFileSync(filled, await buildSunshineApplicationForm({ unitName: name, serviceContent: long }));
    await upload(filled);
    await page
      .getByText('已从 Word 申请表读取 2 项，其中 1 项与现有内容不同（网络安全服务内容），请核对后保存申请表')
      .waitFor({ timeout: 30_000 });
    expect(await drawer.getByLabel('网络安全服务内容', { exact: true }).inputValue()).toBe(long);
    // The same file again: not stored twice; nothing differs, nothing is overwritten.
    await upload(filled);
    await page
      .getByText(/这个文件与 \d{4}-\d{2}-\d{2} 收到的「申请表.docx」内容相同，已保存过，未重复保存/)
      .waitFor();
    await page.getByText('已从 Word 申请表读取 2 项，与现有内容相同').waitFor({ timeout: 30_000 });
    await expect.poll(() => drawer.getByText('申请表.docx', { exact: true }).count()).toBe(1);
    // What was read is not saved yet: closing the drawer asks first (继续填写 keeps it).
    await drawer.getByRole('button', { name: '关闭', exact: true }).click();
    const discard = page.getByRole('dialog').filter({ hasText: '放弃填写的内容？' });
    await discard.getByRole('button', { name: '继续填写' }).click();
    await discard.waitFor({ state: 'detached' });
    expect(await drawer.getByLabel('网络安全服务内容', { exact: true }).inputValue()).toBe(long);

    // 160,000 unclosed rows in a ~1 KB file (froze the window 21.7 s): saved, read in one pass, no freeze.
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const hostile = path.join(dir, '异常申请表.docx');
    writeFileSync(
      hostile,
      zipSync(
        {
          '[Content_Types].xml': strToU8('<Types/>'),
          'word/document.xml': strToU8(`<w:document ${W}><w:body><w:tbl>` + '<w:tr>'.repeat(160_000)),
        },
        { level: 9 },
      ),
    );
    expect(statSync(hostile).size).toBeLessThan(4096);
    await startTicking(page);
    await upload(hostile);
    await page.getByText('已保存：异常申请表.docx').waitFor({ timeout: 30_000 });
    await page
      .getByText('未从这个 Word 文件中读到申请表内容，请对照文件手工填写')
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const gap = await longestGap(page);
    console.info(`hostile docx: longest main-thread gap ${Math.round(gap)} ms`);
    expect(gap).toBeLessThan(1000);
    await shot(page, 'hostile-3-docx');
    expect(errors).toEqual([]);
  });
});
