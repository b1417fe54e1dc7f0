/**
 * View logic of the 发文 desk (R-W1, R-W2): paste normalisation, the live preview's paragraph list and its
 * page estimate, templates, labels. Pure functions (no DOM, no Dexie): unit-tested in test/unit/documents-desk.
 * Paragraph classification is the document builder's own (`bodyLevel`), so preview and .docx agree.
 */
import { SUNSHINE_SEED_NOTICE, formatCnDate } from '../../../../shared/documents';
// Not exported from shared/documents/index.ts: the builder's own classifier and width measure (reused, not copied).
import { bodyLevel } from '../../../../shared/documents/blocks';
import { textWidthChars } from '../../../../shared/documents/text';
import type { DocType, OutgoingDocument } from '../../../../shared/domain/records';
import { stableJson } from '../../../../shared/sync/codec';
import type { DraftFields } from '../../records/register';

export const DEFAULT_ISSUER = '中国网络安全产业联盟秘书处';

export const DOC_TYPES: readonly DocType[] = ['通知', '会议通知', '证书批次', '其他'];

export const DOC_STATUS_LABEL: Record<OutgoingDocument['status'], string> = {
  draft: '草稿',
  final: '已定稿',
  void: '已作废',
};

/* ------------------------------------------------------------------ paste */

/**
 * Text pasted from Word (text/plain): CR LF → LF, tabs and no-break spaces → spaces, zero-width characters
 * dropped, each line trimmed (Word's full-width-space first-line indents included: the layout indents), and the blank
 * lines Word puts between paragraphs removed — the body is one paragraph per line.
 */
export function normalizePastedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2007\u202F]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/ {2,}/g, ' '))
    .filter((l) => l !== '')
    .join('\n');
}

/** Replaces the selection [start, end) of `value` with `text` and returns the new value and caret. */
export function insertText(
  value: string,
  start: number,
  end: number,
  text: string,
): { value: string; caret: number } {
  const s = Math.max(0, Math.min(start, value.length));
  const e = Math.max(s, Math.min(end, value.length));
  return { value: value.slice(0, s) + text + value.slice(e), caret: s + text.length };
}

/* ---------------------------------------------------------------- preview */

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Characters per line of the 2号 title (22 pt on a 156 mm line). */
export const TITLE_CHARS_PER_LINE = 20;

export type PreviewKind =
  | 'mark'
  | 'title'
  | 'docNo'
  | 'letterheadDocNo'
  | 'blank'
  | 'addressee'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'body'
  | 'attachment'
  | 'issuer'
  | 'date';

export interface PreviewBlock {
  kind: PreviewKind;
  text: string;
  /** Estimated printed lines (22 a page). */
  lines: number;
  /** First-line indent in characters. */
  indent: number;
}

/** Lines a paragraph takes: its width (CJK 1, ASCII ½) plus the indent, 28 characters a line. */
export function estimateLines(text: string, indent = 2, perLine = CHARS_PER_LINE): number {
  const w = textWidthChars(text) + indent;
  return Math.max(1, Math.ceil(w / perLine - 1e-9));
}

export interface NoticeFields {
  title: string;
  docNumber: string;
  addressee: string;
  body: string;
  attachments: readonly string[];
  issuer: string;
  date: string;
  /** 版头 (GB/T 9704-2012 §7.2): the 发文机关标志 over the 发文字号 and the red line. */
  letterhead?: { mark: string };
  /** 版记 (§7.4), at the foot of the last page. */
  colophon?: { cc?: string; printDate?: string };
}

/**
 * Lines the 版头 takes above the title: 35 mm to the 标志 (3.4 lines), the 标志 (1–2), two blank lines, the
 * 发文字号 with the red line 4 mm under it, two blank lines: ten lines of the 22.
 */
export const LETTERHEAD_LINES = { space: 3, mark: 2, gap: 2, docNo: 1, after: 2 } as const;

