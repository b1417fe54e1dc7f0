/**
 * 通知 (notice): GB/T 9704-2012 geometry, fonts and sizes; R-W1/R-W2 order; the seed notice reproduced
 * word for word with its two inline attachments.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SUNSHINE_SEED_ATTACHMENTS,
  SUNSHINE_SEED_NOTICE,
  buildNotice,
  buildNoticeWithAttachments,
  buildSunshineCallNotice,
} from '../../../shared/documents';
import { OPTIONS, RED_PNG } from './fixtures';
import { SEED_DIR, attr, documentXml, expectInOrder, paragraphTexts, part, styleXml, unzip } from './ooxml';

const mm = (x: number) => Math.round((x * 1440) / 25.4);

async function open(bytes: Uint8Array) {
  const zip = await unzip(bytes);
  return {
    zip,
    doc: await part(zip, 'word/document.xml'),
    styles: await part(zip, 'word/styles.xml'),
    settings: await part(zip, 'word/settings.xml'),
  };
}

/** Whitespace-free text with ASCII colons as full-width ones (the seed mixes both). */
function norm(s: string): string {
  return s.replace(/\s+/g, '').replace(/:/g, '：');
}

describe('notice (GB/T 9704-2012, R-W1, R-W2)', () => {
  let seedDoc: Awaited<ReturnType<typeof open>>;

  beforeAll(async () => {
    seedDoc = await open(await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS));
  });

  it('is A4 with margins 37/35/28/26 mm and a 22-line grid of 579 twips', () => {
    const { doc } = seedDoc;
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe(String(mm(210)));
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe(String(mm(297)));
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('1474');
    expect([mm(37), mm(35), mm(28), mm(26)]).toEqual([2098, 1984, 1587, 1474]);
    // A line grid whose charSpace makes Word's and WPS's page setup say 28 characters a line (geometry.ts).
    expect(attr(doc, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(doc, 'w:docGrid', 'w:linePitch')).toBe('579');
    const charSpace = Number(attr(doc, 'w:docGrid', 'w:charSpace'));
    const textWidthPt = (mm(210) - 1587 - 1474) / 20;
    expect(Math.floor(textWidthPt / (16 + charSpace / 4096))).toBe(28);
    // 22 lines in the 225 mm type area
    expect(Math.floor((mm(297) - 2098 - 1984) / 579)).toBe(22);
  });

  it('sets 28 characters a line: 16 pt body condensed to 15.75 pt in the 156 mm type area', () => {
    const body = styleXml(seedDoc.styles, 'GwBody');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    const width = mm(210) - 1587 - 1474;
    expect(Math.floor(width / (320 - 5))).toBe(28);
    expect(Math.floor(width / 320)).toBe(27);
  });

  it('uses the GB/T fonts and sizes: title 2号小标宋 (44), body 3号仿宋 (32) with exact 579 lines, headings 黑体/楷体', () => {
    const { styles } = seedDoc;
    const title = styleXml(styles, 'GwTitle');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const body = styleXml(styles, 'GwBody');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('w:line="579" w:lineRule="exact"');
    expect(body).toMatch(/w:firstLineChars="200"/);
    expect(styleXml(styles, 'GwH1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, 'GwH2')).toContain('w:eastAsia="楷体_GB2312"');
    // 附件N wholly in 黑体, its digit too.
    const attach = styleXml(styles, 'GwAttachHead');
    expect(attach).toContain('w:eastAsia="黑体"');
    expect(attach).toContain('w:ascii="黑体" w:hAnsi="黑体"');
    expect(attach).not.toContain('Times New Roman');
  });

  it('names its styles in Chinese, sets widow control on body text and describes every face in the font table', async () => {
    const { styles, zip } = seedDoc;
    const name = (id: string) => /<w:name w:val="([^"]+)"\/>/.exec(styleXml(styles, id))?.[1];
    expect(name('GwBody')).toBe('公文正文');
    expect(name('GwH1')).toBe('一级标题');
    expect(name('GwTitle')).toBe('公文标题');
    expect(styles).not.toMatch(/w:val="GW /);
    expect(styleXml(styles, 'GwBody')).toContain('<w:widowControl/>');
    const fonts = await part(zip, 'word/fontTable.xml');
    const entry = (n: string) => new RegExp(`<w:font w:name="${n}">(.*?)</w:font>`).exec(fonts)?.[1] ?? '';
    for (const [face, alt] of [
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '宋体'],
    ] as const) {
      const e = entry(face);
      expect(e, face).toContain(`<w:altName w:val="${alt}"/>`);
      expect(e, face).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/);
      expect(e, face).toContain('<w:charset w:val="86"/>');
      expect(e, face).toMatch(/<w:sig w:usb0="[0-9A-F]{8}"/);
      // The fallback face has its own full entry.
      expect(entry(alt), alt).toContain('<w:panose1');
    }
    expect(entry('仿宋_GB2312')).toContain('<w:pitch w:val="fixed"/>');
  });

  it('classifies body lines: 一、 level 1, （一） level 2, 1. level 3', async () => {
    const { doc } = await open(
      await buildNotice({
        ...SUNSHINE_SEED_NOTICE,
        body: '正文。\n一、标题一\n（一）标题二\n1. 标题三',
        attachments: [],
      }),
    );
    const styleOf = (text: string) => {
      const p = doc.split('</w:p>').find((x) => x.includes(`>${text}<`)) ?? '';
      return /w:pStyle w:val="(\w+)"/.exec(p)?.[1];
    };
    expect(styleOf('正文。')).toBe('GwBody');
    expect(styleOf('一、标题一')).toBe('GwH1');
    expect(styleOf('（一）标题二')).toBe('GwH2');
    expect(styleOf('1. 标题三')).toBe('GwH3');
  });

  it('numbers pages “— 1 —” in 4号 (28) 宋体, odd pages right and even pages left', async () => {
    const { zip, doc, settings } = seedDoc;
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(doc).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
    expect(doc).toMatch(/<w:footerReference w:type="even" r:id="rId\d+"\/>/);
    const rels = await part(zip, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(doc)?.[1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    };
    const odd = await part(zip, `word/${target('default')}`);
    const even = await part(zip, `word/${target('even')}`);
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    // A PAGE field with a cached result, so previewers that do not compute fields still show a number.
    expect(paragraphTexts(odd).join('')).toBe('— 1 —');
    expect(paragraphTexts(even).join('')).toBe('— 2 —');
    for (const f of [odd, even])
      expect(f).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t[^>]*>[12]<\/w:t><\/w:r><\/w:fldSimple>/);
    // The dashes' line centred 7 mm below the type area (GB/T 9704-2012 §7.5): 28 mm above the page's
    // bottom edge, the exact 18 pt footer line's bottom 9 pt lower.
    expect(Number(attr(seedDoc.doc, 'w:pgMar', 'w:footer')) + 180).toBe(mm(28));
    const footer = styleXml(seedDoc.styles, 'GwFooter');
    expect(footer).toContain('<w:sz w:val="28"/>');
    expect(footer).toContain('w:eastAsia="宋体"');
  });

  it('puts the parts in the R-W2 order: title, number, addressee, body, contact, attachments, issuer, date', () => {
    const texts = paragraphTexts(seedDoc.doc).filter((t) => t.trim() !== '');
    const at = (s: string) => texts.findIndex((t) => t.includes(s));
    const order = [
      at('关于征集“网络安全服务阳光行动”'),
      at('CCIA 秘[2022]056 号'),
      at('各会员单位：'),
      at('为规范网络安全服务行业行为'),
      at('一、申请条件'),
      at('联系人：周梦妍'),
      at('附件：1.'),
      texts.indexOf('中国网络安全产业联盟秘书处'),
      at('2022 年 9 月 16 日'),
      texts.indexOf('附件1'),
      texts.indexOf('附件2'),
    ];
    expectInOrder(order);
  });

  it('writes the attachment note with hanging indents so later numbers align under the first', () => {
    const paras = seedDoc.doc.split('</w:p>');
    const first = paras.find((p) => p.includes('附件：1.')) ?? '';
    const second = paras.find((p) => p.includes('>2.<')) ?? '';
    const left = (p: string) => Number(/w:left="(\d+)"/.exec(p)?.[1]);
    const hanging = (p: string) => Number(/w:hanging="(\d+)"/.exec(p)?.[1]);
    expect(left(first)).toBe(left(second));
    // first line starts two characters in (附件), the second three characters further (under 1.)
    expect(left(first) - hanging(first)).toBe(630);
    expect(left(second) - hanging(second)).toBe(630 + 945);
    expect(first).toContain('<w:tab/>');
  });

  it('starts each inline attachment on a new page headed 附件1 / 附件2 in 黑体', () => {
    const paras = seedDoc.doc.split('</w:p>');
    for (const n of [1, 2]) {
      const p = paras.find((x) => x.includes(`>附件${n}<`)) ?? '';
      expect(p).toContain('<w:pageBreakBefore/>');
      expect(p).toContain('w:val="GwAttachHead"');
    }
  });

  // The seed lives beside the project (../shared/seeds); where it is absent this test says so and skips.
  it.skipIf(!existsSync(path.join(SEED_DIR, 'sunshine-action-call-notice.txt')))(
    'reproduces the seed notice, its form and its declaration in the seed’s order (skipped when ../shared/seeds is absent)',
    () => {
      const seed = readFileSync(path.join(SEED_DIR, 'sunshine-action-call-notice.txt'), 'utf8');
      const expected = seed
        .split('\n')
        .map((l) => l.replace(/<[^>]+>/g, ' ').trim())
        .filter((l) => l !== '')
        .map((l) => l.replace(/^附件\s*(\d+)\s*[:：]$/, '附件$1'))
        .join('');
      const actual = paragraphTexts(seedDoc.doc).join('');
      expect(norm(actual)).toBe(norm(expected));
    },
  );

  it('builds the seed-style call notice with both attachments in one call', async () => {
    const { doc } = await open(await buildSunshineCallNotice());
    expect(paragraphTexts(doc)).toEqual(paragraphTexts(seedDoc.doc));
  });

  it('applies options: document-number brackets, Windows fonts, contact block, seal image', async () => {
    const { zip, doc, styles } = await open(
      await buildNotice(
        { ...SUNSHINE_SEED_NOTICE, body: '正文一段。', attachments: ['附件甲'] },
        { ...OPTIONS, fontScheme: 'windows', docNumberBrackets: 'tortoise', seal: { png: RED_PNG } },
      ),
    );
    const texts = paragraphTexts(doc);
    expect(texts).toContain('CCIA 秘〔2022〕056 号');
    expect(texts).toContain('联系人：周梦妍');
    expect(texts).toContain('附件：附件甲');
    expect(styleXml(styles, 'GwTitle')).toContain('w:eastAsia="宋体"');
    expect(styleXml(styles, 'GwBody')).toContain('w:eastAsia="仿宋"');
    expect(styleXml(styles, 'GwH2')).toContain('w:eastAsia="楷体"');
    // the seal floats over the issuer and the date
    expect(doc).toContain('<wp:anchor');
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const issuer = doc.split('</w:p>').find((p) => p.includes('>中国网络安全产业联盟秘书处<')) ?? '';
    expect(issuer).toContain('<wp:anchor');
  });

  it('carries attachments given as options.attachmentsInline', async () => {
    const { doc } = await open(
      await buildNotice(SUNSHINE_SEED_NOTICE, {
        attachmentsInline: [{ kind: 'text', title: '附件标题', body: '一、要点\n内容。' }],
      }),
    );
    const texts = paragraphTexts(doc);
    expect(texts).toContain('附件1');
    expect(texts).toContain('附件标题');
    expect(texts).toContain('内容。');
  });
});

