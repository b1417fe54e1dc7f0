/**
 * Export of a register document as .docx through the document builders (R-W1, R-W2), reproducible: the
 * builders' `date` option stamps core.xml and the zip entries with the document's 成文日期 instead of the
 * clock, so the same final document gives the same bytes (and SHA-256) on every export.
 */
import { SUNSHINE_SEED_ATTACHMENTS, buildNotice, type DocOptions } from '../../../../shared/documents';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { DEFAULT_ISSUER, templateById } from './logic';

/** The .docx of a register document: the notice, with the seed's attachments inline for the 征集通知 template. */
export async function documentDocx(d: OutgoingDocument, options: DocOptions = {}): Promise<Uint8Array> {
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
    },
  );
  return bytes;
}
