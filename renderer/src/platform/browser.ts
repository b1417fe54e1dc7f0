/**
 * The browser implementation of the contract, so the renderer runs without Electron:
 * saving downloads the file, opening uses a file input, flushing happens on pagehide/hidden.
 */
import type {
  AppInfo,
  DeskApi,
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
    return { version: __APP_VERSION__, runtime: 'browser' };
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
