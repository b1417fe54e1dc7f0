/**
 * Reading untrusted zip files (backups, .xlsx, .docx) with caps on what they inflate to. Pure.
 *
 * The central directory is read first (names, methods, declared sizes), so a caller can look at a
 * small entry (a backup's manifest) before inflating a large one. Declared sizes are only a first
 * check: every entry is inflated in small steps with a running total, and inflation stops as soon as
 * the total passes the cap, whatever the headers say. So a 4 MB file that inflates to 4 GiB costs at
 * most the cap (plus one step) in time and memory before it is refused.
 */
import { Inflate } from 'fflate';
import { DataError } from './errors';

/** Thrown when the archive is not a readable zip (truncated, garbled, unsupported). */
export class ZipCorruptError extends DataError {
  override name = 'DataError';
}

/** Thrown when an entry or the archive inflates past a cap. `limit` is the cap that was passed. */
export class ZipTooLargeError extends DataError {
  override name = 'DataError';
  constructor(
    message: string,
    readonly limit: number,
    readonly entry: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory: not trusted, only checked against. */
  declaredSize: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

export interface InflateLimits {
  /** Most bytes any one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all inflated entries together may come to. */
  maxTotalBytes: number;
}

/** Compressed bytes handed to the inflater per step: one step inflates to at most ~1,032× this. */
export const INFLATE_STEP = 16 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const corrupt = () => new ZipCorruptError('压缩包已损坏或不完整，无法解压。');

/** The entries of the central directory. Throws ZipCorruptError when there is none. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, searched from the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  let p = u32(bytes, eocd + 16);
  // Zip64 (sizes or offsets of 0xFFFFFFFF) is never written by our tools nor needed for our caps.
  if (count === 0xffff || p === 0xffffffff || p + cdSize > bytes.length) throw corrupt();
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt();
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const declaredSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const headerOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen > bytes.length) throw corrupt();
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || headerOffset === 0xffffffff)
      throw corrupt();
    entries.push({ name, method, compressedSize, declaredSize, headerOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.headerOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw corrupt();
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressedSize > bytes.length) throw corrupt();
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, stopping as soon as the output passes `cap` (ZipTooLargeError with `tooLarge`
 * as message). With `keep: false` the output is only counted (a bomb check), and an empty array is
 * returned. Throws ZipCorruptError for bad data or when the actual size differs from the declared one.
 */
export function inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  cap: number,
  tooLarge: string,
  keep = true,
): Uint8Array {
  if (e.declaredSize > cap) throw new ZipTooLargeError(tooLarge, cap, e.name);
  const data = entryData(bytes, e);
  if (e.method === 0) {
    if (data.length !== e.declaredSize) throw corrupt();
    return keep ? data.slice() : new Uint8Array(0);
  }
  if (e.method !== 8) throw corrupt();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) {
      over = true;
      return;
    }
    if (keep) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += INFLATE_STEP) {
      const end = Math.min(i + INFLATE_STEP, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) throw corrupt();
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw corrupt();
  }
  if (over) throw new ZipTooLargeError(tooLarge, cap, e.name);
  if (total !== e.declaredSize) throw corrupt();
  if (!keep) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0]!;
  return concatBytes(chunks);
}

/** The pieces one after the other, in one array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Inflates every entry (output discarded) under the caps: proves the archive is not a bomb before a
 * library that does not cap (SheetJS) reads it. Declared sizes are summed first (a fast refusal),
 * then the actual sizes are counted while inflating.
 */
export function checkZipInflation(
  bytes: Uint8Array,
  limits: InflateLimits,
  tooLarge: string,
): { entries: number; total: number } {
  const entries = listZip(bytes);
  let declared = 0;
  for (const e of entries) declared += e.declaredSize;
  if (declared > limits.maxTotalBytes) throw new ZipTooLargeError(tooLarge, limits.maxTotalBytes, '');
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.compressedSize === 0) continue;
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    inflateEntry(bytes, e, cap, tooLarge, false);
    total += e.declaredSize; // equal to the actual size (inflateEntry checked it)
  }
  return { entries: entries.length, total };
}

/** Inflates the named entry (the first of that name), or returns undefined when there is none. */
export function readZipEntry(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  cap: number,
  tooLarge: string,
): Uint8Array | undefined {
  const e = entries.find((x) => x.name === name);
  return e ? inflateEntry(bytes, e, cap, tooLarge) : undefined;
}
