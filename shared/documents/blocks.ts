/**
 * Paragraph and table building blocks: title, document number, body with 一、（一）1. headings, contact
 * block, attachment note, issuer and date with room for the seal, attachment headings, fixed-layout tables.
 * All text goes through sanitizeText.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import { CHAR_PITCH, GB_MARGIN, HINT_LINE, SIZE, STYLE, TEXT_WIDTH, chars, mmToEmu } from './layout';
import type { ContactBlock, FontSet, SealImage } from './options';
import { formatCnDate, sanitizeLine, sanitizeLines, sanitizeText, textWidthChars } from './text';

/** Grey of the seed's 例：… hints in blank forms. */
export const HINT_COLOR = '808080';

/** A run of sanitised text; line feeds become line breaks. */
export function runs(text: unknown, props: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  const lines = sanitizeLines(text);
  return lines.map((line, i) => new TextRun({ ...props, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

export function fontRun(name: string, latin: string) {
  return { ascii: latin, hAnsi: latin, eastAsia: name, cs: latin, hint: 'eastAsia' as const };
}

/** An empty body line (one grid line). */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.plain, ...(keepNext ? { keepNext: true } : {}), children: [] });
}

/** Characters of 2号 (22 pt) that fit the 156 mm line. */
export const TITLE_LINE_CHARS = 20;

const BREAK_AFTER = ['关于', '联盟', '”', '》', '）', '会议', '大会', '理事会', '的'];
const BREAK_BEFORE = ['“', '《', '（', '的通知', '的决定', '纪要', '签到表', '计票表', '表决票'];

/**
 * Breaks a title too long for one line into two balanced lines at a place that keeps words whole
 * (GB/T 9704-2012 §7.3.3: 回行时词意完整、排列对称): after 关于 / 联盟 / a closing quote, or before an
 * opening quote / 的通知 / 纪要 …, choosing the most even split whose lines both fit. A title with its own
 * line feeds, one that fits, or one with no good break is returned unchanged.
 */
export function breakTitle(title: string, maxChars = TITLE_LINE_CHARS): string {
  if (title.includes('\n') || textWidthChars(title) <= maxChars) return title;
  const candidates = new Set<number>();
  for (const t of BREAK_AFTER) {
    for (let i = title.indexOf(t); i >= 0; i = title.indexOf(t, i + 1)) candidates.add(i + t.length);
  }
  for (const t of BREAK_BEFORE) {
    for (let i = title.indexOf(t); i >= 0; i = title.indexOf(t, i + 1)) candidates.add(i);
  }
  let best: { at: number; diff: number } | undefined;
  for (const at of candidates) {
    if (at <= 0 || at >= title.length) continue;
    const a = textWidthChars(title.slice(0, at));
    const b = textWidthChars(title.slice(at));
    if (a > maxChars || b > maxChars) continue;
    const diff = Math.abs(a - b);
    if (!best || diff < best.diff) best = { at, diff };
  }
  return best ? `${title.slice(0, best.at)}\n${title.slice(best.at)}` : title;
}

/** The title, 2号小标宋, centred; explicit line feeds are kept, a long title is broken in two (breakTitle). */
export function titleParagraph(
  title: unknown,
  opts: { pageBreakBefore?: boolean; after?: number; size?: number } = {},
): Paragraph {
  return new Paragraph({
    style: STYLE.title,
    ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(opts.after ? { spacing: { after: opts.after } } : {}),
    children: runs(breakTitle(sanitizeText(title).trim()), opts.size ? { size: opts.size } : {}),
  });
}

/** The document number, centred under the title (R-W1, R-W2). */
export function docNumberParagraph(docNumber: string): Paragraph {
  return new Paragraph({ style: STYLE.docNo, children: runs(docNumber) });
}

/** The addressee (主送), flush left, with the full-width colon (R-W2). */
export function addresseeParagraph(addressee: unknown): Paragraph {
  const a = sanitizeLine(addressee).replace(/[:：]+$/, '');
  return new Paragraph({ style: STYLE.plain, children: runs(a === '' ? '' : `${a}：`) });
}

export type BodyLevel = 'h1' | 'h2' | 'h3' | 'body';

const H1 = /^[一二三四五六七八九十百]+、/;
const H2 = /^[（(][一二三四五六七八九十百]+[）)]/;
const H3 = /^\d+[.．]/;

/** Classifies a body line by its numbering: 一、 level 1, （一） level 2, 1. level 3 (R-W2). */
export function bodyLevel(line: string): BodyLevel {
  const t = line.trimStart();
  if (H1.test(t)) return 'h1';
  if (H2.test(t)) return 'h2';
  if (H3.test(t)) return 'h3';
  return 'body';
}

/**
 * Body paragraphs: one per non-empty line, justified with a two-character first-line indent; level-1
 * headings 黑体, level-2 楷体 (only up to the first 。 when text runs on after the heading), level 3 仿宋.
 */
export function bodyParagraphs(
  body: unknown,
  f: FontSet,
  o: { keepLastWithNext?: boolean } = {},
): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = sanitizeLines(body)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  lines.forEach((line, i) => {
    const keep = o.keepLastWithNext === true && i === lines.length - 1 ? { keepNext: true } : {};
    const level = bodyLevel(line);
    if (level === 'h1' || level === 'h2') {
      const headFont = level === 'h1' ? f.heading1 : f.heading2;
      const stop = line.indexOf('。');
      const head = stop >= 0 && stop < line.length - 1 ? line.slice(0, stop + 1) : line;
      const rest = line.slice(head.length);
      out.push(
        new Paragraph({
          style: level === 'h1' ? STYLE.h1 : STYLE.h2,
          ...keep,
          children: [
            new TextRun({ text: head, font: fontRun(headFont, f.latin) }),
            ...(rest ? [new TextRun({ text: rest, font: fontRun(f.body, f.latin) })] : []),
          ],
        }),
      );
    } else {
      out.push(
        new Paragraph({ style: level === 'h3' ? STYLE.h3 : STYLE.body, ...keep, children: runs(line) }),
      );
    }
  });
  return out;
}

