/**
 * Hostile input never throws and never corrupts a file: XML specials are escaped, emoji kept, characters
 * XML 1.0 forbids removed, 10,000-character and empty fields accepted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildNotice } from '../../../shared/documents';
import { buildNastySamples, HUGE } from './fixtures';
import { paragraphTexts, part, unzip } from './ooxml';

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('robustness', () => {
  // Built once for every test here (each test reads them, in whatever order they run); building them
  // throws if any builder throws on the hostile input.
  let samples: Record<string, Uint8Array>;
  beforeAll(async () => {
    samples = await buildNastySamples();
  }, 60_000);

  it('builds every document from hostile and empty input without throwing', () => {
    for (const [name, bytes] of Object.entries(samples)) {
      expect(bytes, name).toBeInstanceOf(Uint8Array);
      expect(bytes.length, name).toBeGreaterThan(1000);
      // a ZIP package: local file header signature PK\3\4
      expect([...bytes.subarray(0, 4)], name).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  });

  it('writes well-formed XML without forbidden characters, escaping specials and keeping emoji', async () => {
    const xmls: { fileName: string; contents: string }[] = [];
    for (const [name, bytes] of Object.entries(samples)) {
      const zip = await unzip(bytes);
      expect(zip.file('[Content_Types].xml'), name).not.toBeNull();
      const doc = await part(zip, 'word/document.xml');
      expect(FORBIDDEN.test(doc), name).toBe(false);
      xmls.push({ fileName: `${name}.xml`, contents: doc });
    }
    const notice = xmls.find((x) => x.fileName === 'nasty-notice.xml')?.contents ?? '';
    expect(notice).toContain('A&amp;B &lt;tag&gt; &quot;quoted&quot; &apos;single&apos; 😀🀄');
    expect(notice).not.toContain('<tag>');
    const texts = paragraphTexts(notice);
    expect(texts.some((t) => t.includes('A&B <tag> "quoted" \'single\' 😀🀄'))).toBe(true);
    expect(texts.some((t) => t.includes(HUGE))).toBe(true);
    // Every document parses (xmllint without a schema: well-formedness).
    const result = await validateXML({ xml: xmls, normalization: 'c14n', maxMemoryPages: 16384 });
    expect(result.errors).toEqual([]);
  }, 60_000);

  it('leaves out a seal that is not a PNG rather than writing a broken image', async () => {
    const zip = await unzip(samples['nasty-notice'] ?? new Uint8Array());
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it('sanitises the author and title in core.xml (strict XML parse) and removes bidirectional controls', async () => {
    const bad = 'A\uFFFEB\uFFFF\u0001C\u202Eevil\u2066x\u2069';
    const bytes = await buildNotice(
      {
        title: `标题${bad}`,
        docNumber: '',
        addressee: `各会员单位${bad}`,
        body: `正文${bad}`,
        attachments: [],
        issuer: '',
        date: '2026-01-02',
      },
      { author: bad },
    );
    const zip = await unzip(bytes);
    const core = await part(zip, 'docProps/core.xml');
    const doc = await part(zip, 'word/document.xml');
    for (const xml of [core, doc]) {
      expect(FORBIDDEN.test(xml)).toBe(false);
      expect(/[\u202A-\u202E\u2066-\u2069]/.test(xml)).toBe(false);
    }
    expect(core).toContain('<dc:creator>ABCevilx</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>ABCevilx</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
    expect(core).toContain('<dc:title>标题ABCevilx</dc:title>');
    const result = await validateXML({
      xml: [
        { fileName: 'core.xml', contents: core },
        { fileName: 'document.xml', contents: doc },
      ],
      normalization: 'c14n',
    });
    expect(result.errors).toEqual([]);
  });
});
