/**
 * 会费缴纳通知 (dues notices), one per member: this module maps the ledger rows (R-D1 … R-D5 facts from the
 * engine) to the shared dues-notice builder (shared/documents, GB/T 9704-2012 layout, R-W2). A batch is either
 * one .docx with each notice in its own section (starting on a new page) or a zip of one .docx per member.
 */
import { fileNamePart } from '../../../../shared/data/fileName';
import { ZipWriter as JSZip } from '../../io/zipWriter';
import {
  buildDuesNotice,
  buildDuesNoticesBatch,
  type DocOptions,
  type DuesNoticeInput,
} from '../../../../shared/documents';
import type { LedgerRow } from './ledger';
import type { BankSetting } from '../../records/settings';
import type { ExportOptions } from '../settings/exportOptions';

export interface DuesNoticeContext {
  year: number;
  /** Date printed under the issuer and used for "截至 …". */
  date: string;
  bank: BankSetting;
  /** The clerk's 公文设置 (font scheme), from documentOptionsFromSettings. */
  options: ExportOptions;
}

/** One member's notice from its ledger row: amount, due date and what has been paid by `ctx.date`. */
export function duesNoticeOf(row: LedgerRow, ctx: DuesNoticeContext): DuesNoticeInput {
  return {
    unitName: row.name,
    tier: row.tier,
    year: ctx.year,
    amount: row.amount,
    // R-D4: a member approved on or after 1 July pays half; an override (R-D5) is its own amount.
    ...(row.halved && !row.override ? { note: '按半年计收' } : {}),
    dueDate: row.dueOn,
    paid: row.paid,
    outstanding: row.outstanding,
    date: ctx.date,
  };
}

/** The builder's options: the 公文设置 and the bank details of the settings. */
export function duesDocOptions(ctx: DuesNoticeContext): DocOptions {
  return {
    ...ctx.options,
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
  const total = rows.length + 1;
  const bytes = await buildDuesNoticesBatch(
    rows.map((row) => duesNoticeOf(row, ctx)),
    duesDocOptions(ctx),
    async (done) => {
      onProgress?.(done, total);
      if (done % 50 === 0) await tick();
    },
  );
  onProgress?.(total, total);
  return bytes;
}

/** A zip with one .docx per member: `<year>年度会费缴纳通知-<单位名称>.docx`. */
export async function buildDuesNoticesZip(
  rows: readonly LedgerRow[],
  ctx: DuesNoticeContext,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const options = duesDocOptions(ctx);
  const zip = new JSZip();
  const total = rows.length + 1;
  for (const [i, row] of rows.entries()) {
    zip.file(
      `${ctx.year}年度会费缴纳通知-${fileNamePart(row.name, 80)}.docx`,
      await buildDuesNotice(duesNoticeOf(row, ctx), options),
    );
    onProgress?.(i + 1, total);
    await tick();
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  onProgress?.(total, total);
  return out;
}
