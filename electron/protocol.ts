/**
 * Serves the built renderer from the custom `app://desk/` scheme. The scheme is registered
 * standard + secure before the app is ready, so the origin behaves like https (IndexedDB,
 * crypto.subtle) and owns the clerk's data. Never change the scheme or host. The CSP sent with each file
 * allows the configured sync server (issue 19) — main.ts passes contentSecurityPolicy(its origin).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from './hardening';

export const SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Content types by extension (scripts/serve.mjs serves the same: test/unit/electron/serve-parity). */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Maps a request URL to a file under `root`, or null when it is outside the app (other host,
 * path traversal). Unknown routes fall back to index.html (client-side routing).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null; // a malformed % escape (`/%E0%A4%A`) is answered 404, never thrown
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const full = path.resolve(root, rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return path.extname(full) ? full : path.join(root, 'index.html');
}

export async function serveAppRequest(
  root: string,
  request: Request,
  csp: string = CONTENT_SECURITY_POLICY,
): Promise<Response> {
  let file: string | null;
  try {
    file = resolveAppPath(root, request.url);
  } catch {
    file = null;
  }
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
