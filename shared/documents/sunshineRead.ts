/**
 * Reading a returned “网络安全服务阳光行动” application form (.docx): the inverse of the form's table in
 * sunshine.ts. In each table row, the cell after a known label is its value; the seed's grey 例：… hints are
 * not values. A long value the desk exported goes on in rows labelled `<label>（续）`: their text is appended
 * to the value, a line break between pieces (the paper cannot tell a cut inside a paragraph from a paragraph
 * break; the desk keeps its own text where the two differ only in line breaks — `receivedFormValues`).
 *
 * The file is untrusted: `word/document.xml` is inflated under a cap (`maxXmlBytes`) and read with the
 * linear tokenizer of shared/data/xml (no regex over the XML), so a small file with a huge or malformed body
 * is refused or read in one pass. Throws DataError for a file that is not a readable Word document. The
 * window calls it through a Worker (renderer/src/io/docxForm.worker.ts). Pure.
 */
import { docxDocumentXml, docxTableRows, MAX_DOCX_XML_BYTES } from '../data/docx';
import {
  SUNSHINE_FORM_FIELDS,
  SUNSHINE_FORM_ROWS,
  continuedLabel,
  type SunshineFormKey,
} from './sunshineFields';

/** A label as compared: without spaces, brackets and colons (a form retyped by the applicant still reads). */
const squash = (s: string) => s.replace(/[\s（）()：:]/g, '');

export function readSunshineForm(
  bytes: Uint8Array,
  maxXmlBytes = MAX_DOCX_XML_BYTES,
): Partial<Record<SunshineFormKey, string>> {
  const xml = docxDocumentXml(bytes, maxXmlBytes);
  const labels = new Map<string, SunshineFormKey>(SUNSHINE_FORM_FIELDS.map((f) => [squash(f.label), f.key]));
  // The paper's labels (the long one with its unit) and their continuation rows.
  for (const r of SUNSHINE_FORM_ROWS) labels.set(squash(r.label), r.key as SunshineFormKey);
  const continued = new Map<string, SunshineFormKey>(
    [...SUNSHINE_FORM_FIELDS, ...SUNSHINE_FORM_ROWS].map((f) => [
      squash(continuedLabel(f.label)),
      f.key as SunshineFormKey,
    ]),
  );
  const isLabel = (text: string) => labels.has(squash(text)) || continued.has(squash(text));
  const out: Partial<Record<SunshineFormKey, string>> = {};
  for (const cells of docxTableRows(xml)) {
    for (let i = 0; i < cells.length - 1; i++) {
      const label = squash(cells[i] ?? '');
      const value = (cells[i + 1] ?? '').trim();
      if (value === '' || value.startsWith('例：') || isLabel(value)) continue;
      const key = labels.get(label);
      if (key !== undefined) {
        if (out[key] === undefined) out[key] = value;
        continue;
      }
      const more = continued.get(label);
      // A continuation goes on the value it continues (one read before it).
      if (more !== undefined && out[more] !== undefined) out[more] = `${out[more]}\n${value}`;
    }
  }
  return out;
}

/** Line breaks as whitespace: two texts that differ only in how their lines break. */
const flowed = (s: string) => s.replace(/\s*\n\s*/g, '').trim();

/**
 * The values a returned form brings to the desk's form: each read value, except where it is the desk's own
 * text with other line breaks (a long value the desk exported, returned unchanged), which keeps the desk's.
 */
export function receivedFormValues(
  read: Partial<Record<SunshineFormKey, string>>,
  current: Partial<Record<SunshineFormKey, string>>,
): { values: Partial<Record<SunshineFormKey, string>>; changed: SunshineFormKey[] } {
  const values: Partial<Record<SunshineFormKey, string>> = {};
  const changed: SunshineFormKey[] = [];
  for (const f of SUNSHINE_FORM_FIELDS) {
    const v = read[f.key];
    if (v === undefined || v === '') continue;
    const mine = current[f.key] ?? '';
    const same = v === mine || flowed(v) === flowed(mine);
    values[f.key] = same ? mine : v;
    if (!same) changed.push(f.key);
  }
  return { values, changed };
}
