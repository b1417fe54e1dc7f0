// A small static server for the built renderer, bound to 127.0.0.1 only, with the app's CSP.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

function syncOrigins() {
  return (process.env.DESK_SYNC_ORIGINS ?? '')
    .split(/\s+/)
    .filter((o) => /^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(o));
}

// Electron's policy (electron/hardening.ts CONTENT_SECURITY_POLICY) but for connect-src, written out again
// because this script runs in plain Node; test/unit/electron/serve-parity keeps the two one policy.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 多人协作 (issue 19): the browser build may reach a CouchDB over https, on this machine, or at the LAN
  // origins listed in DESK_SYNC_ORIGINS (space-separated, e.g. "http://192.168.1.20:5984"); Electron
  // allows exactly the configured server (electron/hardening.ts).
  ["connect-src 'self' https: http://127.0.0.1:* http://localhost:* http://[::1]:*", ...syncOrigins()].join(
    ' ',
  ),
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The same types as electron/protocol.ts serves (test/unit/electron/serve-parity).
export const MIME = {
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

export function serveDir(dir, port) {
  const rootDir = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
      let file = path.resolve(rootDir, rel);
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) throw new Error('outside');
      if (!path.extname(file)) file = path.join(rootDir, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未找到');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
