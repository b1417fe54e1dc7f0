/**
 * 多人协作 in the main process (issue 19): the office server's password, kept encrypted with Electron's
 * safeStorage in the data folder, and the one server origin the renderer may connect to — the CSP's
 * connect-src (hardening.ts contentSecurityPolicy) and the session's request filter allow it and nothing
 * else. The password never reaches a log; the file holds only `{ origin, secret }` (base64 of the
 * encrypted bytes). Without an OS keyring (safeStorage unavailable) it is kept in memory for the session.
 */
import { checkServerUrl } from '../shared/sync/server';
import type { StoreSyncPasswordResult } from '../shared/contract';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SyncServerDeps {
  safeStorage: SafeStorageLike;
  /** The file in the data folder (sync-password.json). */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

function validOrigin(origin: string): boolean {
  try {
    return checkServerUrl(origin).origin === origin;
  } catch {
    return false;
  }
}

export class SyncServer {
  private allowed: string | null = null;
  private memory: { origin: string; password: string } | null = null;

  constructor(private readonly deps: SyncServerDeps) {}

  /** The origin the renderer may connect to (null: none). */
  allowedOrigin(): string | null {
    return this.allowed;
  }

  async store(password: string | null, origin: string | null): Promise<StoreSyncPasswordResult> {
    if (password === null || origin === null) {
      this.allowed = null;
      this.memory = null;
      await this.deps.remove();
      return { kept: 'none' };
    }
    if (!validOrigin(origin)) throw new Error('服务器地址无效');
    this.allowed = origin;
    if (!this.deps.safeStorage.isEncryptionAvailable()) {
      this.memory = { origin, password };
      await this.deps.remove();
      return { kept: 'memory' };
    }
    const secret = this.deps.safeStorage.encryptString(password).toString('base64');
    await this.deps.write(JSON.stringify({ origin, secret }));
    this.memory = null;
    return { kept: 'safeStorage' };
  }

  async load(origin: string): Promise<string | null> {
    if (!validOrigin(origin)) throw new Error('服务器地址无效');
    if (this.memory?.origin === origin) {
      this.allowed = origin;
      return this.memory.password;
    }
    const text = await this.deps.read();
    if (text === null) return null;
    try {
      const v = JSON.parse(text) as { origin?: unknown; secret?: unknown };
      if (v.origin !== origin || typeof v.secret !== 'string') return null;
      if (!this.deps.safeStorage.isEncryptionAvailable()) return null;
      const password = this.deps.safeStorage.decryptString(Buffer.from(v.secret, 'base64'));
      this.allowed = origin;
      return password;
    } catch {
      return null; // damaged file or another user's keyring: the clerk types the password again
    }
  }

  /**
   * At start-up, before the window loads (synchronous: the file's text, read by main.ts): the origin kept
   * with the password is allowed again, so the page's CSP (fixed when it loads) lets the renderer reach it.
   */
  restoreFrom(text: string | null): void {
    if (text === null) return;
    try {
      const v = JSON.parse(text) as { origin?: unknown };
      if (typeof v.origin === 'string' && validOrigin(v.origin)) this.allowed = v.origin;
    } catch {
      // damaged: nothing allowed
    }
  }
}
