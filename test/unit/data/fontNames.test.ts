/**
 * The `name`-table parser (shared/data/fontNames.ts, issue 15): real font files from Debian's packages
 * (fonts-arphic-uming, fonts-arphic-ukai, fonts-noto-cjk, fonts-dejavu — read in place, never copied into
 * the repository), tiny synthetic fonts built here for what those lack (a Chinese family name such as
 * 仿宋_GB2312, a PRC code-page record, a collection), and garbage of every kind.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import {
  FONT_LIMITS,
  FontFileError,
  cleanFontName,
  fontNamesOf,
  isFontFileName,
  readFontNames,
} from '../../../shared/data/fontNames';

// ---- tiny synthetic fonts -------------------------------------------------------------------------

interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  id: number;
  bytes: Uint8Array;
}

const utf16 = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) >> 8;
    out[i * 2 + 1] = s.charCodeAt(i) & 0xff;
  }
  return out;
};
const win = (id: number, s: string, language = 0x0409): NameRecord => ({
  platform: 3,
  encoding: 1,
  language,
  id,
  bytes: utf16(s),
});

function nameTable(records: NameRecord[]): Uint8Array {
  const storageStart = 6 + records.length * 12;
  const total = storageStart + records.reduce((n, r) => n + r.bytes.length, 0);
  const t = new Uint8Array(total);
  const v = new DataView(t.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, records.length);
  v.setUint16(4, storageStart);
  let off = 0;
  records.forEach((r, i) => {
    const at = 6 + i * 12;
    v.setUint16(at, r.platform);
    v.setUint16(at + 2, r.encoding);
    v.setUint16(at + 4, r.language);
    v.setUint16(at + 6, r.id);
    v.setUint16(at + 8, r.bytes.length);
    v.setUint16(at + 10, off);
    t.set(r.bytes, storageStart + off);
    off += r.bytes.length;
  });
  return t;
}

/** One face: an offset table with a dummy `head` and the `name` table, placed at `base` in its file. */
function face(records: NameRecord[], base = 0): { head: Uint8Array; tables: Uint8Array } {
  const name = nameTable(records);
  const head = new Uint8Array(12 + 2 * 16);
  const v = new DataView(head.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, 2);
  const dataStart = base + head.length;
  // 'head' (54 zero bytes), then 'name'
  const tables = new Uint8Array(56 + name.length);
  tables.set(name, 56);
  const rec = (i: number, tag: string, offset: number, length: number) => {
    for (let k = 0; k < 4; k++) head[12 + i * 16 + k] = tag.charCodeAt(k);
    v.setUint32(12 + i * 16 + 8, offset);
    v.setUint32(12 + i * 16 + 12, length);
  };
  rec(0, 'head', dataStart, 54);
  rec(1, 'name', dataStart + 56, name.length);
  return { head, tables };
}

function ttf(records: NameRecord[]): Uint8Array {
  const f = face(records);
  const out = new Uint8Array(f.head.length + f.tables.length);
  out.set(f.head);
  out.set(f.tables, f.head.length);
  return out;
}

function ttc(facesRecords: NameRecord[][]): Uint8Array {
  const header = 12 + facesRecords.length * 4;
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = header;
  for (const r of facesRecords) {
    offsets.push(at);
    const f = face(r, at);
    const bytes = new Uint8Array(f.head.length + f.tables.length);
    bytes.set(f.head);
    bytes.set(f.tables, f.head.length);
    parts.push(bytes);
    at += bytes.length;
  }
  const out = new Uint8Array(at);
  const v = new DataView(out.buffer);
  out.set([0x74, 0x74, 0x63, 0x66]); // 'ttcf'
  v.setUint32(4, 0x00010000);
  v.setUint32(8, facesRecords.length);
  offsets.forEach((o, i) => v.setUint32(12 + i * 4, o));
  parts.forEach((p, i) => out.set(p, offsets[i]!));
  return out;
}

const FANGSONG_GB2312 = [
  win(1, 'FangSong_GB2312'),
  win(4, 'FangSong_GB2312'),
  win(6, 'FangSong_GB2312'),
  win(1, '仿宋_GB2312', 0x0804),
  win(4, '仿宋_GB2312', 0x0804),
];

// ---- real fonts --------------------------------------------------------------------------------------

const REAL = {
  uming: '/usr/share/fonts/truetype/arphic/uming.ttc',
  ukai: '/usr/share/fonts/truetype/arphic/ukai.ttc',
  notoSerif: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  dejavu: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
};

/** A real file's bytes as a plain Uint8Array. */
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

