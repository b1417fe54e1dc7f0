/**
 * The few CouchDB requests the counter and the workstation registration make (plain fetch, Basic auth,
 * a timeout). Credentials go in the Authorization header only — never in a URL, a message or a log.
 */
import type { ServerConnection } from './types';

/** The server could not be reached (or did not answer in time): the caller says so in Chinese. */
export class ServerUnreachable extends Error {}

/** The server answered but refused (credentials, permissions, a broken database): the reason in Chinese. */
export class ServerRefused extends Error {}

const TIMEOUT_MS = 8000;

/** A text field of a server document shown to the clerk (a workstation's name): a string, at most `max` characters. */
export function serverText(v: unknown, max = 40): string | undefined {
  return typeof v === 'string' ? v.slice(0, max) : undefined;
}

function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

export interface CouchResponse {
  status: number;
  body: Record<string, unknown>;
}

/** One request to a document of the connection's database; throws ServerUnreachable / ServerRefused. */
export function couch(
  conn: ServerConnection,
  method: 'GET' | 'PUT',
  docId: string,
  body?: object,
  fetchImpl: typeof fetch = fetch,
): Promise<CouchResponse> {
  return request(conn, method, encodeURIComponent(docId), body, fetchImpl);
}

/**
 * A GET of one of the database's views, e.g. `_all_docs` with its query (the keys JSON-encoded by the
 * caller); throws ServerUnreachable / ServerRefused as `couch` does.
 */
export function couchView(
  conn: ServerConnection,
  view: '_all_docs',
  query: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<CouchResponse> {
  return request(conn, 'GET', `${view}?${new URLSearchParams(query).toString()}`, undefined, fetchImpl);
}

async function request(
  conn: ServerConnection,
  method: 'GET' | 'PUT',
  path: string,
  body: object | undefined,
  fetchImpl: typeof fetch,
): Promise<CouchResponse> {
  const url = `${conn.url.replace(/\/+$/, '')}/${encodeURIComponent(conn.db)}/${path}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: basic(conn.user, conn.password),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctrl.signal,
      cache: 'no-store',
    });
  } catch {
    throw new ServerUnreachable('无法连接服务器');
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = {};
  try {
    parsed = await res.json();
  } catch {
    parsed = {};
  }
  const out = {
    status: res.status,
    body: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {},
  };
  if (res.status === 401) throw new ServerRefused('服务器拒绝了用户名或密码');
  if (res.status === 403) throw new ServerRefused('该用户无权写入服务器上的数据库');
  if (res.status >= 500) throw new ServerUnreachable(`服务器出错（HTTP ${res.status}）`);
  if (res.status === 404 && out.body.reason === 'Database does not exist.')
    throw new ServerRefused(`服务器上没有数据库“${conn.db}”`);
  return out;
}
