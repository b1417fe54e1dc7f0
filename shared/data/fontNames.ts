/**
 * The names a font file gives itself, from its `name` table (OpenType spec, "name — Naming Table"), for
 * telling which faces a machine has (仿宋_GB2312, 方正小标宋简体 …) without any font API: the main process
 * reads the files of the system's font folders (electron/fonts.ts) through this parser.
 *
 * Font files are hostile input like any other: the parser reads only the ranges it needs through `read`
 * (a 30 MB Noto CJK collection costs a few kilobytes), checks every offset and length against the file's
 * size before reading, caps every count (faces in a collection, tables, name records, string lengths,
 * names kept), and answers garbage with a `FontFileError` (Chinese message), never a crash or a hang.
 *
 * Handled: TrueType (0x00010000, 'true'), OpenType/CFF ('OTTO') and collections ('ttcf': .ttc, .otc).
 * Names are decoded from Unicode and Windows UTF-16BE records, the Windows PRC/Big5 code pages older
 * Chinese fonts use, and Macintosh Roman and Chinese records.
 */

export const FONT_LIMITS = {
  /** Files larger than this are not fonts anyone installs (the largest CJK collections are ~60 MB). */
  maxFileBytes: 256 * 1024 * 1024,
  /** Faces read from one collection. */
  maxFaces: 64,
  /** Table records in one face (real fonts have ~10–40). */
  maxTables: 512,
  /** Size of one `name` table (real ones: a few KB to ~100 KB). */
  maxNameTableBytes: 1024 * 1024,
  /** Name records read from one table. */
  maxNameRecords: 4096,
  /** Bytes of one name string (a family name is tens of bytes). */
  maxStringBytes: 1024,
  /** Characters of a name kept. */
  maxNameChars: 128,
  /** Distinct names kept per file. */
  maxNamesPerFile: 512,
} as const;

/** Reads `length` bytes at `offset` (may return fewer at the end of the file). */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array> | Uint8Array;

export interface FontFileNames {
  /** Family names (name IDs 1, 16 and 21), every language the file gives, each once, in file order. */
  families: string[];
  /** Full names and PostScript names (IDs 4 and 6), each once. */
  faceNames: string[];
  /** Faces read (a collection holds several). */
  faces: number;
}

export class FontFileError extends Error {
  override name = 'FontFileError';
}

const FAMILY_IDS = new Set([1, 16, 21]);
const FACE_IDS = new Set([4, 6]);

const SFNT_TRUETYPE = 0x00010000;
const TAG = (s: string) =>
  ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
const TAG_TTCF = TAG('ttcf');
const TAG_OTTO = TAG('OTTO');
const TAG_TRUE = TAG('true');
const TAG_TYP1 = TAG('typ1');
const TAG_NAME = TAG('name');

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Reads exactly `length` bytes inside the file, or refuses. */
async function readExact(read: ReadRange, size: number, offset: number, length: number): Promise<Uint8Array> {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
    throw new FontFileError('字体文件已损坏（偏移无效）');
  if (offset + length > size) throw new FontFileError('字体文件已损坏（数据超出文件末尾）');
  const b = await read(offset, length);
  if (!(b instanceof Uint8Array) || b.byteLength < length)
    throw new FontFileError('字体文件已损坏（读取不完整）');
  return b.byteLength === length ? b : b.subarray(0, length);
}

function utf16be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(u16(b, i));
  // Lone surrogates (a damaged record) become U+FFFD, then the name is dropped by cleanName.
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function decodeWith(label: string, b: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

/**
 * Windows code-page records (PRC, Big5, …) store each character in two bytes, single-byte ones with a
 * leading zero byte: drop those zeros, then decode the code page.
 */
function doubleByte(label: string, b: Uint8Array): string | undefined {
  const out: number[] = [];
  for (const x of b) if (x !== 0) out.push(x);
  return decodeWith(label, Uint8Array.from(out));
}

const WINDOWS_CODE_PAGES: Record<number, string> = { 2: 'shift_jis', 3: 'gbk', 4: 'big5', 5: 'euc-kr' };
const MAC_CODE_PAGES: Record<number, string> = {
  0: 'macintosh',
  1: 'shift_jis',
  2: 'big5',
  3: 'euc-kr',
  25: 'gbk',
};

function decodeName(platform: number, encoding: number, b: Uint8Array): string | undefined {
  if (platform === 0) return utf16be(b);
  if (platform === 3) {
    if (encoding === 0 || encoding === 1 || encoding === 10) return utf16be(b);
    const cp = WINDOWS_CODE_PAGES[encoding];
    return cp ? doubleByte(cp, b) : undefined;
  }
  if (platform === 1) {
    const cp = MAC_CODE_PAGES[encoding];
    return cp ? decodeWith(cp, b) : undefined;
  }
  return undefined;
}

/** A name as the clerk could read it, or undefined: controls, bidi and non-characters out, bounded. */
export function cleanFontName(raw: string): string | undefined {
  const s = raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff0-\uffff]/g, '')
    .trim();
  if (s === '' || s.length > FONT_LIMITS.maxNameChars) return undefined;
  return s;
}