/** The notice as the builder prints it (R-W2 order), one block per printed paragraph. */
export function previewBlocks(n: NoticeFields): PreviewBlock[] {
  const out: PreviewBlock[] = [];
  const block = (kind: PreviewKind, text: string, indent = 0, perLine = CHARS_PER_LINE): void => {
    out.push({ kind, text, indent, lines: estimateLines(text, indent, perLine) });
  };
  const mark = n.letterhead?.mark.trim() ?? '';
  if (mark !== '') {
    // 版头: the 标志 35 mm below the type area's top, the 发文字号 over the red line; no number under the title.
    for (let i = 0; i < LETTERHEAD_LINES.space; i++) block('blank', '');
    out.push({ kind: 'mark', text: mark, indent: 0, lines: LETTERHEAD_LINES.mark });
    for (let i = 0; i < LETTERHEAD_LINES.gap; i++) block('blank', '');
    out.push({ kind: 'letterheadDocNo', text: n.docNumber.trim(), indent: 0, lines: LETTERHEAD_LINES.docNo });
    for (let i = 0; i < LETTERHEAD_LINES.after; i++) block('blank', '');
  }
  // The 2号 title is taller than the 28.95 pt grid line: Word and WPS give each of its lines two grid lines.
  const title = n.title.trim();
  out.push({
    kind: 'title',
    text: title,
    indent: 0,
    lines: 2 * estimateLines(title, 0, TITLE_CHARS_PER_LINE),
  });
  if (mark === '' && n.docNumber.trim() !== '') block('docNo', n.docNumber.trim());
  block('blank', '');
  const addressee = n.addressee.trim().replace(/[:：]+$/, '');
  if (addressee !== '') block('addressee', `${addressee}：`);
  for (const raw of n.body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    block(bodyLevel(line), line, 2);
  }
  const list = n.attachments.map((t) => t.trim()).filter((t) => t !== '');
  if (list.length > 0) {
    block('blank', '');
    if (list.length === 1) block('attachment', `附件：${list[0] ?? ''}`, 2);
    else
      list.forEach((t, i) =>
        block('attachment', `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${i + 1}. ${t}`, 2),
      );
  }
  block('blank', '');
  block('blank', '');
  if (n.issuer.trim() !== '') block('issuer', n.issuer.trim());
  block('date', formatCnDate(n.date));
  return out;
}

/** A block placed on a page; `part` is the slice of its text printed there when a paragraph runs on. */
export interface PlacedBlock extends PreviewBlock {
  continued: boolean;
}

/**
 * Page estimate: fills 22 lines a page, running a long paragraph on to the next page at a character
 * position (28 a line). As the builder does (GB/T 9704 §7.3.5.4), the last body paragraph, the attachment
 * note and the issuer and date are kept together: when they do not fit, they start the next page.
 * Returns at least one page.
 */
export function paginate(blocks: readonly PreviewBlock[], linesPerPage = LINES_PER_PAGE): PlacedBlock[][] {
  const pages: PlacedBlock[][] = [[]];
  let used = 0;
  const current = (): PlacedBlock[] => pages[pages.length - 1] as PlacedBlock[];
  const newPage = (): void => {
    pages.push([]);
    used = 0;
  };
  const isText = (b: PreviewBlock) =>
    b.kind === 'body' || b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3';
  let keepFrom = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (isText(blocks[i] as PreviewBlock)) {
      keepFrom = i;
      break;
    }
  }
  const keepLines = keepFrom < 0 ? 0 : blocks.slice(keepFrom).reduce((n, b) => n + b.lines, 0);
  blocks.forEach((b, i) => {
    if (i === keepFrom && used > 0 && used + keepLines > linesPerPage && keepLines <= linesPerPage) newPage();
    // Blank lines at the top of a page are swallowed.
    if (b.kind === 'blank' && used === 0 && pages.length > 1) return;
    let rest: PreviewBlock = b;
    let continued = false;
    const canSplit = isText(rest) && (i !== keepFrom || keepLines > linesPerPage);
    while (used + rest.lines > linesPerPage) {
      const room = linesPerPage - used;
      if (canSplit && room > 0 && rest.lines > 1) {
        const [head, tail] = splitAtWidth(rest.text, room * CHARS_PER_LINE - rest.indent);
        current().push({ ...rest, text: head, lines: room, continued });
        rest = { ...rest, text: tail, indent: 0, lines: estimateLines(tail, 0) };
        continued = true;
      }
      newPage();
      if (rest.lines > linesPerPage && !canSplit) break;
    }
    current().push({ ...rest, continued });
    used += rest.lines;
  });
  return pages;
}

