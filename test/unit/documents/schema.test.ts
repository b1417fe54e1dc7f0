/**
 * Every builder's WordprocessingML parts (document, styles, settings, numbering, font table, footnotes,
 * endnotes, footers) validate against the OOXML schemas beside the project (../shared/ooxml-schemas),
 * checked with microsoft/wml-2010.xsd, which imports the ISO schemas and the Word 2010+ extensions.
 */
import { describe, expect, it } from 'vitest';
import {
  buildBallot,
  buildCertificate,
  buildMembershipApplication,
  buildSignInSheet,
  buildSunshineApplicationForm,
  buildTallySheet,
} from '../../../shared/documents';
import { buildAllSamples, buildNastySamples, REMOTE_MEETING, STANDING_MEETING } from './fixtures';
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

  it.skipIf(!haveSchemas)(
    `the papers at issue 15's sizes validate: split ballots, 24-character sign-in names with 列席, a two-line certificate name, 续 rows, a filled 入会申请书${SKIP}`,
    async () => {
      const motions = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          title: `关于审议《中国网络安全产业联盟2025年度第${i + 1}项工作报告》的议案`,
        }));
      const samples: Record<string, Uint8Array> = {
        'ballot-8': await buildBallot({
          meeting: STANDING_MEETING,
          motions: motions(8),
          voterUnits: ['甲', '乙'],
        }),
        'ballot-6-remote': await buildBallot({
          meeting: REMOTE_MEETING,
          motions: motions(6),
          returnBy: '2025-06-09',
        }),
        'sign-in-24': await buildSignInSheet({
          meeting: STANDING_MEETING,
          entitled: [
            ...Array.from({ length: 40 }, (_, i) => ({
              unitName: `北京示例网络安全技术股份有限公司第${String(i + 1).padStart(2, '0')}号分公司四`,
            })),
            { unitName: '秘书长', representative: '王五', observer: true },
          ],
        }),
        'tally-named': await buildTallySheet({
          meeting: STANDING_MEETING,
          motions: [{ title: '决议', named: [{ unit: '甲公司', choice: '同意' }] }],
        }),
        'certificate-40': await buildCertificate({
          kind: 'member',
          unitName: '中国电子信息产业集团示例网络安全技术研究中心（北京）有限责任公司华北区第一分公司',
          certificateNo: 'X-1',
          issuedOn: '2026-01-02',
          issuer: '',
        }),
        'form-1200': await buildSunshineApplicationForm({
          strengths: '网络安全服务。'.repeat(172).slice(0, 1200),
        }),
        'membership-filled': await buildMembershipApplication({
          creditCode: '91110108MA01ABCDE5',
          establishedOn: '2015-06-01',
          businessAreas: '网络安全产品研发、安全服务、安全咨询。'.repeat(30),
          postalAddress: '北京市海淀区中关村软件园二期西北旺东路10号院东区',
          postalCode: '100193',
        }),
      };
      const parts = (await Promise.all(Object.entries(samples).map(([k, v]) => wmlParts(v, k)))).flat();
      const report = await validateParts(parts);
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );
});