/** True when a body already carries its own contact block (联系人：…). */
export function bodyHasContact(body: unknown): boolean {
  return /联系人[:：]/.test(sanitizeText(body));
}

/** Contact block as the seed prints it: 联系人：… / 联系方式：… / 邮箱：… / 邮寄地址：… */
export function contactParagraphs(
  c: ContactBlock | undefined,
  o: { keepLastWithNext?: boolean } = {},
): Paragraph[] {
  if (!c) return [];
  const rows: [string, unknown][] = [
    ['联系人', c.name],
    ['联系方式', c.phone],
    ['邮箱', c.email],
    ['邮寄地址', c.address],
  ];
  const kept = rows.filter(([, v]) => sanitizeLine(v) !== '');
  return kept.map(
    ([k, v], i) =>
      new Paragraph({
        style: STYLE.body,
        ...(o.keepLastWithNext === true && i === kept.length - 1 ? { keepNext: true } : {}),
        children: runs(`${k}：${sanitizeLine(v)}`),
      }),
  );
}

/**
 * Attachment note (附件说明, GB/T 9704-2012 §7.3.4): one blank line under the body, 附件：1. … two characters
 * in; the following items' numbers align under the first number and long names wrap under the first
 * character of the name (hanging indent with a tab after the number). A single attachment is unnumbered.
 */
