/**
 * 证书: 会员证书 (R-M3 step 4), 理事单位证书, and a programme's 成员单位证书 (R-P3), e.g. “网络安全服务阳光行动”
 * 成员单位证书. A4 landscape, one page each, a double border, the certificate number, the unit, what it
 * certifies, the issuer and date at the right with the seal's place over them.
 * Batches put many certificates in one file, one a page, in a single section (fast: 500 in well under a second).
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import type { ImageRun } from 'docx';
import type { IPageBordersOptions } from 'docx';
import { sealRun } from './blocks';
import { A4, CERT_SIGN_SIZE, STYLE, buildDocx, mmToTwip } from './layout';
import type { SectionSpec } from './layout';
import { ALLIANCE_NAME } from './options';
import type { DocOptions } from './options';
import { SUNSHINE_PROGRAMME } from './sunshine';
import { asObject, formatCnDate, sanitizeLine, textWidthChars } from './text';

export type CertificateKind = 'member' | 'director' | 'programme';

export interface CertificateInput {
  /** member: 会员证书; director: 理事单位证书; programme: 成员单位证书 of `programmeName`. */
  kind: CertificateKind;
  unitName: string;
  certificateNo: string;
  /** 'YYYY-MM-DD'. */
  issuedOn: string;
  /** 中国网络安全产业联盟 (default: options.issuer, then the alliance). */
  issuer: string;
  /** For kind 'programme'; default 网络安全服务阳光行动. */
  programmeName?: string;
  /** Optional 'YYYY-MM-DD' printed as 有效期至 …. */
  validUntil?: string;
}

/** Landscape margins: 30 mm top and bottom, 35 mm left and right (inside the border). */
const MARGIN = { top: mmToTwip(28), bottom: mmToTwip(25), left: mmToTwip(35), right: mmToTwip(35) };
const AREA_WIDTH = A4.height - MARGIN.left - MARGIN.right;
const BORDER_COLOR = '9E1B1B';

const BORDERS: IPageBordersOptions = {
  pageBorders: { display: 'allPages', offsetFrom: 'page', zOrder: 'front' },
  pageBorderTop: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 36, color: BORDER_COLOR, space: 24 },
  pageBorderBottom: { style: BorderStyle.THIN_THICK_MEDIUM_GAP, size: 36, color: BORDER_COLOR, space: 24 },
  pageBorderLeft: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 36, color: BORDER_COLOR, space: 24 },
  pageBorderRight: { style: BorderStyle.THIN_THICK_MEDIUM_GAP, size: 36, color: BORDER_COLOR, space: 24 },
};

/** Certificate title by kind. */
export function certificateTitle(c: Pick<CertificateInput, 'kind' | 'programmeName'>): string {
  if (c.kind === 'director') return '理事单位证书';
  if (c.kind === 'programme') return `“${programmeOf(c)}”成员单位证书`;
  return '会员证书';
}

function programmeOf(c: Pick<CertificateInput, 'programmeName'>): string {
  return sanitizeLine(c.programmeName).replace(/^[“"]+|[”"]+$/g, '') || SUNSHINE_PROGRAMME;
}

/** What the certificate certifies, after the unit's name. */
export function certificateStatement(c: Pick<CertificateInput, 'kind' | 'programmeName'>): string {
  if (c.kind === 'director') return `为${ALLIANCE_NAME}理事单位。`;
  if (c.kind === 'programme') return `为${ALLIANCE_NAME}“${programmeOf(c)}”成员单位。`;
  return `为${ALLIANCE_NAME}会员单位。`;
}

interface LineSpec {
  text: string;
  style: string;
  /** Size in half-points when it differs from the style's. */
  size?: number;
  align?: 'left' | 'center' | 'right';
  before?: number;
  after?: number;
  /** Extra space between characters, twips, when it differs from the style's. */
  tracking?: number;
  pageBreakBefore?: boolean;
  rightIndent?: number;
  leftIndent?: number;
  /** Exact line height in twips when it differs from the style's. */
  line?: number;
  /** Keep with the next paragraph (default true: a certificate never breaks). */
  keepNext?: boolean;
  /** A floating image (the seal) anchored in this paragraph. */
  anchor?: ImageRun | undefined;
}

