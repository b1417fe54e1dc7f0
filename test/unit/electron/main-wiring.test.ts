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
  windows: [] as {
    contents: {
      listeners: Map<string, (...a: unknown[]) => void>;
      reloads: number;
      sent: { channel: string; arg: unknown }[];
    };
    listeners: Map<string, (...a: unknown[]) => void>;
    destroyed: number;
  }[],
  ipcOn: new Map<string, (event: unknown, arg?: unknown) => void>(),
  nextResponse: 0,
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
    sent: { channel: string; arg: unknown }[] = [];
    send(channel: string, arg: unknown) {
      this.sent.push({ channel, arg });
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    record = {
      contents: this.webContents,
      listeners: new Map<string, (...a: unknown[]) => void>(),
      destroyed: 0,
    };
    constructor() {
      h.windows.push(this.record);
    }
    on(event: string, fn: (...a: unknown[]) => void) {
      this.record.listeners.set(event, fn);
      return this;
    }
    destroy() {
      this.record.destroyed++;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    isMaximized() {
      return false;
    }
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
      on: (ch: string, fn: never) => h.ipcOn.set(ch, fn),
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
      showMessageBoxSync: (_w: unknown, opts: { title?: string; detail?: string }) => {
        h.messageBoxes.push(opts);
        return h.nextResponse;
      },
      showMessageBox: async (_w: unknown, opts: { title?: string; detail?: string }) => {
        h.messageBoxes.push(opts);
        return { response: h.nextResponse };
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

  it('a close asks first when a form holds unsaved edits: 返回工作台 keeps the window, 放弃修改并关闭 closes it', async () => {
    const win = h.windows[0]!;
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const close = async (unsaved: string[]) => {
      let prevented = false;
      win.listeners.get('close')!({ preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      const request = win.contents.sent.at(-1)!;
      expect(request.channel).toBe(CHANNELS.flushRequest);
      const { requestId } = request.arg as { requestId: number };
      // An answer from another origin is ignored: had it counted, "nothing unsaved" would close the window.
      h.ipcOn.get(CHANNELS.flushDone)!({ senderFrame: { url: 'https://evil.example/' } }, { requestId });
      await settle();
      expect(win.destroyed).toBe(0);
      h.ipcOn.get(CHANNELS.flushDone)!(
        { senderFrame: { url: 'app://desk/index.html' } },
        { requestId, unsaved },
      );
      await settle();
      await settle();
    };
    // A form with edits: asked; 返回工作台 keeps the window (and the next close asks again).
    h.nextResponse = 0;
    await close(['新增会员']);
    expect(h.messageBoxes.at(-1)).toMatchObject({
      title: '有未保存的修改',
      buttons: ['返回工作台', '放弃修改并关闭'],
    });
    expect(h.messageBoxes.at(-1)!.detail).toContain('新增会员');
    expect(win.destroyed).toBe(0);
    // 放弃修改并关闭: closed.
    h.nextResponse = 1;
    await close(['新增会员']);
    expect(win.destroyed).toBe(1);
    // (Nothing unsaved closes without asking, and an answer without the list is nothing unsaved: main-parts.test.)
  });

  it('a reload the page held back for unsaved edits asks: only 放弃修改并重新加载 lets it go', () => {
    const contents = h.windows[0]!.contents;
    const reload = (response: number) => {
      h.nextResponse = response;
      let letGo = false;
      contents.listeners.get('will-prevent-unload')!({ preventDefault: () => (letGo = true) });
      return letGo;
    };
    expect(reload(0)).toBe(false);
    expect(h.messageBoxes.at(-1)).toMatchObject({
      buttons: ['返回工作台', '放弃修改并重新加载'],
      cancelId: 0,
    });
    expect(reload(1)).toBe(true);
  });
});
