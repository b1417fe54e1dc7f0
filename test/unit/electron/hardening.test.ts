import { beforeEach, describe, expect, it, vi } from 'vitest';

// electron is mocked: its runtime cannot run here. The mock records what the code asks of it.
const created: { options: Record<string, unknown>; contents: FakeContents }[] = [];
class FakeContents {
  handlers = new Map<string, (...a: unknown[]) => void>();
  windowOpenHandler: ((d: unknown) => unknown) | null = null;
  on(event: string, fn: (...a: unknown[]) => void) {
    this.handlers.set(event, fn);
    return this;
  }
  setWindowOpenHandler(fn: (d: unknown) => unknown) {
    this.windowOpenHandler = fn;
  }
}
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: this.webContents });
    }
  },
}));

const { createHardenedWindow, hardenSession, hardenWebContents, isAppUrl, CONTENT_SECURITY_POLICY } =
  await import('../../../electron/hardening');

describe('electron hardening (issue 2, Electron security checklist)', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates windows with context isolation, sandbox, no node integration, no webview', () => {
    createHardenedWindow('/app/preload.cjs', { width: 1200, height: 800 });
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(created[0]!.options.width).toBe(1200);
    // The window's contents got the navigation rules too.
    expect(created[0]!.contents.handlers.has('will-navigate')).toBe(true);
  });

  it('accepts only the app:// desk origin as our own', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/#/members')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://desk/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    const prevented = (event: string, url?: string) => {
      const e = { preventDefault: vi.fn() };
      contents.handlers.get(event)!(e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'app://desk/index.html')).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels remote requests, and sets a strict CSP', () => {
    const calls: Record<string, (...a: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => (calls.request = fn),
      setPermissionCheckHandler: (fn: never) => (calls.check = fn),
      setDevicePermissionHandler: (fn: never) => (calls.device = fn),
      webRequest: {
        onBeforeRequest: (fn: never) => (calls.before = fn),
        onHeadersReceived: (fn: never) => (calls.headers = fn),
      },
    };
    hardenSession(session as never);
    const cb = vi.fn();
    (calls.request as (...a: unknown[]) => void)(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect((calls.check as () => boolean)()).toBe(false);
    expect((calls.device as () => boolean)()).toBe(false);
    const decide = (url: string) => {
      const done = vi.fn();
      (calls.before as (...a: unknown[]) => void)({ url }, done);
      return done.mock.calls[0]![0];
    };
    expect(decide('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('app://desk/assets/index.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    const headers = vi.fn();
    (calls.headers as (...a: unknown[]) => void)({ responseHeaders: {} }, headers);
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
