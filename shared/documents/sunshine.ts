/**
 * “网络安全服务阳光行动” documents from the call notice (R-P1, R-P2): the member-unit application form
 * (附件1) and the declaration with the code of conduct (附件2), word for word as the seed prints them.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import {
  attachmentHeading,
  blankLine,
  bodyParagraphs,
  cellParagraphs,
  fixedTable,
  fontRun,
  hintParagraphs,
  runs,
  splitCellText,
  titleParagraph,
} from './blocks';
import type { CellSpec } from './blocks';
import { STYLE, TEXT_WIDTH, buildDocx, chars } from './layout';
import { fontsOf } from './options';
import { SUNSHINE_FORM_ROWS, continuedLabel, type SunshineFormValues } from './sunshineFields';
import type { DocOptions } from './options';
import { BLANK_DATE, formatCnDate, hasText, sanitizeText } from './text';

export { SUNSHINE_FORM_ROWS, type SunshineFormValues } from './sunshineFields';

export const SUNSHINE_PROGRAMME = '网络安全服务阳光行动';

export const SUNSHINE_FORM_TITLE = '“网络安全服务阳光行动”成员单位申请表';

export const SUNSHINE_OPINION =
  '我公司申请成为“网络安全服务阳光行动”成员单位，遵守“网络安全服务阳光行动”宣言及成员守则。';

/** Grid of the form: label | value | label | value, 156 mm in all. */
const FORM_COLUMNS = [2268, 2608, 1134, TEXT_WIDTH - 2268 - 2608 - 1134];
const CELL_CHAR = 240; // one 小四 (12 pt) character in table text (no grid), twips
/** 小四 characters a line of the value cell spanning three columns (less its margins and three for punctuation that cannot start a line). */
const VALUE_CHARS = Math.floor((TEXT_WIDTH - 2268 - 170) / CELL_CHAR) - 3;
/** Lines of a value row at most (18 pt each: under 8 cm, a third of a page). */
const VALUE_MAX_LINES = 12;

/**
 * The seal and date lines in a table cell or page (R-W3): 单位公章： above 申请日期：  年  月  日, both ending
 * at the right, the labels starting at the same place.
 */
export function sealAndDateLines(
  dateLabel: string,
  date: string | undefined,
  o: { charTwips: number; style: string; rightChars?: number },
): Paragraph[] {
  const dateText = hasText(date) ? formatCnDate(date) : BLANK_DATE;
  const dateLine = `${dateLabel}${dateText}`;
  const right = o.rightChars ?? 1;
  // Width in characters of the date line; full-width except digits of a filled date.
  const width = [...dateLine].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1), 0);
  const sealLabel = '单位公章：';
  return [
    new Paragraph({
      style: o.style,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round((right + width - 5) * o.charTwips) },
      children: runs(sealLabel),
    }),
    new Paragraph({
      style: o.style,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * o.charTwips) },
      children: runs(dateLine),
    }),
  ];
}

/** Content of the application form (附件1): title and the seed's table. */
export function sunshineFormContent(
  v: Partial<SunshineFormValues> | undefined,
  options: DocOptions | undefined,
  attachmentNumber?: number,
): FileChild[] {
  const values = v ?? {};
  const showHints = options?.formHints !== false;
  const value = (key: keyof SunshineFormValues): string => sanitizeText(values[key]).trim();
  const label = (text: string, span = 1): CellSpec => ({ content: text, label: true, span });
  const val = (key: keyof SunshineFormValues, span: number): CellSpec => ({ content: value(key), span });

  const rows: Parameters<typeof fixedTable>[1] = [
    { cells: [label('单位名称'), val('unitName', 3)], height: 510, cantSplit: true },
    {
      cells: [label('联系人'), val('contactName', 1), label('手机'), val('mobile', 1)],
      height: 510,
      cantSplit: true,
    },
    {
      cells: [label('职务'), val('position', 1), label('邮箱'), val('email', 1)],
      height: 510,
      cantSplit: true,
    },
    { cells: [label('邮寄地址'), val('postalAddress', 3)], height: 510, cantSplit: true },
  ];
  for (const row of SUNSHINE_FORM_ROWS) {
    const text = value(row.key);
    if (text === '') {
      const content = showHints ? hintParagraphs(row.hint) : cellParagraphs('');
      rows.push({ cells: [label(row.label), { content, span: 3 }], height: 794, cantSplit: true });
      continue;
    }
    // Long content: a row per piece of at most 12 lines, the label continued (续) on the next ones.
    splitCellText(text, VALUE_CHARS, VALUE_MAX_LINES).forEach((piece, i) => {
      rows.push({
        cells: [
          label(i === 0 ? row.label : continuedLabel(row.label)),
          { content: cellParagraphs(piece), span: 3 },
        ],
        height: 794,
        cantSplit: true,
      });
    });
  }
  rows.push({
    cantSplit: true,
    cells: [
      label('单位意见'),
      {
        span: 3,
        vAlign: 'top',
        content: [
          ...cellParagraphs(SUNSHINE_OPINION, { firstLine: 2 * CELL_CHAR }),
          ...cellParagraphs(''),
          ...sealAndDateLines('申请日期：', value('applicationDate'), {
            charTwips: CELL_CHAR,
            style: STYLE.cell,
          }),
        ],
      },
    ],
    height: 1531,
  });
  return [
    ...(attachmentNumber !== undefined ? [attachmentHeading(attachmentNumber)] : []),
    titleParagraph(SUNSHINE_FORM_TITLE, { after: 120 }),
    fixedTable(FORM_COLUMNS, rows),
  ];
}