/** The names of one `name` table. */
function parseNameTable(t: Uint8Array, add: (id: number, name: string) => void): void {
  if (t.length < 6) throw new FontFileError('字体文件已损坏（name 表过短）');
  const format = u16(t, 0);
  if (format > 1) throw new FontFileError('字体文件已损坏（name 表格式未知）');
  const count = Math.min(u16(t, 2), FONT_LIMITS.maxNameRecords);
  const storage = u16(t, 4);
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > t.length) break;
    const nameId = u16(t, at + 6);
    if (!FAMILY_IDS.has(nameId) && !FACE_IDS.has(nameId)) continue;
    const length = u16(t, at + 8);
    const start = storage + u16(t, at + 10);
    if (length === 0 || length > FONT_LIMITS.maxStringBytes || start + length > t.length) continue;
    const text = decodeName(u16(t, at), u16(t, at + 2), t.subarray(start, start + length));
    const name = text === undefined ? undefined : cleanFontName(text);
    if (name !== undefined && !name.includes('\ufffd')) add(nameId, name);
  }
}

/** Offset of the `name` table of the face whose offset table starts at `at`, with its length. */
async function nameTableOf(
  read: ReadRange,
  size: number,
  at: number,
): Promise<{ offset: number; length: number } | undefined> {
  const head = await readExact(read, size, at, 12);
  const version = u32(head, 0);
  if (version !== SFNT_TRUETYPE && version !== TAG_OTTO && version !== TAG_TRUE && version !== TAG_TYP1)
    throw new FontFileError('不是 TrueType/OpenType 字体文件');
  const tables = u16(head, 4);
  if (tables === 0 || tables > FONT_LIMITS.maxTables)
    throw new FontFileError('字体文件已损坏（表的数目无效）');
  const dir = await readExact(read, size, at + 12, tables * 16);
  for (let i = 0; i < tables; i++) {
    if (u32(dir, i * 16) !== TAG_NAME) continue;
    return { offset: u32(dir, i * 16 + 8), length: u32(dir, i * 16 + 12) };
  }
  return undefined;
}

/**
 * The family and face names of a font file of `size` bytes, read through `read`. Throws FontFileError
 * (Chinese message) for anything that is not a readable TrueType/OpenType font or collection.
 */
export async function readFontNames(read: ReadRange, size: number): Promise<FontFileNames> {
  if (!Number.isSafeInteger(size) || size < 12) throw new FontFileError('不是 TrueType/OpenType 字体文件');
  if (size > FONT_LIMITS.maxFileBytes) throw new FontFileError('字体文件过大');
  const first = await readExact(read, size, 0, 12);
  let faceOffsets: number[];
  if (u32(first, 0) === TAG_TTCF) {
    const n = u32(first, 8);
    if (n === 0) throw new FontFileError('字体集合中没有字体');
    const count = Math.min(n, FONT_LIMITS.maxFaces);
    const offsets = await readExact(read, size, 12, count * 4);
    faceOffsets = Array.from({ length: count }, (_, i) => u32(offsets, i * 4));
  } else {
    faceOffsets = [0];
  }
  const families: string[] = [];
  const faceNames: string[] = [];
  const seen = new Set<string>();
  const seenTables = new Set<number>();
  let faces = 0;
  const add = (id: number, name: string) => {
    const key = `${FAMILY_IDS.has(id) ? 'f' : 'n'}${name}`;
    if (seen.has(key) || seen.size >= FONT_LIMITS.maxNamesPerFile) return;
    seen.add(key);
    (FAMILY_IDS.has(id) ? families : faceNames).push(name);
  };
  for (const at of faceOffsets) {
    const table = await nameTableOf(read, size, at);
    faces++;
    // Faces of a collection often share one name table: read it once.
    if (!table || seenTables.has(table.offset)) continue;
    seenTables.add(table.offset);
    if (table.length > FONT_LIMITS.maxNameTableBytes)
      throw new FontFileError('字体文件已损坏（name 表过大）');
    parseNameTable(await readExact(read, size, table.offset, table.length), add);
  }
  if (families.length === 0 && faceNames.length === 0)
    throw new FontFileError('字体文件中没有可读的字体名称');
  return { families, faceNames, faces };
}

/** The same for a file held in memory. */
export function fontNamesOf(bytes: Uint8Array): Promise<FontFileNames> {
  return readFontNames((offset, length) => bytes.subarray(offset, offset + length), bytes.byteLength);
}

/** Whether a file name looks like a font this parser reads (.ttf, .otf, .ttc, .otc). */
export function isFontFileName(name: string): boolean {
  return /\.(?:ttf|otf|ttc|otc)$/i.test(name);
}