export function attachmentNote(titles: readonly unknown[]): Paragraph[] {
  const list = titles.map((t) => sanitizeLine(t).replace(/[。；;，,]+$/, '')).filter((t) => t !== '');
  if (list.length === 0) return [];
  const labelStart = chars(2);
  const numberStart = chars(2 + 3); // after 附件：
  if (list.length === 1) {
    return [
      blankLine(true),
      new Paragraph({
        style: STYLE.plain,
        keepNext: true,
        indent: { left: numberStart, hanging: numberStart - labelStart },
        children: runs(`附件：${list[0] ?? ''}`),
      }),
    ];
  }
  const numWidth = list.length >= 10 ? chars(2) : chars(1.5);
  const nameStart = numberStart + numWidth;
  const out: Paragraph[] = [blankLine(true)];
  list.forEach((title, i) => {
    const first = i === 0;
    out.push(
      new Paragraph({
        style: STYLE.plain,
        keepNext: true,
        indent: { left: nameStart, hanging: nameStart - (first ? labelStart : numberStart) },
        tabStops: [{ type: TabStopType.LEFT, position: nameStart }],
        children: [
          new TextRun({ text: `${first ? '附件：' : ''}${i + 1}.` }),
          new TextRun({ children: [new Tab()] }),
          new TextRun({ text: title }),
        ],
      }),
    );
  });
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start with the PNG signature (anything else is left out rather than corrupting the file). */
export function isPng(bytes: Uint8Array | undefined): bytes is Uint8Array {
  return bytes instanceof Uint8Array && bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * A floating seal image centred on `centerX` (twips from the page's left edge), its centre `centerDy`
 * twips below the top of the paragraph it is anchored in; over the text, no wrapping.
 */
export function sealRun(seal: SealImage, centerX: number, centerDy: number): ImageRun | undefined {
  if (!isPng(seal.png)) return undefined;
  const d = seal.diameterMm && seal.diameterMm > 5 && seal.diameterMm < 100 ? seal.diameterMm : 42;
  const px = Math.round((d / 25.4) * 96);
  return new ImageRun({
    type: 'png',
    data: seal.png,
    transformation: { width: px, height: px },
    altText: { name: 'seal', description: '印章', title: '印章' },
    floating: {
      horizontalPosition: {
        relative: HorizontalPositionRelativeFrom.PAGE,
        offset: centerX * 635 - mmToEmu(d / 2),
      },
      verticalPosition: {
        relative: VerticalPositionRelativeFrom.PARAGRAPH,
        offset: centerDy * 635 - mmToEmu(d / 2),
      },
      allowOverlap: true,
      behindDocument: false,
      wrap: { type: TextWrappingType.NONE },
      zIndex: 10,
    },
  });
}

export interface SignBlockOptions {
  issuer: unknown;
  /** 'YYYY-MM-DD'; an empty or invalid date prints the blank 年 月 日 to fill in. */
  date: unknown;
  seal?: SealImage | undefined;
  /** Blank lines above the issuer, the room for the seal (default 2). */
  spaceLines?: number;
  /** Characters between the date and the right edge (GB/T 9704-2012 §7.3.5.1: 4). */
  rightChars?: number;
  /** Left edge of the page's type area in twips (default GB/T left margin) and its width. */
  areaLeft?: number;
  areaWidth?: number;
}

/**
 * Issuer and date at the right (R-W2): the date written with Arabic numerals four characters in from the
 * right, the issuer centred over it (GB/T 9704-2012 §7.3.5.1), blank lines above for the seal, which, when
 * given, is printed over both with the name and date a little below its centre.
 */
export function signBlock(o: SignBlockOptions): Paragraph[] {
  const issuer = sanitizeLine(o.issuer);
  const date = formatCnDate(o.date);
  const wi = textWidthChars(issuer);
  const wd = textWidthChars(date);
  const axis = Math.max((o.rightChars ?? 4) + wd / 2, wi / 2); // distance of the centre line from the right edge, chars
  const issuerRight = Math.max(0, axis - wi / 2);
  const dateRight = Math.max(0, axis - wd / 2);
  const areaLeft = o.areaLeft ?? GB_MARGIN.left;
  const areaWidth = o.areaWidth ?? TEXT_WIDTH;
  const centerX = areaLeft + areaWidth - axis * CHAR_PITCH;
  const seal = o.seal ? sealRun(o.seal, Math.round(centerX), 140) : undefined;
  const out: Paragraph[] = [];
  for (let i = 0; i < (o.spaceLines ?? 2); i++) out.push(blankLine(true));
  if (issuer !== '') {
    out.push(
      new Paragraph({
        style: STYLE.sign,
        keepNext: true,
        indent: { right: chars(issuerRight) },
        children: [...(seal ? [seal] : []), new TextRun({ text: issuer })],
      }),
    );
  }
  out.push(
    new Paragraph({
      style: STYLE.sign,
      indent: { right: chars(dateRight) },
      children: [...(seal && issuer === '' ? [seal] : []), new TextRun({ text: date })],
    }),
  );
  return out;
}

/** 附件1 / 附件2 … (附件 alone for a single attachment: n 0) at the top left of a new page, 黑体 (GB/T 9704-2012 §8). */
export function attachmentHeading(n: number): Paragraph {
  return new Paragraph({
    style: STYLE.attachHead,
    pageBreakBefore: true,
    children: runs(n > 0 ? `附件${n}` : '附件'),
  });
}

// ---------------------------------------------------------------- tables

export interface CellSpec {
  /** Paragraphs, or text (line feeds split paragraphs). */
  content: Paragraph[] | string;
  /** Number of grid columns spanned (default 1). */
  span?: number;
  /** Centred label style. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  vMerge?: 'restart' | 'continue';
  shade?: string;
}

/** Paragraphs of a cell from text: one per line, table text style (never an empty cell: Word needs a paragraph). */
export function cellParagraphs(
  text: unknown,
  o: {
    label?: boolean;
    align?: 'left' | 'center' | 'right';
    run?: Omit<IRunOptions, 'text'>;
    /** Exact line spacing in twips (default: the style's 18 pt). */
    line?: number;
    /** First-line indent in twips. */
    firstLine?: number;
    /** Keep with the next paragraph (a table's last rows with what follows the table). */
    keepNext?: boolean;
  } = {},
): Paragraph[] {
  const lines = sanitizeLines(text);
  const alignment =
    o.align === 'center'
      ? AlignmentType.CENTER
      : o.align === 'right'
        ? AlignmentType.RIGHT
        : o.align === 'left'
          ? AlignmentType.LEFT
          : undefined;
  return lines.map(
    (line) =>
      new Paragraph({
        style: o.label ? STYLE.cellCenter : STYLE.cell,
        ...(alignment ? { alignment } : {}),
        ...(o.line ? { spacing: { line: o.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } } : {}),
        ...(o.firstLine ? { indent: { firstLine: o.firstLine } } : {}),
        ...(o.keepNext ? { keepNext: true } : {}),
        children: line === '' ? [] : [new TextRun({ ...(o.run ?? {}), text: line })],
      }),
  );
}

/**
 * Long cell text cut into pieces of at most `maxLines` lines of `lineChars` characters (estimated), at
 * paragraph ends where it can, else inside a paragraph (after a sentence's punctuation when one is near).
 * Forms give each piece a row of its own (label 续 on the next ones) whose rows never split: Word clips a
 * row that cannot split and is taller than a page, and a row that may split leaves its label behind.
 */
export function splitCellText(text: string, lineChars: number, maxLines: number): string[] {
  const lines = (p: string) => Math.max(1, Math.ceil(textWidthChars(p) / Math.max(1, lineChars)));
  const pieces: string[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(current.join('\n'));
    current = [];
    used = 0;
  };
  for (const para of text.split('\n')) {
    let rest = para;
    while (used + lines(rest) > maxLines) {
      const room = (maxLines - used) * Math.max(1, lineChars);
      if (room < lineChars * 2 && current.length > 0) {
        flush();
        continue;
      }
      // Cut within the room (in characters of width), preferring just after 。；，
      let cut = 0;
      let w = 0;
      const chars = [...rest];
      for (let i = 0; i < chars.length; i++) {
        w += textWidthChars(chars[i] ?? '');
        if (w > room) break;
        cut = i + 1;
      }
      const window = chars.slice(0, cut).join('');
      const punct = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('，'));
      const at = punct >= window.length - 40 && punct > 0 ? [...window.slice(0, punct + 1)].length : cut;
      current.push(chars.slice(0, at).join(''));
      flush();
      rest = chars.slice(at).join('');
      if (rest === '') break;
    }
    if (rest !== '' || para === '') {
      current.push(rest);
      used += lines(rest);
    }
  }
  flush();
  return pieces.length > 0 ? pieces : [''];
}

/** Grey 5号 hint lines (the seed's 例：…) for an empty form cell. */
export function hintParagraphs(lines: readonly string[]): Paragraph[] {
  return lines.flatMap((line) =>
    cellParagraphs(line, { run: { color: HINT_COLOR, size: SIZE.five }, line: HINT_LINE }),
  );
}

const CELL_MARGIN = { top: 40, bottom: 40, left: 85, right: 85 };

/**
 * A fixed-layout table with explicit widths on the grid (w:tblGrid/w:gridCol), on every cell (w:tcW dxa)
 * and w:tblLayout fixed: WPS and LibreOffice collapse auto-layout tables.
 */
export function fixedTable(
  columns: number[],
  rows: {
    cells: CellSpec[];
    height?: number;
    exactHeight?: boolean;
    header?: boolean;
    cantSplit?: boolean;
    /** Keep the row with the next one (its text cells' paragraphs kept with the next). */
    keepNext?: boolean;
  }[],
  /** Rows of the caller's own making after these (the 计票表's borderless 计票人/监票人 row). */
  after: readonly TableRow[] = [],
): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return new Table({
    columnWidths: columns,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      ...rows.map((r) => {
        let col = 0;
        const cells = r.cells.map((c) => {
          const span = Math.max(1, c.span ?? 1);
          const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          const children =
            typeof c.content === 'string'
              ? cellParagraphs(c.content, {
                  label: c.label === true,
                  ...(c.align ? { align: c.align } : {}),
                  ...(r.keepNext ? { keepNext: true } : {}),
                })
              : c.content.length > 0
                ? c.content
                : cellParagraphs('');
          return new TableCell({
            children,
            width: { size: width, type: WidthType.DXA },
            margins: CELL_MARGIN,
            verticalAlign:
              c.vAlign === 'top'
                ? VerticalAlignTable.TOP
                : c.vAlign === 'bottom'
                  ? VerticalAlignTable.BOTTOM
                  : VerticalAlignTable.CENTER,
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(c.vMerge ? { verticalMerge: c.vMerge } : {}),
            ...(c.shade ? { shading: { fill: c.shade, type: 'clear', color: 'auto' } } : {}),
          });
        });
        return new TableRow({
          children: cells,
          ...(r.height
            ? { height: { value: r.height, rule: r.exactHeight ? HeightRule.EXACT : HeightRule.ATLEAST } }
            : {}),
          ...(r.header ? { tableHeader: true } : {}),
          ...(r.cantSplit === true ? { cantSplit: true } : {}),
        });
      }),
      ...after,
    ],
  });
}

export type { ParagraphChild };
