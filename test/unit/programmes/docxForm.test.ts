/**
 * Issue 13, point 7: a received Word form is read with a linear XML tokenizer and a capped inflation.
 * The attack: a 1.8 KB .docx whose document.xml has 160,000 unclosed table rows froze the window for
 * 21.7 s under the former lazy regexes (quadratic). Also: the tokenizer's XML handling itself.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readSunshineForm } from '../../../shared/documents/sunshineRead';
import { docxDocumentXml, docxTableRows } from '../../../shared/data/docx';
import { decodeEntities, xmlTokens } from '../../../shared/data/xml';
import { DataError } from '../../../shared/data/errors';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (documentXml: string | Uint8Array, level: 0 | 9 = 9) =>
  zipSync(
    {
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': typeof documentXml === 'string' ? strToU8(documentXml) : documentXml,
    },
    { level },
  );
const cell = (text: string) =>
  `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr><w:p><w:pPr/><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
const body = (inner: string) =>
  `<?xml version="1.0"?><w:document ${W}><w:body><w:tbl>${inner}</w:tbl></w:body></w:document>`;

describe('readSunshineForm against hostile files', () => {
  it('160,000 unclosed rows (a ~2 KB file): read in one pass, fast, nothing taken from them', () => {
    const xml =
      `<w:document ${W}><w:body><w:tbl>` +
      row('单位名称', '甲公司').replace('</w:tr>', '') +
      '<w:tr>'.repeat(160_000);
    const bytes = docx(xml);
    expect(bytes.byteLength).toBeLessThan(4 * 1024);
    const t0 = performance.now();
    const read = readSunshineForm(bytes);
    const ms = performance.now() - t0;
    expect(read).toEqual({});
    expect(ms).toBeLessThan(1500); // was 21.7 s in the window
  });

  it('160,000 unclosed cells inside one row, and unclosed paragraphs: also one pass', () => {
    const xml = body('<w:tr>' + '<w:tc><w:p><w:r><w:t>联系人'.repeat(160_000));
    const t0 = performance.now();
    expect(readSunshineForm(docx(xml))).toEqual({});
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('a document.xml inflating past the cap is refused (DataError), after at most the cap', () => {
    const bomb = docx(new Uint8Array(24 * 1024 * 1024).fill(0x20));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(() => readSunshineForm(bomb, 1024 * 1024)).toThrow(/解压后超过 1 MB/);
    expect(() => readSunshineForm(bomb)).toThrow(/解压后超过 16 MB/); // the real cap
    expect(() => readSunshineForm(bomb)).toThrow(DataError);
  });

  it('not a Word file: refused in Chinese', () => {
    expect(() => readSunshineForm(zipSync({ 'a.txt': strToU8('x') }))).toThrow('缺少 word/document.xml');
    expect(() => readSunshineForm(strToU8('not a zip'))).toThrow(DataError);
  });

  it('reads label → value pairs, skipping hints, from well-formed rows (entities decoded, nested tables)', () => {
    const xml = body(
      row('单位名称', '甲 &amp; 乙 &lt;公司&gt;') +
        row('联系人', '例：张三') +
        row('手机', '13800000000') +
        `<w:tr><w:tc><w:p><w:r><w:t>邮箱</w:t></w:r></w:p></w:tc><w:tc><w:tbl>${row('x', 'y')}</w:tbl><w:p><w:r><w:t>a@b.cn</w:t></w:r></w:p></w:tc></w:tr>`,
    );
    expect(readSunshineForm(docx(xml))).toEqual({
      unitName: '甲 & 乙 <公司>',
      mobile: '13800000000',
      email: 'a@b.cn',
    });
  });
});

describe('the XML tokenizer', () => {
  it('tags, attributes with > in quotes, self-closing tags, comments, CDATA, PIs and doctypes', () => {
    const toks = [
      ...xmlTokens(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><a k="1>2" j=\'<\'><!-- <b> --><b/>t&amp;<![CDATA[<c>]]></a>',
      ),
    ];
    expect(toks).toEqual([
      { type: 'open', name: 'a', selfClosing: false },
      { type: 'open', name: 'b', selfClosing: true },
      { type: 'text', text: 't&' },
      { type: 'text', text: '<c>' },
      { type: 'close', name: 'a' },
    ]);
  });

  it('decodes only predefined and numeric entities (no DTD expansion)', () => {
    expect(decodeEntities('&lt;&#x4E2D;&#25991;&foo;&#0;&#xD800;')).toBe('<中文&foo;');
  });

  it('truncated input ends the stream; stray < is text', () => {
    expect([...xmlTokens('a < b <c')]).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'text', text: '<' },
      { type: 'text', text: ' b ' },
    ]);
    expect([...xmlTokens('<a x="unclosed>')]).toEqual([]);
    expect([...xmlTokens('<!-- never closed')]).toEqual([]);
  });

  it('is linear on pathological input (many unclosed quotes, comments, tags)', () => {
    for (const unit of ['<a x="', '<!--', '<![CDATA[', '<?', '<', '</', '<a ']) {
      const s = unit.repeat(200_000);
      const t0 = performance.now();
      for (const _ of xmlTokens(s)) void _;
      expect(performance.now() - t0, unit).toBeLessThan(1000);
    }
  });

  it('docxDocumentXml and docxTableRows: tabs and breaks, rows in order', () => {
    const xml = body(
      row('a', 'b') +
        '<w:tr><w:tc><w:p><w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/><w:t>z</w:t></w:r></w:p><w:p/></w:tc></w:tr>',
    );
    expect(docxTableRows(docxDocumentXml(docx(xml, 0)))).toEqual([['a', 'b'], ['x y\nz']]);
  });
});
