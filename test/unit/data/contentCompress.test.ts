/**
 * database.json compressed in a Worker of its own (issue 17, contentCompress.ts): the backup Worker hands
 * the text over piece by piece; the compress Worker's service (compressService, as compress.worker.ts runs
 * it) gives back raw DEFLATE with the text's CRC-32, size and SHA-256 — the same as compressing here. Texts
 * under way at once stay apart; a Worker that fails or cannot start never loses a backup silently: the
 * text under way is refused with a message, and the next is compressed on the calling thread. The Worker
 * here is a fake whose messages go through structured cloning to the real service.
 */
import './env';
import { createHash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { demoDb } from './helpers';
import {
  compressHere,
  compressService,
  CompressWorker,
  type CompressedContent,
  type CompressReply,
  type CompressRequest,
} from '../../../renderer/src/io/contentCompress';
import { createBackup } from '../../../renderer/src/io/backup';

/** A Worker running compressService, its messages cloned both ways, answered on later tasks. */
class ServiceWorker {
  static made = 0;
  onmessage: ((ev: MessageEvent<CompressReply>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  received: CompressRequest['op'][] = [];
  private readonly handle = compressService((m, transfer) =>
    setTimeout(() =>
      this.onmessage?.({ data: structuredClone(m, { transfer }) } as MessageEvent<CompressReply>),
    ),
  );
  constructor() {
    ServiceWorker.made++;
  }
  postMessage(m: CompressRequest) {
    this.received.push(m.op);
    const copy = structuredClone(m);
    setTimeout(() => this.handle(copy));
  }
  terminate() {
    this.terminated = true;
  }
  /** The Worker crashes (out of memory, say). */
  crash() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

const PIECES = [
  '{"formatName":"dexie","data":[',
  '{"tableName":"members","rows":[{"name":"北京网络安全公司"}]}',
  ']}',
];
const TEXT = PIECES.join('');
const BYTES = new TextEncoder().encode(TEXT);

function expectTheText(c: CompressedContent, bytes = BYTES) {
  expect(new Uint8Array(inflateRawSync(c.deflated))).toEqual(bytes);
  expect(c.size).toBe(bytes.byteLength);
  expect(c.crc).toBe(crc32(bytes));
  expect(c.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
}

const compressed = (
  c: { push(t: string): void; end(head?: string): Promise<CompressedContent> },
  pieces = PIECES,
  head?: string,
) => {
  for (const p of pieces) c.push(p);
  return c.end(head);
};

/** The text's beginning given last (exportContent's header): stored blocks before the compressed rest. */
const HEAD = '{"formatName":"dexie","tables":[{"name":"会员","rowCount":1}],"data":[';
const REST = PIECES.slice(1);
// Over 65,535 bytes: more than one stored block.
const LONG_HEAD = `{"pad":"${'网'.repeat(30_000)}","data":[`;

describe('database.json compressed in its own Worker (issue 17)', () => {
  it('here: raw DEFLATE of the UTF-8 text, its CRC-32, size and SHA-256', async () => {
    expectTheText(await compressed(compressHere()));
  });

  it('here: a head given at the end goes before every piece (stored, then the rest compressed; CRC-32 combined)', async () => {
    expectTheText(
      await compressed(compressHere(), REST, HEAD),
      new TextEncoder().encode(HEAD + REST.join('')),
    );
    const long = new TextEncoder().encode(LONG_HEAD + REST.join(''));
    expect(long.byteLength).toBeGreaterThan(65_535);
    expectTheText(await compressed(compressHere(), REST, LONG_HEAD), long);
    // No piece at all: the head alone.
    expectTheText(await compressed(compressHere(), [], HEAD), new TextEncoder().encode(HEAD));
  });

  it('here without CompressionStream (fflate): the same text, head first', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    try {
      expectTheText(await compressed(compressHere()));
      expectTheText(
        await compressed(compressHere(), REST, HEAD),
        new TextEncoder().encode(HEAD + REST.join('')),
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('in the Worker: the head is sent with the end', async () => {
    const worker = new ServiceWorker();
    const pool = new CompressWorker(() => worker as unknown as Worker);
    expectTheText(
      await compressed(pool.stream(), REST, HEAD),
      new TextEncoder().encode(HEAD + REST.join('')),
    );
    expect(worker.received).toEqual(['push', 'push', 'end']);
  });

  it('in the Worker: the same bytes as here, the text sent as it comes', async () => {
    const worker = new ServiceWorker();
    const pool = new CompressWorker(() => worker as unknown as Worker);
    const c = await compressed(pool.stream());
    expectTheText(c);
    expect(worker.received).toEqual(['push', 'push', 'push', 'end']);
  });

  it('two texts under way at once stay apart, in one Worker', async () => {
    const pool = new CompressWorker(() => new ServiceWorker() as unknown as Worker);
    const before = ServiceWorker.made;
    const a = pool.stream();
    const b = pool.stream();
    const other = ['{"other":', '"第二份"}'];
    a.push(PIECES[0]!);
    b.push(other[0]!);
    a.push(PIECES[1]!);
    b.push(other[1]!);
    a.push(PIECES[2]!);
    const [ca, cb] = await Promise.all([a.end(), b.end()]);
    expectTheText(ca);
    expectTheText(cb, new TextEncoder().encode(other.join('')));
    expect(ServiceWorker.made - before).toBe(1);
  });

  it('a Worker that fails refuses the text under way with a message; the next is compressed here', async () => {
    const worker = new ServiceWorker();
    let starts = 0;
    const pool = new CompressWorker(() => {
      starts++;
      return worker as unknown as Worker;
    });
    const c = pool.stream();
    c.push(PIECES[0]!);
    const ending = c.end();
    worker.crash();
    await expect(ending).rejects.toThrow('后台压缩出错');
    expect(worker.terminated).toBe(true);
    const next = pool.stream();
    expectTheText(await compressed(next));
    expect(starts).toBe(1); // not started again: compressed on this thread
  });

  it('where no Worker can start, the text is compressed here', async () => {
    const pool = new CompressWorker(() => {
      throw new Error('SecurityError');
    });
    expectTheText(await compressed(pool.stream()));
  });

  it('an aborted text is let go in the Worker (its end is never asked)', async () => {
    const worker = new ServiceWorker();
    const pool = new CompressWorker(() => worker as unknown as Worker);
    const c = pool.stream();
    c.push(PIECES[0]!);
    c.abort();
    expectTheText(await compressed(pool.stream()));
    expect(worker.received).toEqual(['push', 'abort', 'push', 'push', 'push', 'end']);
  });

  it('a backup compressed in the Worker: the zip checks out (JSZip CRC check) and its manifest hashes the text', async () => {
    const db = await demoDb(20);
    const worker = new ServiceWorker();
    const pool = new CompressWorker(() => worker as unknown as Worker);
    const b = await createBackup(db, { appVersion: 't', compressor: () => pool.stream() });
    // Compressed there, not here: the text went to the Worker and its end was asked.
    expect(worker.received.at(-1)).toBe('end');
    expect(worker.received.filter((op) => op === 'push').length).toBeGreaterThan(2);
    const zip = await JSZip.loadAsync(b.bytes, { checkCRC32: true });
    const content = await zip.file('database.json')!.async('uint8array');
    expect(content.byteLength).toBe(b.manifest.bytes);
    expect(createHash('sha256').update(content).digest('hex')).toBe(b.manifest.sha256);
    const here = await createBackup(db, { appVersion: 't' });
    const hereContent = await (await JSZip.loadAsync(here.bytes)).file('database.json')!.async('uint8array');
    expect(content).toEqual(hereContent);
    db.close();
  });
});