describe('版头 and 版记 (GB/T 9704-2012 §7.2, §7.4)', () => {
  it('are off by default, as in the seed', async () => {
    const doc = await documentXml(await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, []));
    expect(doc).not.toContain('GwMark');
    expect(doc).not.toContain('w:tblpPr');
  });

  it('print the red 发文机关标志 35 mm below the type area’s top, the 发文字号 over the red line, and the 版记 rules at the foot', async () => {
    const zip = await unzip(
      await buildNoticeWithAttachments({ ...SUNSHINE_SEED_NOTICE, docNumber: 'CCIA 秘〔2022〕56 号' }, [], {
        letterhead: { mark: '中国网络安全产业联盟秘书处' },
        colophon: { cc: '甲局、乙局\n丙局', printDate: '2022-09-16' },
      }),
    );
    const doc = await part(zip, 'word/document.xml');
    const styles = await part(zip, 'word/styles.xml');
    const texts = paragraphTexts(doc);
    // 标志, two blank lines, 发文字号 with the red rule, two blank lines, then the title.
    expect(texts.slice(0, 7)).toEqual([
      '中国网络安全产业联盟秘书处',
      '',
      '',
      'CCIA 秘〔2022〕56 号',
      '',
      '',
      '关于征集“网络安全服务阳光行动”\n成员单位的通知',
    ]);
    expect(texts.filter((t) => t === 'CCIA 秘〔2022〕56 号')).toHaveLength(1);
    const mark = /<w:p><w:pPr><w:pStyle w:val="GwMark"\/>[\s\S]*?<\/w:p>/.exec(doc)?.[0] ?? '';
    expect(mark).toContain(`w:before="${mm(35)}"`);
    expect(styleXml(styles, 'GwMark')).toContain('<w:color w:val="FF0000"/>');
    expect(styleXml(styles, 'GwMark')).toContain('w:eastAsia="方正小标宋简体"');
    const docNo = doc.split('<w:p>').find((p) => p.includes('CCIA 秘〔2022〕56 号')) ?? '';
    expect(docNo).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"\/>/);
    // 版记: a table at the foot of the type area, its last rule on the bottom edge.
    expect(texts).toContain('抄送：甲局，乙局，丙局。');
    expect(texts).toContain('中国网络安全产业联盟秘书处\t2022 年 9 月 16 日印发');
    const tblpY = Number(attr(doc, 'w:tblpPr', 'w:tblpY'));
    const rows = [...doc.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="exact"\/>/g)].map((m) => Number(m[1]));
    expect(tblpY + rows.reduce((a, b) => a + b, 0)).toBe(mm(297) - mm(37) - mm(35));
    expect(attr(doc, 'w:tblpPr', 'w:vertAnchor')).toBe('margin');
  });

  it('the 版记 page keeps its page number: no blank page is put before it (§7.5 drops the number only then)', async () => {
    // GB/T 9704-2012 §7.5: when a blank page precedes the 版记 page, the blank page and the 版记 page go
    // without page numbers. The 版记 here is set at the foot of the page where the document ends, in the
    // same section, never after an inserted blank page — so that page is numbered like the others.
    const zip = await unzip(
      await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, [], { colophon: { cc: '甲局' } }),
    );
    const doc = await part(zip, 'word/document.xml');
    expect(doc.match(/<w:sectPr/g)).toHaveLength(1);
    const beforeColophon = doc.slice(0, doc.indexOf('<w:tbl>'));
    const afterLastText = beforeColophon.slice(beforeColophon.lastIndexOf('2022'));
    expect(afterLastText).not.toMatch(/w:type="page"|pageBreakBefore/);
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)?.[0] ?? '';
    const footers = [...sect.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
    expect(footers.sort()).toEqual(['default', 'even']);
    expect(sect).not.toContain('<w:titlePg/>');
    const rels = await part(zip, 'word/_rels/document.xml.rels');
    const footerFiles = [...rels.matchAll(/Target="(footer\d+\.xml)"/g)].map((m) => m[1]!);
    for (const f of footerFiles) expect(await part(zip, `word/${f}`)).toContain('PAGE');
  });
});
