/**
 * 会费缴纳通知 (charter art. 32, R-D1..R-D5): the amount is printed as computed by the caller, with its note;
 * bank details and contact come from the options; batches restart page numbers for each member.
 */
import { describe, expect, it } from 'vitest';
import { buildDuesNotice, buildDuesNoticesBatch, duesNoticeInput } from '../../../shared/documents';
import { DUES, OPTIONS } from './fixtures';
import { documentXml, filledParagraphs, paragraphTexts } from './ooxml';

describe('dues notice', () => {
  it('prints unit, tier, year, amount in figures and capitals, due date, bank details and contact', async () => {
    const texts = await filledParagraphs(await buildDuesNotice(DUES[0]!, OPTIONS));
    expect(texts).toEqual([
      '关于缴纳 2025 年度会费的通知',
      'CCIA 秘[2025]003 号',
      '北京示例网络安全技术有限公司：',
      '根据《中国网络安全产业联盟章程》第三十二条，现将贵单位 2025 年度会费缴纳事项通知如下：',
      '一、会费金额',
      '贵单位为联盟会员单位，2025 年度应缴纳会费人民币 5,000 元（大写：伍仟元整）。',
      '二、缴纳时间及方式',
      '请于 2025 年 1 月 31 日前通过银行转账缴纳，汇款用途请注明“单位名称＋2025 年度会费”。',
      '户名：中国网络安全产业联盟',
      '开户行：中国工商银行北京安定门支行',
      '账号：0200 0000 0000 0000 000',
      '联系人：周梦妍　联系方式：010-64102639',
      '邮箱：cciahyz@china-cia.org.cn',
      '中国网络安全产业联盟秘书处',
      '2025 年 1 月 6 日',
    ]);
  });

  it('prints the caller’s amount and note for a half year (R-D4) without recomputing it', () => {
    const body = duesNoticeInput(DUES[1]!, OPTIONS).body;
    expect(body).toContain('2025 年度应缴纳会费人民币 2,500 元（大写：贰仟伍佰元整），按半年计收。');
    expect(body).toContain('请于 2025 年 8 月 20 日前');
    const director = duesNoticeInput({ ...DUES[0]!, tier: 'chair', amount: 30000 }, OPTIONS).body;
    expect(director).toContain(
      '贵单位为联盟理事长单位，2025 年度应缴纳会费人民币 30,000 元（大写：叁万元整）。',
    );
  });

  it('states what has been paid as of a date when the caller gives it (from the ledger)', () => {
    const line = (d: Partial<(typeof DUES)[number]>) =>
      duesNoticeInput({ ...DUES[0]!, ...d }, OPTIONS).body.split('\n')[2];
    expect(line({ paid: 2000, outstanding: 3000 })).toBe(
      '贵单位为联盟会员单位，2025 年度应缴纳会费人民币 5,000 元（大写：伍仟元整）。截至 2025 年 1 月 6 日，已缴纳 2,000 元，尚欠 3,000 元。',
    );
    expect(line({ paid: 1000, asOf: '2025-02-10' })).toContain(
      '截至 2025 年 2 月 10 日，已缴纳 1,000 元，尚欠 4,000 元。',
    );
    expect(line({ paid: 0 })).toContain('。截至 2025 年 1 月 6 日，尚未收到贵单位该年度会费。');
    expect(line({})).not.toContain('截至');
    // With a payment statement and no contact block, the notice ends with what to do after paying.
    const closing = '缴费后请将汇款凭证发送至联盟秘书处，秘书处收款后开具收据；如已缴纳，请忽略本通知。';
    const body = (d: Partial<(typeof DUES)[number]>, o = OPTIONS) =>
      duesNoticeInput({ ...DUES[0]!, ...d }, o).body.split('\n');
    expect(body({ paid: 0 }, { bank: OPTIONS.bank }).at(-1)).toBe(closing);
    expect(body({ paid: 0 })).not.toContain(closing); // the contact block takes its place
    expect(body({}, { bank: OPTIONS.bank })).not.toContain(closing);
  });

  it('leaves the bank lines to fill in when the settings have none', () => {
    const body = duesNoticeInput(DUES[0]!, undefined).body.split('\n');
    expect(body).toContain('户名：');
    expect(body).toContain('开户行：');
    expect(body).toContain('账号：');
    expect(body.some((l) => l.startsWith('联系人'))).toBe(false);
  });

  it('puts a batch in one file, a section per member with page numbers restarting at 1', async () => {
    const doc = await documentXml(await buildDuesNoticesBatch(DUES, OPTIONS));
    const sections = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    // Duplex by default: each later notice from an odd page (Word and WPS insert a blank page when needed).
    expect(sections[0]).not.toContain('oddPage');
    expect(sections[1]).toContain('<w:type w:val="oddPage"/>');
    const simplex = await documentXml(await buildDuesNoticesBatch(DUES, { ...OPTIONS, duplex: false }));
    expect(simplex).not.toContain('oddPage');
    // footers are given once; later sections inherit them
    expect(doc.match(/<w:footerReference w:type="default"/g)).toHaveLength(1);
    const texts = paragraphTexts(doc);
    expect(texts).toContain('北京示例网络安全技术有限公司：');
    expect(texts).toContain('杭州示例数据安全有限公司：');
  });

  it('reports progress after each notice of a batch and awaits the callback', async () => {
    const seen: string[] = [];
    await buildDuesNoticesBatch(DUES, OPTIONS, async (done, total) => {
      await Promise.resolve();
      seen.push(`${done}/${total}`);
    });
    expect(seen).toEqual(['1/2', '2/2']);
  });
});
