/**
 * Packs a docx Document into .docx bytes: our replacement for `Packer.pack(doc, 'uint8array', false, overrides)`.
 *
 * Why it exists: profiled per file, docx's Packer cost about 3 ms even for an empty document, while only a
 * fraction of that is the document's own. `new Document(...)` built docx's default styles, numbering, theme,
 * footnotes, endnotes and comments (~1 ms); Packer.pack then formatted and stringified every part of the
 * package (~2 ms), including the six we replace with our own (styles, settings, font table, numbering,
 * footnotes, endnotes: parts.ts), and compressed all ~17 parts with fflate (~1 ms; document.xml alone is
 * 0.07 ms). Against the benchmark (bench/node/documents.ts) the seed call notice took 2.3× the JSZip floor
 * and 500 single certificates 2× docxtemplater filling a template. Only word/document.xml, the relationships,
 * the headers and footers, docProps/core.xml and [Content_Types].xml can differ between our documents. So:
 * - documents are made without rebuilding docx's defaults each time (document.ts);
 * - this packer formats only the parts that can differ, the way docx's Compiler does (same order, same image
 *   and numbering placeholders, same relationships), and writes their XML with our port of docx's serializer
 *   (xml.ts), docx's two slowest formatting methods replaced by equivalents while it runs;
 * - the constant parts are strings made once: our hand-written parts per font set (parts.ts), and docx's
 *   theme, app and custom properties and package relationships, formatted from the first document packed;
 * - they are kept compressed with their CRC-32, as are recent relationships, footers and content types;
 *   the rest is compressed with fflate's synchronous DEFLATE into our zip writer (zip.ts).
 * The parts, their order and their bytes are those docx's Packer writes for a Document made by docx's
 * constructor (test/unit/documents/pack.test.ts); only the zip's compression differs. Documents not made by
 * document.ts, or using what this does not write (comments, macros, a bibliography, embedded fonts, drawings
 * that add package parts), go through docx's Packer unchanged.
 */
import { Packer } from 'docx';
import type { Document, FooterWrapper, HeaderWrapper, IContext, Media, XmlComponent } from 'docx';
import { isPlainDocument } from './document';
import { componentXml, withFastFormatting } from './xml';
import type { Compressed, DosTime, ZipEntry } from './zip';
import { deflate, dosNoon, dosTime, stored, utf8, writeZip } from './zip';

/** An image in a part, as docx's ImageReplacer finds it: its media key and file name. */
interface MediaRef {
  key: string;
  fileName: string;
}

/** What we use of docx's Compiler (`Packer.compiler`, private in its types): its placeholder replacers. */
interface CompilerParts {
  imageReplacer: {
    getMediaData(xml: string, media: Media): MediaRef[];
    replace(xml: string, images: readonly MediaRef[], offset: number): string;
  };
  numberingReplacer: { replace(xml: string, concreteNumberings: unknown): string };
}

/** docx's Relationships (not exported): an XmlComponent with a static copy(). */
interface RelationshipsLike extends XmlComponent {
  addRelationship(id: number | string, type: string, target: string): void;
  readonly RelationshipCount: number;
}
interface RelationshipsClass {
  copy(r: RelationshipsLike): RelationshipsLike;
}

interface ViewWrapperLike {
  View: XmlComponent;
  Relationships: RelationshipsLike;
}

const compiler = (Packer as unknown as { compiler?: Partial<CompilerParts> }).compiler;
const replacers: CompilerParts | undefined =
  typeof compiler?.imageReplacer?.getMediaData === 'function' &&
  typeof compiler.imageReplacer.replace === 'function' &&
  typeof compiler.numberingReplacer?.replace === 'function'
    ? (compiler as CompilerParts)
    : undefined;

const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const FONT_TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable';

export interface PartOverride {
  readonly path: string;
  readonly data: string;
}

