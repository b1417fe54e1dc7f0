/**
 * Our packer (shared/documents/pack.ts) and documents (document.ts) against docx's own: for every builder,
 * the package we write and the one docx's Packer writes for a Document made by docx's constructor from the
 * same sections have the same parts, in the same order, byte for byte (docProps/core.xml up to its time
 * stamps); and the zip we write is sound (CRC-32s, sizes, DEFLATE) for JSZip and for zlib.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { Document, NextAttributeComponent, Paragraph, TextRun, XmlComponent } from 'docx';
import type { IContext, IXmlableObject } from 'docx';
import type { DocOptions } from '../../../shared/documents';
import type * as Layout from '../../../shared/documents/layout';
import type { SectionSpec } from '../../../shared/documents/layout';
import { createDocument } from '../../../shared/documents/layout';
import { fontsOf } from '../../../shared/documents/options';
import { packDocx, packWithDocx } from '../../../shared/documents/pack';
import { partOverrides } from '../../../shared/documents/parts';
import { componentXml, withFastFormatting } from '../../../shared/documents/xml';
import { crc32, crc32Combine, deflate, storedBlocks } from '../../../shared/documents/zip';
import { buildAllSamples, buildNastySamples, CERTS, RED_PNG } from './fixtures';

/**
 * Every document a builder makes, packed by us, and by docx's Packer from a Document made by docx's own
 * constructor with the same sections (their paragraphs and tables are the same objects).
 */
const packed = vi.hoisted(() => ({
  pairs: [] as { label: string; ours: Uint8Array; docx: Uint8Array; byUs: boolean }[],
  current: '',
  /** Calls of docx's Packer.pack (our packer's fallback, and the reference packing). */
  packerCalls: 0,
}));

vi.mock('../../../shared/documents/layout', async (importOriginal) => {
  const layout = await importOriginal<typeof Layout>();
  const { Document, Packer } = await import('docx');
  const original = Packer.pack.bind(Packer);
  vi.spyOn(Packer, 'pack').mockImplementation((...args: Parameters<typeof original>) => {
    packed.packerCalls++;
    return original(...args);
  });
  const { packWithDocx: viaDocx } = await import('../../../shared/documents/pack');
  const { partOverrides: overrides } = await import('../../../shared/documents/parts');
  const { fontsOf: fonts } = await import('../../../shared/documents/options');
  return {
    ...layout,
    buildDocx: async (sections: SectionSpec[], options: DocOptions | undefined, title?: string) => {
      const before = packed.packerCalls;
      const ours = await layout.pack(layout.createDocument(sections, options, title), options);
      const byUs = packed.packerCalls === before;
      const reference = new Document(layout.documentOptions(sections, options, title));
      const docx = await viaDocx(reference, overrides(fonts(options)));
      packed.pairs.push({ label: `${packed.current}#${packed.pairs.length}`, ours, docx, byUs });
      return ours;
    },
  };
});

const STAMP = /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g;

/** The package's parts in zip order, checked by JSZip (CRC-32) and by zlib (each DEFLATE stream). */
async function partsOf(bytes: Uint8Array): Promise<[string, Uint8Array][]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: [string, Uint8Array][] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push([f.name, await f.async('uint8array')]);
  return out;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function expectSameParts(label: string, ours: Uint8Array, docx: Uint8Array): Promise<void> {
  const a = await partsOf(ours);
  const b = await partsOf(docx);
  expect(
    a.map(([n]) => n),
    label,
  ).toEqual(b.map(([n]) => n));
  for (let i = 0; i < a.length; i++) {
    const [name, x] = a[i]!;
    const y = b[i]![1];
    if (name === 'docProps/core.xml') {
      expect(text(x).replace(STAMP, '$1T$2'), `${label} ${name}`).toBe(text(y).replace(STAMP, '$1T$2'));
    } else if (name.endsWith('.xml') || name.endsWith('.rels')) {
      expect(text(x), `${label} ${name}`).toBe(text(y));
    } else {
      expect(Buffer.from(x).equals(Buffer.from(y)), `${label} ${name}`).toBe(true);
    }
  }
}

interface RawEntry {
  name: string;
  method: number;
  /** The entry as stored in the zip. */
  data: Uint8Array;
  /** Its content. */
  raw: Uint8Array;
}

/** Reads the zip by hand: each entry's method, CRC-32 and sizes checked against its data inflated by zlib. */
function readZipByHand(bytes: Uint8Array): RawEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const csize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = text(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true), name).toBe(0x04034b50);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + csize);
    const raw = method === 8 ? new Uint8Array(inflateRawSync(data)) : data;
    expect([0, 8], name).toContain(method);
    expect(raw.length, name).toBe(size);
    expect(crc32(raw), name).toBe(crc);
    entries.push({ name, method, data, raw });
    at += 46 + nameLength;
  }
  return entries;
}

