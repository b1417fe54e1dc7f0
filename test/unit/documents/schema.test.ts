/**
 * Every builder's WordprocessingML parts (document, styles, settings, numbering, font table, footnotes,
 * endnotes, footers) validate against the OOXML schemas beside the project (../shared/ooxml-schemas),
 * checked with microsoft/wml-2010.xsd, which imports the ISO schemas and the Word 2010+ extensions.
 */
import { describe, expect, it } from 'vitest';
import { buildAllSamples, buildNastySamples } from './fixtures';
import { haveSchemas, validateParts, wmlParts } from './ooxml';

const SKIP = haveSchemas ? '' : ' (skipped: ../shared/ooxml-schemas absent)';

describe('OOXML schema validation', () => {
  it.skipIf(!haveSchemas)(
    `the validator rejects an invalid part${SKIP}`,
    async () => {
      const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
      const report = await validateParts([
        {
          name: 'bad',
          xml: `<w:document xmlns:w="${W}"><w:body><w:p><w:bogus/></w:p></w:body></w:document>`,
        },
      ]);
      expect(report.valid).toBe(false);
      expect(report.errors.join('\n')).toContain('bogus');
    },
    60_000,
  );

  it.skipIf(!haveSchemas)(
    `every document type validates against wml-2010.xsd${SKIP}`,
    async () => {
      const samples = await buildAllSamples();
      const parts = (await Promise.all(Object.entries(samples).map(([k, v]) => wmlParts(v, k)))).flat();
      // document, styles, settings, numbering, fontTable, footnotes, endnotes, and footers where numbered
      expect(parts.length).toBeGreaterThanOrEqual(Object.keys(samples).length * 7);
      const report = await validateParts(parts);
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );

  it.skipIf(!haveSchemas)(
    `hostile input (XML specials, emoji, control characters, 10,000-character and empty fields) still validates${SKIP}`,
    async () => {
      const samples = await buildNastySamples();
      const parts = (await Promise.all(Object.entries(samples).map(([k, v]) => wmlParts(v, k)))).flat();
      const report = await validateParts(parts);
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );
});
