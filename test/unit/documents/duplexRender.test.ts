/**
 * Batch dues notices printed on both sides (issue 15): each notice's section starts on an odd page
 * (`w:sectPr/w:type oddPage`), so no member's notice is printed on the back of another's. Word honours it;
 * this test shows LibreOffice does too — it lays the batch out with its automatically inserted blank pages —
 * when those pages are exported (writer_pdf_Export's IsSkipEmptyPages false). LibreOffice's plain
 * `--convert-to pdf` leaves the automatically inserted blank pages out of the PDF (3 pages for 3 one-page
 * notices, measured with 7.4.7), which is why a default render looks as if the setting were ignored.
 *
 * A LibreOffice limitation this also shows: with `duplex: false` (each notice from the next page, page
 * numbers restarting at 1 — Word prints 3 pages) LibreOffice still inserts the blank pages, because it sets
 * a page numbered 1 (odd) on a right-hand page. Printed from LibreOffice with its blank pages, a simplex
 * batch has blank sheets between the notices; from Word or WPS it has none.
 * Skipped, and says so, where soffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDuesNoticesBatch, type DuesNoticeInput } from '../../../shared/documents';

const has = (cmd: string) => spawnSync('which', [cmd]).status === 0;
const haveTools = has('soffice') && has('pdfinfo') && has('pdftotext');
const SKIP = haveTools ? '' : ' (skipped: soffice, pdfinfo or pdftotext not on PATH)';

const notice = (unitName: string): DuesNoticeInput => ({
  unitName,
  tier: 'member',
  year: 2026,
  amount: 5000,
  dueDate: '2026-03-31',
  paid: 0,
  outstanding: 5000,
  date: '2026-03-01',
});
const BANK = { accountName: '中国网络安全产业联盟', bank: '工商银行', accountNumber: '0200001234567890' };

describe('dues notice batches in LibreOffice: odd-page starts', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dues-duplex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!haveTools)(
    `three one-page notices: 5 pages duplex (blank 2 and 4); blank pages left out by a plain PDF export${SKIP}`,
    async () => {
      const list = [notice('甲公司'), notice('乙公司'), notice('丙公司')];
      writeFileSync(path.join(dir, 'duplex.docx'), await buildDuesNoticesBatch(list, { bank: BANK }));
      writeFileSync(
        path.join(dir, 'simplex.docx'),
        await buildDuesNoticesBatch(list, { bank: BANK, duplex: false }),
      );
      const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
      const convert = (filter: string, out: string) => {
        const run = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--norestore',
            '--convert-to',
            filter,
            '--outdir',
            out,
            path.join(dir, 'duplex.docx'),
            path.join(dir, 'simplex.docx'),
          ],
          { encoding: 'utf8', timeout: 55_000 },
        );
        expect(run.status).toBe(0);
      };
      convert('pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}', dir);
      convert('pdf', path.join(dir, 'plain'));
      rmSync(profile, { recursive: true, force: true });
      const pages = (pdf: string) =>
        Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
      const text = (pdf: string, p: number) =>
        spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
          encoding: 'utf8',
        }).stdout.replace(/\s+/g, '');
      const duplex = path.join(dir, 'duplex.pdf');
      expect(pages(duplex)).toBe(5);
      expect([1, 2, 3, 4, 5].map((p) => text(duplex, p).slice(0, 20))).toEqual([
        expect.stringContaining('关于缴纳2026年度会费的通知'),
        '',
        expect.stringContaining('关于缴纳2026年度会费的通知'),
        '',
        expect.stringContaining('关于缴纳2026年度会费的通知'),
      ]);
      expect(text(duplex, 3)).toContain('乙公司');
      expect(text(duplex, 5)).toContain('丙公司');
      // LibreOffice's parity rule (see above): the simplex batch gets the same blank pages.
      expect(pages(path.join(dir, 'simplex.pdf'))).toBe(5);
      // A plain `--convert-to pdf` leaves the automatically inserted blank pages out.
      expect(pages(path.join(dir, 'plain', 'duplex.pdf'))).toBe(3);
      expect(pages(path.join(dir, 'plain', 'simplex.pdf'))).toBe(3);
    },
    120_000,
  );
});
