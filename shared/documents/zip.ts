/**
 * A small zip writer for the packer (pack.ts): entries compressed once (fflate's synchronous DEFLATE at
 * level 6, the library docx itself zips with), kept with their CRC-32, and written into any number of
 * archives. Works in the browser and in Node.
 */
import { deflateSync } from 'fflate';

/** An entry ready to be written: its bytes as they go in the archive, how, and the CRC-32 of the original. */
export interface ZipEntry {
  name: string;
  /** 8: DEFLATE, 0: stored. */
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  /** Size of the original bytes. */
  size: number;
}

/** An entry's content without its name: the same content can go under several names and in many archives. */
export type Compressed = Omit<ZipEntry, 'name'>;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The product of a 32×32 matrix over GF(2) (its columns) with a vector. */
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, mat: Uint32Array) {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]!);
}

/**
 * The CRC-32 of A followed by B from the CRC-32 of each and B's length (zlib's crc32_combine): a text
 * whose beginning is known last (the backup's header) gets its CRC without reading the rest again.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  // The operator that appends one zero bit, then squared: two, four, eight… zero bits.
  const odd = new Uint32Array(32);
  const even = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd); // 2 zero bits
  gf2Square(odd, even); // 4 zero bits
  let crc = crcA >>> 0;
  let len = lengthB;
  // Applies len zero bytes to crcA, one bit of len at a time (the first square gives one byte).
  for (;;) {
    gf2Square(even, odd);
    if (len % 2) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

/**
 * `bytes` as raw DEFLATE stored blocks (RFC 1951 §3.2.4), none of them final: put before any raw DEFLATE
 * data (which starts on a byte boundary, as every stored block ends), the two inflate to `bytes` then
 * that data's own text.
 */
export function storedBlocks(bytes: Uint8Array): Uint8Array {
  const MAX = 0xffff;
  const blocks = Math.ceil(bytes.length / MAX);
  const out = new Uint8Array(bytes.length + 5 * blocks);
  let at = 0;
  for (let from = 0; from < bytes.length; from += MAX) {
    const n = Math.min(MAX, bytes.length - from);
    out[at] = 0; // BFINAL 0, BTYPE 00 (stored), the rest of the byte padding
    out[at + 1] = n & 0xff;
    out[at + 2] = n >>> 8;
    out[at + 3] = ~n & 0xff;
    out[at + 4] = (~n >>> 8) & 0xff;
    out.set(bytes.subarray(from, from + n), at + 5);
    at += 5 + n;
  }
  return out;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function stored(bytes: Uint8Array): Compressed {
  return { method: 0, data: bytes, crc: crc32(bytes), size: bytes.length };
}

/** DEFLATE-compressed, or stored where that is not smaller. */
export function deflate(bytes: Uint8Array): Compressed {
  const crc = crc32(bytes);
  const data = bytes.length > 0 ? deflateSync(bytes, { level: 6 }) : bytes;
  return data.length < bytes.length
    ? { method: 8, data, crc, size: bytes.length }
    : { method: 0, data: bytes, crc, size: bytes.length };
}

/** MS-DOS date and time of a zip entry (local time, as zip tools and docx's fflate write it). */
export interface DosTime {
  date: number;
  time: number;
}

export function dosTime(d: Date): DosTime {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Noon of a calendar day 'YYYY-MM-DD', whatever the time zone (for reproducible files). */
export function dosNoon(isoDate: string): DosTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1980 || y > 2107 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return { date: ((y - 1980) << 9) | (mo << 5) | d, time: 12 << 11 };
}

/**
 * The archive: local headers and data in the order given, then the central directory. Names in UTF-8 (flagged
 * as such where not ASCII); no zip64, so at most 65,535 entries and 4 GB.
 */
export function writeZip(entries: readonly ZipEntry[], when: DosTime): Uint8Array {
  const names = entries.map((e) => utf8(e.name));
  let local = 0;
  let central = 0;
  entries.forEach((e, i) => {
    local += 30 + names[i]!.length + e.data.length;
    central += 46 + names[i]!.length;
  });
  if (entries.length > 0xffff || local + central + 22 > 0xffffffff)
    throw new Error('zip too large (no zip64)');
  const flags = names.map((n, i) => (n.length !== entries[i]!.name.length ? 0x800 : 0));
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0
    view.setUint16(at + 6, flags[i]!, true); // bit 11: UTF-8 name
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, when.time, true);
    view.setUint16(at + 12, when.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true); // extra field length
    out.set(name, at + 30);
    out.set(e.data, at + 30 + name.length);
    at += 30 + name.length + e.data.length;
  });
  const centralStart = at;
  entries.forEach((e, i) => {
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS
    view.setUint16(at + 6, 20, true); // version needed
    view.setUint16(at + 8, flags[i]!, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, when.time, true);
    view.setUint16(at + 14, when.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.data.length, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, name.length, true);
    // extra, comment, disk number, internal and external attributes: 0
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
