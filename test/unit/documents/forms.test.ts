/**
 * Application forms and declarations (R-P2, R-W3, R-M2, R-M3): the Sunshine form's rows and merged
 * cells as the seed has them, fixed table layout, grey hints or values, seal and date lines; the declaration
 * and code word for word; the membership application from charter art. 8 and 9.
 */
import { describe, expect, it } from 'vitest';
import {
  MEMBERSHIP_MATERIAL_LABEL,
  SUNSHINE_CODE,
  SUNSHINE_DECLARATION,
  SUNSHINE_FORM_ROWS,
  buildMembershipApplication,
  buildSunshineApplicationForm,
  buildSunshineDeclaration,
} from '../../../shared/documents';
import { documentXml, paragraphTexts } from './ooxml';

/** Rows of the first table: each row's cells with their text, gridSpan and width. */
function tableRows(doc: string): { text: string; span: number; width: number }[][] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)?.[0] ?? '';
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => ({
      text: paragraphTexts(cell[0]).join('\n'),
      span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell[0])?.[1] ?? 1),
      width: Number(
        /<w:tcW w:type="dxa" w:w="(\d+)"\/>|<w:tcW w:w="(\d+)" w:type="dxa"\/>/
          .exec(cell[0])
          ?.slice(1)
          .find(Boolean),
      ),
    })),
  );
}

describe('“网络安全服务阳光行动”成员单位申请表 (附件1)', () => {
  it('has every row of the seed, in order, with its merged cells', async () => {
    const doc = await documentXml(await buildSunshineApplicationForm({}));
    const rows = tableRows(doc);
    const labels = rows.map((r) => r.filter((_, i) => i % 2 === 0).map((c) => c.text));
    expect(labels).toEqual([
      ['单位名称'],
      ['联系人', '手机'],
      ['职务', '邮箱'],
      ['邮寄地址'],
      ...SUNSHINE_FORM_ROWS.map((r) => [r.label]),
      ['单位意见'],
    ]);
    expect(rows.map((r) => r.map((c) => c.span))).toEqual([
      [1, 3],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 3],
      ...SUNSHINE_FORM_ROWS.map(() => [1, 3]),
      [1, 3],
    ]);
    expect(SUNSHINE_FORM_ROWS.map((r) => r.label)).toEqual([
      '网络安全服务内容',
      '网络安全服务资质',
      '网络安全服务领域及客户规模',
      '从事网络安全服务工作人员数量及各级别服务人员占比',
      '近三年网络安全服务收入、利润及成本 (单位：万元)',
      '网络安全服务领域技术特长',
    ]);
  });

  it('is a fixed-layout table with explicit widths on the grid and on every cell (WPS, LibreOffice)', async () => {
    const doc = await documentXml(await buildSunshineApplicationForm({}));
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/.exec(doc)?.[0] ?? '').matchAll(/w:w="(\d+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    for (const row of tableRows(doc)) {
      let col = 0;
      for (const cell of row) {
        const expected = grid.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
        expect(cell.width).toBe(expected);
        col += cell.span;
      }
      expect(col).toBe(4);
    }
  });

  it('shows the seed’s 例：… hints in grey when blank, and the values when filled', async () => {
    const blank = await documentXml(await buildSunshineApplicationForm({}));
    const blankText = paragraphTexts(blank).join('\n');
    for (const row of SUNSHINE_FORM_ROWS) for (const hint of row.hint) expect(blankText).toContain(hint);
    const hintRun = blank.split('</w:r>').find((r) => r.includes('例：安全运维')) ?? '';
    expect(hintRun).toContain('<w:color w:val="808080"/>');

    const filled = await documentXml(
      await buildSunshineApplicationForm({
        unitName: '深圳示例安全服务有限公司',
        serviceContent: '安全运维',
        mobile: '13800000000',
      }),
    );
    const rows = tableRows(filled);
    expect(rows[0]?.[1]?.text).toBe('深圳示例安全服务有限公司');
    expect(rows[1]?.[3]?.text).toBe('13800000000');
    expect(rows[4]?.[1]?.text).toBe('安全运维');
    expect(paragraphTexts(filled).join('')).not.toContain('例：安全运维');
    // the other empty rows still show their hints
    expect(rows[5]?.[1]?.text).toContain('例：CCRC');
  });

  it('can leave hints out (formHints: false)', async () => {
    const doc = await documentXml(await buildSunshineApplicationForm({}, { formHints: false }));
    expect(paragraphTexts(doc).join('')).not.toContain('例：');
  });

  it('ends with 单位意见: the seed’s sentence, 单位公章： and 申请日期： 年 月 日 at the right (R-W3)', async () => {
    const doc = await documentXml(await buildSunshineApplicationForm({}));
    const opinion = tableRows(doc).at(-1)?.[1]?.text.split('\n') ?? [];
    expect(opinion[0]).toBe(
      '我公司申请成为“网络安全服务阳光行动”成员单位，遵守“网络安全服务阳光行动”宣言及成员守则。',
    );
    expect(opinion.filter((l) => l.trim() !== '').slice(1)).toEqual([
      '单位公章：',
      '申请日期：　　年　　月　　日',
    ]);
    const seal = doc.split('</w:p>').find((p) => p.includes('>单位公章：<')) ?? '';
    expect(seal).toContain('<w:jc w:val="right"/>');

    const dated = await documentXml(await buildSunshineApplicationForm({ applicationDate: '2022-10-08' }));
    expect(paragraphTexts(dated)).toContain('申请日期：2022 年 10 月 8 日');
  });
});

