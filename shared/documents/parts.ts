/**
 * Package parts written by hand and given to docx's Packer as overrides: styles, settings, font table,
 * numbering, footnotes and endnotes.
 *
 * Why: docx writes mc:Ignorable on the root of these parts and w15 attributes in its default numbering;
 * the OOXML schemas allow mc:Ignorable only on w:document, so a strict consumer (and our schema tests)
 * reject them. Writing them ourselves also gives exact control over the styles (GB/T 9704-2012 sizes,
 * fonts, exact line pitch, grid snapping) and tells Word which face to use when a GB2312 font is missing
 * (w:altName in the font table).
 */
import { BODY_CONDENSE, CELL_LINE, CERT_SIGN_SIZE, CHAR_PITCH, LINE_PITCH, SIZE, STYLE } from './geometry';
import type { FontSet } from './options';
import type { PartOverride } from './pack';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fonts(eastAsia: string, latin: string): string {
  return `<w:rFonts w:ascii="${esc(latin)}" w:hAnsi="${esc(latin)}" w:eastAsia="${esc(eastAsia)}" w:cs="${esc(latin)}" w:hint="eastAsia"/>`;
}

/** Body text condensed so 28 characters fill the 156 mm line (see geometry.ts). */
const CONDENSE = `<w:spacing w:val="${BODY_CONDENSE}"/>`;

function sz(halfPoints: number): string {
  return `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
}

interface StyleDef {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  qFormat?: boolean;
  pPr?: string;
  rPr?: string;
}

function style(d: StyleDef): string {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${d.id}">` +
    `<w:name w:val="${esc(d.name)}"/>` +
    (d.basedOn ? `<w:basedOn w:val="${d.basedOn}"/>` : '') +
    (d.next ? `<w:next w:val="${d.next}"/>` : '') +
    (d.qFormat ? '<w:qFormat/>' : '') +
    (d.pPr ? `<w:pPr>${d.pPr}</w:pPr>` : '') +
    (d.rPr ? `<w:rPr>${d.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

/** Exact line spacing (固定值) in twips, no space before or after. */
function exact(line: number): string {
  return `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/>`;
}

/** word/styles.xml for a font scheme. */
export function stylesXml(f: FontSet): string {
  const firstLine = `<w:ind w:firstLine="${Math.round(2 * CHAR_PITCH)}" w:firstLineChars="200"/>`;
  const noGrid = '<w:snapToGrid w:val="0"/>';
  const defs: StyleDef[] = [
    {
      id: STYLE.body,
      name: '公文正文',
      basedOn: 'Normal',
      qFormat: true,
      // Widow and orphan control: no paragraph leaves a single line at the foot or the head of a page.
      pPr: `<w:widowControl/>${exact(LINE_PITCH)}${firstLine}<w:jc w:val="both"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.plain,
      name: '公文无缩进',
      basedOn: 'Normal',
      pPr: `<w:widowControl/>${exact(LINE_PITCH)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.title,
      name: '公文标题',
      basedOn: 'Normal',
      next: STYLE.body,
      qFormat: true,
      // Not snapped to the line grid: LibreOffice would give each 22 pt line two grid lines.
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(LINE_PITCH)}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
      rPr: `${fonts(f.title, f.latin)}${f.titleBold ? '<w:b/><w:bCs/>' : ''}${sz(SIZE.title)}`,
    },
    {
      id: STYLE.docNo,
      name: '发文字号',
      basedOn: 'Normal',
      pPr: `<w:keepNext/>${exact(LINE_PITCH)}<w:jc w:val="center"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.h1,
      name: '一级标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      qFormat: true,
      pPr: '<w:keepNext/><w:outlineLvl w:val="1"/>',
      rPr: `${fonts(f.heading1, f.latin)}`,
    },
    {
      id: STYLE.h2,
      name: '二级标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      qFormat: true,
      pPr: '<w:keepNext/><w:outlineLvl w:val="2"/>',
      rPr: `${fonts(f.heading2, f.latin)}`,
    },
    { id: STYLE.h3, name: '三级标题', basedOn: STYLE.body, next: STYLE.body, qFormat: true },
    {
      id: STYLE.attachHead,
      name: '附件标识',
      basedOn: 'Normal',
      pPr: `<w:keepNext/>${exact(LINE_PITCH)}<w:jc w:val="left"/>`,
      // The whole heading in 黑体, its digit too (GB/T 9704-2012 §8: 附件 and its number in 3号黑体).
      rPr: `${fonts(f.heading1, f.heading1)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.sign,
      name: '发文机关署名',
      basedOn: 'Normal',
      pPr: `<w:keepLines/>${exact(LINE_PITCH)}<w:jc w:val="right"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.cell,
      name: '表格文字',
      basedOn: 'Normal',
      pPr: `${noGrid}${exact(CELL_LINE)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.body, f.latin)}${sz(SIZE.smallFour)}`,
    },
    {
      id: STYLE.cellCenter,
      name: '表格标签',
      basedOn: STYLE.cell,
      pPr: '<w:jc w:val="center"/>',
    },
    {
      id: STYLE.footer,
      name: '页码',
      basedOn: 'Normal',
      pPr: `${noGrid}${exact(360)}`,
      rPr: `${fonts(f.pageNumber, f.pageNumber)}${sz(SIZE.four)}`,
    },
    // 版头's 发文机关标志 and the 版记's lines (letterhead.ts): off the line grid, their own exact heights.
    {
      id: STYLE.mark,
      name: '发文机关标志',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/>`,
      rPr: `${fonts(f.title, f.title)}${f.titleBold ? '<w:b/><w:bCs/>' : ''}<w:color w:val="FF0000"/>`,
    },
    {
      id: STYLE.colophon,
      name: '版记',
      basedOn: 'Normal',
      pPr: `<w:keepLines/>${noGrid}${exact(LINE_PITCH)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.body, f.latin)}${sz(SIZE.four)}`,
    },
    // Certificates (A4 landscape, no grid): every paragraph kept with the next so one never breaks.
    {
      id: STYLE.certNo,
      name: '证书编号',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(420)}<w:jc w:val="right"/>`,
      rPr: `${fonts(f.body, f.latin)}${sz(28)}`,
    },
    {
      id: STYLE.certTitle,
      name: '证书标题',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}<w:spacing w:before="480" w:after="720" w:line="1320" w:lineRule="exact"/><w:jc w:val="center"/>`,
      rPr: `${fonts(f.title, f.latin)}${f.titleBold ? '<w:b/><w:bCs/>' : ''}${sz(88)}`,
    },
    {
      id: STYLE.certText,
      name: '证书正文',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(660)}<w:jc w:val="center"/>`,
      rPr: `${fonts(f.heading2, f.latin)}${sz(44)}`,
    },
    {
      id: STYLE.certName,
      name: '证书单位名称',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}<w:spacing w:before="180" w:after="180" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
      rPr: `${fonts(f.title, f.latin)}<w:b/><w:bCs/>${sz(60)}`,
    },
    {
      id: STYLE.certSign,
      name: '证书落款',
      basedOn: 'Normal',
      pPr: `<w:keepLines/>${noGrid}${exact(560)}<w:jc w:val="right"/>`,
      rPr: `${fonts(f.heading2, f.latin)}${sz(CERT_SIGN_SIZE)}`,
    },
  ];
  return (
    `${DECL}<w:styles xmlns:w="${W}" xmlns:r="${R}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${fonts(f.body, f.latin)}<w:kern w:val="2"/>${sz(SIZE.body)}` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr>${fonts(f.body, f.latin)}${sz(SIZE.body)}</w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>' +
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    defs.map(style).join('') +
    '</w:styles>'
  );
}

