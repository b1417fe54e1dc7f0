import { vi } from 'vitest';
import type { IpcDeps } from '../../../electron/ipc';

/** The main process's dependencies for registerIpc, every one a fake (vi.fn); `over` replaces some. */
export function fakeDeps(over: Partial<IpcDeps> = {}): IpcDeps {
  return {
    saveFile: vi.fn(async () => ({ saved: true, path: '/home/clerk/文档/通知.docx' })),
    openFile: vi.fn(async () => null),
    openPath: vi.fn(async () => ({ ok: true })),
    appInfo: vi.fn(() => ({ version: '0.1.0', runtime: 'electron' as const })),
    writeAutoBackup: vi.fn(async (kind: string, bytes: Uint8Array) => ({
      name: kind === 'daily' ? 'auto-2026-11-21-093005.zip' : 'auto-2026-11-21-093005-pre-restore.zip',
      size: bytes.byteLength,
    })),
    listAutoBackups: vi.fn(async () => []),
    readAutoBackup: vi.fn(async () => new Uint8Array([1])),
    listFonts: vi.fn(async () => ({
      families: ['仿宋_GB2312'],
      faceNames: [],
      source: 'font-files' as const,
      skipped: 0,
      truncated: false,
    })),
    storeSyncPassword: vi.fn(async (password: string | null) => ({
      kept: password === null ? ('none' as const) : ('safeStorage' as const),
    })),
    loadSyncPassword: vi.fn(async () => null),
    ...over,
  };
}
