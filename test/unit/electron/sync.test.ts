/**
 * 多人协作 in the main process (issue 19): the password kept with safeStorage, the one server origin
 * allowed by the CSP and the request filter, the contract channels' sender and argument checks.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/contract';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const { SyncServer } = await import('../../../electron/syncServer');
const { contentSecurityPolicy, hardenSession, isSyncServerUrl, CONTENT_SECURITY_POLICY } =
  await import('../../../electron/hardening');
const { registerIpc } = await import('../../../electron/ipc');

function fakeSafeStorage(available = true) {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(`enc(${s})`, 'utf8'),
    decryptString: (b: Buffer) => b.toString('utf8').replace(/^enc\((.*)\)$/, '$1'),
  };
}

function server(available = true) {
  let file: string | null = null;
  const s = new SyncServer({
    safeStorage: fakeSafeStorage(available),
    read: async () => file,
    write: async (t) => {
      file = t;
    },
    remove: async () => {
      file = null;
    },
  });
  return { s, file: () => file };
}

describe('SyncServer: the password with safeStorage, the allowed origin', () => {
  it('keeps the password encrypted (never in clear on disk) and allows only its origin', async () => {
    const { s, file } = server();
    expect(s.allowedOrigin()).toBeNull();
    expect(await s.store('秘密-123', 'http://192.168.1.20:5984')).toEqual({ kept: 'safeStorage' });
    expect(file()).not.toContain('秘密-123');
    expect(JSON.parse(file()!)).toEqual({
      origin: 'http://192.168.1.20:5984',
      secret: Buffer.from('enc(秘密-123)').toString('base64'),
    });
    expect(s.allowedOrigin()).toBe('http://192.168.1.20:5984');
    expect(await s.load('http://192.168.1.20:5984')).toBe('秘密-123');
    expect(await s.load('http://192.168.1.21:5984')).toBeNull();
  });

  it('restores the allowed origin at start-up; 断开 forgets password and origin', async () => {
    const { s, file } = server();
    await s.store('pw', 'https://couch.example.org');
    const again = new SyncServer({
      safeStorage: fakeSafeStorage(),
      read: async () => file(),
      write: async () => undefined,
      remove: async () => undefined,
    });
    again.restoreFrom(file());
    expect(again.allowedOrigin()).toBe('https://couch.example.org');
    expect(await s.store(null, null)).toEqual({ kept: 'none' });
    expect(file()).toBeNull();
    expect(s.allowedOrigin()).toBeNull();
  });

  it('without an OS keyring keeps the password in memory only', async () => {
    const { s, file } = server(false);
    expect(await s.store('pw', 'http://127.0.0.1:5984')).toEqual({ kept: 'memory' });
    expect(file()).toBeNull();
    expect(await s.load('http://127.0.0.1:5984')).toBe('pw');
  });

  it('refuses plain http outside loopback and LAN', async () => {
    const { s } = server();
    await expect(s.store('pw', 'http://couch.example.org')).rejects.toThrow('服务器地址无效');
    expect(s.allowedOrigin()).toBeNull();
  });
});

describe('CSP and request filter allow the configured server only', () => {
  it('connect-src names the origin; without one it is self only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    const csp = contentSecurityPolicy('http://192.168.1.20:5984');
    expect(csp).toContain("connect-src 'self' http://192.168.1.20:5984;");
    expect(csp).toContain("script-src 'self';");
  });

  it('isSyncServerUrl matches the exact origin', () => {
    const o = 'http://192.168.1.20:5984';
    expect(isSyncServerUrl('http://192.168.1.20:5984/ccia/_changes', o)).toBe(true);
    expect(isSyncServerUrl('http://192.168.1.20:5985/ccia', o)).toBe(false);
    expect(isSyncServerUrl('https://192.168.1.20:5984/ccia', o)).toBe(false);
    expect(isSyncServerUrl('http://192.168.1.20:5984/', null)).toBe(false);
  });

  it('the session cancels every other request and sends the CSP with the allowed origin', () => {
    let before: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void = () => undefined;
    let headers: (
      d: { responseHeaders: object },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void = () => undefined;
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: {
        onBeforeRequest: (fn: typeof before) => (before = fn),
        onHeadersReceived: (fn: typeof headers) => (headers = fn),
      },
    };
    let origin: string | null = null;
    hardenSession(session as never, () => origin);
    const cancelled = (url: string) => {
      let out = false;
      before({ url }, (r) => (out = r.cancel));
      return out;
    };
    expect(cancelled('http://192.168.1.20:5984/ccia')).toBe(true);
    origin = 'http://192.168.1.20:5984';
    expect(cancelled('http://192.168.1.20:5984/ccia')).toBe(false);
    expect(cancelled('https://evil.example/')).toBe(true);
    expect(cancelled('app://desk/index.html')).toBe(false);
    let csp: string[] = [];
    headers({ responseHeaders: {} }, (r) => (csp = r.responseHeaders['Content-Security-Policy']!));
    expect(csp[0]).toContain("connect-src 'self' http://192.168.1.20:5984");
  });
});

describe('contract channels storeSyncPassword / loadSyncPassword', () => {
  function setup() {
    const handlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
    const store = vi.fn(async () => ({ kept: 'safeStorage' as const }));
    const load = vi.fn(async () => 'pw');
    registerIpc(
      { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never,
      {
        storeSyncPassword: store,
        loadSyncPassword: load,
      } as never,
    );
    const call = (ch: string, arg?: unknown, url = 'app://desk/index.html') =>
      handlers.get(ch)!({ senderFrame: { url } }, arg);
    return { call, store, load };
  }

  it('checks the sender and every argument', async () => {
    const { call, store, load } = setup();
    await expect(
      call(
        CHANNELS.storeSyncPassword,
        { password: 'pw', origin: 'http://127.0.0.1:5984' },
        'https://evil.example/',
      ),
    ).rejects.toThrow('拒绝来自非本应用页面的请求');
    for (const bad of [
      { password: 'pw', origin: 'http://couch.example.org' },
      { password: 'pw', origin: 'http://127.0.0.1:5984/path' },
      { password: '', origin: 'http://127.0.0.1:5984' },
      { password: 'pw', origin: null },
      { password: 'pw', origin: 'http://127.0.0.1:5984', extra: 1 },
    ])
      await expect(call(CHANNELS.storeSyncPassword, bad)).rejects.toThrow('参数无效');
    expect(store).not.toHaveBeenCalled();
    await call(CHANNELS.storeSyncPassword, { password: 'pw', origin: 'http://127.0.0.1:5984' });
    expect(store).toHaveBeenCalledWith('pw', 'http://127.0.0.1:5984');
    await call(CHANNELS.storeSyncPassword, { password: null, origin: null });
    expect(store).toHaveBeenLastCalledWith(null, null);
    await expect(call(CHANNELS.loadSyncPassword, { origin: 'javascript:alert(1)' })).rejects.toThrow(
      '参数无效',
    );
    expect(await call(CHANNELS.loadSyncPassword, { origin: 'https://couch.example.org' })).toBe('pw');
    expect(load).toHaveBeenCalledWith('https://couch.example.org');
  });
});
