/**
 * 会费缴纳通知 (dues notice), one per member (charter art. 32; R-D1..R-D5). The amount is computed by the
 * caller (tier schedule, half year for members approved on or after 1 July, overrides) and printed as given,
 * with the caller's note (e.g. 按半年计收). Bank details come from the settings (options.bank).
 */
import { TIER_LABEL } from '../domain/types';
import type { Tier } from '../domain/types';
import { buildDocx } from './layout';
import type { SectionSpec } from './layout';
import { noticeContent } from './notice';
import type { NoticeInput } from './notice';
import type { DocOptions } from './options';
import { formatCnDate, formatYuan, hasText, rmbUpper, sanitizeLine } from './text';

export interface DuesNoticeInput {
  unitName: string;
  tier: Tier;
  /** Dues year (R-D2: 1 January – 31 December). */
  year: number;
  /** Amount in yuan, already computed (R-D1, R-D4, R-D5). */
  amount: number;
  /** e.g. 按半年计收 (R-D4), or the reason for an override (R-D5). */
  note?: string;
  /** 'YYYY-MM-DD' (R-D2: 31 January; R-D3: one month after approval for a new member). */
  dueDate: string;
  /**
   * Paid so far for the year (from the ledger), stated as of `asOf`: 已缴纳 … 元，尚欠 … 元, or 尚未收到 when
   * 0; without a contact block the notice then ends with what to do after paying and 如已缴纳，请忽略本通知
   * (payments may cross the notice). Omitted: no such statement (a notice sent before anything could be paid).
   */
  paid?: number;
  /** 尚欠 (from the ledger); default amount − paid, not below 0. */
  outstanding?: number;
  /** 'YYYY-MM-DD' the payment statement is made on (截至 …); default the notice date. */
  asOf?: string;
  docNumber?: string;
  /** 'YYYY-MM-DD' of the notice. */
  date: string;
  issuer?: string;
}

/** Title of a dues notice. */
export function duesNoticeTitle(year: number): string {
  return `关于缴纳 ${Number.isFinite(year) ? Math.trunc(year) : ''} 年度会费的通知`;
}

/** 截至 …，已缴纳 … 元，尚欠 … 元。 / 截至 …，尚未收到贵单位该年度会费。 ('' when `paid` is not given). */
function paymentStatement(d: DuesNoticeInput, amount: number): string {
  const paid = d?.paid;
  if (typeof paid !== 'number' || !Number.isFinite(paid)) return '';
  const asOf = `截至 ${formatCnDate(hasText(d.asOf) ? d.asOf : d.date)}，`;
  if (paid <= 0) return `${asOf}尚未收到贵单位该年度会费。`;
  const outstanding =
    typeof d.outstanding === 'number' && Number.isFinite(d.outstanding)
      ? d.outstanding
      : Math.max(0, amount - paid);
  return `${asOf}已缴纳 ${formatYuan(paid)} 元，尚欠 ${formatYuan(outstanding)} 元。`;
}

/** The dues notice as notice input (title, addressee, body with 一、二、 sections). */
export function duesNoticeInput(d: DuesNoticeInput, options: DocOptions | undefined): NoticeInput {
  const year = Number.isFinite(d?.year) ? Math.trunc(d.year) : new Date().getFullYear();
  const amount = Number.isFinite(d?.amount) ? d.amount : 0;
  const tier = TIER_LABEL[d?.tier] ?? TIER_LABEL.member;
  const note = sanitizeLine(d?.note).replace(/^[（(]|[）)]$/g, '');
  const bank = options?.bank;
  const c = options?.contact;
  const statement = paymentStatement(d, amount);
  const lines = [
    `根据《中国网络安全产业联盟章程》第三十二条，现将贵单位 ${year} 年度会费缴纳事项通知如下：`,
    '一、会费金额',
    `贵单位为联盟${tier}，${year} 年度应缴纳会费人民币 ${formatYuan(amount)} 元（大写：${rmbUpper(amount)}）${note ? `，${note}` : ''}。${statement}`,
    '二、缴纳时间及方式',
    `请于 ${formatCnDate(d?.dueDate)}前通过银行转账缴纳，汇款用途请注明“单位名称＋${year} 年度会费”。`,
    `户名：${sanitizeLine(bank?.accountName)}`,
    `开户行：${sanitizeLine(bank?.bank)}`,
    `账号：${sanitizeLine(bank?.accountNumber)}`,
  ];
  // Contact without a section heading (keeps a notice on one page with room for the seal). A notice stating
  // what has been paid and giving no contact says where the voucher goes instead; with a contact block there
  // is no room for both on one page (22 lines, GB/T 9704-2012), and the contact block says whom to ask.
  if (statement !== '' && !hasText(c?.name) && !hasText(c?.phone) && !hasText(c?.email))
    lines.push('缴费后请将汇款凭证发送至联盟秘书处，秘书处收款后开具收据；如已缴纳，请忽略本通知。');
  const contact = [
    hasText(c?.name) ? `联系人：${sanitizeLine(c?.name)}` : '',
    hasText(c?.phone) ? `联系方式：${sanitizeLine(c?.phone)}` : '',
  ]
    .filter((x) => x !== '')
    .join('\u3000');
  if (contact) lines.push(contact);
  if (hasText(c?.email)) lines.push(`邮箱：${sanitizeLine(c?.email)}`);
  return {
    title: duesNoticeTitle(year),
    docNumber: sanitizeLine(d?.docNumber),
    addressee: sanitizeLine(d?.unitName),
    body: lines.join('\n'),
    attachments: [],
    issuer: sanitizeLine(d?.issuer),
    date: sanitizeLine(d?.date),
  };
}

function duesSection(d: DuesNoticeInput, options: DocOptions | undefined, restart: boolean): SectionSpec {
  // The contact block is in the body already; no second one from options.
  const { contact: _contact, ...rest } = options ?? {};
  void _contact;
  return {
    children: noticeContent(duesNoticeInput(d, options), rest),
    restartNumbering: restart,
    // Printed duplex, a notice never starts on the back of another member's (a blank page when needed).
    // Word, WPS and LibreOffice lay this out alike; LibreOffice's plain PDF export leaves the inserted
    // blank pages out, and it inserts them for duplex: false too (a restarted page 1 goes on a right-hand
    // page) — test/unit/documents/duplexRender.test.ts.
    ...(restart && options?.duplex !== false ? { oddPage: true } : {}),
  };
}

/** 会费缴纳通知 for one member. */
export async function buildDuesNotice(d: DuesNoticeInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([duesSection(d, options, false)], options, duesNoticeTitle(d?.year));
}

/**
 * Many dues notices in one file (one section each, page numbers restarting at 1), each from an odd page so
 * that duplex printing never puts two members back to back (`options.duplex: false`: each from the next page).
 * For one file per member call {@link buildDuesNotice} for each.
 */
export async function buildDuesNoticesBatch(
  list: readonly DuesNoticeInput[],
  options?: DocOptions,
  /**
   * Called after each notice is laid out, with (done, total); a returned promise is awaited, so a caller
   * can let its UI breathe between notices of a long batch.
   */
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<Uint8Array> {
  const items = Array.isArray(list) ? list : [];
  const sections: SectionSpec[] = [];
  for (const [i, d] of items.entries()) {
    sections.push(duesSection(d, options, i > 0));
    await onProgress?.(i + 1, items.length);
  }
  if (sections.length === 0) sections.push({ children: [] });
  return buildDocx(sections, options, '会费缴纳通知');
}
