/**
 * 测试连接 (issue 19): asks the server for the database's info with the given user and password and says
 * in Chinese how it went. The password travels in the Authorization header only. A database whose data
 * is of a newer format than this workstation's (sync/format.ts) is not ok: 连接 would only stop at
 * 需升级工作台, so it is refused before the connection is saved.
 */
import { compareDataFormat, newerServerFormatText } from '../../../shared/data/format';
import type { SyncConnection } from './connection';
import { syncErrorText } from './errors';
import { readDataFormat } from './format';

export async function testConnection(c: SyncConnection): Promise<{ ok: boolean; text: string }> {
  const auth = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${c.user}:${c.password}`)))}`;
  let res: Response;
  try {
    res = await fetch(`${c.url}/${encodeURIComponent(c.db)}`, {
      headers: { Authorization: auth, Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    return {
      ok: false,
      text: `连接失败：${syncErrorText(e instanceof Error ? e : new TypeError(String(e)))}`,
    };
  }
  if (!res.ok) return { ok: false, text: `连接失败：${syncErrorText({ status: res.status })}` };
  let count = '';
  try {
    const info = (await res.json()) as { doc_count?: unknown };
    if (typeof info.doc_count === 'number') count = `，现有 ${info.doc_count} 条记录`;
  } catch {
    // not JSON: still reachable
  }
  const server = await readDataFormat(c);
  if (server !== null && compareDataFormat(server.format) === 'newer')
    return {
      ok: false,
      text: `未连接：${newerServerFormatText(server.format, undefined, 'connecting', server.by)}`,
    };
  return { ok: true, text: `连接成功：服务器可用，数据库 ${c.db}${count}` };
}