export interface PackOptions {
  /** Parts written in place of docx's, e.g. partOverrides(fonts) (parts.ts); keep the same array to reuse it. */
  overrides: readonly PartOverride[];
  /**
   * 'YYYY-MM-DD': docProps/core.xml's created and modified become that day at 00:00:00Z and the zip entries
   * that day at noon, so the same document gives the same bytes. Default (and for an invalid date, or a
   * document left to docx's Packer): now.
   */
  date?: string | undefined;
}

/** A part's content: text or bytes, and whether (under which key) to keep it compressed. */
interface Part {
  text?: string;
  bytes?: Uint8Array;
  /** Kept compressed under this key: constant parts, parts often the same (relationships, footers), images. */
  cacheKey?: string;
  /** Constant: kept for good (a few dozen, made once). Otherwise among the recent ones, bounded by count. */
  constant?: boolean;
  /** Stored rather than deflated (images already compressed). */
  store?: boolean;
}

/** Compressed constant parts, by their text: docx's defaults and the overrides (per font set). */
const constantCache = new Map<string, Compressed>();
/** More constant parts than this means overrides that are not reused: start again. */
const CONSTANT_ENTRIES = 64;
/** Other compressed parts seen recently, by content or media key; the oldest go first. */
const recentCache = new Map<string, Compressed>();
const RECENT_ENTRIES = 64;
/** Varying parts larger than this are not kept (seldom repeated). */
const RECENT_MAX_TEXT = 16 * 1024;
/** Images larger than this are not kept (stored as they are: keeping them only saves their CRC-32). */
const RECENT_MAX_BYTES = 256 * 1024;

function compressPart(part: Part): Compressed {
  const make = (): Compressed => {
    const bytes = part.bytes ?? utf8(part.text ?? '');
    return part.store ? stored(bytes) : deflate(bytes);
  };
  const key = part.cacheKey;
  if (key === undefined) return make();
  const cache = part.constant ? constantCache : recentCache;
  const hit = cache.get(key);
  if (hit) {
    if (cache === recentCache) {
      recentCache.delete(key);
      recentCache.set(key, hit);
    }
    return hit;
  }
  const made = make();
  if (cache === constantCache && constantCache.size >= CONSTANT_ENTRIES) constantCache.clear();
  cache.set(key, made);
  if (recentCache.size > RECENT_ENTRIES) {
    const oldest = recentCache.keys().next().value;
    if (oldest !== undefined) recentCache.delete(oldest);
  }
  return made;
}

function constantPart(text: string): Part {
  return { text, cacheKey: text, constant: true };
}

function varyingPart(text: string, repeats: boolean): Part {
  return repeats && text.length <= RECENT_MAX_TEXT ? { text, cacheKey: text } : { text };
}

function bytesOf(data: unknown): Uint8Array {
  if (typeof data === 'string') return utf8(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data as ArrayBuffer);
}

/** docx's parts that no option of ours changes, formatted once from the first document packed. */
interface DocxDefaults {
  packageRels: string;
  customProperties: string;
  appProperties: string;
  theme: string;
  /** The relationships of a part that has none. */
  emptyRels: string;
}
let docxDefaults: DocxDefaults | undefined;

function defaultsOf(file: Document): DocxDefaults {
  if (!docxDefaults) {
    const doc = file.Document as unknown as ViewWrapperLike;
    const context = { file, viewWrapper: doc, stack: [] } as unknown as IContext;
    const empty = copyRelationships(doc.Relationships);
    (empty as unknown as { root: unknown[] }).root.splice(1);
    docxDefaults = {
      packageRels: componentXml(file.FileRelationships, context, false),
      customProperties: componentXml(file.CustomProperties, context, true),
      appProperties: componentXml(file.AppProperties, context, true),
      theme: componentXml(file.Theme, context, true),
      emptyRels: componentXml(empty, context, false),
    };
  }
  return docxDefaults;
}

