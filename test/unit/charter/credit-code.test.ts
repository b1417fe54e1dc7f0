import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeDivision,
  explainCreditCode,
  isMainlandDivision,
  isMainlandRegion,
  isValidCreditCode,
  provinceOfDivision,
} from '../../../shared/charter';
import { expectRangeError } from './helpers';

const VALID = '91350100M000100Y43';

describe('R-M2 unified social credit code (GB 32100-2015)', () => {
  it('accepts a known valid code', () => {
    expect(isValidCreditCode(VALID)).toBe(true);
    expect(explainCreditCode(VALID)).toBeNull();
    expect(creditCodeCheckChar(VALID.slice(0, 17))).toBe('3');
  });

  it('rejects a modified code (one character changed, check char wrong)', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000101Y43')).toBe(false);
    expect(explainCreditCode('91350100M000100Y44')).toMatch(/校验位不符.*应为“3”/);
  });

  it('rejects wrong length, lowercase, spaces and the excluded letters I, O, Z, S, V', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(explainCreditCode('91350100M000100Y4')).toMatch(/18 位，当前为 17 位/);
    expect(isValidCreditCode('91350100m000100Y43')).toBe(false);
    expect(explainCreditCode('91350100m000100Y43')).toMatch(/大写/);
    expect(explainCreditCode('91350100M000100Y4 3')).toMatch(/空格/);
    expect(explainCreditCode('')).toMatch(/请填写/);
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `91350100${bad}000100Y43`;
      expect(isValidCreditCode(code)).toBe(false);
      expect(explainCreditCode(code)).toMatch(/第 9 位/);
    }
  });

  it('charset has 31 characters and excludes I, O, Z, S, V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(CREDIT_CODE_CHARSET).not.toMatch(/[IOZSV]/);
  });

  it('property: the check char built by creditCodeCheckChar always validates, and any other last char fails', () => {
    const ch = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(fc.array(ch, { minLength: 17, maxLength: 17 }), ch, (chars, other) => {
        const first17 = chars.join('');
        const check = creditCodeCheckChar(first17);
        const ok = isValidCreditCode(first17 + check) && explainCreditCode(first17 + check) === null;
        return (
          ok &&
          (other === check ||
            (!isValidCreditCode(first17 + other) && explainCreditCode(first17 + other) !== null))
        );
      }),
    );
  });

  it('property: a single changed character is always detected', () => {
    const ch = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(
        fc.array(ch, { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 16 }),
        ch,
        (chars, pos, repl) => {
          const code = chars.join('') + creditCodeCheckChar(chars.join(''));
          const changed = code.slice(0, pos) + repl + code.slice(pos + 1);
          return changed === code || !isValidCreditCode(changed);
        },
      ),
    );
  });

  it('creditCodeCheckChar throws a Chinese RangeError on bad input', () => {
    expectRangeError(() => creditCodeCheckChar('123'), /前 17 位/);
    expectRangeError(() => creditCodeCheckChar('91350100I00010OY4'), /不是允许的字符/);
  });
});

describe('R-M2 registration region', () => {
  it('division code from chars 3–8 and its province', () => {
    expect(creditCodeDivision(VALID)).toBe('350100');
    expect(provinceOfDivision('350100')).toBe('福建省');
    expect(provinceOfDivision('110108')).toBe('北京市');
    expect(provinceOfDivision('100000')).toBe('国家级');
    expect(provinceOfDivision('990000')).toBeNull();
    expect(isMainlandDivision('350100')).toBe(true);
    expect(isMainlandDivision('810000')).toBe(false);
    expect(isMainlandDivision('820000')).toBe(false);
    expect(isMainlandDivision('710000')).toBe(false);
    expect(creditCodeDivision('91AB0100M000100Y43')).toBeNull();
  });

  it('isMainlandRegion warns for Hong Kong, Macao, Taiwan, abroad and foreign countries', () => {
    expect(isMainlandRegion('北京市海淀区')).toBe(true);
    expect(isMainlandRegion('广东省深圳市南山区')).toBe(true);
    expect(isMainlandRegion('中国')).toBe(true);
    expect(isMainlandRegion('中国香港')).toBe(false);
    expect(isMainlandRegion('香港特别行政区')).toBe(false);
    expect(isMainlandRegion('澳门')).toBe(false);
    expect(isMainlandRegion('台湾省台北市')).toBe(false);
    expect(isMainlandRegion('境外')).toBe(false);
    expect(isMainlandRegion('美国加利福尼亚州')).toBe(false);
    expect(isMainlandRegion('Singapore')).toBe(false);
    expect(isMainlandRegion('开曼群岛')).toBe(false);
    expect(isMainlandRegion('  ')).toBe(false);
  });
});
