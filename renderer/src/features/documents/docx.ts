/**
 * Export of a register document as .docx through the document builders (R-W1, R-W2), made reproducible:
 * the docx library stamps docProps/core.xml with the current time and the zip entries with the current
 * time, so the same final document would give different bytes (and SHA-256) on every export.
 * `reproducible()` rewrites both to the document's 成文日期 (TODO(documents): a fixed-date builder option).
 */
import JSZip from 'jszip';
import { SUNSHINE_SEED_ATTACHMENTS, buildNotice, type DocOptions } from '../../../../shared/documents';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { DEFAULT_ISSUER, templateById } from './logic';

/** Rewrites timestamps inside a .docx (core properties and zip entries) to `date` (YYYY-MM-DD), UTC noon. */
export async function reproducible(bytes: Uint8Array, date: string): Promise<Uint8Array> {
  const when = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '2000-01-01';
  const stamp = `${when}T00:00:00Z`;
  const fixed = new Date(`${when}T12:00:00Z`);
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(src.files).sort();
  for (const name of names) {
    const entry = src.files[name];
    if (!entry || entry.dir) continue;
    if (name === 'docProps/core.xml') {
      const xml = (await entry.async('string'))
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      out.file(name, xml, { date: fixed, createFolders: false });
    } else {
      out.file(name, await entry.async('uint8array'), { date: fixed, createFolders: false });
    }
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

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
    { ...options, ...(tpl?.inlineSunshine ? { attachmentsInline: SUNSHINE_SEED_ATTACHMENTS } : {}) },
  );
  return reproducible(bytes, d.date);
}
