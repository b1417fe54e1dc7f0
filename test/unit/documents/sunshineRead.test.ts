/**
 * A returned 阳光行动 application form read back (R-P2): every field the desk exported comes back, including a
 * long value the paper carries on in 「…（续）」 rows — before this reader, only the first row's piece came
 * back (6 of 40 lines in the case below), and the desk's form would have been overwritten with it.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { buildSunshineApplicationForm } from '../../../shared/documents';
import { SUNSHINE_FORM_FIELDS, type SunshineFormValues } from '../../../shared/documents/sunshineFields';
import { readSunshineForm, receivedFormValues } from '../../../shared/documents/sunshineRead';
import { docxDocumentXml, docxTableRows } from '../../../shared/data/docx';

const lines = (n: number, text: string) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. ${text}`).join('\n');

const FILLED: Omit<SunshineFormValues, 'applicationDate'> = {
  unitName: '北京某某安全科技有限公司',
  contactName: '张三',
  mobile: '13800000000',
  position: '市场总监',
  email: 'zs@example.cn',
  postalAddress: '北京市海淀区中关村大街 1 号',
  // Short paragraphs only: every row break is a paragraph break.
  serviceContent: lines(40, '安全运维'),
  qualifications: 'CCRC 信息安全服务资质认证证书应急处理一级',
  domainsAndClients: '服务领域：政务、卫生\n客户规模：政务领域客户 30 家',
  staffing: '120 人',
  // One long paragraph: the rows cut inside it.
  financials: '我公司 2021 年网络安全服务的收入为 3000 万元，利润 300 万元，成本 2700 万元。'.repeat(30),
  strengths: lines(25, '红蓝对抗、渗透测试、应急响应、代码审计，向用户提供风险发现能力和安全水位检验能力。'),
};

const flowed = (s: string) => s.replace(/\s*\n\s*/g, '');

describe('readSunshineForm: the desk’s own form comes back whole', () => {
  it('long values span 「（续）」 rows in the paper', async () => {
    const rows = docxTableRows(docxDocumentXml(await buildSunshineApplicationForm(FILLED)));
    const labels = rows.map((r) => r[0]);
    expect(labels.filter((l) => l === '网络安全服务内容（续）').length).toBeGreaterThanOrEqual(2);
    expect(
      labels.filter((l) => l?.startsWith('近三年网络安全服务收入') && l.endsWith('（续）')).length,
    ).toBeGreaterThan(0);
    expect(labels.filter((l) => l === '网络安全服务领域技术特长（续）').length).toBeGreaterThan(0);
  });

  it('every field read back; values split at paragraph breaks exactly, a cut paragraph with no text lost', async () => {
    const read = readSunshineForm(await buildSunshineApplicationForm(FILLED));
    for (const f of SUNSHINE_FORM_FIELDS) {
      if (f.key === 'financials') continue;
      expect(read[f.key], f.label).toBe(FILLED[f.key]);
    }
    // Cut inside the paragraph: the pieces come back in order, a line break where the row was cut.
    expect(read.financials).not.toBe(FILLED.financials);
    expect(flowed(read.financials ?? '')).toBe(FILLED.financials);
  });

  it('a continuation row with nothing before it, or a label typed as a value, is not a value', async () => {
    const read = readSunshineForm(
      await buildSunshineApplicationForm({ unitName: '甲公司', serviceContent: '网络安全服务资质（续）' }),
    );
    expect(read).toEqual({ unitName: '甲公司' });
    // A form retyped by the applicant: 「网络安全服务内容（续）」 before (and without) its first row.
    const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const xml =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>' +
      row('单位名称', '乙公司') +
      row('网络安全服务内容（续）', '孤立的续行') +
      row('网络安全服务资质', 'CCRC 一级') +
      '</w:tbl></w:body></w:document>';
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
    expect(readSunshineForm(bytes)).toEqual({ unitName: '乙公司', qualifications: 'CCRC 一级' });
  });
});

describe('receivedFormValues: what a returned form changes on the desk', () => {
  it('the desk’s exported text, returned with its rows’ line breaks, keeps the desk’s text and counts as unchanged', async () => {
    const read = readSunshineForm(await buildSunshineApplicationForm(FILLED));
    const { values, changed } = receivedFormValues(read, FILLED);
    expect(values).toEqual(FILLED);
    expect(changed).toEqual([]);
  });

  it('what the applicant changed is taken, and only that is counted; an empty read leaves the field alone', () => {
    const { values, changed } = receivedFormValues(
      { unitName: FILLED.unitName, staffing: '150 人', financials: FILLED.financials.slice(0, 40) },
      FILLED,
    );
    expect(values).toEqual({
      unitName: FILLED.unitName,
      staffing: '150 人',
      financials: FILLED.financials.slice(0, 40),
    });
    expect(changed).toEqual(['staffing', 'financials']);
    expect(receivedFormValues({ email: '' }, FILLED)).toEqual({ values: {}, changed: [] });
  });

  it('an empty desk form takes every value read', () => {
    expect(receivedFormValues({ mobile: '13900000000' }, {})).toEqual({
      values: { mobile: '13900000000' },
      changed: ['mobile'],
    });
  });
});
