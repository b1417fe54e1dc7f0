/**
 * The installed-fonts channel (issue 15) with `electron` and `node:fs/promises` mocked: the font folders
 * of each platform, the walk and its bounds, damaged files skipped, the session cache, and the handler's
 * sender check, argument check and result check (names from font files are validated before they leave).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, installedFontsResult } from '../../../shared/contract';
import { registerIpc, type IpcDeps } from '../../../electron/ipc';
import path from 'node:path';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

/** A memory file system: folder → entries; file → bytes. */
const fsState = vi.hoisted(() => ({
  dirs: new Map<string, { name: string; kind: 'dir' | 'file' | 'link' }[]>(),
  files: new Map<string, Uint8Array>(),
  reads: 0,
  opened: 0,
  closed: 0,
}));

vi.mock('node:fs/promises', () => ({
  readdir: async (dir: string) => {
    const entries = fsState.dirs.get(dir);
    if (!entries) throw Object.assign(new Error(`ENOENT: ${dir}`), { code: 'ENOENT' });
    return entries.map((e) => ({
      name: e.name,
      isDirectory: () => e.kind === 'dir',
      isFile: () => e.kind === 'file',
      isSymbolicLink: () => e.kind === 'link',
    }));
  },
  open: async (file: string) => {
    const bytes = fsState.files.get(file);
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    fsState.opened++;
    return {
      stat: async () => ({ size: bytes.byteLength }),
      read: async (buf: Uint8Array, off: number, len: number, pos: number) => {
        fsState.reads++;
        const part = bytes.subarray(pos, pos + len);
        buf.set(part, off);
        return { bytesRead: part.byteLength, buffer: buf };
      },
      close: async () => {
        fsState.closed++;
      },
    };
  },
}));

const { createFontLister, fontDirs, scanInstalledFonts, MAX_FONT_FILES } =
  await import('../../../electron/fonts');

/** A one-face TrueType file whose name table has the given (Windows, UTF-16BE) family names. */
function fontFile(...families: string[]): Uint8Array {
  const recs = families.map((s, i) => ({ s, lang: i === 0 ? 0x0409 : 0x0804 }));
  const strings = recs.map((r) => {
    const b = new Uint8Array(r.s.length * 2);
    for (let i = 0; i < r.s.length; i++) {
      b[i * 2] = r.s.charCodeAt(i) >> 8;
      b[i * 2 + 1] = r.s.charCodeAt(i) & 0xff;
    }
    return b;
  });
  const storage = 6 + recs.length * 12;
  const name = new Uint8Array(storage + strings.reduce((n, b) => n + b.length, 0));
  const nv = new DataView(name.buffer);
  nv.setUint16(2, recs.length);
  nv.setUint16(4, storage);
  let off = 0;
  recs.forEach((r, i) => {
    const at = 6 + i * 12;
    nv.setUint16(at, 3);
    nv.setUint16(at + 2, 1);
    nv.setUint16(at + 4, r.lang);
    nv.setUint16(at + 6, 1);
    nv.setUint16(at + 8, strings[i]!.length);
    nv.setUint16(at + 10, off);
    name.set(strings[i]!, storage + off);
    off += strings[i]!.length;
  });
  const out = new Uint8Array(12 + 16 + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, 1);
  out.set([0x6e, 0x61, 0x6d, 0x65], 12); // 'name'
  v.setUint32(12 + 8, 28);
  v.setUint32(12 + 12, name.length);
  out.set(name, 28);
  return out;
}

const WIN_FONTS = 'C:\\Windows\\Fonts';
/** Paths as the walk joins them (node:path of the machine running the test). */
const at = (...parts: string[]) => path.join(...parts);
const USER_FONTS = 'C:\\Users\\clerk\\AppData\\Local\\Microsoft\\Windows\\Fonts';

function windowsMachine() {
  fsState.dirs.set(WIN_FONTS, [
    { name: 'simsun.ttc', kind: 'file' },
    { name: 'simhei.ttf', kind: 'file' },
    { name: 'SIMFANG.TTF', kind: 'file' },
    { name: 'coure.fon', kind: 'file' },
    { name: 'broken.ttf', kind: 'file' },
    { name: 'desktop.ini', kind: 'file' },
  ]);
  fsState.dirs.set(USER_FONTS, [
    { name: 'FZXBSJW.TTF', kind: 'file' },
    { name: 'gb2312', kind: 'dir' },
  ]);
  fsState.dirs.set(at(USER_FONTS, 'gb2312'), [{ name: 'fsgb2312.ttf', kind: 'link' }]);
  fsState.files.set(at(WIN_FONTS, 'simsun.ttc'), fontFile('SimSun', '宋体'));
  fsState.files.set(at(WIN_FONTS, 'simhei.ttf'), fontFile('SimHei', '黑体'));
  fsState.files.set(at(WIN_FONTS, 'SIMFANG.TTF'), fontFile('FangSong', '仿宋'));
  fsState.files.set(at(WIN_FONTS, 'coure.fon'), new Uint8Array([0x4d, 0x5a]));
  fsState.files.set(at(WIN_FONTS, 'broken.ttf'), new TextEncoder().encode('not a font at all, garbage'));
  fsState.files.set(at(USER_FONTS, 'FZXBSJW.TTF'), fontFile('FZXiaoBiaoSong-B05S', '方正小标宋简体'));
  fsState.files.set(at(USER_FONTS, 'gb2312', 'fsgb2312.ttf'), fontFile('FangSong_GB2312', '仿宋_GB2312'));
}