/**
 * One paragraph of a certificate: a style (parts.ts) and only the direct formatting that differs from it,
 * so a batch of hundreds stays small and quick to write.
 */
function line(l: LineSpec): Paragraph {
  const spacing =
    l.before !== undefined || l.after !== undefined || l.line !== undefined
      ? {
          spacing: {
            ...(l.line !== undefined ? { line: l.line, lineRule: LineRuleType.EXACT } : {}),
            ...(l.before !== undefined ? { before: l.before } : {}),
            ...(l.after !== undefined ? { after: l.after } : {}),
          },
        }
      : {};
  return new Paragraph({
    style: l.style,
    ...(l.align
      ? {
          alignment:
            l.align === 'left'
              ? AlignmentType.LEFT
              : l.align === 'right'
                ? AlignmentType.RIGHT
                : AlignmentType.CENTER,
        }
      : {}),
    ...spacing,
    ...(l.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(l.rightIndent || l.leftIndent
      ? { indent: { right: l.rightIndent ?? 0, left: l.leftIndent ?? 0 } }
      : {}),
    ...(l.keepNext === false ? {} : { keepNext: true }),
    children: [
      ...(l.anchor ? [l.anchor] : []),
      ...l.text.split('\n').map(
        (text, i) =>
          new TextRun({
            text,
            ...(i > 0 ? { break: 1 } : {}),
            ...(l.size !== undefined ? { size: l.size } : {}),
            ...(l.tracking !== undefined ? { characterSpacing: l.tracking } : {}),
          }),
      ),
    ],
  });
}

/** Points of the unit's name: 30 (小初-like) when it fits, never below 20. */
const NAME_MAX_PT = 30;
const NAME_ONE_LINE_MIN_PT = 26;
const NAME_MIN_PT = 20;
/** Width of the name's line in points (the type area, less a character for safety). */
const NAME_LINE_PT = AREA_WIDTH / 20 - 10;

/**
 * Where a unit's name may break, by its own parts: after a closing parenthesis or before an opening one
 * (（北京）), before 股份有限公司 / 有限责任公司 / 有限公司, after 有限公司 / 集团 / 研究院 / 研究中心 … when more
 * follows (…有限公司 | 第一分公司), before 分公司 / 分院. Each is a place the clerk reads as a seam.
 */
const NAME_BREAK_AFTER = [
  '）',
  ')',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团',
  '研究院',
  '研究中心',
  '研究所',
  '中心',
  '大学',
  '学院',
  '协会',
  '联盟',
  '委员会',
  '省',
  '自治区',
  '市',
];
const NAME_BREAK_BEFORE = ['（', '(', '股份有限公司', '有限责任公司', '有限公司', '分公司', '分院', '分中心'];
/**
 * Never broken inside, whatever the seams or the dictionary say: the legal forms (a seam before 有限公司 is
 * not one inside 股份有限公司) and the field's own terms, each read as one word (网络空间安全, not 网络 /
 * 空间安全 as the platform's dictionary would have it).
 */
const NAME_KEEP_WHOLE = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '研究中心',
  '研究院',
  '研究所',
  '网络空间安全',
  '网络安全',
  '信息安全',
  '数据安全',
  '密码技术',
  '信息技术',
  '安全技术',
  '网络科技',
  '信息科技',
  '人工智能',
  '工业互联网',
  '互联网',
  '云计算',
  '大数据',
  '物联网',
  '区块链',
  '中关村',
];

let segmenter: { segment(s: string): Iterable<{ index: number }> } | null | undefined;
/** Word boundaries from the platform's dictionary (Intl.Segmenter), where there is one. */
function wordBoundaries(name: string): number[] {
  if (segmenter === undefined) {
    const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: object) => typeof segmenter }).Segmenter;
    segmenter = Seg ? new Seg('zh', { granularity: 'word' }) : null;
  }
  return segmenter ? [...segmenter.segment(name)].map((x) => x.index) : [];
}