/** Reads a real file by ranges, as the main process does, counting the bytes read. */
async function readRanges(path: string) {
  const fd = openSync(path, 'r');
  let bytesRead = 0;
  try {
    const names = await readFontNames((offset, length) => {
      const b = new Uint8Array(length);
      const n = readSync(fd, b, 0, length, offset);
      bytesRead += n;
      return b.subarray(0, n);
    }, statSync(path).size);
    return { names, bytesRead };
  } finally {
    closeSync(fd);
  }
}

describe('font names from real font files (Debian packages, read in place)', () => {
  it.skipIf(!existsSync(REAL.uming))('AR PL UMing (fonts-arphic-uming, a .ttc of 4 faces)', async () => {
    const n = await fontNamesOf(bytesOf(REAL.uming));
    expect(n.faces).toBe(4);
    expect(n.families).toEqual(['AR PL UMing CN', 'AR PL UMing HK', 'AR PL UMing TW', 'AR PL UMing TW MBE']);
    expect(n.faceNames).toContain('UMingCN');
  });

  it.skipIf(!existsSync(REAL.ukai))('AR PL UKai (the Kai face the font scheme maps 楷体 to)', async () => {
    expect((await fontNamesOf(bytesOf(REAL.ukai))).families).toContain('AR PL UKai CN');
  });

  it.skipIf(!existsSync(REAL.notoSerif))(
    'Noto Serif CJK (a 20+ MB collection): read by ranges, a few kilobytes only',
    async () => {
      const { names, bytesRead } = await readRanges(REAL.notoSerif);
      expect(names.families).toEqual(expect.arrayContaining(['Noto Serif CJK SC', 'Noto Serif CJK TC']));
      expect(names.faceNames).toContain('NotoSerifCJKsc-Regular');
      expect(statSync(REAL.notoSerif).size).toBeGreaterThan(10_000_000);
      expect(bytesRead).toBeLessThan(64 * 1024);
    },
  );

  it.skipIf(!existsSync(REAL.dejavu))('DejaVu Sans (a plain .ttf)', async () => {
    const n = await fontNamesOf(bytesOf(REAL.dejavu));
    expect(n).toEqual({ families: ['DejaVu Sans'], faceNames: ['DejaVu Sans', 'DejaVuSans'], faces: 1 });
  });

  it.skipIf(!existsSync(REAL.uming))(
    'every truncation of a real font is refused cleanly or still read',
    async () => {
      const bytes = bytesOf(REAL.uming).subarray(0, 64 * 1024);
      for (const cut of [0, 1, 11, 12, 13, 20, 40, 100, 300, 1000, 5000]) {
        const part = bytes.subarray(0, cut);
        await expect(fontNamesOf(part)).rejects.toBeInstanceOf(FontFileError);
      }
    },
  );
});

describe('font names from synthetic fonts (what the Debian fonts do not have)', () => {
  it('a Chinese family name beside its English one (仿宋_GB2312 / FangSong_GB2312)', async () => {
    const n = await fontNamesOf(ttf(FANGSONG_GB2312));
    expect(n.families).toEqual(['FangSong_GB2312', '仿宋_GB2312']);
    expect(n.faceNames).toEqual(['FangSong_GB2312', '仿宋_GB2312']);
  });

  it('typographic family (ID 16), a Unicode-platform record and a Mac Roman record', async () => {
    const mac: NameRecord = {
      platform: 1,
      encoding: 0,
      language: 0,
      id: 1,
      bytes: new TextEncoder().encode('FZXiaoBiaoSong-B05S'),
    };
    const n = await fontNamesOf(
      ttf([
        win(16, '方正小标宋简体', 0x0804),
        { platform: 0, encoding: 3, language: 0, id: 1, bytes: utf16('方正小标宋_GBK') },
        mac,
        win(6, 'FZXBSJW--GB1-0'),
      ]),
    );
    expect(n.families).toEqual(['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S']);
    expect(n.faceNames).toEqual(['FZXBSJW--GB1-0']);
  });

  it('a Windows PRC (GBK) record, two bytes per character as older Chinese fonts store it', async () => {
    // 楷体_GB2312 in GBK: BF AC CC E5, then "_GB2312" each with a zero byte before it.
    const gbk = [0xbf, 0xac, 0xcc, 0xe5, ...[...'_GB2312'].flatMap((c) => [0, c.charCodeAt(0)])];
    const n = await fontNamesOf(
      ttf([{ platform: 3, encoding: 3, language: 0x0804, id: 1, bytes: Uint8Array.from(gbk) }]),
    );
    expect(n.families).toEqual(['楷体_GB2312']);
  });

  it('a collection: every face, a shared name table read once', async () => {
    const n = await fontNamesOf(
      ttc([FANGSONG_GB2312, [win(1, 'KaiTi_GB2312'), win(1, '楷体_GB2312', 0x0804)]]),
    );
    expect(n.faces).toBe(2);
    expect(n.families).toEqual(['FangSong_GB2312', '仿宋_GB2312', 'KaiTi_GB2312', '楷体_GB2312']);
  });

  it('names other than family/full/PostScript are ignored; controls, bidi and empty names dropped', async () => {
    const n = await fontNamesOf(
      ttf([
        win(0, 'Copyright 1995'),
        win(5, 'Version 1.0'),
        win(1, '\u202e仿宋\u0000 '),
        win(1, '   '),
        win(4, 'x'.repeat(FONT_LIMITS.maxNameChars + 1)),
      ]),
    );
    expect(n.families).toEqual(['仿宋']);
    expect(n.faceNames).toEqual([]);
    expect(cleanFontName('\ufeff黑体\u200b')).toBe('黑体');
  });

  it('knows the font file names it reads', () => {
    expect(['a.ttf', 'B.TTC', 'c.otf', 'd.otc'].every(isFontFileName)).toBe(true);
    expect(['a.fon', 'b.woff2', 'c.ttf.bak', 'ttf'].some(isFontFileName)).toBe(false);
  });
});

