import { describe, expect, it } from 'vitest';
import { breakTitle } from '../../../shared/documents/blocks';
import * as docs from '../../../shared/documents';
import { mmToTwip } from '../../../shared/documents/geometry';
// Dates and document numbers are the charter engine's (one definition each, issue 14).
import { formatDocNumber, isIsoDate } from '../../../shared/charter';

describe('sanitizeText', () => {
  it('removes what XML 1.0 forbids and keeps everything else', () => {
    const forbidden = '\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF';
    expect(docs.sanitizeText(`a${forbidden}b`)).toBe('ab');
    expect(docs.sanitizeText('tab\tand\nline')).toBe('tab\tand\nline');
    expect(docs.sanitizeText('& < > " \'')).toBe('& < > " \'');
    expect(docs.sanitizeText('😀 emoji')).toBe('😀 emoji');
  });

  it('drops lone surrogates but keeps pairs', () => {
    expect(docs.sanitizeText('x\uD800y')).toBe('xy');
    expect(docs.sanitizeText('x\uDC00y')).toBe('xy');
    expect(docs.sanitizeText('x\uD83D\uDE00y')).toBe('x😀y');
    expect(docs.sanitizeText('\uD83D')).toBe('');
  });

  it('normalises CR LF and never throws on odd values', () => {
    expect(docs.sanitizeText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(docs.sanitizeText(undefined)).toBe('');
    expect(docs.sanitizeText(null)).toBe('');
    expect(docs.sanitizeText(12)).toBe('12');
    expect(docs.sanitizeText({ toString: () => 'obj' })).toBe('obj');
    expect(
      docs.sanitizeText({
        toString: () => {
          throw new Error('no');
        },
      }),
    ).toBe('');
  });
});

describe('dates (R-W2: Arabic numerals)', () => {
  it('prints 2022 年 9 月 16 日 without leading zeros', () => {
    expect(docs.formatCnDate('2022-09-16')).toBe('2022 年 9 月 16 日');
    expect(docs.formatCnDate('2022-11-30')).toBe('2022 年 11 月 30 日');
  });

  it('prints the blank 年 月 日 line for a missing or invalid date', () => {
    expect(docs.formatCnDate('')).toBe(docs.BLANK_DATE);
    expect(docs.formatCnDate('2022-13-01')).toBe(docs.BLANK_DATE);
    expect(docs.formatCnDate(undefined)).toBe(docs.BLANK_DATE);
    expect(isIsoDate('2022/09/16')).toBe(false);
  });
});

describe('document numbers (R-W1)', () => {
  it('formats prefix, year, three-digit sequence and 号 in either bracket style', () => {
    expect(formatDocNumber({ year: 2022, seq: 56 })).toBe('CCIA 秘[2022]056 号');
    expect(docs.styleDocNumber(formatDocNumber({ year: 2022, seq: 56 }), 'tortoise')).toBe(
      'CCIA 秘〔2022〕056 号',
    );
  });

  it('restyles the brackets of a given number', () => {
    expect(docs.styleDocNumber('CCIA 秘[2022]056 号', 'tortoise')).toBe('CCIA 秘〔2022〕056 号');
    expect(docs.styleDocNumber('CCIA 秘〔2022〕056 号', 'square')).toBe('CCIA 秘[2022]056 号');
    expect(docs.styleDocNumber('CCIA 秘[2022]056 号', undefined)).toBe('CCIA 秘[2022]056 号');
  });
});

describe('numbers', () => {
  it('writes Chinese ordinals for headings', () => {
    expect([1, 2, 10, 11, 20, 23].map(docs.cnNumeral)).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
  });

  it('writes amounts in figures and in capitals (人民币大写)', () => {
    expect(docs.formatYuan(30000)).toBe('30,000');
    expect(docs.formatYuan(2500.5)).toBe('2,500.50');
    expect(docs.rmbUpper(5000)).toBe('伍仟元整');
    expect(docs.rmbUpper(2500)).toBe('贰仟伍佰元整');
    expect(docs.rmbUpper(30000)).toBe('叁万元整');
    expect(docs.rmbUpper(10005)).toBe('壹万零伍元整');
    expect(docs.rmbUpper(100500)).toBe('壹拾万零伍佰元整');
    expect(docs.rmbUpper(2500.5)).toBe('贰仟伍佰元伍角');
    expect(docs.rmbUpper(0)).toBe('零元整');
  });
});

describe('geometry', () => {
  it('converts millimetres to twips exactly as GB/T 9704 margins need', () => {
    expect([37, 35, 28, 26].map(mmToTwip)).toEqual([2098, 1984, 1587, 1474]);
    expect([210, 297].map(mmToTwip)).toEqual([11906, 16838]);
  });
});

describe('breakTitle (GB/T 9704-2012 §7.3.3)', () => {
  it('leaves a title that fits one line alone', () => {
    expect(breakTitle('关于缴纳 2025 年度会费的通知')).toBe('关于缴纳 2025 年度会费的通知');
  });

  it('breaks a long title in two balanced lines at a word boundary', () => {
    expect(breakTitle('关于征集“网络安全服务阳光行动”成员单位的通知')).toBe(
      '关于征集“网络安全服务阳光行动”\n成员单位的通知',
    );
    expect(breakTitle('关于召开中国网络安全产业联盟第二届理事会第二次会议的通知')).toBe(
      '关于召开中国网络安全产业联盟\n第二届理事会第二次会议的通知',
    );
  });

  it('keeps the caller’s own line feeds', () => {
    expect(breakTitle('第一行\n第二行')).toBe('第一行\n第二行');
  });
});
