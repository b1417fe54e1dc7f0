/**
 * A real pouchdb-server (CouchDB-compatible, in memory) on 127.0.0.1 for the sync tests, with an admin
 * user (so requests carry credentials as against an office's CouchDB) and an empty database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ServerConnection } from '../../../renderer/src/sync/types';
import { addAdmin, createDatabase, startPouchServer } from '../../../scripts/pouchdb-server.mjs';

export interface TestServer {
  url: string;
  user: string;
  password: string;
  /** Creates an empty database and returns its name. */
  database(name?: string): Promise<string>;
  stop(): Promise<void>;
}

let dbCounter = 0;

export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-pouchdb-'));
  const server = await startPouchServer({ dir, inMemory: true });
  const user = 'clerk';
  const password = 'pa:ss 密码';
  const auth = await addAdmin(server.url, user, password);
  return {
    url: server.url,
    user,
    password,
    async database(name = `desk${process.pid}x${++dbCounter}`) {
      await createDatabase(server.url, name, auth);
      return name;
    },
    async stop() {
      await server.stop();
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
