import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as charter from '../../../shared/charter';
import { expectAnswers, expectRangeError } from './helpers';

const VALID = '91350100M000100Y43';

describe('R-M2 unified social credit code (GB 32100-2015)', () => {
  it('accepts a known valid code', () => {
    expect(charter.isValidCreditCode(VALID)).toBe(true);
    expect(charter.explainCreditCode(VALID)).toBeNull();
    expect(charter.creditCodeCheckChar(VALID.slice(0, 17))).toBe('3');
  });

  it('rejects a modified code (one character changed, check char wrong)', () => {
    expect(charter.isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(charter.isValidCreditCode('91350100M000101Y43')).toBe(false);
    expect(charter.explainCreditCode('91350100M000100Y44')).toMatch(/校验位不符.*应为“3”/);
  });

  it('rejects wrong length, lowercase, spaces and the excluded letters I, O, Z, S, V', () => {
    expect(charter.isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(charter.explainCreditCode('91350100M000100Y4')).toMatch(/18 位，当前为 17 位/);
    expect(charter.isValidCreditCode('91350100m000100Y43')).toBe(false);
    expect(charter.explainCreditCode('91350100m000100Y43')).toMatch(/大写/);
    expect(charter.explainCreditCode('91350100M000100Y4 3')).toMatch(/空格/);
    expect(charter.explainCreditCode('')).toMatch(/请填写/);
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `91350100${bad}000100Y43`;
      expect(charter.isValidCreditCode(code)).toBe(false);
      expect(charter.explainCreditCode(code)).toMatch(/第 9 位/);
    }
  });

  it('charset has 31 characters and excludes I, O, Z, S, V', () => {
    expect(charter.CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(charter.CREDIT_CODE_CHARSET).not.toMatch(/[IOZSV]/);
  });

  it('property: the check char built by creditCodeCheckChar always validates, and any other last char fails', () => {
    const ch = fc.constantFrom(...charter.CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(fc.array(ch, { minLength: 17, maxLength: 17 }), ch, (chars, other) => {
        const first17 = chars.join('');
        const check = charter.creditCodeCheckChar(first17);
        const ok =
          charter.isValidCreditCode(first17 + check) && charter.explainCreditCode(first17 + check) === null;
        return (
          ok &&
          (other === check ||
            (!charter.isValidCreditCode(first17 + other) &&
              charter.explainCreditCode(first17 + other) !== null))
        );
      }),
    );
  });

  it('property: a single changed character is always detected', () => {
    const ch = fc.constantFrom(...charter.CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(
        fc.array(ch, { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 16 }),
        ch,
        (chars, pos, repl) => {
          const code = chars.join('') + charter.creditCodeCheckChar(chars.join(''));
          const changed = code.slice(0, pos) + repl + code.slice(pos + 1);
          return changed === code || !charter.isValidCreditCode(changed);
        },
      ),
    );
  });

  it('creditCodeCheckChar throws a Chinese RangeError on bad input', () => {
    expectRangeError(() => charter.creditCodeCheckChar('123'), /前 17 位/);
    expectRangeError(() => charter.creditCodeCheckChar('91350100I00010OY4'), /不是允许的字符/);
  });
});

describe('R-M2 registration region', () => {
  it('division code from chars 3–8 and its province', () => {
    expect(charter.creditCodeDivision(VALID)).toBe('350100');
    expect(charter.provinceOfDivision('350100')).toBe('福建省');
    expect(charter.provinceOfDivision('110108')).toBe('北京市');
    expect(charter.provinceOfDivision('100000')).toBe('国家级');
    expect(charter.provinceOfDivision('990000')).toBeNull();
    expect(charter.isMainlandDivision('350100')).toBe(true);
    expect(charter.isMainlandDivision('810000')).toBe(false);
    expect(charter.isMainlandDivision('820000')).toBe(false);
    expect(charter.isMainlandDivision('710000')).toBe(false);
    expect(charter.creditCodeDivision('91AB0100M000100Y43')).toBeNull();
  });

  it('isMainlandRegion warns for Hong Kong, Macao, Taiwan, abroad and foreign countries', () => {
    const hongKongMacaoTaiwan = ['中国香港', '香港特别行政区', '澳门', '台湾省台北市'];
    const abroad = ['境外', '美国加利福尼亚州', 'Singapore', '开曼群岛'];
    expectAnswers(charter.isMainlandRegion, {
      true: ['北京市海淀区', '广东省深圳市南山区', '中国'],
      false: [...hongKongMacaoTaiwan, ...abroad, '  '],
    });
  });
});
