/**
 * Renders documents with LibreOffice (scripts/render-docx.mjs, one soffice run for all of them) and checks
 * page size and page count with pdfinfo / pdftotext. Skipped, and says so, where soffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SUNSHINE_SEED_ATTACHMENTS,
  SUNSHINE_SEED_NOTICE,
  buildCertificate,
  buildDuesNotice,
  buildNoticeWithAttachments,
  buildSignInSheet,
} from '../../../shared/documents';
import { CERTS, DUES, MEMBERS, OPTIONS, STANDING_MEETING } from './fixtures';

const has = (cmd: string) => spawnSync('which', [cmd]).status === 0;
const haveTools = has('soffice') && has('pdfinfo') && has('pdftotext');
const SKIP = haveTools ? '' : ' (skipped: soffice, pdfinfo or pdftotext not on PATH)';

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

function pageText(pdf: string, page: number): string {
  return spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  }).stdout.replace(/\s+/g, '');
}

describe('LibreOffice rendering', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-render-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!haveTools)(
    `renders the seed notice with its attachments, a certificate and a sign-in sheet${SKIP}`,
    async () => {
      const files = {
        notice: await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS),
        certificate: await buildCertificate(CERTS[0]!),
        'sign-in': await buildSignInSheet({ meeting: STANDING_MEETING, entitled: MEMBERS }),
      };
      const inputs = Object.entries(files).map(([name, bytes]) => {
        const file = path.join(dir, `${name}.docx`);
        writeFileSync(file, bytes);
        return file;
      });
      const run = spawnSync('node', ['scripts/render-docx.mjs', ...inputs, dir, '--no-png'], {
        encoding: 'utf8',
        timeout: 110_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const pdf = (name: string) => path.join(dir, `${name}.pdf`);

      // Notice: A4 portrait; its own pages, then 附件1 (the form, one page) and 附件2 each from a new page.
      const notice = pdfInfo(pdf('notice'));
      expect(notice.width).toBeCloseTo(595.3, 0);
      expect(notice.height).toBeCloseTo(841.9, 0);
      const starts = Array.from({ length: notice.pages }, (_, i) => pageText(pdf('notice'), i + 1));
      const p1 = starts.findIndex((t) => t.startsWith('附件1'));
      const p2 = starts.findIndex((t) => t.startsWith('附件2'));
      expect(p1).toBeGreaterThanOrEqual(1);
      expect(p2).toBe(p1 + 1);
      expect(notice.pages).toBeGreaterThanOrEqual(p2 + 1);
      expect(notice.pages).toBeLessThanOrEqual(p2 + 2);
      expect(starts[0]).toContain('关于征集“网络安全服务阳光行动”成员单位的通知');
      expect(starts[p1 - 1]).toContain('中国网络安全产业联盟秘书处2022年9月16日');

      // Certificate: one A4 landscape page.
      const cert = pdfInfo(pdf('certificate'));
      expect(cert.pages).toBe(1);
      expect(cert.width).toBeCloseTo(841.9, 0);
      expect(cert.height).toBeCloseTo(595.3, 0);

      // Sign-in sheet: 40 members over several pages, the header row repeated on each.
      const signIn = pdfInfo(pdf('sign-in'));
      expect(signIn.pages).toBeGreaterThanOrEqual(2);
      expect(signIn.width).toBeCloseTo(595.3, 0);
      for (let p = 1; p <= signIn.pages; p++) {
        const text = pageText(pdf('sign-in'), p);
        for (const head of ['序号', '单位名称', '会员代表', '签名']) expect(text).toContain(head);
      }
      expect(pageText(pdf('sign-in'), signIn.pages)).toContain('示例网络安全科技有限公司第40分公司');
    },
    120_000,
  );

  it.skipIf(!haveTools)(
    `keeps a dues notice with a payment statement, a half-year note and a two-line addressee on one page${SKIP}`,
    async () => {
      const file = path.join(dir, 'dues-paid.docx');
      writeFileSync(
        file,
        await buildDuesNotice(
          {
            ...DUES[1]!,
            unitName: '北京示例网络安全技术股份有限公司第一分公司北京示例网络安全技术股份有限公司',
            paid: 1000,
            outstanding: 1500,
          },
          { bank: OPTIONS.bank },
        ),
      );
      const run = spawnSync('node', ['scripts/render-docx.mjs', file, dir, '--no-png'], {
        encoding: 'utf8',
        timeout: 110_000,
      });
      expect(run.status).toBe(0);
      const pdf = path.join(dir, 'dues-paid.pdf');
      expect(pdfInfo(pdf).pages).toBe(1);
      const text = pageText(pdf, 1);
      expect(text).toContain('已缴纳1,000元，尚欠1,500元。');
      expect(text).toContain('如已缴纳，请忽略本通知。');
      expect(text).toContain('中国网络安全产业联盟秘书处2025年7月21日');
    },
    120_000,
  );
});
