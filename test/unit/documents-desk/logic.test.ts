import { describe, expect, it } from 'vitest';
import * as logic from '../../../renderer/src/features/documents/logic';
import { SUNSHINE_SEED_NOTICE } from '../../../shared/documents/templates/sunshine-seed';
import { noticeFields } from './fixtures';

describe('paste from Word (R-W2 body conventions)', () => {
  it('normalises CR LF, drops the blank lines Word inserts, converts tabs and no-break spaces', () => {
    const word =
      '一、申请条件\r\n\r\n1.\t中国网络安全产业联盟会员单位。\r\n\r\n\u3000\u3000正文\u00a0段落。  \r\n\r\n\r\n';
    expect(logic.normalizePastedText(word)).toBe(
      '一、申请条件\n1. 中国网络安全产业联盟会员单位。\n正文 段落。',
    );
  });
  it('inserts at the selection and moves the caret', () => {
    expect(logic.insertText('abcdef', 2, 4, 'XY')).toEqual({ value: 'abXYef', caret: 4 });
    expect(logic.insertText('abc', 10, 12, 'Z')).toEqual({ value: 'abcZ', caret: 4 });
  });
});

describe('preview page estimate (22 lines × 28 characters)', () => {
  it('estimates lines from the width plus the two-character indent', () => {
    expect(logic.estimateLines('一'.repeat(26))).toBe(1);
    expect(logic.estimateLines('一'.repeat(27))).toBe(2);
    expect(logic.estimateLines('a'.repeat(52))).toBe(1);
    expect(logic.estimateLines('')).toBe(1);
  });
  it('classifies headings with the builder classifier (一、 h1, （一） h2, 1. h3)', () => {
    const blocks = logic.previewBlocks({ ...SUNSHINE_SEED_NOTICE, docNumber: '' });
    const kinds = blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds).not.toContain('docNo');
    expect(blocks.filter((b) => b.kind === 'h1').map((b) => b.text)).toEqual([
      '一、申请条件',
      '二、申请方式',
      '三、联系方式',
    ]);
    expect(blocks.filter((b) => b.kind === 'h3')).toHaveLength(9);
    expect(
      logic.previewBlocks({ ...SUNSHINE_SEED_NOTICE, body: '（一）二级' }).some((b) => b.kind === 'h2'),
    ).toBe(true);
    expect(blocks.at(-1)).toMatchObject({ kind: 'date', text: '2022 年 9 月 16 日' });
    expect(blocks.at(-2)).toMatchObject({ kind: 'issuer', text: '中国网络安全产业联盟秘书处' });
  });
  it('breaks the seed notice where the exported Word file breaks; no page exceeds 22 lines; nothing is lost', () => {
    const blocks = logic.previewBlocks(SUNSHINE_SEED_NOTICE);
    const pages = logic.paginate(blocks);
    // As LibreOffice renders the builder's .docx: page 1 ends with 申请方式 2., page 3 starts with the
    // last body line kept with the attachment note and the issuer and date.
    expect(pages.length).toBe(3);
    expect(pages[0]?.at(-1)?.text).toMatch(/^2\. 签署/);
    expect(pages[2]?.[0]?.text).toMatch(/^邮寄地址/);
    expect(pages[2]?.at(-1)?.kind).toBe('date');
    for (const p of pages) expect(p.reduce((n, b) => n + b.lines, 0)).toBeLessThanOrEqual(22 + 2);
    const text = (list: { text: string }[]) => list.map((b) => b.text).join('');
    expect(text(pages.flat())).toBe(text(blocks));
  });
  it('runs a long paragraph on to the next page', () => {
    const long = '字'.repeat(28 * 30);
    const pages = logic.paginate(
      logic.previewBlocks({
        title: 'T',
        docNumber: '',
        addressee: '',
        body: long,
        attachments: [],
        issuer: 'X',
        date: '2026-01-05',
      }),
    );
    expect(pages.length).toBe(2);
    expect(pages[1]?.[0]?.continued).toBe(true);
  });
  it('never leaves the issuer and date alone on a page', () => {
    // 21 one-line paragraphs + title etc. push the sign block over
    const body = Array.from({ length: 16 }, (_, i) => `第${i}段。`).join('\n');
    const pages = logic.paginate(
      logic.previewBlocks({
        title: 'T',
        docNumber: 'N',
        addressee: 'A',
        body,
        attachments: [],
        issuer: 'X',
        date: '2026-01-05',
      }),
    );
    const last = pages.at(-1) ?? [];
    expect(last.some((b) => b.kind === 'body')).toBe(true);
  });
  it('splits by width and labels pages — 1 —', () => {
    expect(logic.splitAtWidth('ab一二', 1.5)).toEqual(['ab', '一二']);
    expect(logic.splitAtWidth('一二三', 2)).toEqual(['一二', '三']);
    expect(logic.pageNumberLabel(3)).toBe('— 3 —');
  });
});