/** word/settings.xml: even/odd footers (GB/T 9704-2012 page numbers), compressed CJK punctuation. */
export function settingsXml(): string {
  return (
    `${DECL}<w:settings xmlns:w="${W}" xmlns:r="${R}">` +
    '<w:defaultTabStop w:val="420"/>' +
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
    '</w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '</w:settings>'
  );
}

interface FontEntry {
  /** Fallback face Word and WPS try first when this one is missing (w:altName). */
  altName?: string;
  /** PANOSE-1 classification, 10 bytes hex: Word substitutes by it (and by the signature) when a face is missing. */
  panose: string;
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable';
  /** Unicode and code-page ranges (w:sig usb0..usb3, csb0, csb1), as the face's OS/2 table declares them. */
  sig: [string, string, string, string, string, string];
}

/** GB2312-only faces (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体): CJK + GB2312 code page. */
const SIG_GB2312: FontEntry['sig'] = ['00000001', '080E0000', '00000010', '00000000', '00040000', '00000000'];
/** The Windows GBK faces (仿宋, 楷体, 黑体). */
const SIG_GBK: FontEntry['sig'] = ['800002BF', '38CF7CFA', '00000016', '00000000', '00040001', '00000000'];

/**
 * The faces our documents name, with what Word needs to pick a substitute of the same kind when the face is
 * not installed: 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 ship with neither Windows 10/11 nor stock WPS,
 * and an entry with only a name makes Word fall back to its default East Asian face (等线), which is
 * proportional and moves every line break. Each GB2312 face names its Windows counterpart as w:altName
 * (仿宋, 楷体, 宋体) and carries that family's PANOSE, charset 86 (GB2312), fixed pitch where the face is
 * monospaced, and the signature of a CJK face.
 */