describe('“网络安全服务阳光行动”宣言 and 成员守则 (附件2)', () => {
  it('prints the seed’s text word for word with the seal and date lines (R-W3)', async () => {
    const texts = paragraphTexts(await documentXml(await buildSunshineDeclaration({ attachmentNumber: 2 })))
      .map((t) => t.trim())
      .filter((t) => t !== '');
    expect(texts).toEqual([
      '附件2',
      '“网络安全服务阳光行动”宣言',
      SUNSHINE_DECLARATION,
      '单位公章：',
      '日　　期：　　年　　月　　日',
      '“网络安全服务阳光行动”成员守则',
      ...SUNSHINE_CODE.map((a) => a.replace(' ', '\u3000')),
    ]);
    expect(SUNSHINE_CODE).toHaveLength(6);
  });
});

describe('入会申请书 (charter art. 8, 9; R-M2, R-M3)', () => {
  it('asks for the unit, credit code, region, nature, business, representative, contact and address', async () => {
    const text = paragraphTexts(await documentXml(await buildMembershipApplication({}))).join('\n');
    for (const label of [
      '中国网络安全产业联盟入会申请书',
      '单位名称',
      '统一社会信用代码',
      '注册地区',
      '单位性质',
      '主营业务领域',
      '会员代表',
      '联系人',
      '姓名',
      '职务',
      '手机',
      '邮箱',
      '通讯地址',
      '申请材料',
      '申请单位声明',
      '秘书处审查意见',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('lists the materials of art. 9(1) and the acceptance of the charter, with seal and date lines', async () => {
    const text = paragraphTexts(
      await documentXml(
        await buildMembershipApplication({
          unitName: '北京示例网络安全技术有限公司',
          creditCode: '91110000000000000X',
          materials: { application: true, licence: true },
          applicationDate: '2025-02-10',
        }),
      ),
    ).join('\n');
    expect(Object.values(MEMBERSHIP_MATERIAL_LABEL)).toEqual([
      '入会申请书（盖章）',
      '单位介绍',
      '营业执照或统一社会信用代码证复印件',
      '网络安全工作情况书面报告',
    ]);
    for (const line of [
      '☑ 1. 入会申请书（盖章）',
      '☐ 2. 单位介绍',
      '☑ 3. 营业执照或统一社会信用代码证复印件',
      '☐ 4. 网络安全工作情况书面报告',
      '承认并遵守《中国网络安全产业联盟章程》',
      '单位公章：',
      '申请日期：2025 年 2 月 10 日',
      '91110000000000000X',
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe('long form content', () => {
  it('splits a 1,200-character field over rows that never split, the label continued (续), no text lost', async () => {
    const long = '我公司长期为政务、金融、能源等行业客户提供安全运维、渗透测试、应急响应和安全咨询服务。'
      .repeat(40)
      .slice(0, 1200);
    const xml = await documentXml(await buildSunshineApplicationForm({ strengths: long }));
    const rows = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    const pieces = rows.filter((r) =>
      /网络安全服务领域技术特长|技术特长（续）/.test(paragraphTexts(r).join('')),
    );
    expect(pieces.length).toBeGreaterThan(2);
    for (const r of pieces) expect(r).toContain('<w:cantSplit/>');
    expect(paragraphTexts(pieces[1] ?? '')[0]).toMatch(/（续）$/);
    expect(pieces.map((r) => paragraphTexts(r).slice(1).join('')).join('')).toBe(long);
    // Short rows keep together as before.
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('入会申请书: the credit code on one line, a wide address and a narrow postcode, 成立日期 in Chinese', async () => {
    const xml = await documentXml(
      await buildMembershipApplication({
        creditCode: '91110108MA01ABCDE5',
        establishedOn: '2015-06-01',
        postalAddress: '北京市海淀区中关村软件园二期西北旺东路10号院东区',
        postalCode: '100193',
      }),
    );
    const texts = paragraphTexts(xml);
    expect(texts).toContain('2015 年 6 月 1 日');
    expect(texts).not.toContain('2015-06-01');
    const cellWidth = (text: string) => {
      const cell = (xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).find(
        (c) => paragraphTexts(c).join('') === text,
      );
      return Number(
        /<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(cell ?? '')?.[1] ??
          /<w:tcW w:w="(\d+)"/.exec(cell ?? '')?.[1],
      );
    };
    // 18 characters of 12 pt Times New Roman, digits and capitals: ≤ 130 pt, plus the cell margins.
    expect(cellWidth('91110108MA01ABCDE5')).toBeGreaterThanOrEqual(130 * 20 + 170);
    expect(cellWidth('北京市海淀区中关村软件园二期西北旺东路10号院东区')).toBeGreaterThan(
      2 * cellWidth('100193'),
    );
    // A 22-character e-mail address on one line: at most 6 pt a character of 12 pt Latin, plus the margins
    // (it was in a 2,089-twip cell, where 'zhang@example.com' wrapped before .com).
    const people = await documentXml(
      await buildMembershipApplication({
        representative: { name: '张三', mobile: '13800000001', email: 'zhangsan@seclab.com.cn' },
      }),
    );
    const widthOf = (text: string) => {
      const cell =
        (people.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).find((c) => paragraphTexts(c).join('') === text) ??
        '';
      return Number(/<w:tcW (?:w:type="dxa" )?w:w="(\d+)"/.exec(cell)?.[1]);
    };
    expect('zhangsan@seclab.com.cn').toHaveLength(22);
    expect(widthOf('zhangsan@seclab.com.cn')).toBeGreaterThanOrEqual(22 * 6 * 20 + 170);
    expect(widthOf('13800000001')).toBeGreaterThanOrEqual(11 * 6 * 20 + 170);
  });
});
