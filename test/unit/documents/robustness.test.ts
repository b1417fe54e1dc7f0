/**
 * Hostile input never throws and never corrupts a file: XML specials are escaped, emoji kept, characters
 * XML 1.0 forbids removed, 10,000-character and empty fields accepted.
 */
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildNastySamples, HUGE } from './fixtures';
import { paragraphTexts, part, unzip } from './ooxml';

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('robustness', () => {
  let samples: Record<string, Uint8Array>;

  it('builds every document from hostile and empty input without throwing', async () => {
    samples = await buildNastySamples();
    for (const [name, bytes] of Object.entries(samples)) {
      expect(bytes, name).toBeInstanceOf(Uint8Array);
      expect(bytes.length, name).toBeGreaterThan(1000);
      // a ZIP package: local file header signature PK\3\4
      expect([...bytes.subarray(0, 4)], name).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  }, 60_000);

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
});
