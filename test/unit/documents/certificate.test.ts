/**
 * 证书 (R-M3 step 4, R-P3): A4 landscape, one page each, the three kinds, batches one a page, fast.
 */
import { describe, expect, it } from 'vitest';
import { buildCertificate, buildCertificatesBatch, certificateTitle } from '../../../shared/documents';
import type { CertificateInput } from '../../../shared/documents';
import { certificateNameLines } from '../../../shared/documents/certificate';
import { CERTS, RED_PNG } from './fixtures';
import { attr, documentXml, filledParagraphs, paragraphTexts } from './ooxml';

describe('certificates', () => {
  it('is A4 landscape with a border and no page numbers', async () => {
    const doc = await documentXml(await buildCertificate(CERTS[0]!));
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(doc).toContain('<w:pgBorders');
    expect(doc).not.toContain('<w:footerReference');
  });

  it('prints number, title, unit, what it certifies, issuer and date, in that order', async () => {
    const texts = await filledParagraphs(await buildCertificate(CERTS[0]!));
    expect(texts).toEqual([
      '证书编号：CCIA-HY-2025-001',
      '会员证书',
      '兹证明',
      '北京示例网络安全技术有限公司',
      '为中国网络安全产业联盟会员单位。',
      '特发此证。',
      '中国网络安全产业联盟',
      '2025 年 3 月 26 日',
    ]);
  });

  it('has a title and statement for each kind (member, director, programme)', async () => {
    expect(certificateTitle({ kind: 'member' })).toBe('会员证书');
    expect(certificateTitle({ kind: 'director' })).toBe('理事单位证书');
    expect(certificateTitle({ kind: 'programme' })).toBe('“网络安全服务阳光行动”成员单位证书');
    expect(certificateTitle({ kind: 'programme', programmeName: '“护网行动”' })).toBe(
      '“护网行动”成员单位证书',
    );
    const director = paragraphTexts(await documentXml(await buildCertificate(CERTS[1]!))).join('\n');
    expect(director).toContain('理事单位证书');
    expect(director).toContain('为中国网络安全产业联盟理事单位。');
    const programme = paragraphTexts(await documentXml(await buildCertificate(CERTS[2]!))).join('\n');
    expect(programme).toContain('“网络安全服务阳光行动”');
    expect(programme).toContain('成员单位证书');
    expect(programme).toContain('为中国网络安全产业联盟“网络安全服务阳光行动”成员单位。');
  });

  it('places the seal image over the issuer when one is given', async () => {
    const doc = await documentXml(await buildCertificate(CERTS[0]!, { seal: { png: RED_PNG } }));
    const issuer = doc.split('</w:p>').find((p) => p.includes('>中国网络安全产业联盟<')) ?? '';
    expect(issuer).toContain('<wp:anchor');
  });

  it('puts a batch in one file, one certificate a page', async () => {
    const doc = await documentXml(await buildCertificatesBatch(CERTS));
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(CERTS.length - 1);
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(1);
    const texts = paragraphTexts(doc);
    for (const c of CERTS) expect(texts).toContain(c.unitName);
  });

  it('builds 500 certificates in one file well under a few seconds', async () => {
    const list: CertificateInput[] = Array.from({ length: 500 }, (_, i) => ({
      ...CERTS[i % 3]!,
      unitName: `示例网络安全科技有限公司${i + 1}`,
      certificateNo: `CCIA-HY-2025-${String(i + 1).padStart(3, '0')}`,
    }));
    const t0 = performance.now();
    const bytes = await buildCertificatesBatch(list);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
    const doc = await documentXml(bytes);
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(499);
    expect(doc).toContain('示例网络安全科技有限公司500');
  }, 30_000);
});

describe('certificate unit names', () => {
  it('sets a long name on two balanced lines broken at one of its own seams, never inside a word', async () => {
    const n35 = certificateNameLines('北京示例网络空间安全技术研究中心（北京）有限公司第一分公司');
    expect(n35.text).toBe('北京示例网络空间安全技术研究中心\n（北京）有限公司第一分公司');
    expect(n35.pt).toBeGreaterThanOrEqual(26);
    const n40 = certificateNameLines(
      '中国电子信息产业集团示例网络安全技术研究中心（北京）有限责任公司第一分公司',
    );
    expect(n40.text.split('\n')).toHaveLength(2);
    expect(n40.text).not.toMatch(/研究\n中心|研究中\n心|有限\n公司|（北京\n/);
    expect(n40.pt).toBeGreaterThanOrEqual(20);
    // The sizes exactly: 35 and 40 characters, broken at the name's own seams.
    const exact35 = '北京中关村示例网络空间安全技术研究中心（北京）有限责任公司第十一分公司';
    const exact40 = '中国电子信息产业集团示例网络安全技术研究中心（北京）有限责任公司华北区第一分公司';
    expect([exact35.length, exact40.length]).toEqual([35, 40]);
    expect(certificateNameLines(exact35)).toEqual({
      text: '北京中关村示例网络空间安全技术研究中心\n（北京）有限责任公司第十一分公司',
      pt: 30,
    });
    expect(certificateNameLines(exact40).text).toBe(
      '中国电子信息产业集团示例网络安全技术研究中心\n（北京）有限责任公司华北区第一分公司',
    );
    expect(certificateNameLines(exact40).pt).toBeGreaterThanOrEqual(20);
    expect(certificateNameLines('北京示例网络安全技术股份有限公司')).toEqual({
      text: '北京示例网络安全技术股份有限公司',
      pt: 30,
    });
    const xml = await documentXml(
      await buildCertificate({
        kind: 'member',
        unitName: '北京示例网络空间安全技术研究中心（北京）有限公司第一分公司',
        certificateNo: 'X-1',
        issuedOn: '2026-01-02',
        issuer: '',
      }),
    );
    expect(xml).toContain(
      '<w:t xml:space="preserve">北京示例网络空间安全技术研究中心</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">（北京）有限公司第一分公司</w:t>',
    );
  });
});