/** Whether our packer wrote the package (docx's Packer, its fallback, was not called). */
async function writtenByUs(make: () => Promise<Uint8Array>): Promise<boolean> {
  const before = packed.packerCalls;
  await make();
  return packed.packerCalls === before;
}

describe('packer (pack.ts) against docx Packer', () => {
  it('every builder: the same parts in the same order, byte for byte', async () => {
    packed.pairs.length = 0;
    packed.current = 'samples';
    const samples = await buildAllSamples();
    packed.current = 'nasty';
    await buildNastySamples();
    packed.current = 'seal-cert';
    await import('../../../shared/documents').then((d) =>
      d.buildCertificate(CERTS[2]!, { seal: { png: RED_PNG, diameterMm: 40 }, fontScheme: 'windows' }),
    );
    expect(packed.pairs.length).toBeGreaterThanOrEqual(Object.keys(samples).length + 20);
    for (const { label, ours, docx, byUs } of packed.pairs) {
      await expectSameParts(label, ours, docx);
      expect(byUs, label).toBe(true);
    }
    // Among them: notices with page-number footers, forms with tables, certificates with and without a seal.
    const docs = await Promise.all(packed.pairs.map(async (p) => (await partsOf(p.ours)).map(([n]) => n)));
    expect(docs.some((names) => names.includes('word/footer2.xml'))).toBe(true);
    expect(docs.some((names) => names.includes('word/media/image1.png'))).toBe(true);
    expect(docs.some((names) => !names.some((n) => n.startsWith('word/footer')))).toBe(true);
  }, 120_000);

  it('writes a sound zip: CRC-32s and sizes match, DEFLATE inflates with zlib', async () => {
    const { buildNoticeWithAttachments, SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS } =
      await import('../../../shared/documents');
    const notice = await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS, {
      seal: { png: RED_PNG },
    });
    const names = readZipByHand(notice).map((e) => e.name);
    expect(names[0]).toBe('word/_rels/document.xml.rels');
    expect(names).toContain('word/document.xml');
    expect(names).toContain('word/media/image1.png');
    // Packing again reuses the constant parts: still sound.
    readZipByHand(
      await packDocx(createDocument([{ children: [new Paragraph('x')] }], undefined), {
        overrides: partOverrides(fontsOf(undefined)),
      }),
    );
  });

  it('a fixed date: core.xml and the zip entries carry it, and the same document gives the same bytes', async () => {
    const make = () =>
      packDocx(
        createDocument(
          [{ children: [new Paragraph({ children: [new TextRun('同一份文件')] })] }],
          undefined,
          'T',
        ),
        {
          overrides: partOverrides(fontsOf(undefined)),
          date: '2026-03-02',
        },
      );
    const a = await make();
    await new Promise((r) => setTimeout(r, 1100));
    const b = await make();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-02T00:00:00Z</dcterms:modified>',
    );
    const entry = zip.file('word/document.xml')!;
    // JSZip reads the MS-DOS time of an entry as UTC.
    const d = entry.date;
    expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()]).toEqual([
      2026, 3, 2, 12,
    ]);
  });

  it('documents with what the fast path does not write (comments) go through docx Packer', async () => {
    const doc = new Document({
      comments: { children: [{ id: 0, author: 'A', date: new Date(0), children: [new Paragraph('c')] }] },
      sections: [{ children: [new Paragraph('x')] }],
    });
    const names = (await partsOf(await packDocx(doc, { overrides: partOverrides(fontsOf(undefined)) }))).map(
      ([n]) => n,
    );
    expect(names).toContain('word/comments.xml');
    // Documents made by docx's constructor too: they may have a theme or properties of their own.
    const plain = new Document({ sections: [{ children: [new Paragraph('x')] }] });
    expect(await writtenByUs(() => packDocx(plain, { overrides: partOverrides(fontsOf(undefined)) }))).toBe(
      false,
    );
  });

  it('without every hand-written part given, falls back to docx Packer', async () => {
    const doc = createDocument([{ children: [new Paragraph('x')] }], undefined);
    const ours = await packDocx(doc, { overrides: [] });
    const names = (await partsOf(ours)).map(([n]) => n);
    expect(names).toContain('word/styles.xml');
    const styles = await (await JSZip.loadAsync(ours)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:styleId="Heading1"'); // docx's own styles
  });
});

/** A component that formats to a given object, to test the serializer on docx's own quirks. */
class Raw extends XmlComponent {
  constructor(private readonly value: IXmlableObject) {
    super('raw');
  }
  override prepForXml(_context: IContext): IXmlableObject {
    return this.value;
  }
}

