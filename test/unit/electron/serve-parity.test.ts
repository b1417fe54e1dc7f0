/**
 * The static server of the browser build, the end-to-end tests and the bench (scripts/serve.mjs) sends
 * the Content-Security-Policy of Electron's app:// protocol (electron/hardening.ts) but for connect-src,
 * which the browser build widens for 多人协作's CouchDB (https:, this machine, DESK_SYNC_ORIGINS), and
 * the same content types (electron/protocol.ts). Both are literal tables, as the script runs in plain
 * Node (it cannot import TypeScript): this test keeps them one policy.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const { CONTENT_SECURITY_POLICY } = await import('../../../electron/hardening');
const { MIME: electronMime } = await import('../../../electron/protocol');
const { CSP: serverCsp, MIME: serverMime } = await import('../../../scripts/serve.mjs');

/** A policy's directives by name. */
const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );

describe('the browser build serves what Electron serves (scripts/serve.mjs, electron/)', () => {
  it('the same Content-Security-Policy but for connect-src, which only adds sources', () => {
    const app = directives(CONTENT_SECURITY_POLICY);
    const server = directives(serverCsp);
    expect([...server.keys()]).toEqual([...app.keys()]);
    for (const [name, sources] of app) {
      if (name === 'connect-src') expect(server.get(name)!.slice(0, sources.length)).toEqual(sources);
      else expect(server.get(name), name).toEqual(sources);
    }
    expect(server.get('script-src')).toEqual(["'self'"]);
  });

  it('the same content types', () => {
    expect(serverMime).toEqual(electronMime);
  });
});
