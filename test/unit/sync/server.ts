/**
 * A real pouchdb-server (CouchDB-compatible, in memory) on 127.0.0.1 for the sync tests, with an admin
 * user (so requests carry credentials as against an office's CouchDB) and an empty database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ServerConnection } from '../../../renderer/src/sync/types';

export interface TestServer {
  url: string;
  user: string;
  password: string;
  /** Creates an empty database and returns its name. */
  database(name?: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const BIN = path.resolve(__dirname, '../../../node_modules/.bin/pouchdb-server');
let dbCounter = 0;

export async function startServer(): Promise<TestServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-pouchdb-'));
  const child: ChildProcess = spawn(
    BIN,
    [
      '--in-memory',
      '--no-stdout-logs',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--config',
      path.join(dir, 'config.json'),
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const user = 'clerk';
  const password = 'pa:ss 密码';
  const admin = await fetch(`${url}/_config/admins/${user}`, {
    method: 'PUT',
    body: JSON.stringify(password),
  });
  if (!admin.ok) throw new Error(`admin: ${admin.status}`);
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    url,
    user,
    password,
    async database(name = `desk${process.pid}x${++dbCounter}`) {
      const r = await fetch(`${url}/${name}`, { method: 'PUT', headers: { Authorization: auth } });
      if (r.status !== 201) throw new Error(`create db: ${r.status}`);
      return name;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One server for a test file, started before its tests and stopped after them; `conn` is a connection to
 * an empty database on it (as a workstation's configured server).
 */
export function useServer(): { readonly conn: ServerConnection } {
  const live = {} as { conn: ServerConnection; server?: TestServer };
  beforeAll(async () => {
    live.server = await startServer();
    const { url, user, password } = live.server;
    live.conn = { url, db: await live.server.database(), user, password };
  }, 60_000);
  afterAll(async () => {
    await live.server?.stop();
  });
  return live;
}