/** Splits text after `width` full-width characters (ASCII counts ½). */
export function splitAtWidth(text: string, width: number): [string, string] {
  let w = 0;
  let i = 0;
  const chars = [...text];
  for (; i < chars.length; i++) {
    const cp = chars[i]?.codePointAt(0) ?? 0;
    const cw = cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
    if (w + cw > width) break;
    w += cw;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}

/** Page number as GB/T 9704 prints it: — 1 —. */
export function pageNumberLabel(n: number): string {
  return `— ${n} —`;
}

/* -------------------------------------------------------------- templates */

export type TemplateId = 'sunshine' | 'meeting' | 'dues' | 'general';

export interface NoticeTemplate {
  id: TemplateId;
  label: string;
  type: DocType;
  title: string;
  addressee: string;
  body: string;
  attachments: string[];
  /** The seed's inline attachments (附件1 form, 附件2 declaration) are carried in the exported file. */
  inlineSunshine: boolean;
}

export const TEMPLATES: readonly NoticeTemplate[] = [
  {
    id: 'sunshine',
    label: '征集通知（网络安全服务阳光行动）',
    type: '通知',
    title: SUNSHINE_SEED_NOTICE.title,
    addressee: SUNSHINE_SEED_NOTICE.addressee,
    body: SUNSHINE_SEED_NOTICE.body,
    attachments: [...SUNSHINE_SEED_NOTICE.attachments],
    inlineSunshine: true,
  },
  {
    id: 'meeting',
    label: '会议通知',
    type: '会议通知',
    title: '关于召开中国网络安全产业联盟××会议的通知',
    addressee: '各理事单位',
    body: [
      '根据《中国网络安全产业联盟章程》有关规定，经研究，定于×年×月×日召开中国网络安全产业联盟××会议。现将有关事项通知如下：',
      '一、会议时间',
      '×年×月×日（星期×）上午 9:30—12:00，9:00 开始签到。',
      '二、会议地点',
      '北京市××区××路××号××会议室。',
      '三、会议议程',
      '1. 审议秘书处工作报告。',
      '2. 审议××事项。',
      '3. 其他事项。',
      '四、参会要求',
      '1. 请各单位会员代表出席会议；会员代表因故不能出席的，可书面委托本单位其他人员代为出席。',
      '2. 请于×月×日前将参会回执发送至秘书处邮箱。',
      '五、联系方式',
      '联系人：',
      '联系方式：',
      '邮箱：',
    ].join('\n'),
    attachments: ['参会回执'],
    inlineSunshine: false,
  },
  {
    id: 'dues',
    label: '会费缴纳通知',
    type: '通知',
    title: '关于缴纳中国网络安全产业联盟××年度会费的通知',
    addressee: '各会员单位',
    body: [
      '根据《中国网络安全产业联盟章程》和会费标准的有关规定，现将××年度会费缴纳事项通知如下：',
      '一、会费标准',
      '理事长单位、常务理事单位每年 30000 元，理事单位每年 10000 元，会员单位每年 5000 元。',
      '二、缴纳时间',
      '请于×年×月×日前缴纳本年度会费。',
      '三、缴纳方式',
      '1. 银行转账，汇款时请注明“单位名称＋××年度会费”。',
      '2. 秘书处收到会费后开具发票，请将开票信息发送至秘书处邮箱。',
      '四、联系方式',
      '联系人：',
      '联系方式：',
      '邮箱：',
    ].join('\n'),
    attachments: [],
    inlineSunshine: false,
  },
  {
    id: 'general',
    label: '一般通知',
    type: '通知',
    title: '关于××的通知',
    addressee: '各会员单位',
    body: [
      '为……，根据……，现将有关事项通知如下：',
      '一、××',
      '（一）××。',
      '（二）××。',
      '二、××',
      '1. ××。',
      '2. ××。',
      '三、联系方式',
      '联系人：',
      '联系方式：',
      '邮箱：',
      '特此通知。',
    ].join('\n'),
    attachments: [],
    inlineSunshine: false,
  },
];

export function templateById(id: string | undefined): NoticeTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/* ------------------------------------------------------------------ misc */

/** First 12 hex digits of a SHA-256 for the register; the full value goes in the tooltip / clipboard. */
export function shortHash(hex: string | undefined): string {
  return hex ? `${hex.slice(0, 12)}…` : '—';
}

/** SHA-256 of the exported bytes, hex: the backup's own function (one for the app). */
export { sha256Hex } from '../../io/contentCompress';

/** A safe file name for the export: 发文字号 and title, without characters Windows forbids. */
export function exportFileName(d: Pick<OutgoingDocument, 'docNumber' | 'title'>): string {
  const base = `${d.docNumber ? `${d.docNumber} ` : ''}${d.title || '未命名通知'}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .slice(0, 150)
    .trim();
  return `${base || '通知'}.docx`;
}

/**
 * A new notice the clerk has typed nothing into yet: title, body and attachments empty, or as the chosen
 * template gives them. Its autosave creates no draft (opening 新建通知 and leaving leaves the register as it
 * was); anything typed does.
 */
export function nothingTypedYet(d: {
  title: string;
  body: string;
  attachments: readonly string[];
  template?: string;
}): boolean {
  const t = templateById(d.template);
  const given = t ?? { title: '', body: '', attachments: [] };
  return (
    d.title.trim() === given.title.trim() &&
    d.body.trim() === given.body.trim() &&
    d.attachments.join('\n') === given.attachments.join('\n')
  );
}

/* ------------------------------------------------------------------ typing a closed document left out */

const FIELD_KEYS = [
  'title',
  'type',
  'date',
  'addressee',
  'body',
  'attachments',
  'issuer',
  'template',
  'letterhead',
  'colophon',
] as const satisfies readonly (keyof DraftFields)[];

const same = (a: unknown, b: unknown) => stableJson(a ?? null) === stableJson(b ?? null);

/**
 * A draft was closed (定稿 or 作废, on another workstation or before the autosave's last write) while the
 * clerk typed: what of the typing the closed document lacks. `base` is what the typing started from (the
 * editor's last stored version), `typed` what the editor holds, `closed` the document now. Returns the
 * fields the clerk changed to a value the closed document does not hold (in the order of the form), and a
 * new draft's fields: the closed document with that typing on top. null when nothing typed is missing
 * (the document was closed with the clerk's text, or the clerk changed nothing).
 */
export function typingLeftOut(
  base: DraftFields,
  typed: DraftFields,
  closed: DraftFields,
): { fields: (keyof DraftFields)[]; draft: DraftFields } | null {
  const fields = FIELD_KEYS.filter((k) => !same(typed[k], base[k]) && !same(typed[k], closed[k]));
  if (fields.length === 0) return null;
  const draft: DraftFields = { ...closed, attachments: [...closed.attachments] };
  const out = draft as Record<string, unknown>;
  for (const k of fields) {
    if (typed[k] === undefined) delete out[k];
    else out[k] = typed[k];
  }
  return { fields, draft };
}
