/**
 * The stored haystack's pinyin (shared/search/searchText.ts): `pinyinSyllables` strips the tones of
 * pinyin-pro's toned syllables itself (cached per syllable) and must answer exactly what pinyin-pro's own
 * `toneType: 'none'`, `v: true` answers — polyphones by context, non-Chinese runs left as they are.
 */
import * as pinyinPro from 'pinyin-pro';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../../../shared/demo/generate';
import { buildSearchText, pinyinSyllables, TONELESS } from '../../../shared/search/searchText';

// pinyin-pro passed through, so a test can see which options it was asked with.
vi.mock('pinyin-pro', async (actual) => {
  const real = await actual<typeof pinyinPro>();
  return { ...real, pinyin: vi.fn(real.pinyin) };
});

const reference = (text: string) => pinyin(text, TONELESS);

describe('pinyinSyllables', () => {
  it.each([
    '',
    '重庆银行',
    '长沙长城网络安全有限公司',
    '行长',
    '女生绿色',
    '吕律略',
    '一不做二不休',
    '嗯呣欸',
    'Café 北京',
    'é京',
    '北é京ü',
    'ABC科技（北京）有限公司',
    'e-Sec 安全',
    'Ａｂｃ全角',
    '𠀋𠀋科技',
    '〇二三',
    '中国  信息 安全',
    '123号',
    '单田芳',
    '曾国藩',
  ])('answers as pinyin-pro for %j', (text) => {
    expect(pinyinSyllables(text)).toEqual(reference(text));
  });

  it('answers as pinyin-pro for every name of the demo roster (3,000 units, their representatives and contacts)', () => {
    const members = generateDemo({ members: 3000, asOf: '2026-11-21' }).members;
    const texts = members.flatMap((m) => [m.name, m.representative.name, m.contact.name]);
    const differ = texts.filter((t) => JSON.stringify(pinyinSyllables(t)) !== JSON.stringify(reference(t)));
    expect(differ).toEqual([]);
  });

  it('answers those names from the toned syllables alone: pinyin-pro is never asked again with its own toneless options', () => {
    const texts = generateDemo({ members: 300, asOf: '2026-11-21' }).members.flatMap((m) => [
      m.name,
      m.representative.name,
      m.contact.name,
    ]);
    const asked = vi.mocked(pinyinPro.pinyin);
    asked.mockClear();
    for (const t of texts) pinyinSyllables(t);
    expect(asked).toHaveBeenCalledTimes(texts.length);
    expect(asked.mock.calls.filter(([, o]) => (o as { toneType?: string }).toneType === 'none')).toEqual([]);
  });

  it('strips the tones into the stored haystack: full pinyin and initials, ü as v', () => {
    const text = buildSearchText({
      name: '重庆绿盟银行',
      creditCode: '91500000ABCDEFGH1X',
      representative: { name: '吕行' } as never,
      contact: { name: '曾长' } as never,
    });
    expect(text.split('|')).toEqual([
      '重庆绿盟银行',
      pinyin('重庆绿盟银行', TONELESS).join(''),
      'cqlmyh',
      '91500000abcdefgh1x',
      '吕行',
      pinyin('吕行', TONELESS).join(''),
      'lx',
      '曾长',
      pinyin('曾长', TONELESS).join(''),
      pinyin('曾长', TONELESS)
        .map((s) => s[0])
        .join(''),
    ]);
    expect(text).toContain('chongqinglvmengyinhang');
  });
});
