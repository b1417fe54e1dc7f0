/**
 * 会费缴纳通知 (dues notices), one per member, composed with the documents module's notice builder
 * (GB/T 9704-2012 layout, R-W2). A batch is either one .docx with each notice in its own section (starting
 * on a new page) or a zip of one .docx per member.
 *
 * TODO(documents): shared/documents has no dues-notice builder yet (options.ts already carries `bank` "for
 * dues notices"); when it lands, replace `duesNoticeInput` / `buildDuesNoticesDocx` with it.
 */
import JSZip from 'jszip';
import { buildDocx, type SectionSpec } from '../../../../shared/documents/layout';
import { noticeContent, type NoticeInput } from '../../../../shared/documents/notice';
import { formatCnDate, formatYuan, rmbUpper } from '../../../../shared/documents/text';
import type { DocOptions } from '../../../../shared/documents/options';
import { TIER_LABEL } from '../../../../shared/domain/types';
import type { LedgerRow } from './ledger';
import type { BankSetting } from './writes';

export interface DuesNoticeContext {
  year: number;
  /** Date printed under the issuer and used for "截至 …". */
  date: string;
  bank: BankSetting;
}

/** The text of one member's notice (R-D1 … R-D4 facts from the ledger row). */
export function duesNoticeInput(row: LedgerRow, ctx: DuesNoticeContext): NoticeInput {
  const { year, bank } = ctx;
  // Kept to one page (22 lines, GB/T 9704-2012) so a batch prints one notice per sheet.
  const lines = [
    `根据《中国网络安全产业联盟章程》第三十二条，现将贵单位 ${year} 年度会费缴纳事项通知如下：`,
    '一、应缴会费',
    `贵单位会员级别为${TIER_LABEL[row.tier]}，${year} 年度应缴会费人民币 ${formatYuan(row.amount)} 元（大写：${rmbUpper(row.amount)}），缴纳截止日期为 ${formatCnDate(row.dueOn)}。` +
      (row.paid > 0
        ? `截至 ${formatCnDate(ctx.date)}，已缴纳 ${formatYuan(row.paid)} 元，尚欠 ${formatYuan(row.outstanding)} 元。`
        : `截至 ${formatCnDate(ctx.date)}，尚未收到贵单位该年度会费。`),
    '二、缴费方式',
    `请以银行转账方式缴纳，汇款用途注明“单位名称＋${year} 年会费”。`,
    `户名：${bank.accountName}`,
    `开户行：${bank.bank}`,
    `账号：${bank.accountNo}`,
    '缴费后请将汇款凭证发送至联盟秘书处，秘书处收款后开具收据；如已缴纳，请忽略本通知。',
  ];
  return {
    title: `关于缴纳 ${year} 年度会费的通知`,
    docNumber: '',
    addressee: row.name,
    body: lines.join('\n'),
    attachments: [],
    issuer: '',
    date: ctx.date,
  };
}

function docOptions(ctx: DuesNoticeContext): DocOptions {
  return {
    bank: { accountName: ctx.bank.accountName, bank: ctx.bank.bank, accountNumber: ctx.bank.accountNo },
  };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** One .docx, each member's notice in its own section (a new page), numbered pages restarting per notice. */
export async function buildDuesNoticesDocx(
  rows: readonly LedgerRow[],
  ctx: DuesNoticeContext,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const options = docOptions(ctx);
  const sections: SectionSpec[] = [];
  const total = rows.length + 1;
  for (const [i, row] of rows.entries()) {
    sections.push({ children: noticeContent(duesNoticeInput(row, ctx), options), restartNumbering: true });
    onProgress?.(i + 1, total);
    if (i % 50 === 49) await tick();
  }
  const bytes = await buildDocx(sections, options, `${ctx.year} 年度会费缴纳通知`);
  onProgress?.(total, total);
  return bytes;
}

/** Safe file name part. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
}

/** A zip with one .docx per member: `<year>年度会费缴纳通知-<单位名称>.docx`. */
export async function buildDuesNoticesZip(
  rows: readonly LedgerRow[],
  ctx: DuesNoticeContext,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const options = docOptions(ctx);
  const zip = new JSZip();
  const total = rows.length + 1;
  for (const [i, row] of rows.entries()) {
    const input = duesNoticeInput(row, ctx);
    const bytes = await buildDocx([{ children: noticeContent(input, options) }], options, input.title);
    zip.file(`${ctx.year}年度会费缴纳通知-${fileSafe(row.name)}.docx`, bytes);
    onProgress?.(i + 1, total);
    await tick();
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  onProgress?.(total, total);
  return out;
}