export const FONT_ENTRIES: Readonly<Record<string, FontEntry>> = {
  仿宋_GB2312: {
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
    sig: SIG_GB2312,
  },
  楷体_GB2312: {
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
    sig: SIG_GB2312,
  },
  方正小标宋简体: {
    altName: '宋体',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
    sig: SIG_GB2312,
  },
  仿宋: {
    altName: 'FangSong',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
    sig: SIG_GBK,
  },
  楷体: {
    altName: 'KaiTi',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
    sig: SIG_GBK,
  },
  黑体: {
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
    sig: SIG_GBK,
  },
  宋体: {
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
    sig: ['00000003', '288F0000', '00000016', '00000000', '00040001', '00000000'],
  },
  'Times New Roman': {
    panose: '02020603050405020304',
    charset: '00',
    family: 'roman',
    pitch: 'variable',
    sig: ['E0002EFF', 'C000785B', '00000009', '00000000', '000001FF', '00000000'],
  },
};

/** A face we have no data for: named, GB2312 charset, no PANOSE guess. */
const UNKNOWN_FONT: Omit<FontEntry, 'panose' | 'sig'> = { charset: '86', family: 'auto', pitch: 'variable' };

function fontXml(name: string): string {
  const e = FONT_ENTRIES[name];
  if (!e) {
    return `<w:font w:name="${esc(name)}"><w:charset w:val="${UNKNOWN_FONT.charset}"/><w:family w:val="${UNKNOWN_FONT.family}"/><w:pitch w:val="${UNKNOWN_FONT.pitch}"/></w:font>`;
  }
  const [u0, u1, u2, u3, c0, c1] = e.sig;
  return (
    `<w:font w:name="${esc(name)}">` +
    (e.altName ? `<w:altName w:val="${esc(e.altName)}"/>` : '') +
    `<w:panose1 w:val="${e.panose}"/><w:charset w:val="${e.charset}"/><w:family w:val="${e.family}"/>` +
    `<w:pitch w:val="${e.pitch}"/>` +
    `<w:sig w:usb0="${u0}" w:usb1="${u1}" w:usb2="${u2}" w:usb3="${u3}" w:csb0="${c0}" w:csb1="${c1}"/>` +
    '</w:font>'
  );
}

/**
 * word/fontTable.xml: the faces used with full entries (FONT_ENTRIES), and their Windows fallbacks too, so a
 * machine without the GB2312 faces substitutes 仿宋 / 楷体 / 宋体 rather than 等线.
 */
export function fontTableXml(f: FontSet): string {
  const names = [f.latin, f.body, f.title, f.heading1, f.heading2, f.pageNumber];
  for (const n of [...names]) {
    const alt = FONT_ENTRIES[n]?.altName;
    if (alt && FONT_ENTRIES[alt]) names.push(alt);
  }
  const body = [...new Set(names)].map(fontXml).join('');
  return `${DECL}<w:fonts xmlns:w="${W}" xmlns:r="${R}">${body}</w:fonts>`;
}

/** word/numbering.xml: no lists are used (numbering is written as text, as GB/T 9704 documents are). */
export function numberingXml(): string {
  return `${DECL}<w:numbering xmlns:w="${W}" xmlns:r="${R}"/>`;
}

function notesXml(kind: 'footnote' | 'endnote'): string {
  const root = `w:${kind}s`;
  const note = (type: string, id: number, mark: string) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:r>${mark}</w:r></w:p></w:${kind}>`;
  return (
    `${DECL}<${root} xmlns:w="${W}" xmlns:r="${R}">` +
    note('separator', -1, '<w:separator/>') +
    note('continuationSeparator', 0, '<w:continuationSeparator/>') +
    `</${root}>`
  );
}

/** By the font set's faces (a few schemes at most). */
const overridesCache = new Map<string, readonly PartOverride[]>();

/**
 * The overrides for docx's Packer (and our packer, pack.ts), made once per font set: the same strings every
 * time, so the packer keeps them compressed.
 */
export function partOverrides(f: FontSet): readonly PartOverride[] {
  const key = JSON.stringify([f.body, f.title, f.heading1, f.heading2, f.pageNumber, f.latin, f.titleBold]);
  let parts = overridesCache.get(key);
  if (!parts) {
    if (overridesCache.size >= 16) overridesCache.clear();
    parts = Object.freeze([
      { path: 'word/styles.xml', data: stylesXml(f) },
      { path: 'word/settings.xml', data: settingsXml() },
      { path: 'word/fontTable.xml', data: fontTableXml(f) },
      { path: 'word/numbering.xml', data: numberingXml() },
      { path: 'word/footnotes.xml', data: notesXml('footnote') },
      { path: 'word/endnotes.xml', data: notesXml('endnote') },
    ]);
    overridesCache.set(key, parts);
  }
  return parts;
}
