/**
 * 入会申请书 (membership application), designed from charter art. 8 (eligibility, R-M2) and art. 9
 * (admission procedure, R-M3): unit details with the unified social credit code and the registration region,
 * representative and contact, the materials of step (1), the applicant's acceptance of the charter, the seal
 * and date lines (R-W3), and a box for the secretariat's review opinion (step (2)).
 */
import type { FileChild } from 'docx';
import {
  attachmentHeading,
  cellParagraphs,
  fixedTable,
  hintParagraphs,
  splitCellText,
  titleParagraph,
} from './blocks';
import type { CellSpec } from './blocks';
import { STYLE, TEXT_WIDTH, buildDocx } from './layout';
import type { DocOptions } from './options';
import { sealAndDateLines } from './sunshine';
import { isIsoDate } from '../charter';
import { BLANK_DATE, formatCnDate, sanitizeText } from './text';

export interface PersonDetails {
  name?: string;
  position?: string;
  mobile?: string;
  email?: string;
}

/** R-M3 step (1): the materials an applicant submits. */
export type MembershipMaterial = 'application' | 'introduction' | 'licence' | 'report';
export const MEMBERSHIP_MATERIAL_LABEL: Record<MembershipMaterial, string> = {
  application: '入会申请书（盖章）',
  introduction: '单位介绍',
  licence: '营业执照或统一社会信用代码证复印件',
  report: '网络安全工作情况书面报告',
};

export interface MembershipApplicationValues {
  unitName: string;
  /** 统一社会信用代码 (18 characters, R-M2). */
  creditCode: string;
  /** 注册地区 (R-M2: registered in mainland China). */
  registrationRegion: string;
  /** 单位性质: 企业 / 事业单位 / 用户单位 … */
  unitNature: string;
  /** 成立日期 'YYYY-MM-DD' or free text. */
  establishedOn: string;
  /** 主营业务领域. */
  businessAreas: string;
  representative: PersonDetails;
  contact: PersonDetails;
  postalAddress: string;
  postalCode: string;
  /** Ticks in the materials checklist (☑); unticked boxes print ☐. */
  materials: Partial<Record<MembershipMaterial, boolean>>;
  /** 'YYYY-MM-DD'; empty: blank 年 月 日 to fill in. */
  applicationDate: string;
}

export const MEMBERSHIP_TITLE = '中国网络安全产业联盟入会申请书';

/** R-M2 / art. 8(1): the applicant accepts the charter. */
export const MEMBERSHIP_DECLARATION =
  '本单位自愿申请加入中国网络安全产业联盟，承认并遵守《中国网络安全产业联盟章程》，履行会员义务，按时、足额交纳会费。本单位在中国大陆境内注册，所提交的申请材料真实、准确、完整。';

/**
 * label | sub-label | value | sub-label | value | value, 156 mm in all. The first value column holds the
 * 18-character credit code on one line (2,900 twips), and a person's e-mail address; the address spans it
 * and the next sub-label column, the postcode takes the last narrow column only.
 */
const COLUMNS = [1418, 1304, 2900, 1134, 1134, TEXT_WIDTH - 1418 - 1304 - 2900 - 1134 - 1134];
/** 小四 characters a line of a value spanning the last four columns (less margins and punctuation). */
const WIDE_VALUE_CHARS = Math.floor((TEXT_WIDTH - 1418 - 1304 - 170) / 240) - 3;
const CELL_CHAR = 240; // one 小四 (12 pt) character of table text, twips