describe('hostile font files: refused with a Chinese message, never a crash, bounded work', () => {
  const refused = async (bytes: Uint8Array) => {
    const e = await fontNamesOf(bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FontFileError);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
  };

  it('not a font at all: empty, text, a zip, random bytes', async () => {
    await refused(new Uint8Array());
    await refused(new TextEncoder().encode('this is not a font, but a long enough text file'));
    await refused(Uint8Array.from([0x50, 0x4b, 3, 4, ...new Uint8Array(60)]));
    let x = 12345;
    for (let k = 0; k < 200; k++) {
      const b = new Uint8Array(64 + (k % 7) * 50);
      for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      if (k % 2 === 0) b.set([0, 1, 0, 0]); // looks like TrueType, rest garbage
      if (k % 3 === 0) b.set([0x74, 0x74, 0x63, 0x66]); // looks like a collection
      const r = await fontNamesOf(b).catch((e: unknown) => e);
      if (!(r instanceof FontFileError)) expect(r).toMatchObject({ faces: expect.any(Number) });
    }
  });

  it('offsets and lengths pointing past the end, huge counts', async () => {
    const good = ttf(FANGSONG_GB2312);
    const v = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    // name table offset past the end
    const a = good.slice();
    v(a).setUint32(12 + 16 + 8, 0xfffffff0);
    await refused(a);
    // name table length past the end
    const b = good.slice();
    v(b).setUint32(12 + 16 + 12, 0x7fffffff);
    await refused(b);
    // 65535 tables
    const c = good.slice();
    v(c).setUint16(4, 0xffff);
    await refused(c);
    // a collection claiming 4 billion faces: capped, its offsets then past the end
    const d = ttc([FANGSONG_GB2312]);
    v(d).setUint32(8, 0xffffffff);
    await refused(d);
    // a collection whose face offset points outside
    const e = ttc([FANGSONG_GB2312]);
    v(e).setUint32(12, 0xfffffff0);
    await refused(e);
  });

  it('name records whose strings run outside their table are skipped, the rest still read', async () => {
    const bytes = ttf([win(1, '黑体'), win(4, 'SimHei')]);
    const nameStart = new DataView(bytes.buffer).getUint32(12 + 16 + 8);
    // second record: length 0xffff
    new DataView(bytes.buffer).setUint16(nameStart + 6 + 12 + 8, 0xffff);
    expect(await fontNamesOf(bytes)).toEqual({ families: ['黑体'], faceNames: [], faces: 1 });
  });

  it('a record count of 65535 with no records behind it', async () => {
    const bytes = ttf([win(1, '黑体')]);
    const nameStart = new DataView(bytes.buffer).getUint32(12 + 16 + 8);
    new DataView(bytes.buffer).setUint16(nameStart + 2, 0xffff);
    expect((await fontNamesOf(bytes)).families).toEqual(['黑体']);
  });

  it('a font with no name table, or none readable, is refused', async () => {
    await refused(ttf([]));
    await refused(ttf([win(5, 'Version 1.0')]));
  });

  it('a file claiming to be larger than the cap is not read at all', async () => {
    let reads = 0;
    const e = await readFontNames(() => {
      reads++;
      return new Uint8Array(12);
    }, FONT_LIMITS.maxFileBytes + 1).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FontFileError);
    expect(reads).toBe(0);
  });

  it('a reader returning short reads is refused', async () => {
    const good = ttf(FANGSONG_GB2312);
    const e = await readFontNames((o, l) => good.subarray(o, o + Math.max(0, l - 1)), good.length).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FontFileError);
  });
});
