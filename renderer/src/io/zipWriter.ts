/**
 * Writing zips of generated files (certificates, forms, notices) with fflate: the small part of JSZip's
 * API those desks use (`file`, `generateAsync`), so no JSZip is loaded at runtime.
 */
import { zipSync, type Zippable } from 'fflate';

export class ZipWriter {
  private readonly files: Zippable = {};

  /** Adds (or replaces) a file. */
  file(name: string, data: Uint8Array | string): this {
    this.files[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return this;
  }

  /** The zip; `compression: 'DEFLATE'` compresses (level 6), otherwise files are stored as JSZip does. */
  generateAsync(opts: { type: 'uint8array'; compression?: 'STORE' | 'DEFLATE' }): Promise<Uint8Array> {
    return Promise.resolve(zipSync(this.files, { level: opts.compression === 'DEFLATE' ? 6 : 0 }));
  }
}