/**
 * The unit's name as printed: one line at 30 pt (or smaller, down to 26 pt), else two balanced lines broken at
 * one of the name's own seams (NAME_BREAK_*; failing those, a word boundary; never inside a word such as
 * 研究中心 or 网络空间安全, NAME_KEEP_WHOLE), at the largest size both lines fit, at least 20 pt. Returns the text (with a line feed) and points.
 */
export function certificateNameLines(name: string): { text: string; pt: number } {
  const w = Math.max(1, textWidthChars(name));
  if (w * NAME_MAX_PT <= NAME_LINE_PT) return { text: name, pt: NAME_MAX_PT };
  if (w * NAME_ONE_LINE_MIN_PT <= NAME_LINE_PT) return { text: name, pt: Math.floor(NAME_LINE_PT / w) };
  const seams = new Set<number>();
  for (const t of NAME_BREAK_AFTER)
    for (let i = name.indexOf(t); i >= 0; i = name.indexOf(t, i + 1)) seams.add(i + t.length);
  for (const t of NAME_BREAK_BEFORE)
    for (let i = name.indexOf(t); i >= 0; i = name.indexOf(t, i + 1)) seams.add(i);
  const words = new Set(wordBoundaries(name));
  const inside = new Set<number>();
  for (const t of NAME_KEEP_WHOLE)
    for (let i = name.indexOf(t); i >= 0; i = name.indexOf(t, i + 1))
      for (let k = i + 1; k < i + t.length; k++) inside.add(k);
  let best: { at: number; cost: number } | undefined;
  const consider = (at: number, penalty: number) => {
    if (at <= 1 || at >= name.length - 1 || inside.has(at)) return;
    // Never between a surrogate pair, nor before closing punctuation.
    if (/^[）)、，。]/.test(name.slice(at)) || /[（(]$/.test(name.slice(0, at))) return;
    const a = textWidthChars(name.slice(0, at));
    const b = textWidthChars(name.slice(at));
    const cost = Math.abs(a - b) + penalty;
    if (!best || cost < best.cost) best = { at, cost };
  };
  for (const at of seams) consider(at, 0);
  // A word boundary only when no seam gives lines within six characters of each other.
  if (!best || best.cost > 6) for (const at of words) if (!seams.has(at)) consider(at, 4);
  if (!best) return { text: name, pt: Math.max(NAME_MIN_PT, Math.floor(NAME_LINE_PT / w)) };
  const first = name.slice(0, best.at);
  const second = name.slice(best.at);
  const longest = Math.max(textWidthChars(first), textWidthChars(second));
  return {
    text: `${first}\n${second}`,
    pt: Math.max(NAME_MIN_PT, Math.min(NAME_MAX_PT, Math.floor(NAME_LINE_PT / longest))),
  };
}

