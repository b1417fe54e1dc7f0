/**
 * The backup's zip (issue 17): database.json is compressed by the runtime's CompressionStream (native zlib,
 * gzip header and trailer stripped, the trailer's CRC-32 and size written into the zip) or, where there is
 * none, by fflate. Either way a standard DEFLATE entry: JSZip with its CRC check and Python's zipfile
 * (testzip reads every entry and checks its CRC) accept it, and its text is what the manifest hashes.
 */
import './env';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { demoDb } from './helpers';
import { createBackup } from '../../../renderer/src/io/backup';
import { listZip } from '../../../shared/data/zip';

/** Python's verdict on the zip (null: no python3 here, said by the caller). */
function pythonTestzip(bytes: Uint8Array): string | null {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'backup-zip-')), 'b.zip');
  writeFileSync(file, bytes);
  try {
    return execFileSync(
      'python3',
      ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip() or "ok")', file],
      { encoding: 'utf8' },
    ).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function checkBackupZip() {
  const db = await demoDb();
  const b = await createBackup(db, { appVersion: '0.1.0' });
  const entry = listZip(b.bytes).find((e) => e.name === 'database.json');
  expect(entry?.method).toBe(8); // DEFLATE
  const zip = await JSZip.loadAsync(b.bytes, { checkCRC32: true });
  const content = await zip.file('database.json')!.async('uint8array');
  expect(content.byteLength).toBe(b.manifest.bytes);
  expect(createHash('sha256').update(content).digest('hex')).toBe(b.manifest.sha256);
  expect(JSON.parse(new TextDecoder().decode(content)).data.tables.length).toBeGreaterThan(10);
  const verdict = pythonTestzip(b.bytes);
  if (verdict === null) console.log('python3 not found: the zipfile check is skipped');
  else expect(verdict).toBe('ok');
  db.close();
}

describe('backup zip (issue 17)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('native compression (CompressionStream gzip → DEFLATE entry): CRC, size and content check out', async () => {
    expect(typeof CompressionStream).toBe('function');
    const made: string[] = [];
    const Native = CompressionStream;
    vi.stubGlobal(
      'CompressionStream',
      class extends Native {
        constructor(format: CompressionFormat) {
          super(format);
          made.push(format);
        }
      },
    );
    await checkBackupZip();
    expect(made).toEqual(['gzip']);
  });

  it('without CompressionStream: fflate DEFLATE, the same checks', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    await checkBackupZip();
  });
});