export const SUNSHINE_DECLARATION_TITLE = '“网络安全服务阳光行动”宣言';
export const SUNSHINE_DECLARATION =
  '我司自愿参与“网络安全服务阳光行动”，坚决维护国家网络安全，合法开展网络安全服务，自觉遵守《“网络安全服务阳光行动”成员守则》，持续加强自律自强意识，始终秉持公平公正的经营原则，为促进网络安全服务行业健康有序发展贡献力量。';
export const SUNSHINE_CODE_TITLE = '“网络安全服务阳光行动”成员守则';
export const SUNSHINE_CODE: readonly string[] = [
  '第一条 严格遵守国家有关法律、法规和政策，主动接受国家网络安全主管部门的指导和监督。',
  '第二条 积极宣贯“网络安全服务阳光行动”思想，为维护国家和全行业整体利益，促进网络安全服务行业持续健康有序发展贡献力量。',
  '第三条 承诺依据《信息安全技术 网络安全服务成本度量指南》开展网络安全服务成本度量及控制工作，积极健全企业内部网络安全服务成本度量体系，持续完善本机构网络安全服务成本控制能力和项目服务能力。',
  '第四条 坚决反对不正当竞争行为，抵制以牺牲服务质量为代价、以低于服务成本价争揽客户的行为，抵制变相提升服务成本、串通加价扰乱市场的行为，维护正常的市场秩序。',
  '第五条 严格按照甲乙双方协议要求开展网络安全服务工作，服务过程严格按照国家、行业及主管部门标准执行，保证网络安全服务质量。',
  '第六条 自愿接受社会和行业监督，如违反本守则主动退出“网络安全服务阳光行动”并退回成员单位证书等。',
];

/** Content of the declaration and the code of conduct (附件2), with the seal and date lines (R-W3). */
export function sunshineDeclarationContent(
  options: DocOptions | undefined,
  attachmentNumber?: number,
): FileChild[] {
  const f = fontsOf(options);
  const article = (line: string): Paragraph => {
    const m = /^(第[一二三四五六七八九十百]+条)\s*(.*)$/.exec(line);
    return new Paragraph({
      style: STYLE.body,
      children: m
        ? [
            new TextRun({ text: m[1] ?? '', font: fontRun(f.heading1, f.latin) }),
            new TextRun({ text: `\u3000${m[2] ?? ''}` }),
          ]
        : runs(line),
    });
  };
  return [
    ...(attachmentNumber !== undefined ? [attachmentHeading(attachmentNumber)] : []),
    titleParagraph(SUNSHINE_DECLARATION_TITLE),
    blankLine(),
    ...bodyParagraphs(SUNSHINE_DECLARATION, f),
    blankLine(),
    ...sealAndDateLines('日\u3000\u3000期：', undefined, {
      charTwips: chars(1),
      style: STYLE.plain,
      rightChars: 2,
    }),
    blankLine(),
    blankLine(),
    titleParagraph(SUNSHINE_CODE_TITLE),
    blankLine(),
    ...SUNSHINE_CODE.map(article),
  ];
}

/** The application form (附件1) alone; `attachmentNumber` prints the 附件N heading. */
export async function buildSunshineApplicationForm(
  v: Partial<SunshineFormValues>,
  options?: DocOptions & { attachmentNumber?: number },
): Promise<Uint8Array> {
  return buildDocx(
    [{ children: sunshineFormContent(v, options, options?.attachmentNumber) }],
    options,
    SUNSHINE_FORM_TITLE,
  );
}

/** The declaration and code of conduct (附件2) alone. */
export async function buildSunshineDeclaration(
  options?: DocOptions & { attachmentNumber?: number },
): Promise<Uint8Array> {
  return buildDocx(
    [{ children: sunshineDeclarationContent(options, options?.attachmentNumber) }],
    options,
    SUNSHINE_DECLARATION_TITLE,
  );
}