export function membershipApplicationContent(
  v: Partial<MembershipApplicationValues> | Partial<Record<string, unknown>> | undefined,
  options: DocOptions | undefined,
  attachmentNumber?: number,
): FileChild[] {
  const values = (v ?? {}) as Partial<MembershipApplicationValues>;
  const showHints = options?.formHints !== false;
  const text = (x: unknown): string => sanitizeText(x).trim();
  const person = (p: unknown): PersonDetails => (p && typeof p === 'object' ? (p as PersonDetails) : {});
  const rep = person(values.representative);
  const contact = person(values.contact);
  const label = (t: string, span = 1, vMerge?: 'restart' | 'continue'): CellSpec => ({
    content: t,
    label: true,
    span,
    ...(vMerge ? { vMerge } : {}),
  });
  const val = (x: unknown, span = 1, hint?: string): CellSpec => {
    const t = text(x);
    return {
      span,
      content: t !== '' ? t : hint && showHints ? hintParagraphs([hint]) : '',
    };
  };
  const materials = values.materials && typeof values.materials === 'object' ? values.materials : {};
  const checklist = (Object.keys(MEMBERSHIP_MATERIAL_LABEL) as MembershipMaterial[]).flatMap((k, i) =>
    cellParagraphs(`${materials[k] === true ? '☑' : '☐'} ${i + 1}. ${MEMBERSHIP_MATERIAL_LABEL[k]}`),
  );
  const personRows = (title: string, p: PersonDetails): Parameters<typeof fixedTable>[1] => [
    {
      cells: [label(title, 1, 'restart'), label('姓名'), val(p.name), label('职务'), val(p.position, 2)],
      height: 567,
      cantSplit: true,
    },
    {
      // The e-mail address in the wide column (2,900 twips: 22 characters of 12 pt Latin at 6 pt each, more of most addresses),
      // the 11-digit mobile number in the narrower one; the other way round most addresses wrapped.
      cells: [label('', 1, 'continue'), label('邮箱'), val(p.email), label('手机'), val(p.mobile, 2)],
      height: 567,
      cantSplit: true,
    },
  ];
  const rows: Parameters<typeof fixedTable>[1] = [
    { cells: [label('单位名称', 2), val(values.unitName, 4)], height: 624, cantSplit: true },
    {
      cells: [
        label('统一社会信用代码', 2),
        val(values.creditCode),
        label('注册地区'),
        val(values.registrationRegion, 2),
      ],
      height: 624,
      cantSplit: true,
    },
    {
      cells: [
        label('单位性质', 2),
        val(values.unitNature),
        label('成立日期'),
        // A date as 2015 年 6 月 1 日 (R-W2); free text as given.
        val(
          isIsoDate(sanitizeText(values.establishedOn).trim())
            ? formatCnDate(values.establishedOn)
            : values.establishedOn,
          2,
        ),
      ],
      height: 624,
      cantSplit: true,
    },
    // Long content: a row per piece of at most 12 lines, the label continued (续) on the next ones.
    ...(text(values.businessAreas) === ''
      ? [
          {
            cells: [
              label('主营业务领域', 2),
              val('', 4, '例：网络安全产品研发、技术服务、测评认证、教育培训……'),
            ],
            height: 794,
            cantSplit: true,
          },
        ]
      : splitCellText(text(values.businessAreas), WIDE_VALUE_CHARS, 12).map((piece, i) => ({
          cells: [label(i === 0 ? '主营业务领域' : '主营业务领域（续）', 2), val(piece, 4)],
          height: 794,
          cantSplit: true,
        }))),
    ...personRows('会员代表', rep),
    ...personRows('联系人', contact),
    {
      cells: [label('通讯地址', 2), val(values.postalAddress, 2), label('邮政编码'), val(values.postalCode)],
      height: 624,
      cantSplit: true,
    },
    { cells: [label('申请材料', 2), { content: checklist, span: 4 }], height: 794, cantSplit: true },
    {
      cells: [
        label('申请单位声明', 2),
        {
          span: 4,
          vAlign: 'top',
          content: [
            ...cellParagraphs(MEMBERSHIP_DECLARATION, { firstLine: 2 * CELL_CHAR }),
            ...cellParagraphs(''),
            ...sealAndDateLines('申请日期：', text(values.applicationDate), {
              charTwips: CELL_CHAR,
              style: STYLE.cell,
            }),
          ],
        },
      ],
      height: 1701,
      cantSplit: true,
    },
    {
      cells: [
        label('秘书处审查意见', 2),
        {
          span: 4,
          vAlign: 'top',
          content: [
            ...cellParagraphs(''),
            ...cellParagraphs(''),
            ...cellParagraphs(`审查人：\u3000\u3000\u3000\u3000\u3000\u3000日期：${BLANK_DATE}`, {
              align: 'right',
            }),
          ],
        },
      ],
      height: 1134,
      cantSplit: true,
    },
  ];
  return [
    ...(attachmentNumber !== undefined ? [attachmentHeading(attachmentNumber)] : []),
    titleParagraph(MEMBERSHIP_TITLE, { after: 240 }),
    fixedTable(COLUMNS, rows),
  ];
}

/** 入会申请书, blank (hints in grey) or filled. */
export async function buildMembershipApplication(
  v: Partial<MembershipApplicationValues>,
  options?: DocOptions & { attachmentNumber?: number },
): Promise<Uint8Array> {
  return buildDocx(
    [{ children: membershipApplicationContent(v, options, options?.attachmentNumber) }],
    options,
    MEMBERSHIP_TITLE,
  );
}