/** The paragraphs of one certificate (one landscape page). */
export function certificateContent(
  c: CertificateInput,
  options: DocOptions | undefined,
  first = true,
): Paragraph[] {
  const input = asObject<CertificateInput>(c);
  const kind: CertificateKind =
    input.kind === 'director' || input.kind === 'programme' ? input.kind : 'member';
  const unit = sanitizeLine(input.unitName);
  const number = sanitizeLine(input.certificateNo);
  const issuer = sanitizeLine(input.issuer) || sanitizeLine(options?.issuer) || ALLIANCE_NAME;
  const date = formatCnDate(input.issuedOn);
  const out: Paragraph[] = [];
  const name = certificateNameLines(unit);
  const twoLines = name.text.includes('\n');

  // Certificate number (and validity) at the top right.
  out.push(line({ text: `证书编号：${number}`, style: STYLE.certNo, pageBreakBefore: !first }));
  if (sanitizeLine(input.validUntil) !== '') {
    out.push(line({ text: `有效期至：${formatCnDate(input.validUntil)}`, style: STYLE.certNo }));
  }

  // Title: programme name over 成员单位证书, or 会员证书 / 理事单位证书 widely spaced.
  if (kind === 'programme') {
    out.push(
      line({
        text: `“${programmeOf(input)}”`,
        style: STYLE.certTitle,
        size: 52,
        line: 780,
        before: twoLines ? 120 : 360,
        after: 0,
      }),
    );
    out.push(
      line({
        text: '成员单位证书',
        style: STYLE.certTitle,
        size: 80,
        tracking: 160,
        line: 1200,
        before: 0,
        after: twoLines ? 360 : 600,
      }),
    );
  } else {
    out.push(line({ text: certificateTitle({ kind }), style: STYLE.certTitle, tracking: 400 }));
  }

  // 兹证明 / unit name / statement / 特发此证。 Long names get a smaller size (down to 20 pt) and may wrap.
  const statement = certificateStatement({
    kind,
    ...(input.programmeName ? { programmeName: input.programmeName } : {}),
  });
  const small = textWidthChars(statement) * 22 * 20 > AREA_WIDTH; // 2号 does not fit: 小2
  const textSize = small ? { size: 36, line: 540 } : {};
  const indent = 2 * (small ? 18 : 22) * 20;
  out.push(line({ text: '兹证明', style: STYLE.certText, align: 'left', leftIndent: indent, ...textSize }));
  out.push(
    line({
      text: name.text,
      style: STYLE.certName,
      ...(name.pt !== NAME_MAX_PT ? { size: name.pt * 2 } : {}),
      // Two lines: less space around them, so the certificate stays on its page.
      ...(twoLines ? { before: 60, after: 60 } : {}),
    }),
  );
  out.push(line({ text: statement, style: STYLE.certText, ...textSize }));
  out.push(
    line({
      text: '特发此证。',
      style: STYLE.certText,
      align: 'left',
      leftIndent: indent,
      // A two-line name takes its room from the space above the signature.
      after: twoLines ? 240 : 840,
      ...textSize,
    }),
  );

  // Issuer and date at the right, the date 4 characters in, the issuer centred over it; seal over both.
  const charTw = CERT_SIGN_SIZE * 10;
  const wi = textWidthChars(issuer);
  const wd = textWidthChars(date);
  const axis = Math.max(4 + wd / 2, wi / 2 + 2);
  const centerX = MARGIN.left + AREA_WIDTH - axis * charTw;
  const seal = options?.seal ? sealRun(options.seal, Math.round(centerX), 200) : undefined;
  out.push(
    line({
      text: issuer,
      style: STYLE.certSign,
      rightIndent: Math.round((axis - wi / 2) * charTw),
      anchor: seal,
    }),
  );
  out.push(
    line({
      text: date,
      style: STYLE.certSign,
      rightIndent: Math.round((axis - wd / 2) * charTw),
      keepNext: false,
    }),
  );
  return out;
}

function certificateSection(children: Paragraph[]): SectionSpec {
  return {
    children,
    landscape: true,
    pageNumbers: false,
    grid: false,
    margin: MARGIN,
    borders: BORDERS,
    verticalAlign: 'center',
  };
}

/** One certificate, one landscape page. */
export async function buildCertificate(c: CertificateInput, options?: DocOptions): Promise<Uint8Array> {
  return buildDocx(
    [certificateSection(certificateContent(c, options))],
    options,
    certificateTitle(c ?? { kind: 'member' }),
  );
}

/** Many certificates in one file, one a page (print run); an empty list gives one blank-free empty page. */
export async function buildCertificatesBatch(
  list: CertificateInput[],
  options?: DocOptions,
): Promise<Uint8Array> {
  const items = Array.isArray(list) ? list : [];
  const children: Paragraph[] = [];
  items.forEach((c, i) => children.push(...certificateContent(c, options, i === 0)));
  if (children.length === 0) children.push(new Paragraph({ children: [] }));
  return buildDocx([certificateSection(children)], options, '证书');
}
