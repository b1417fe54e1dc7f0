/**
 * A real pouchdb-server (CouchDB-compatible, in memory) on 127.0.0.1 for the sync tests, with an admin
 * user (so requests carry credentials as against an office's CouchDB) and an empty database; and the writes
 * another workstation would make there (`putServerDoc`, `putServerFormat`, used by the sync e2e too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ServerConnection } from '../../../renderer/src/sync/types';
import { couch } from '../../../renderer/src/sync/couchRequest';
import { FORMAT_DOC_ID } from '../../../renderer/src/sync/format';
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
 * an empty database on it (as a workstation's configured server), shared by the file's tests;
 * `freshConn()` one to another empty database, for a test whose numbers must not depend on the others'.
 */
export function useServer(): { readonly conn: ServerConnection; freshConn(): Promise<ServerConnection> } {
  let server: TestServer | undefined;
  const live = {
    conn: undefined as unknown as ServerConnection,
    async freshConn(): Promise<ServerConnection> {
      if (!server) throw new Error('the server is started in beforeAll');
      const { url, user, password } = server;
      return { url, db: await server.database(), user, password };
    },
  };
  beforeAll(async () => {
    server = await startServer();
    live.conn = await live.freshConn();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return live;
}

/** Writes a document on the server as another workstation would: on its current revision, if it has one. */
export async function putServerDoc(
  conn: ServerConnection,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  const have = await couch(conn, 'GET', id);
  const put = await couch(conn, 'PUT', id, {
    ...body,
    ...(have.status === 200 ? { _rev: have.body._rev } : {}),
  });
  expect(put.status).toBe(201);
}

/** The database's format record (sync/format.ts) as a workstation of format `format` named `by` leaves it. */
export function putServerFormat(conn: ServerConnection, format: unknown, by = '新版工作站'): Promise<void> {
  return putServerDoc(conn, FORMAT_DOC_ID, { type: 'format', format, by, at: '2026-12-07T08:00:00.000Z' });
}
