/**
 * Export of a register document as .docx through the document builders (R-W1, R-W2), reproducible: the
 * builders' `date` option stamps core.xml and the zip entries with the document's 成文日期 instead of the
 * clock, so the same final document gives the same bytes (and SHA-256) on every export.
 */
import {
  ALLIANCE_NAME,
  SUNSHINE_SEED_ATTACHMENTS,
  buildCertificatesBatch,
  buildNotice,
} from '../../../../shared/documents';
import type { ExportOptions } from '../settings/exportOptions';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { DEFAULT_ISSUER, templateById } from './logic';

/**
 * The .docx of a register document: the notice, with the seed's attachments inline for the 征集通知 template,
 * its 版头 and 版记 when switched on; `options`: the clerk's 公文设置 (font scheme).
 */
export async function documentDocx(d: OutgoingDocument, options: ExportOptions): Promise<Uint8Array> {
  const tpl = templateById(d.template);
  const bytes = await buildNotice(
    {
      title: d.title,
      docNumber: d.status === 'final' || d.status === 'void' ? (d.docNumber ?? '') : '',
      addressee: d.addressee,
      body: d.body,
      attachments: d.attachments,
      issuer: d.issuer || DEFAULT_ISSUER,
      date: d.date,
    },
    {
      ...options,
      date: d.date,
      ...(tpl?.inlineSunshine ? { attachmentsInline: SUNSHINE_SEED_ATTACHMENTS } : {}),
      // 版头 / 版记 as switched on for this document (GB/T 9704-2012 §7.2, §7.4).
      ...(d.letterhead && d.letterhead.mark.trim() !== '' ? { letterhead: { mark: d.letterhead.mark } } : {}),
      ...(d.colophon
        ? {
            colophon: {
              ...(d.colophon.cc ? { cc: d.colophon.cc } : {}),
              ...(d.colophon.printDate ? { printDate: d.colophon.printDate } : {}),
            },
          }
        : {}),
    },
  );
  return bytes;
}

/**
 * The .docx of a 证书批次 entry: its certificates as issued (numbers, unit names as printed, 发证日期 = the
 * entry's date), one per page, stamped with that date so every export gives the same bytes.
 */
export async function certificateBatchDocx(d: OutgoingDocument, options: ExportOptions): Promise<Uint8Array> {
  const batch = d.certificateBatch;
  if (!batch) throw new Error('该发文不是证书批次');
  return buildCertificatesBatch(
    batch.items.map((c) => ({
      kind: batch.kind,
      unitName: c.unitName,
      certificateNo: c.certificateNo,
      issuedOn: d.date,
      issuer: ALLIANCE_NAME,
      ...(batch.programmeName ? { programmeName: batch.programmeName } : {}),
    })),
    { ...options, date: d.date },
  );
}
