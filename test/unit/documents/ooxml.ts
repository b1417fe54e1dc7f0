/**
 * Test helpers for the .docx builders: unzip, read parts, extract paragraph texts, and validate parts
 * against the OOXML schemas kept beside the project (../shared/ooxml-schemas, see its README).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { validateXML, memoryPages } from 'xmllint-wasm';
import type { XMLFileInfo } from 'xmllint-wasm';

export const SCHEMA_DIR = path.resolve(process.cwd(), '../shared/ooxml-schemas');
export const haveSchemas = existsSync(path.join(SCHEMA_DIR, 'microsoft', 'wml-2010.xsd'));
export const SEED_DIR = path.resolve(process.cwd(), '../shared/seeds');

const SCHEMA_FOLDERS = ['ISO-IEC29500-4_2016', 'mce', 'microsoft'];
const MAIN_SCHEMA = 'microsoft/wml-2010.xsd';

let preload: XMLFileInfo[] | undefined;

/** Every .xsd of the three folders, loaded once (names keep their folder so relative imports resolve). */
function schemaFiles(): XMLFileInfo[] {
  if (!preload) {
    preload = SCHEMA_FOLDERS.flatMap((folder) =>
      readdirSync(path.join(SCHEMA_DIR, folder))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({
          fileName: `${folder}/${f}`,
          contents: readFileSync(path.join(SCHEMA_DIR, folder, f), 'utf8'),
        })),
    );
  }
  return preload;
}

export interface ValidationReport {
  valid: boolean;
  errors: string[];
}

/**
 * Validates several XML parts in one xmllint run (loading the schemas is the slow part) against
 * microsoft/wml-2010.xsd, which imports the ISO WordprocessingML schema and its dependencies.
 */
export async function validateParts(parts: { name: string; xml: string }[]): Promise<ValidationReport> {
  const files = schemaFiles();
  const main = files.find((f) => f.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`${MAIN_SCHEMA} missing`);
  const result = await validateXML({
    xml: parts.map((p, i) => ({ fileName: `part${i}-${p.name.replace(/[^\w.-]+/g, '_')}`, contents: p.xml })),
    schema: [main],
    preload: files.filter((f) => f !== main),
    initialMemoryPages: 256 * 4,
    maxMemoryPages: memoryPages.GiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

export async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function part(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} missing`);
  return f.async('string');
}

/** word/document.xml of a .docx. */
export async function documentXml(bytes: Uint8Array): Promise<string> {
  return part(await unzip(bytes), 'word/document.xml');
}

/** The WordprocessingML parts worth validating: document, styles, settings, numbering, headers and footers. */
export async function wmlParts(bytes: Uint8Array, label: string): Promise<{ name: string; xml: string }[]> {
  const zip = await unzip(bytes);
  const names = Object.keys(zip.files).filter((n) =>
    /^word\/(document|styles|settings|numbering|fontTable|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(
      n,
    ),
  );
  return Promise.all(names.map(async (n) => ({ name: `${label}-${n}`, xml: await part(zip, n) })));
}

/** The text an XML text node stands for: its entities (named and numeric) decoded. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** Texts of the paragraphs (of the body, when there is one) in document order, table cells included, tabs as '\t'. */
export function paragraphTexts(documentXml: string): string[] {
  const start = documentXml.indexOf('<w:body>');
  const body = start >= 0 ? documentXml.slice(start) : documentXml;
  const out: string[] = [];
  for (const m of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    let text = '';
    for (const t of p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (t[0] === '<w:tab/>') text += '\t';
      else if (t[0] === '<w:br/>') text += '\n';
      else text += decodeEntities(t[1] ?? '');
    }
    out.push(text);
  }
  return out;
}

/** The paragraph texts of a .docx's document, the empty paragraphs left out. */
export async function filledParagraphs(bytes: Uint8Array): Promise<string[]> {
  return paragraphTexts(await documentXml(bytes)).filter((t) => t !== '');
}

/** Attribute value of the first element matching `tag` (e.g. 'w:pgSz', 'w:w'). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}[ /][^>]*`).exec(xml)?.[0];
  if (!el) return undefined;
  return new RegExp(`${name}="([^"]*)"`).exec(el)?.[1];
}

/** The style element with this w:styleId in styles.xml. */
export function styleXml(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

/** Asserts that each of `positions` (the indexes of parts looked up in a document) was found, and in this order. */
export function expectInOrder(positions: number[]): void {
  expect(positions.every((i) => i >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}