function copyRelationships(r: RelationshipsLike): RelationshipsLike {
  return (r.constructor as unknown as RelationshipsClass).copy(r);
}

/**
 * What the fast path does not write as docx would; such documents go through docx's Packer. Documents not
 * made by newDocument (document.ts) may have a theme, custom properties or fonts of their own.
 */
function needsDocx(file: Document, overrides: readonly PartOverride[]): boolean {
  return (
    !replacers ||
    !isPlainDocument(file) ||
    !REPLACED.every((path) => overrides.some((o) => o.path === path)) ||
    file.Macros !== undefined ||
    file.Bibliography !== undefined ||
    !file.Comments.IsEmpty ||
    file.CommentsExtended !== undefined ||
    file.CommentsIds !== undefined ||
    file.FontTable.files.length > 0 ||
    file.PackageParts.Array.length > 0
  );
}

/** docx's parts the fast path never formats: they must come as overrides (parts.ts gives them all). */
const REPLACED = [
  'word/styles.xml',
  'word/footnotes.xml',
  'word/endnotes.xml',
  'word/settings.xml',
  'word/fontTable.xml',
  'word/numbering.xml',
];

function relationshipsXml(
  file: Document,
  wrapper: ViewWrapperLike,
  images: readonly MediaRef[],
  firstImageId: number,
  withFontTable: boolean,
): string {
  const rels = copyRelationships(wrapper.Relationships);
  images.forEach((m, i) => rels.addRelationship(firstImageId + i, IMAGE_REL, `media/${m.fileName}`));
  if (withFontTable) rels.addRelationship(rels.RelationshipCount + 1, FONT_TABLE_REL, 'fontTable.xml');
  return componentXml(rels, { file, viewWrapper: wrapper, stack: [] } as unknown as IContext, false);
}

/** The XML of a header or footer and of its relationships, as docx's Compiler writes them. */
function headerFooterParts(
  file: Document,
  wrapper: HeaderWrapper | FooterWrapper,
  defaults: DocxDefaults,
  { imageReplacer, numberingReplacer }: CompilerParts,
): { xml: string; rels: string } {
  const w = wrapper as unknown as ViewWrapperLike;
  const raw = componentXml(w.View, { file, viewWrapper: wrapper, stack: [] } as unknown as IContext, false);
  const images = imageReplacer.getMediaData(raw, file.Media);
  const rels =
    images.length === 0 && w.Relationships.RelationshipCount === 0
      ? defaults.emptyRels
      : relationshipsXml(file, w, images, 0, false);
  const xml = numberingReplacer.replace(
    imageReplacer.replace(raw, images, 0),
    file.Numbering.ConcreteNumbering,
  );
  return { xml, rels };
}

const STAMP = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;

/** The general path: docx's Packer, with the overrides. */
export function packWithDocx(file: Document, overrides: readonly PartOverride[]): Promise<Uint8Array> {
  return Packer.pack(file, 'uint8array', false, overrides);
}

/**
 * The parts of the package, by path in docx's order, as docx's Compiler writes them for our documents (see
 * the module comment); undefined where the fast path cannot write the document.
 */
