/**
 * Options shared by every document builder, with their defaults.
 */
import type { BallotInput } from './ballot';
import type { ColophonOptions, LetterheadOptions } from './letterhead';
import type { MembershipApplicationValues } from './membership';
import type { SunshineFormValues } from './sunshine';
import type { DocNumberBrackets } from './text';

/**
 * Font scheme.
 * - 'gb2312': the fonts GB/T 9704-2012 names: 仿宋_GB2312 (body), 方正小标宋简体 (titles), 黑体 (level-1
 *   headings), 楷体_GB2312 (level-2 headings).
 * - 'windows': the faces every Chinese Windows has, for machines without the GB2312 fonts:
 *   仿宋, 宋体 (titles, bold to stand in for 小标宋), 黑体, 楷体.
 */
export type FontScheme = 'gb2312' | 'windows';

export interface FontSet {
  body: string;
  title: string;
  heading1: string;
  heading2: string;
  /** Page numbers: 4号半角宋体 in both schemes (GB/T 9704-2012 §7.5). */
  pageNumber: string;
  /** Latin letters and digits. */
  latin: string;
  /** Whether titles are set bold (to stand in for 小标宋 with 宋体). */
  titleBold: boolean;
}

export const FONT_SCHEMES: Record<FontScheme, FontSet> = {
  gb2312: {
    body: '仿宋_GB2312',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
    latin: 'Times New Roman',
    titleBold: false,
  },
  windows: {
    body: '仿宋',
    title: '宋体',
    heading1: '黑体',
    heading2: '楷体',
    pageNumber: '宋体',
    latin: 'Times New Roman',
    titleBold: true,
  },
};

/** A contact block (联系人 / 联系电话 / 邮箱 / 邮寄地址), printed as the seed prints it. */
export interface ContactBlock {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** Bank details printed on dues notices (from the settings). */
export interface BankDetails {
  accountName: string;
  bank: string;
  accountNumber: string;
}

/** A seal image for drafts: PNG bytes, printed over the issuer and the date. */
export interface SealImage {
  png: Uint8Array;
  /** Diameter in millimetres; default 42 (a standard 4.2 cm seal). */
  diameterMm?: number;
}

/** An attachment document carried in the same file as a notice (see {@link AttachmentPart}). */
export type AttachmentPart =
  | {
      kind: 'sunshine-form';
      /** Values for a filled form; omitted or partial: the seed's grey 例：… hints are shown. */
      values?: Partial<SunshineFormValues>;
      number?: number;
    }
  | { kind: 'sunshine-declaration'; number?: number }
  | { kind: 'membership-application'; values?: Partial<MembershipApplicationValues>; number?: number }
  | { kind: 'ballot'; ballot: BallotInput; number?: number }
  | {
      kind: 'text';
      /** Title of the attachment, centred (omit for none). */
      title?: string;
      /** Plain text, one paragraph per line; 一、（一）1. headings as in a notice body. */
      body: string;
      number?: number;
    };

export interface DocOptions {
  /** Default 'gb2312'. */
  fontScheme?: FontScheme;
  /** Issuing body used where the input has none; default 中国网络安全产业联盟秘书处. */
  issuer?: string;
  /** Contact block: added to a notice whose body has none, and to dues notices. */
  contact?: ContactBlock;
  /** R-W1: bracket style of document numbers; default: as given. */
  docNumberBrackets?: DocNumberBrackets;
  /** Seal image printed over the issuer and the date (drafts, certificates). */
  seal?: SealImage;
  /** Attachment documents carried in the same file, each from a new page headed 附件N (notices). */
  attachmentsInline?: AttachmentPart[];
  /**
   * 版头 (GB/T 9704-2012 §7.2): 发文机关标志 in red 小标宋, the 发文字号 under it and the red separator line, at
   * the standard's distances; the 发文字号 is then not repeated under the title. Omitted: no 版头 (as the seed).
   */
  letterhead?: LetterheadOptions;
  /** 版记 (§7.4): 抄送, 印发机关 and 印发日期 between the rules at the foot of the last page. Omitted: none. */
  colophon?: ColophonOptions;
  /** Bank details for dues notices. */
  bank?: BankDetails;
  /** Show the seed's grey 例：… hints in empty cells of the Sunshine form; default true. */
  formHints?: boolean;
  /**
   * Batches (dues notices) printed on both sides: each member's notice starts on an odd page, a blank page
   * inserted after an odd-length one; default true. false: each starts on the next page.
   */
  duplex?: boolean;
  /** Document metadata (core properties). */
  author?: string;
  /**
   * 'YYYY-MM-DD': core.xml's created/modified and the zip entries carry this date instead of the clock,
   * so the same document gives the same bytes (the register's 成文日期).
   */
  date?: string;
}

export const DEFAULT_ISSUER = '中国网络安全产业联盟秘书处';
export const ALLIANCE_NAME = '中国网络安全产业联盟';

export function fontsOf(options: DocOptions | undefined): FontSet {
  return FONT_SCHEMES[options?.fontScheme === 'windows' ? 'windows' : 'gb2312'];
}