describe('serializer (xml.ts) against docx', () => {
  const quirks: IXmlableObject[] = [
    { 'w:a': [] },
    { 'w:a': {} },
    { 'w:a': null },
    { 'w:a': { _attr: { 'w:val': 'x<&>"\'' } } },
    { 'w:a': [{ _attr: { 'w:x': 1, 'w:y': true } }] },
    { 'w:a': [{ _attr: { 'w:x': 1 } }, { _attr: { 'w:y': 2 } }, { 'w:b': [] }] },
    { 'w:a': ['text & <more>'] },
    { 'w:a': [{ 'w:b': {} }, 'replaces b'] },
    { 'w:a': ['one', 'two'] },
    { 'w:a': [{ 'w:b': [] }, { 'w:c': 3 }] },
    { 'w:a': 42 },
    { 'w:a': 'x\u0001y\u000Bz' },
    { 'w:a': undefined },
    { 'w:a': { _cdata: 'a]]>b' } },
    { 'w:a': [{ 'w:b': [{ _attr: { 'w:v': 'q' } }, 'text'] }, { 'w:c': [{ 'w:d': {} }] }] },
  ];

  it('writes what docx writes, quirks and all', async () => {
    const doc = createDocument(
      [{ children: quirks.map((q) => new Raw(q) as unknown as Paragraph) }],
      undefined,
    );
    const ours = await packDocx(doc, { overrides: partOverrides(fontsOf(undefined)) });
    const theirs = await packWithDocx(doc, partOverrides(fontsOf(undefined)));
    const xml = async (b: Uint8Array) =>
      (await JSZip.loadAsync(b)).file('word/document.xml')!.async('string');
    const mine = await xml(ours);
    expect(mine).toBe(await xml(theirs));
    expect(mine).toContain('<w:a></w:a><w:a/><w:a/>');
    expect(mine).toContain('<w:a>replaces b</w:a>');
  });

  it('formats with docx methods replaced only while the packer writes, restored even after an error', () => {
    const originals = [XmlComponent.prototype.prepForXml, NextAttributeComponent.prototype.prepForXml];
    const current = () => [XmlComponent.prototype.prepForXml, NextAttributeComponent.prototype.prepForXml];
    const context = { stack: [] } as unknown as IContext;
    const run = new Paragraph({ children: [new TextRun({ text: 'a', size: 24 })] });
    const fast = withFastFormatting(() => {
      expect(current()).not.toEqual(originals);
      return componentXml(run, context, false);
    });
    expect(fast).toContain('<w:sz w:val="24"/>');
    expect(fast).toBe(componentXml(run, context, false)); // docx's own methods
    expect(current()).toEqual(originals);
    class Broken extends XmlComponent {
      override prepForXml(): IXmlableObject {
        throw new Error('broken');
      }
    }
    expect(() => withFastFormatting(() => componentXml(new Broken('w:x'), context, false))).toThrow('broken');
    expect(current()).toEqual(originals);
  });
});

describe('zip (zip.ts)', () => {
  it('DEFLATE with the CRC-32 of the data; stored where that is not smaller', () => {
    const data = new TextEncoder().encode('网络安全'.repeat(500));
    const d = deflate(data);
    expect(d.method).toBe(8);
    expect(d.size).toBe(data.length);
    expect(d.crc).toBe(crc32(data));
    expect(Buffer.from(inflateRawSync(d.data)).equals(Buffer.from(data))).toBe(true);
    const noise = new Uint8Array(64).map((_, i) => (i * 151 + 7) & 255);
    const s = deflate(noise);
    expect(s.method).toBe(0);
    expect(s.data).toBe(noise);
    expect(s.crc).toBe(crc32(noise));
    expect(deflate(new Uint8Array(0))).toMatchObject({ method: 0, size: 0, crc: 0 });
  });

  it('crc32 is the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('crc32Combine gives the CRC-32 of A then B from theirs and B’s length (the backup’s header, issue 17)', () => {
    const text = new TextEncoder().encode('{"formatName":"dexie"}' + '北京网络安全公司'.repeat(9_000));
    for (const cut of [0, 1, 7, 22, 4096, 65_536, text.length - 1, text.length]) {
      const a = text.subarray(0, cut);
      const b = text.subarray(cut);
      expect(crc32Combine(crc32(a), crc32(b), b.length), `cut at ${cut}`).toBe(crc32(text));
    }
  });

  it('storedBlocks before raw DEFLATE data inflate to both, in order (over 65,535 bytes: several blocks)', () => {
    const rest = new TextEncoder().encode('"rows":[' + '{"name":"上海信息"},'.repeat(2_000) + ']');
    for (const head of ['', '{"data":[', '头'.repeat(30_000)]) {
      const h = new TextEncoder().encode(head);
      const blocks = storedBlocks(h);
      expect(blocks.length).toBe(h.length + 5 * Math.ceil(h.length / 65_535));
      const joined = new Uint8Array([...blocks, ...deflateRawSync(rest)]);
      expect(Buffer.from(inflateRawSync(joined)).equals(Buffer.from([...h, ...rest]))).toBe(true);
    }
  });
});
