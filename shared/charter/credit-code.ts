/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015) and registration region (R-M2).
 *
 * Structure (18 characters): 1 registration authority, 2 organisation type, 3–8 administrative division
 * code of the registering authority (GB/T 2260), 9–17 organisation code, 18 check character.
 * Charset: 0-9 and the uppercase letters except I, O, Z, S, V (31 characters, value = index).
 * Check: weights Wi = 3^(i−1) mod 31 for positions 1–17; C18 = 31 − (Σ Ci·Wi mod 31), with 31 → 0.
 * R-M2 says to warn, not silently accept: the desks show `explainCreditCode` and region warnings.
 */
import { fail } from './errors';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

function valueOf(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/** The check character (position 18) for the first 17 characters; throws a `RangeError` when invalid. */
export function creditCodeCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    fail(
      `计算校验码需要统一社会信用代码的前 17 位，收到 ${typeof first17 === 'string' ? `${first17.length} 位` : '非字符串'}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = first17.charAt(i);
    const v = valueOf(ch);
    if (v < 0)
      fail(`统一社会信用代码第 ${i + 1} 位“${ch}”不是允许的字符（0-9 及除 I、O、Z、S、V 外的大写字母）`);
    sum += v * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(c);
}

/** 18 characters from the GB 32100-2015 charset with the right check character (R-M2). */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false;
  for (const ch of code) if (valueOf(ch) < 0) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/**
 * What is wrong with a credit code, in Chinese, for form validation (R-M2); `null` when it is valid.
 * `null` exactly when `isValidCreditCode(code)`.
 */
export function explainCreditCode(code: string): string | null {
  if (typeof code !== 'string' || code.trim() === '') return '请填写统一社会信用代码';
  if (/\s/.test(code)) return '统一社会信用代码中不应含有空格';
  if (/[a-z]/.test(code)) return '统一社会信用代码中的字母应为大写';
  const chars = [...code];
  if (chars.length !== 18) return `统一社会信用代码应为 18 位，当前为 ${chars.length} 位`;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (valueOf(ch) < 0) {
      const hint = /[IOZSV]/.test(ch)
        ? '（GB 32100-2015 不使用 I、O、Z、S、V，请核对是否为数字 1、0、2、5 或字母 U 等）'
        : '';
      return `统一社会信用代码第 ${i + 1} 位“${ch}”不是允许的字符${hint}`;
    }
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return `统一社会信用代码校验位不符：按前 17 位计算第 18 位应为“${expected}”，实际为“${actual}”，请核对是否录入有误`;
  }
  return null;
}

/** Provincial-level division codes (GB/T 2260 first two digits). */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
});

const NON_MAINLAND_PROVINCES = new Set(['71', '81', '82']);

/** Characters 3–8 of a credit code: the administrative division code of the registering authority, or `null`. */
export function creditCodeDivision(code: string): string | null {
  if (typeof code !== 'string' || code.length !== 18) return null;
  const div = code.slice(2, 8);
  return /^\d{6}$/.test(div) ? div : null;
}

/**
 * The province named by a division code (or a credit code's chars 3–8); '10' is a national-level
 * registering authority ('国家级'). `null` when unknown.
 */
export function provinceOfDivision(division: string): string | null {
  if (typeof division !== 'string' || !/^\d{6}$/.test(division)) return null;
  const head = division.slice(0, 2);
  if (head === '10') return '国家级';
  return PROVINCE_CODES[head] ?? null;
}

/** True when a division code belongs to a mainland province (or a national-level authority), R-M2. */
export function isMainlandDivision(division: string): boolean {
  const province = provinceOfDivision(division);
  return province !== null && !NON_MAINLAND_PROVINCES.has(division.slice(0, 2));
}

/**
 * Words in a free-text registration region that mean "outside the mainland" (R-M2): Hong Kong, Macao,
 * Taiwan, explicit "abroad" words, and the countries and offshore jurisdictions most often seen.
 */
export const NON_MAINLAND_REGION_WORDS: readonly string[] = [
  '香港',
  '澳门',
  '澳門',
  '台湾',
  '台灣',
  '臺灣',
  '境外',
  '国外',
  '海外',
  '外国',
  'hong kong',
  'hongkong',
  'macau',
  'macao',
  'taiwan',
  '美国',
  '英国',
  '日本',
  '韩国',
  '朝鲜',
  '新加坡',
  '马来西亚',
  '德国',
  '法国',
  '意大利',
  '西班牙',
  '荷兰',
  '比利时',
  '瑞士',
  '瑞典',
  '挪威',
  '芬兰',
  '丹麦',
  '爱尔兰',
  '奥地利',
  '卢森堡',
  '俄罗斯',
  '乌克兰',
  '以色列',
  '印度',
  '澳大利亚',
  '新西兰',
  '加拿大',
  '墨西哥',
  '巴西',
  '开曼',
  '维尔京',
  '百慕大',
  '阿联酋',
  '沙特',
  'usa',
  'united states',
  'america',
  'united kingdom',
  'england',
  'japan',
  'korea',
  'singapore',
  'germany',
  'france',
  'netherlands',
  'switzerland',
  'israel',
  'india',
  'australia',
  'canada',
  'cayman',
  'virgin islands',
  'bermuda',
];

/**
 * Whether a free-text registration region (e.g. '北京市海淀区') reads as mainland China (R-M2). Simple on
 * purpose: `false` when it is empty or mentions Hong Kong, Macao, Taiwan, "境外/国外/海外" or a listed
 * foreign country or offshore jurisdiction (`NON_MAINLAND_REGION_WORDS`, case-insensitive); otherwise
 * `true`. A `false` is a warning for the clerk, not a refusal.
 */
export function isMainlandRegion(regionText: string): boolean {
  if (typeof regionText !== 'string') return false;
  const text = regionText.trim().toLowerCase();
  if (text === '') return false;
  return !NON_MAINLAND_REGION_WORDS.some((w) => text.includes(w));
}
