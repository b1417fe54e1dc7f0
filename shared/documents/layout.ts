/**
 * Document assembly shared by every builder: sections (GB/T 9704-2012 geometry and document grid),
 * page-number footers, and packing with the hand-written parts (see parts.ts).
 */
import { AlignmentType, Footer, PageOrientation, Paragraph, SectionType, SimpleField, TextRun } from 'docx';
import type { Document, FileChild, IPageBordersOptions, IPropertiesOptions, ISectionOptions } from 'docx';
import {
  A4,
  GRID_CHAR_SPACE,
  GRID_TYPE,
  FOOTER_DISTANCE,
  GB_MARGIN,
  LINE_PITCH,
  SIZE,
  STYLE,
  mmToTwip,
} from './geometry';
import { newDocument } from './document';
import { fontsOf } from './options';
import type { DocOptions } from './options';
import { packDocx } from './pack';
import { sanitizeLine } from './text';
import { partOverrides } from './parts';

export * from './geometry';

/**
 * Page numbers “— 1 —”, 4号半角宋体, odd pages right and even pages left, one character in from the edge
 * of the type area (GB/T 9704-2012 §7.5).
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = SIZE.four * 10; // one 4号 character, in twips
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        // A simple PAGE field with a cached result (1 on odd pages, 2 on even ones): Word and WPS recompute it,
        // and previewers that do not compute fields show “— 1 —” rather than “—  —”.
        children: [
          new TextRun({ text: '— ' }),
          new SimpleField('PAGE', side === 'odd' ? '1' : '2'),
          new TextRun({ text: ' —' }),
        ],
      }),
    ],
  });
}

export interface SectionSpec {
  children: FileChild[];
  landscape?: boolean;
  /** Page numbers in the footer (default true for portrait, false for landscape). */
  pageNumbers?: boolean;
  /** Restart page numbering at 1 in this section. */
  restartNumbering?: boolean;
  /** Margins in twips; default GB/T 9704-2012. */
  margin?: { top: number; bottom: number; left: number; right: number };
  /** Vertical alignment of each page's content. */
  verticalAlign?: 'top' | 'center';
  /** Page borders (certificates). */
  borders?: IPageBordersOptions;
  /** Document grid of 22 lines × 28 characters (default true for portrait pages). */
  grid?: boolean;
  /** Start this section on an odd (recto) page: a blank page is inserted when needed (duplex batches). */
  oddPage?: boolean;
}

/**
 * The options of the docx Document. Footers are attached to the first numbered section only: later sections
 * inherit them (OOXML: a section without its own footer reference uses the previous section's), which
 * keeps a batch of hundreds of sections to two footer parts.
 */
export function documentOptions(
  sections: SectionSpec[],
  options: DocOptions | undefined,
  title?: string,
): IPropertiesOptions {
  let footersGiven = false;
  const sectionOptions: ISectionOptions[] = sections.map((s) => {
    const landscape = s.landscape === true;
    const numbered = s.pageNumbers ?? !landscape;
    const margin = s.margin ?? GB_MARGIN;
    const grid = s.grid ?? !landscape;
    const giveFooters = numbered && !footersGiven;
    if (giveFooters) footersGiven = true;
    return {
      properties: {
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { ...margin, header: mmToTwip(15), footer: FOOTER_DISTANCE, gutter: 0 },
          ...(s.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
          ...(s.borders ? { borders: s.borders } : {}),
        },
        // 22 lines × 28 characters (GB/T 9704-2012 §5.2.2).
        grid: grid
          ? { type: GRID_TYPE, linePitch: LINE_PITCH, charSpace: GRID_CHAR_SPACE }
          : { type: 'default', linePitch: 312 },
        ...(s.verticalAlign === 'center' ? { verticalAlign: 'center' } : {}),
        ...(s.oddPage ? { type: SectionType.ODD_PAGE } : {}),
      },
      ...(giveFooters
        ? { footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } }
        : {}),
      children: s.children,
    } as ISectionOptions;
  });
  // Everything that reaches docProps/core.xml is sanitised like body text (U+FFFE, U+FFFF, controls and
  // bidirectional overrides removed): docx escapes the XML specials but keeps those. The last author is the
  // author (docx would write “Un-named”, which Word shows in the file's properties).
  const author = sanitizeLine(options?.author) || '中国网络安全产业联盟秘书处';
  return {
    creator: author,
    lastModifiedBy: author,
    title: sanitizeLine(title),
    evenAndOddHeaderAndFooters: true,
    sections: sectionOptions,
  };
}

/**
 * Builds the docx Document (see documentOptions), without rebuilding docx's default styles, theme and
 * numbering for every document (document.ts).
 */
export function createDocument(
  sections: SectionSpec[],
  options: DocOptions | undefined,
  title?: string,
): Document {
  return newDocument(documentOptions(sections, options, title));
}

/**
 * Packs a document into .docx bytes, with the hand-written parts; works in the browser and in Node. Our own
 * packer (pack.ts) writes only the parts that differ between documents and reuses the constant ones.
 */
export async function pack(doc: Document, options: DocOptions | undefined): Promise<Uint8Array> {
  return packDocx(doc, { overrides: partOverrides(fontsOf(options)), date: options?.date });
}

/** Sections in, .docx bytes out. */
export async function buildDocx(
  sections: SectionSpec[],
  options: DocOptions | undefined,
  title?: string,
): Promise<Uint8Array> {
  return pack(createDocument(sections, options, title), options);
}
