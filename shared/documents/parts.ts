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
      name: 'GW Body',
      basedOn: 'Normal',
      qFormat: true,
      pPr: `${exact(LINE_PITCH)}${firstLine}<w:jc w:val="both"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.plain,
      name: 'GW Plain',
      basedOn: 'Normal',
      pPr: `${exact(LINE_PITCH)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.title,
      name: 'GW Title',
      basedOn: 'Normal',
      next: STYLE.body,
      qFormat: true,
      // Not snapped to the line grid: LibreOffice would give each 22 pt line two grid lines.
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(LINE_PITCH)}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
      rPr: `${fonts(f.title, f.latin)}${f.titleBold ? '<w:b/><w:bCs/>' : ''}${sz(SIZE.title)}`,
    },
    {
      id: STYLE.docNo,
      name: 'GW Doc Number',
      basedOn: 'Normal',
      pPr: `<w:keepNext/>${exact(LINE_PITCH)}<w:jc w:val="center"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.h1,
      name: 'GW Heading 1',
      basedOn: STYLE.body,
      next: STYLE.body,
      qFormat: true,
      pPr: '<w:keepNext/><w:outlineLvl w:val="1"/>',
      rPr: `${fonts(f.heading1, f.latin)}`,
    },
    {
      id: STYLE.h2,
      name: 'GW Heading 2',
      basedOn: STYLE.body,
      next: STYLE.body,
      qFormat: true,
      pPr: '<w:keepNext/><w:outlineLvl w:val="2"/>',
      rPr: `${fonts(f.heading2, f.latin)}`,
    },
    { id: STYLE.h3, name: 'GW Heading 3', basedOn: STYLE.body, next: STYLE.body, qFormat: true },
    {
      id: STYLE.attachHead,
      name: 'GW Attachment Head',
      basedOn: 'Normal',
      pPr: `<w:keepNext/>${exact(LINE_PITCH)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.heading1, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.sign,
      name: 'GW Signature',
      basedOn: 'Normal',
      pPr: `<w:keepLines/>${exact(LINE_PITCH)}<w:jc w:val="right"/>`,
      rPr: `${fonts(f.body, f.latin)}${CONDENSE}${sz(SIZE.body)}`,
    },
    {
      id: STYLE.cell,
      name: 'GW Table Text',
      basedOn: 'Normal',
      pPr: `${noGrid}${exact(CELL_LINE)}<w:jc w:val="left"/>`,
      rPr: `${fonts(f.body, f.latin)}${sz(SIZE.smallFour)}`,
    },
    {
      id: STYLE.cellCenter,
      name: 'GW Table Label',
      basedOn: STYLE.cell,
      pPr: '<w:jc w:val="center"/>',
    },
    {
      id: STYLE.footer,
      name: 'GW Page Number',
      basedOn: 'Normal',
      pPr: `${noGrid}${exact(360)}`,
      rPr: `${fonts(f.pageNumber, f.pageNumber)}${sz(SIZE.four)}`,
    },
    // Certificates (A4 landscape, no grid): every paragraph kept with the next so one never breaks.
    {
      id: STYLE.certNo,
      name: 'GW Certificate Number',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(420)}<w:jc w:val="right"/>`,
      rPr: `${fonts(f.body, f.latin)}${sz(28)}`,
    },
    {
      id: STYLE.certTitle,
      name: 'GW Certificate Title',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}<w:spacing w:before="480" w:after="720" w:line="1320" w:lineRule="exact"/><w:jc w:val="center"/>`,
      rPr: `${fonts(f.title, f.latin)}${f.titleBold ? '<w:b/><w:bCs/>' : ''}${sz(88)}`,
    },
    {
      id: STYLE.certText,
      name: 'GW Certificate Text',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}${exact(660)}<w:jc w:val="center"/>`,
      rPr: `${fonts(f.heading2, f.latin)}${sz(44)}`,
    },
    {
      id: STYLE.certName,
      name: 'GW Certificate Unit',
      basedOn: 'Normal',
      pPr: `<w:keepNext/><w:keepLines/>${noGrid}<w:spacing w:before="180" w:after="180" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
      rPr: `${fonts(f.title, f.latin)}<w:b/><w:bCs/>${sz(60)}`,
    },
    {
      id: STYLE.certSign,
      name: 'GW Certificate Signature',
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
  name: string;
  altName?: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  charset: string;
  pitch: 'fixed' | 'variable';
}

/** word/fontTable.xml: the faces used, with w:altName so Word substitutes 仿宋 for 仿宋_GB2312 etc. */
export function fontTableXml(f: FontSet): string {
  const entries: FontEntry[] = [
    { name: f.latin, family: 'roman', charset: '00', pitch: 'variable' },
    {
      name: f.body,
      altName: f.body === '仿宋_GB2312' ? '仿宋' : 'FangSong',
      family: 'modern',
      charset: '86',
      pitch: 'fixed',
    },
    {
      name: f.title,
      altName: f.title === '方正小标宋简体' ? '宋体' : 'SimSun',
      family: 'auto',
      charset: '86',
      pitch: 'variable',
    },
    { name: f.heading1, altName: 'SimHei', family: 'modern', charset: '86', pitch: 'fixed' },
    {
      name: f.heading2,
      altName: f.heading2 === '楷体_GB2312' ? '楷体' : 'KaiTi',
      family: 'modern',
      charset: '86',
      pitch: 'fixed',
    },
    { name: f.pageNumber, altName: 'SimSun', family: 'auto', charset: '86', pitch: 'variable' },
  ];
  const seen = new Set<string>();
  const body = entries
    .filter((e) => (seen.has(e.name) ? false : (seen.add(e.name), true)))
    .map(
      (e) =>
        `<w:font w:name="${esc(e.name)}">${e.altName ? `<w:altName w:val="${esc(e.altName)}"/>` : ''}` +
        `<w:charset w:val="${e.charset}"/><w:family w:val="${e.family}"/><w:pitch w:val="${e.pitch}"/></w:font>`,
    )
    .join('');
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