const WIN_ENV = { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' };

beforeEach(() => {
  fsState.dirs.clear();
  fsState.files.clear();
  fsState.reads = 0;
  fsState.opened = 0;
  fsState.closed = 0;
});

describe('the font folders of each platform', () => {
  it('Windows: the system folder and the per-user one (fonts installed for one user)', () => {
    expect(fontDirs('win32', WIN_ENV, 'C:\\Users\\clerk')).toEqual([WIN_FONTS, USER_FONTS]);
    expect(fontDirs('win32', { SystemRoot: 'D:\\WIN' }, 'x')).toEqual(['D:\\WIN\\Fonts']);
  });
  it('Linux and macOS: the usual folders', () => {
    expect(fontDirs('linux', {}, '/home/clerk')).toEqual([
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/home/clerk/.local/share/fonts',
      '/home/clerk/.fonts',
    ]);
    expect(fontDirs('darwin', {}, '/Users/clerk')).toEqual([
      '/System/Library/Fonts',
      '/Library/Fonts',
      '/Users/clerk/Library/Fonts',
    ]);
  });
});

describe('scanning the font folders', () => {
  it('lists every family in both languages; damaged files are skipped, other files never opened', async () => {
    windowsMachine();
    const r = await scanInstalledFonts(fontDirs('win32', WIN_ENV, ''));
    expect(r.families).toEqual(
      [
        'FangSong',
        '仿宋',
        'FangSong_GB2312',
        '仿宋_GB2312',
        'FZXiaoBiaoSong-B05S',
        '方正小标宋简体',
        'SimHei',
        '黑体',
        'SimSun',
        '宋体',
      ].sort(),
    );
    expect(r).toMatchObject({ source: 'font-files', skipped: 1, truncated: false });
    expect(fsState.opened).toBe(6); // five fonts and broken.ttf; not coure.fon or desktop.ini
    expect(fsState.closed).toBe(fsState.opened);
    expect(installedFontsResult.safeParse(r).success).toBe(true);
  });

  it('no readable font folder: a Chinese message', async () => {
    await expect(scanInstalledFonts(['/nowhere'])).rejects.toThrow('找不到本机的字体文件夹');
  });

  it('bounded: a folder of more font files than the cap is cut short and says so', async () => {
    fsState.dirs.set('/f', [
      ...Array.from({ length: MAX_FONT_FILES + 10 }, (_, i) => ({
        name: `f${i}.ttf`,
        kind: 'file' as const,
      })),
    ]);
    const one = fontFile('Demo');
    for (let i = 0; i < MAX_FONT_FILES + 10; i++) fsState.files.set(`/f/f${i}.ttf`, one);
    const r = await scanInstalledFonts(['/f']);
    expect(r.truncated).toBe(true);
    expect(fsState.opened).toBe(MAX_FONT_FILES);
  });

  it('bounded: a folder nesting deeper than the cap (a symlink loop) stops', async () => {
    let dir = '/deep';
    for (let i = 0; i < 40; i++) {
      fsState.dirs.set(dir, [{ name: 'x', kind: 'dir' }]);
      dir = `${dir}/x`;
    }
    const r = await scanInstalledFonts(['/deep']);
    expect(r).toMatchObject({ families: [], truncated: true });
  });

  it('the time budget stops a slow scan and says so', async () => {
    windowsMachine();
    let t = 0;
    const r = await scanInstalledFonts(fontDirs('win32', WIN_ENV, ''), () => (t += 7_000));
    expect(r.truncated).toBe(true);
  });

  it('the session cache: scanned once; a failed scan is tried again', async () => {
    const lister = createFontLister(() => fontDirs('win32', WIN_ENV, ''));
    await expect(lister()).rejects.toThrow('找不到本机的字体文件夹');
    windowsMachine();
    const a = await lister();
    const opened = fsState.opened;
    const b = await lister();
    expect(b).toBe(a);
    expect(fsState.opened).toBe(opened);
  });
});

describe('the listFonts handler: sender, argument and result checked', () => {
  function setup(listFonts: IpcDeps['listFonts']) {
    const handlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
    registerIpc(
      { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never,
      {
        listFonts,
      } as unknown as IpcDeps,
    );
    return (arg?: unknown, url = 'app://desk/index.html') =>
      handlers.get(CHANNELS.listFonts)!({ senderFrame: { url } }, arg);
  }

  it('answers the app page with the scanned fonts', async () => {
    windowsMachine();
    const call = setup(createFontLister(() => fontDirs('win32', WIN_ENV, '')));
    const r = (await call()) as { families: string[] };
    expect(r.families).toContain('仿宋_GB2312');
    expect(r.families).toContain('方正小标宋简体');
  });

  it('refuses any other origin and any argument before scanning', async () => {
    const scan = vi.fn(async () => ({
      families: [],
      faceNames: [],
      source: 'font-files' as const,
      skipped: 0,
      truncated: false,
    }));
    const call = setup(scan);
    for (const url of ['https://evil.example/', 'app://other/', 'file:///C:/x.html', ''])
      await expect(call(undefined, url)).rejects.toThrow('拒绝来自非本应用页面的请求');
    await expect(call({ dir: 'C:\\' })).rejects.toThrow('参数无效');
    await expect(call('C:\\Windows\\Fonts')).rejects.toThrow('参数无效');
    expect(scan).not.toHaveBeenCalled();
  });

  it('a result out of contract (an over-long or empty name, an extra field) never reaches the page', async () => {
    const base = {
      families: ['黑体'],
      faceNames: [],
      source: 'font-files' as const,
      skipped: 0,
      truncated: false,
    };
    for (const bad of [
      { ...base, families: ['x'.repeat(129)] },
      { ...base, families: [''] },
      { ...base, path: 'C:\\Windows\\Fonts' },
      { ...base, skipped: -1 },
    ]) {
      await expect(setup(async () => bad as never)()).rejects.toThrow();
    }
    expect(await setup(async () => base)()).toEqual(base);
  });
});
