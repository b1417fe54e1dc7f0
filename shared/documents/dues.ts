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
  docNumber?: string;
  /** 'YYYY-MM-DD' of the notice. */
  date: string;
  issuer?: string;
}

/** Title of a dues notice. */
export function duesNoticeTitle(year: number): string {
  return `关于缴纳 ${Number.isFinite(year) ? Math.trunc(year) : ''} 年度会费的通知`;
}

/** The dues notice as notice input (title, addressee, body with 一、二、 sections). */
export function duesNoticeInput(d: DuesNoticeInput, options: DocOptions | undefined): NoticeInput {
  const year = Number.isFinite(d?.year) ? Math.trunc(d.year) : new Date().getFullYear();
  const amount = Number.isFinite(d?.amount) ? d.amount : 0;
  const tier = TIER_LABEL[d?.tier] ?? TIER_LABEL.member;
  const note = sanitizeLine(d?.note).replace(/^[（(]|[）)]$/g, '');
  const bank = options?.bank;
  const c = options?.contact;
  const lines = [
    `根据《中国网络安全产业联盟章程》第三十二条，现将贵单位 ${year} 年度会费缴纳事项通知如下：`,
    '一、会费金额',
    `贵单位为联盟${tier}，${year} 年度应缴纳会费人民币 ${formatYuan(amount)} 元（大写：${rmbUpper(amount)}）${note ? `，${note}` : ''}。`,
    '二、缴纳时间及方式',
    `请于 ${formatCnDate(d?.dueDate)}前通过银行转账缴纳，汇款用途请注明“单位名称＋${year} 年度会费”。`,
    `户名：${sanitizeLine(bank?.accountName)}`,
    `开户行：${sanitizeLine(bank?.bank)}`,
    `账号：${sanitizeLine(bank?.accountNumber)}`,
  ];
  // Contact without a section heading (keeps a notice on one page with room for the seal).
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
  return { children: noticeContent(duesNoticeInput(d, options), rest), restartNumbering: restart };
}

/** 会费缴纳通知 for one member. */
export async function buildDuesNotice(d: DuesNoticeInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx([duesSection(d, options, false)], options, duesNoticeTitle(d?.year));
}

/**
 * Many dues notices in one file (one section each, page numbers restarting at 1, each from a new page).
 * For one file per member call {@link buildDuesNotice} for each.
 */
export async function buildDuesNoticesBatch(
  list: DuesNoticeInput[],
  options?: DocOptions,
): Promise<Uint8Array> {
  const items = Array.isArray(list) ? list : [];
  const sections = items.map((d, i) => duesSection(d, options, i > 0));
  if (sections.length === 0) sections.push({ children: [] });
  return buildDocx(sections, options, '会费缴纳通知');
}
