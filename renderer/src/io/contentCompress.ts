/**
 * database.json compressed and hashed as exportContent writes it (issue 17): its text goes in piece by
 * piece and comes out as the zip entry's raw DEFLATE data with the CRC-32, size and SHA-256 the zip and
 * the manifest need. The text's beginning comes last (`end(head)`: the header, which counts the rows read):
 * it is written as stored blocks before the compressed rest, its CRC-32 combined with the rest's.
 *
 * - `compressHere()` does it on the calling thread: UTF-8 (TextEncoder), then the runtime's native zlib
 *   (CompressionStream 'gzip', whose header and trailer are stripped: the trailer carries the CRC-32 and
 *   size), or fflate's DEFLATE at level 1 where there is no CompressionStream; SHA-256 by WebCrypto.
 * - `CompressWorker` does the same in a Worker of its own (compress.worker.ts). The backup Worker reads
 *   and encodes the tables while this one encodes, compresses and hashes them, on the other core: over the
 *   10,000-member demo the UTF-8 and DEFLATE of ~34 MB were a third of what a backup added to reading the
 *   tables, all on the backup Worker's one thread.
 */
import { deflateSync } from 'fflate';
import { toHex } from '../../../shared/data/manifest';
import { concatBytes } from '../../../shared/data/zip';
import { crc32, crc32Combine, storedBlocks } from '../../../shared/documents/zip';
import { WorkerCalls } from './workerCall';

/** database.json, compressed: the zip entry's data and what its header and the manifest say of it. */
export interface CompressedContent {
  /** Raw DEFLATE (the zip entry's data). */
  deflated: Uint8Array;
  /** CRC-32 of the UTF-8 text. */
  crc: number;
  /** Bytes of the UTF-8 text. */
  size: number;
  /** SHA-256 of the UTF-8 text, hex. */
  sha256: string;
}

export interface ContentCompressor {
  /** The next piece of the text (in order). */
  push(text: string): void;
  /**
   * The text is complete: its compressed form, `head` (the text's beginning, known last) before every
   * piece pushed. Rejects when compressing failed.
   */
  end(head?: string): Promise<CompressedContent>;
  /** The text will not be completed (the backup took another way or failed): let go of it. */
  abort(): void;
}

/** fflate's DEFLATE level for backups (1 = fastest): database.json without CompressionStream, manifest.json. */
export const ZIP_LEVEL = 1;

/** SHA-256 of the bytes, hex (WebCrypto: on the browser's crypto thread). */
export const sha256Hex = async (bytes: Uint8Array): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));

/** Compresses and hashes the text on this thread (see the module's comment). */
export function compressHere(): ContentCompressor {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const deflated: Uint8Array[] = [];
  let size = 0;

  if (typeof CompressionStream !== 'function') {
    // fflate, once the whole text is there (no stream to feed as it comes).
    return {
      push(text) {
        pieces.push(encoder.encode(text));
      },
      async end(head = '') {
        const text = concatBytes([encoder.encode(head), ...pieces]);
        return {
          deflated: deflateSync(text, { level: ZIP_LEVEL }),
          crc: crc32(text),
          size: text.byteLength,
          sha256: await sha256Hex(text),
        };
      },
      abort() {
        pieces.length = 0;
      },
    };
  }

  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  const reading = (async () => {
    const reader = gzip.readable.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) deflated.push(r.value);
  })();
  // A failed write also fails close() below, which end() awaits; an aborted stream is not read again.
  reading.catch(() => undefined);
  return {
    push(text) {
      const piece = encoder.encode(text);
      pieces.push(piece);
      size += piece.byteLength;
      writer.write(piece as Uint8Array<ArrayBuffer>).catch(() => undefined);
    },
    async end(head = '') {
      // SHA-256 runs on the browser's crypto thread while the end of the text is compressed here.
      const headBytes = encoder.encode(head);
      const hashing = sha256Hex(concatBytes([headBytes, ...pieces]));
      await writer.close();
      await reading;
      const gz = concatBytes(deflated);
      // RFC 1952: a 10-byte header (FLG 0: no name, comment or extra field), raw DEFLATE, CRC-32, ISIZE.
      const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
      const ok =
        gz.byteLength >= 18 &&
        gz[0] === 0x1f &&
        gz[1] === 0x8b &&
        gz[2] === 8 &&
        gz[3] === 0 &&
        view.getUint32(gz.byteLength - 4, true) === size % 2 ** 32;
      if (!ok) throw new Error('压缩数据库内容失败（压缩结果不完整），备份未写出');
      const rest = gz.subarray(10, gz.byteLength - 8);
      return {
        // The head, stored, then the rest as compressed (it starts on a byte boundary, as stored blocks end).
        deflated: headBytes.byteLength ? concatBytes([storedBlocks(headBytes), rest]) : rest,
        crc: crc32Combine(crc32(headBytes), view.getUint32(gz.byteLength - 8, true), size),
        size: headBytes.byteLength + size,
        sha256: await hashing,
      };
    },
    abort() {
      pieces.length = 0;
      writer.abort().catch(() => undefined);
    },
  };
}

/** What the backup Worker says to the compress Worker: pieces of one text (`id`), then its end. */
export type CompressRequest =
  | { id: number; op: 'push'; text: string }
  | { id: number; op: 'end'; head: string }
  | { id: number; op: 'abort' };

export type CompressReply =
  { id: number; ok: true; value: CompressedContent } | { id: number; ok: false; message: string };

/**
 * The compress Worker's side (compress.worker.ts): texts by id, several at once; each reply transfers the
 * compressed bytes. Returns the handler of its messages.
 */
export function compressService(
  reply: (m: CompressReply, transfer: Transferable[]) => void,
): (m: CompressRequest) => void {
  const texts = new Map<number, ContentCompressor>();
  return (m) => {
    let c = texts.get(m.id);
    if (m.op === 'abort') {
      c?.abort();
      texts.delete(m.id);
      return;
    }
    if (!c) texts.set(m.id, (c = compressHere()));
    if (m.op === 'push') {
      c.push(m.text);
      return;
    }
    texts.delete(m.id);
    c.end(m.head).then(
      (value) => reply({ id: m.id, ok: true, value }, [value.deflated.buffer as ArrayBuffer]),
      (e: unknown) => reply({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) }, []),
    );
  };
}

/**
 * A Worker that compresses backup contents (compress.worker.ts), made on first use and kept as long as
 * its owner (the backup Worker). Where it cannot be started, or once it failed, the text is compressed
 * on the calling thread instead (compressHere): a backup never fails for want of it.
 */
export class CompressWorker {
  private calls: WorkerCalls<CompressedContent> | null = null;
  private cannot = false;

  constructor(private readonly start: () => Worker) {}

  private get(): WorkerCalls<CompressedContent> | null {
    if (this.cannot || (this.calls && !this.calls.alive)) return null;
    if (this.calls) return this.calls;
    try {
      this.calls = new WorkerCalls(this.start(), () => new Error('后台压缩出错（内存不足？），备份未写出'));
      return this.calls;
    } catch {
      this.cannot = true;
      return null;
    }
  }

  /** A compressor for one text: in the Worker, or here when there is none. */
  stream(): ContentCompressor {
    const w = this.get();
    if (!w) return compressHere();
    const id = w.id();
    const post = (m: CompressRequest) => w.post(m);
    return {
      push: (text) => post({ id, op: 'push', text }),
      end: (head = '') => {
        const replied = w.reply(id);
        post({ id, op: 'end', head });
        return replied;
      },
      abort: () => post({ id, op: 'abort' }),
    };
  }
}
