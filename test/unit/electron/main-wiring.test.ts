/**
 * electron/main.ts with `electron` mocked (its runtime cannot run here): the real handlers are
 * registered and driven through the contract — save dialog filters and names owned by main, openPath
 * through the hash registry, automatic backups named by main, crash recovery attached to the window.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-main-'));
const docs = path.join(dir, 'docs');
const userData = path.join(dir, 'userData');

const h = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>(),
  windows: [] as { contents: { listeners: Map<string, (...a: unknown[]) => void>; reloads: number } }[],
  saveDialogs: [] as { defaultPath: string; filters: unknown }[],
  messageBoxes: [] as { title?: string; detail?: string }[],
  opened: [] as string[],
  ready: null as Promise<void> | null,
}));

vi.mock('electron', () => {
  class FakeContents {
    listeners = new Map<string, (...a: unknown[]) => void>();
    reloads = 0;
    on(event: string, fn: (...a: unknown[]) => void) {
      this.listeners.set(event, fn);
      return this;
    }
    setWindowOpenHandler() {}
    reload() {
      this.reloads++;
    }
    forcefullyCrashRenderer() {}
    isDestroyed() {
      return false;
    }
    send() {}
  }
  class BrowserWindow {
    webContents = new FakeContents();
    constructor() {
      h.windows.push({ contents: this.webContents });
    }
    on() {}
    once() {}
    maximize() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const ready = Promise.resolve();
  h.ready = ready;
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on() {},
      whenReady: () => ready,
      getPath: (n: string) => (n === 'documents' ? docs : userData),
      getAppPath: () => dir,
      getVersion: () => '0.1.0',
      quit() {},
    },
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged() {}, handle() {} },
    session: {
      defaultSession: {
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
        setDevicePermissionHandler() {},
        webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
      },
    },
    ipcMain: {
      handle: (ch: string, fn: never) => h.handlers.set(ch, fn),
      on() {},
    },
    Menu: { setApplicationMenu() {}, buildFromTemplate: (t: unknown) => t },
    screen: { getAllDisplays: () => [] },
    safeStorage: { isEncryptionAvailable: () => false },
    dialog: {
      showSaveDialog: async (_w: unknown, opts: { defaultPath: string; filters: unknown }) => {
        h.saveDialogs.push(opts);
        return { canceled: false, filePath: opts.defaultPath };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async (_w: unknown, opts: { title?: string; detail?: string }) => {
        h.messageBoxes.push(opts);
        return { response: 0 };
      },
    },
    shell: {
      openPath: async (p: string) => {
        h.opened.push(p);
        return '';
      },
    },
  };
});

const { mkdirSync } = await import('node:fs');
mkdirSync(docs, { recursive: true });
await import('../../../electron/main');
await h.ready;
await new Promise((r) => setTimeout(r, 0));
const { CHANNELS } = await import('../../../shared/contract');
const call = (ch: string, arg?: unknown) =>
  h.handlers.get(ch)!({ senderFrame: { url: 'app://desk/index.html' } }, arg);

describe('electron/main.ts wiring (electron mocked)', () => {
  it('saves through main’s own filter and name, and opens only that unchanged file', async () => {
    const r = (await call(CHANNELS.saveFile, {
      suggestedName: '会议通知\u202Excod.bat',
      bytes: new Uint8Array([1, 2]),
      kind: 'docx',
    })) as { path: string };
    expect(h.saveDialogs[0]!.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(readdirSync(docs)).toEqual(['会议通知xcod.bat.docx']);
    expect(await call(CHANNELS.openPath, { path: r.path })).toEqual({ ok: true });
    writeFileSync(r.path, 'swapped');
    expect(await call(CHANNELS.openPath, { path: r.path })).toMatchObject({ ok: false });
    expect(h.opened).toEqual([r.path]);
  });

  it('names automatic backups in the data folder itself', async () => {
    const info = (await call(CHANNELS.writeAutoBackup, { kind: 'daily', bytes: new Uint8Array([7]) })) as {
      name: string;
    };
    expect(info.name).toMatch(/^auto-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
    expect(readdirSync(path.join(userData, 'backups'))).toEqual([info.name]);
  });

  it('reloads the window after its page process dies and tells the clerk', async () => {
    const contents = h.windows[0]!.contents;
    contents.listeners.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 1 });
    expect(contents.reloads).toBe(1);
    expect(h.messageBoxes.at(-1)!.title).toBe('工作台已重新加载');
    expect(contents.listeners.has('unresponsive')).toBe(true);
  });
});
