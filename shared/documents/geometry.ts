/**
 * Page geometry and sizes. GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35 mm, left 28 mm,
 * right 26 mm, a type area of 156 mm × 225 mm holding 22 lines of 28 characters of 3号 (16 pt) text.
 */

/** Millimetres to twentieths of a point (twips), rounded: 37 mm → 2098. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Millimetres to EMU (English Metric Units, 36 000 per mm). */
export function mmToEmu(mm: number): number {
  return Math.round(mm * 36000);
}

export const A4 = { width: mmToTwip(210), height: mmToTwip(297) } as const;

/** GB/T 9704-2012 margins, in twips. */
export const GB_MARGIN = {
  top: mmToTwip(37),
  bottom: mmToTwip(35),
  left: mmToTwip(28),
  right: mmToTwip(26),
} as const;

/** Width of the type area (版心) in twips: 156 mm. */
export const TEXT_WIDTH = A4.width - GB_MARGIN.left - GB_MARGIN.right;

/** Sizes in half-points. */
export const SIZE = {
  /** 2号: titles. */
  title: 44,
  /** 3号: body text. */
  body: 32,
  /** 4号: page numbers, tables. */
  four: 28,
  /** 小4号: dense tables. */
  smallFour: 24,
  /** 5号. */
  five: 21,
} as const;

/** 22 lines in 225 mm: 579 twips per line (28.95 pt, “固定值 28.95 磅”). */
export const LINE_PITCH = 579;

/**
 * 28 characters in 156 mm (GB/T 9704-2012 §5.2.2), in Word, WPS and LibreOffice alike.
 *
 * Word and WPS compute a character grid's pitch as the Normal style's size (16 pt) plus w:charSpace/4096 pt
 * and show ⌊156 mm ÷ pitch⌋ in Page Setup; with no charSpace they showed ⌊442.2 ÷ 16⌋ = 27. With charSpace
 * −849 the pitch is 16 − 0.207 = 15.793 pt and 28 × 15.793 = 442.2 pt: Page Setup says 22 × 28, as in Word's
 * own GB/T templates.
 *
 * The grid's type is nevertheless {@link GRID_TYPE} 'lines' (“只指定行网格”, keeping that charSpace, which Word
 * shows as the 28 characters a line of the page setup): LibreOffice, given a 'linesAndChars' grid with any
 * non-zero charSpace, lays text out in whole grid cells computed from its own default size, and a 16 pt
 * character takes two cells (measured: 14 or fewer characters a line with −849, whatever the condensing).
 * The 28 characters therefore come from the text itself: the body is condensed by {@link BODY_CONDENSE}
 * twips (−0.25 pt) a character, 15.75 pt × 28 = 441 pt ≤ 442.2 pt, so Word, WPS and LibreOffice all set
 * 28 characters a line on the 22-line grid.
 */
export const GRID_TYPE = 'lines';
export const GRID_CHAR_SPACE = -849;
export const BODY_CONDENSE = -5;

/** Advance of one body character in twips (16 pt − 0.25 pt). */
export const CHAR_PITCH = SIZE.body * 10 + BODY_CONDENSE;

/** Exact line spacing of table text (小四, 12 pt): 18 pt. */
export const CELL_LINE = 360;
/** Exact line spacing of 5号 (10.5 pt) hints in forms: 14 pt. */
export const HINT_LINE = 280;

/** Twips of n body characters (on the grid). */
export function chars(n: number): number {
  return Math.round(n * CHAR_PITCH);
}

/**
 * Footer distance: the page number's dashes sit 7 mm below the type area (GB/T 9704-2012 §7.5), i.e. 28 mm
 * above the page's bottom edge. The footer paragraph is one exact 18 pt line whose glyphs are centred in it,
 * so the line's middle goes there: its bottom is 28 mm − 9 pt from the edge. (Measured in LibreOffice's
 * render: the dashes' centre 7.4 mm below the type area; it was 10.6 mm with the line's top at 28 mm.)
 */
export const FOOTER_LINE = 360;
export const FOOTER_DISTANCE = mmToTwip(35 - 7) - FOOTER_LINE / 2;

/** Paragraph style ids. */
export const STYLE = {
  body: 'GwBody',
  title: 'GwTitle',
  docNo: 'GwDocNo',
  plain: 'GwPlain',
  h1: 'GwH1',
  h2: 'GwH2',
  h3: 'GwH3',
  attachHead: 'GwAttachHead',
  sign: 'GwSign',
  cell: 'GwCell',
  cellCenter: 'GwCellCenter',
  footer: 'GwFooter',
  certNo: 'GwCertNo',
  certTitle: 'GwCertTitle',
  certText: 'GwCertText',
  certName: 'GwCertName',
  certSign: 'GwCertSign',
  mark: 'GwMark',
  colophon: 'GwColophon',
} as const;

/** Size of a certificate's issuer and date: 3号 (16 pt), half-points. */
export const CERT_SIGN_SIZE = 32;