describe('templates', () => {
  it('the first template is the seed notice word for word, with its three attachments', () => {
    const t = logic.TEMPLATES[0];
    expect(t?.id).toBe('sunshine');
    expect(t?.body).toBe(SUNSHINE_SEED_NOTICE.body);
    expect(t?.title).toBe(SUNSHINE_SEED_NOTICE.title);
    expect(t?.attachments).toHaveLength(3);
    expect(t?.inlineSunshine).toBe(true);
    expect(logic.TEMPLATES.map((x) => x.label)).toEqual([
      '征集通知（网络安全服务阳光行动）',
      '会议通知',
      '会费缴纳通知',
      '一般通知',
    ]);
    expect(logic.templateById('nope')).toBeUndefined();
  });
});

describe('register helpers', () => {
  it('shortens a hash and builds a safe file name', () => {
    expect(logic.shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(logic.shortHash(undefined)).toBe('—');
    expect(logic.exportFileName({ docNumber: 'CCIA 秘[2026]001 号', title: 'a/b:c' })).toBe(
      'CCIA 秘[2026]001 号 a_b_c.docx',
    );
  });
});

describe('nothingTypedYet (a new notice becomes a draft with the first thing typed)', () => {
  const blank = { title: '', body: '', attachments: [] as string[] };
  it('empty, or as the chosen template gives it: nothing typed', () => {
    expect(logic.nothingTypedYet(blank)).toBe(true);
    expect(logic.nothingTypedYet({ ...blank, title: '  ' })).toBe(true);
    for (const t of logic.TEMPLATES)
      expect(
        logic.nothingTypedYet({ template: t.id, title: t.title, body: t.body, attachments: t.attachments }),
      ).toBe(true);
  });
  it('one character in the title, the body or an attachment: typed', () => {
    expect(logic.nothingTypedYet({ ...blank, title: '关' })).toBe(false);
    expect(logic.nothingTypedYet({ ...blank, body: '一' })).toBe(false);
    expect(logic.nothingTypedYet({ ...blank, attachments: ['回执'] })).toBe(false);
    const t = logic.TEMPLATES[1]!;
    expect(
      logic.nothingTypedYet({
        template: t.id,
        title: t.title,
        body: `${t.body}\n补充`,
        attachments: t.attachments,
      }),
    ).toBe(false);
    expect(logic.nothingTypedYet({ template: t.id, title: t.title, body: t.body, attachments: [] })).toBe(
      false,
    );
  });
});

describe('typingLeftOut (a draft closed under the clerk’s typing)', () => {
  const base = noticeFields('关于年会的通知', '2026-12-07');
  it('nothing typed, or typing the closed document holds: nothing left out', () => {
    expect(logic.typingLeftOut(base, base, base)).toBeNull();
    const typed = { ...base, body: '一、会议时间' };
    expect(logic.typingLeftOut(base, typed, typed)).toBeNull();
  });
  it('names the fields the clerk changed that the closed document lacks; the new draft is the closed one with them', () => {
    const typed = { ...base, title: '关于年会的补充通知', attachments: ['回执'] };
    // The other workstation changed 主送 before its 定稿 and also typed the same 附件.
    const closed = { ...base, addressee: '各理事单位', attachments: ['回执'] };
    expect(logic.typingLeftOut(base, typed, closed)).toEqual({
      fields: ['title'],
      draft: { ...closed, title: '关于年会的补充通知' },
    });
  });
  it('a 版记 added by the clerk is kept; one cleared by the clerk is cleared in the new draft', () => {
    const typed = { ...base, colophon: { cc: '各理事单位', printDate: '2026-12-07' } };
    expect(logic.typingLeftOut(base, typed, base)?.draft.colophon).toEqual(typed.colophon);
    const withColophon = { ...base, colophon: { printDate: '2026-12-07', cc: '理事会' } };
    const left = logic.typingLeftOut(withColophon, { ...base, title: '新' }, withColophon);
    expect(left?.fields).toEqual(['title', 'colophon']);
    expect(left?.draft).not.toHaveProperty('colophon');
  });
});
