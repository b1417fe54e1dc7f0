/**
 * The browser implementation of the contract, so the renderer runs without Electron:
 * saving downloads the file, opening uses a file input, flushing happens on pagehide/hidden.
 */
import { APP_VERSION } from './version';
import type {
  AppInfo,
  DeskApi,
  InstalledFonts,
  OpenedFile,
  OpenFileRequest,
  SaveFileRequest,
} from '../../../shared/channels';
import { exportFileNameFor } from '../../../shared/data/fileName';

function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(req: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    const exts = (req.filters ?? []).flatMap((f) => f.extensions).filter((e) => e !== '*');
    if (exts.length) input.accept = exts.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      if (req.maxBytes && file.size > req.maxBytes) return reject(new Error('所选文件过大'));
      file
        .arrayBuffer()
        .then((buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }))
        .catch(() => reject(new Error('无法读取所选文件')));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** What Chromium's Local Font Access API lists for each face (FontData). */
interface LocalFont {
  family: string;
  fullName: string;
  postscriptName: string;
}

type LocalFontWindow = { queryLocalFonts?: () => Promise<readonly LocalFont[]> };

/** How long a font query may stay unanswered (a permission prompt nobody answers, headless Chromium). */
export const FONT_QUERY_TIMEOUT_MS = 4000;

/**
 * The installed fonts through `queryLocalFonts()` (Chromium's Local Font Access API; it may ask the clerk
 * for the 字体 permission). Rejects with a Chinese message when the API is missing, refused or unanswered.
 */
export async function queryInstalledFonts(
  w: LocalFontWindow = globalThis as LocalFontWindow,
  timeoutMs = FONT_QUERY_TIMEOUT_MS,
): Promise<InstalledFonts> {
  if (typeof w.queryLocalFonts !== 'function') {
    throw new Error(
      '当前浏览器不支持查询本机字体（需要 Chromium 内核的本机字体访问接口；桌面版会直接读取本机字体文件），无法确认公文字体是否已安装。',
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let fonts: readonly LocalFont[] | 'timeout';
  try {
    fonts = await Promise.race([w.queryLocalFonts(), timeout]);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new Error(
        '查询本机字体的权限被拒绝（可在浏览器的网站设置中允许“字体”权限），无法确认公文字体是否已安装。',
      );
    throw new Error(`查询本机字体失败：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
  if (fonts === 'timeout')
    throw new Error('查询本机字体没有响应（可能在等待权限确认），无法确认公文字体是否已安装。');
  const families = new Set<string>();
  const faceNames = new Set<string>();
  for (const f of fonts) {
    if (typeof f.family === 'string' && f.family) families.add(f.family);
    for (const n of [f.fullName, f.postscriptName]) if (typeof n === 'string' && n) faceNames.add(n);
  }
  return {
    families: [...families].sort(),
    faceNames: [...faceNames].sort(),
    source: 'local-font-access',
    skipped: 0,
    truncated: false,
  };
}

export const browserDesk: DeskApi = {
  async saveFile(req: SaveFileRequest) {
    download(exportFileNameFor(req.suggestedName, req.kind), req.bytes);
    return { saved: true };
  },
  openFile: pickFile,
  async openPath() {
    return { ok: false, error: '浏览器中无法直接打开文件：请在浏览器的下载列表中打开它。' };
  },
  async appInfo(): Promise<AppInfo> {
    return { version: APP_VERSION, runtime: 'browser' };
  },
  async writeAutoBackup() {
    throw new Error('自动备份仅在桌面版（Electron）中可用：浏览器版请用“备份到文件”。');
  },
  async listAutoBackups() {
    return [];
  },
  async readAutoBackup() {
    throw new Error('自动备份仅在桌面版（Electron）中可用。');
  },
  listFonts: () => queryInstalledFonts(),
  // 多人协作: the browser has no safe place for a password — it stays in the page's memory
  // (renderer/src/sync/connection.ts) and is asked again after a reload.
  async storeSyncPassword(req) {
    return { kept: req.password === null ? 'none' : 'memory' };
  },
  async loadSyncPassword() {
    return null;
  },
  onFlushRequest(handler) {
    const run = () => void handler();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') run();
    };
    window.addEventListener('pagehide', run);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', run);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  },
};