function packageParts(file: Document, options: PackOptions): Map<string, Part> | undefined {
  if (!replacers || needsDocx(file, options.overrides)) return undefined;
  const { imageReplacer, numberingReplacer } = replacers;
  const defaults = defaultsOf(file);
  const doc = file.Document as unknown as ViewWrapperLike;
  const context = { file, viewWrapper: doc, stack: [] } as unknown as IContext;

  // word/document.xml first: formatting it adds its images to the media and hyperlinks to its relationships.
  const documentRaw = componentXml(doc.View, context, true);
  const relationshipCount = doc.Relationships.RelationshipCount + 1;
  const images = imageReplacer.getMediaData(documentRaw, file.Media);
  const documentXml = numberingReplacer.replace(
    imageReplacer.replace(documentRaw, images, relationshipCount),
    file.Numbering.ConcreteNumbering,
  );
  const documentRels = relationshipsXml(file, doc, images, relationshipCount, true);

  let core = componentXml(file.CoreProperties, context, true);
  const fixed = options.date !== undefined && dosNoon(options.date) !== undefined;
  if (fixed) core = core.replace(STAMP, `$1${options.date}T00:00:00Z$3`);

  const headers = file.Headers.map((h) => headerFooterParts(file, h, defaults, replacers));
  const footers = file.Footers.map((f) => headerFooterParts(file, f, defaults, replacers));
  const contentTypes = componentXml(file.ContentTypes, context, false);
  // Drawings such as charts add parts of their own as they are formatted: docx's Packer writes those.
  if (file.PackageParts.Array.length > 0) return undefined;

  const parts = new Map<string, Part | undefined>();
  parts.set('word/_rels/document.xml.rels', varyingPart(documentRels, true));
  parts.set('word/document.xml', varyingPart(documentXml, false));
  parts.set('word/styles.xml', undefined);
  parts.set('docProps/core.xml', varyingPart(core, fixed));
  parts.set('_rels/.rels', constantPart(defaults.packageRels));
  headers.forEach((h, i) => parts.set(`word/_rels/header${i + 1}.xml.rels`, varyingPart(h.rels, true)));
  footers.forEach((f, i) => parts.set(`word/_rels/footer${i + 1}.xml.rels`, varyingPart(f.rels, true)));
  headers.forEach((h, i) => parts.set(`word/header${i + 1}.xml`, varyingPart(h.xml, true)));
  footers.forEach((f, i) => parts.set(`word/footer${i + 1}.xml`, varyingPart(f.xml, true)));
  parts.set('docProps/custom.xml', constantPart(defaults.customProperties));
  parts.set('docProps/app.xml', constantPart(defaults.appProperties));
  parts.set('word/footnotes.xml', undefined);
  parts.set('word/_rels/footnotes.xml.rels', constantPart(defaults.emptyRels));
  parts.set('word/endnotes.xml', undefined);
  parts.set('word/_rels/endnotes.xml.rels', constantPart(defaults.emptyRels));
  parts.set('word/settings.xml', undefined);
  parts.set('word/fontTable.xml', undefined);
  parts.set('word/_rels/fontTable.xml.rels', constantPart(defaults.emptyRels));
  parts.set('word/theme/theme1.xml', constantPart(defaults.theme));
  parts.set('word/numbering.xml', undefined);
  parts.set('[Content_Types].xml', varyingPart(contentTypes, true));
  for (const o of options.overrides) parts.set(o.path, constantPart(o.data));
  for (const [key, m] of file.Media.Entries) {
    const bytes = bytesOf(m.data);
    parts.set(`word/media/${m.fileName}`, {
      bytes,
      store: /\.(png|jpe?g|gif)$/i.test(m.fileName),
      ...(bytes.length <= RECENT_MAX_BYTES ? { cacheKey: `media:${key}:${bytes.length}` } : {}),
    });
  }
  const out = new Map<string, Part>();
  for (const [path, part] of parts) {
    if (!part) return undefined; // not given as an override (needsDocx checks they all are)
    out.set(path, part);
  }
  return out;
}

/** Packs a document into .docx bytes; see the module comment. Works in the browser and in Node. */
export async function packDocx(file: Document, options: PackOptions): Promise<Uint8Array> {
  const parts = withFastFormatting(() => packageParts(file, options));
  if (!parts) return packWithDocx(file, options.overrides);
  const when: DosTime = (options.date !== undefined && dosNoon(options.date)) || dosTime(new Date());
  const compressed = [...parts.values()].map(compressPart);
  const entries: ZipEntry[] = [...parts.keys()].map((name, i) => ({ name, ...compressed[i]! }));
  return writeZip(entries, when);
}
