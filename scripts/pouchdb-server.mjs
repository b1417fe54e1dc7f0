/* global fetch -- Node 20 has it */
// pouchdb-server (npm; CouchDB-compatible) on 127.0.0.1, for everything that needs a real sync server: the
// sync unit tests (in memory), the 多人协作 end-to-end test (on disk, killed and started again on the same
// port and folder) and the bench's sync part (on disk). One launcher, so all three start it alike.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { root } from './lib.mjs';

const BIN = path.join(root, 'node_modules/pouchdb-server/bin/pouchdb-server');

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts pouchdb-server with its data (and config) in `dir`, on `port` (0 or none: a free one), and
 * resolves once it answers. `inMemory` keeps the databases in memory. `stop()` ends it (SIGTERM, or
 * `{ kill: true }`: SIGKILL, a crash) and resolves once it has exited; the folder is the caller's.
 */
export async function startPouchServer({ dir, port = 0, inMemory = false }) {
  const listen = port || (await freePort());
  const child = spawn(
    process.execPath,
    [
      BIN,
      ...(inMemory ? ['--in-memory'] : []),
      '--no-stdout-logs',
      '--host',
      '127.0.0.1',
      '--port',
      String(listen),
      '--dir',
      dir,
      '--config',
      path.join(dir, 'config.json'),
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${listen}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server 未能启动（127.0.0.1:${listen}）`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: listen,
    async stop({ kill = false } = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(kill ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}

/** Makes `user` the server's admin (as an office's CouchDB is set up; README) and returns its Basic header. */
export async function addAdmin(url, user, password) {
  const r = await fetch(`${url}/_config/admins/${encodeURIComponent(user)}`, {
    method: 'PUT',
    body: JSON.stringify(password),
  });
  if (!r.ok) throw new Error(`pouchdb-server 管理员：${r.status}`);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Creates the empty database `name` (with the admin's `auth` header). */
export async function createDatabase(url, name, auth) {
  const r = await fetch(`${url}/${name}`, { method: 'PUT', headers: { Authorization: auth } });
  if (r.status !== 201) throw new Error(`pouchdb-server 建库 ${name}：${r.status}`);
}
