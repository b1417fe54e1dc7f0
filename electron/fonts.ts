/**
 * Which fonts this machine has, for 设置 › 公文设置 (issue 15): Chromium's `queryLocalFonts()` cannot work
 * in our window (every permission is denied, electron/hardening.ts, and Electron has no 'local-fonts'
 * permission to grant), so the main process reads the font folders itself — on Windows %WINDIR%\Fonts and
 * the per-user %LOCALAPPDATA%\Microsoft\Windows\Fonts (where fonts installed "for me only" go, as the
 * GB2312 faces often are) — and each TTF/OTF/TTC/OTC file's `name` table through the bounded parser in
 * shared/data/fontNames.ts.
 *
 * Bounded like any hostile input: at most MAX_FONT_FILES files, MAX_DIRS folders, MAX_DEPTH levels, MAX_FONT_NAMES
 * names of each kind (the contract's schema checks the same bound), a time budget; a damaged file is counted as skipped, never fatal. The list is cached for the session (fonts
 * installed meanwhile show after a restart); a failed scan is not cached.
 */
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readFontNames, isFontFileName } from '../shared/data/fontNames';
import { MAX_FONT_NAMES, type InstalledFonts } from '../shared/channels';

export const MAX_FONT_FILES = 5000;
export const MAX_DIRS = 2000;
export const MAX_DEPTH = 6;
const TIME_BUDGET_MS = 20_000;

/** The folders fonts are installed in on this platform (missing ones are skipped when scanned). */
export function fontDirs(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string[] {
  if (platform === 'win32') {
    const p = path.win32;
    const windir = env.WINDIR || env.SystemRoot || 'C:\\Windows';
    const dirs = [p.join(windir, 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(p.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  const p = path.posix;
  if (platform === 'darwin')
    return ['/System/Library/Fonts', '/Library/Fonts', p.join(home, 'Library', 'Fonts')];
  const dataHome = env.XDG_DATA_HOME || p.join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', p.join(dataHome, 'fonts'), p.join(home, '.fonts')];
}

/** The font files under `dirs` (bounded walk; symlinked files followed, symlinked folders not). */
async function fontFiles(dirs: readonly string[], deadline: number, now: () => number) {
  const files: string[] = [];
  let folders = 0;
  let readable = 0;
  let truncated = false;
  const seen = new Set<string>();
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (truncated) return;
    if (folders >= MAX_DIRS || now() > deadline) {
      truncated = true;
      return;
    }
    folders++;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder that does not exist or cannot be read
    }
    if (depth === 0) readable++;
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(full, depth + 1);
        else truncated = true;
      } else if ((e.isFile() || e.isSymbolicLink()) && isFontFileName(e.name) && !seen.has(full)) {
        if (files.length >= MAX_FONT_FILES) {
          truncated = true;
          return;
        }
        seen.add(full);
        files.push(full);
      }
      if (truncated) return;
    }
  };
  for (const d of dirs) await walk(d, 0);
  return { files, readable, truncated };
}

/** The names of one font file, read by ranges (a 30 MB collection costs a few kilobytes). */
async function namesOfFile(file: string) {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    return await readFontNames(async (offset, length) => {
      const b = new Uint8Array(length);
      const { bytesRead } = await fh.read(b, 0, length, offset);
      return b.subarray(0, bytesRead);
    }, size);
  } finally {
    await fh.close();
  }
}

/** Scans the font folders. Throws (Chinese message) only when none of them can be read. */
export async function scanInstalledFonts(dirs: readonly string[], now = Date.now): Promise<InstalledFonts> {
  const deadline = now() + TIME_BUDGET_MS;
  const found = await fontFiles(dirs, deadline, now);
  if (found.readable === 0) throw new Error('找不到本机的字体文件夹，无法确认公文字体是否已安装。');
  const families = new Set<string>();
  const faceNames = new Set<string>();
  let skipped = 0;
  let truncated = found.truncated;
  for (const file of found.files) {
    if (now() > deadline || families.size >= MAX_FONT_NAMES || faceNames.size >= MAX_FONT_NAMES) {
      truncated = true;
      break;
    }
    try {
      const n = await namesOfFile(file);
      for (const f of n.families) families.add(f);
      for (const f of n.faceNames) faceNames.add(f);
    } catch {
      skipped++; // damaged, not a font, unreadable: counted, never fatal
    }
  }
  const cap = (s: Set<string>) => {
    if (s.size > MAX_FONT_NAMES) truncated = true;
    return [...s].sort().slice(0, MAX_FONT_NAMES);
  };
  return { families: cap(families), faceNames: cap(faceNames), source: 'font-files', skipped, truncated };
}

/** The session's font list: scanned on first use, then cached (a failed scan is tried again next time). */
export function createFontLister(dirs: () => readonly string[]): () => Promise<InstalledFonts> {
  let cached: Promise<InstalledFonts> | undefined;
  return () => {
    cached ??= scanInstalledFonts(dirs()).catch((e: unknown) => {
      cached = undefined;
      throw e;
    });
    return cached;
  };
}
