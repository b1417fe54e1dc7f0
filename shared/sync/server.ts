/**
 * The office's server address (issue 19), checked before anything connects to it. Pure.
 *
 * - http(s) only, no credentials in the URL (they go in the 用户名 / 密码 fields, never into a URL that
 *   could be logged), no query or fragment.
 * - Plain http only to loopback or a private LAN address (127.0.0.0/8, ::1, 10/8, 172.16/12, 192.168/16,
 *   `localhost`): the password would otherwise cross the internet in clear text. Anything else needs https.
 */

export interface ServerAddress {
  /** The server's origin, e.g. `http://192.168.1.20:5984` (what the CSP's connect-src allows). */
  origin: string;
  /** The base URL without a trailing slash (origin + optional path prefix of a reverse proxy). */
  base: string;
}

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** True for loopback and private LAN hosts (by address, or `localhost`). */
export function isLoopbackOrLan(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const v4 = ipv4(host);
  if (!v4) return false;
  const [a, b] = v4 as [number, number, number, number];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Checks the 服务器地址 the clerk typed; throws a RangeError with a Chinese message when it cannot be used. */
export function checkServerUrl(input: string): ServerAddress {
  const text = input.trim();
  if (text === '') throw new RangeError('请填写服务器地址，如 http://192.168.1.20:5984');
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new RangeError('服务器地址格式不正确，应以 http:// 或 https:// 开头，如 http://192.168.1.20:5984');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new RangeError('服务器地址应以 http:// 或 https:// 开头');
  if (u.username || u.password)
    throw new RangeError('服务器地址中不能含用户名或密码，请填写在“用户名”“密码”栏');
  if (u.search || u.hash) throw new RangeError('服务器地址中不能含“?”或“#”之后的内容');
  if (u.protocol === 'http:' && !isLoopbackOrLan(u.hostname))
    throw new RangeError(
      `拒绝通过未加密的 http 连接 ${u.hostname}：只有本机或局域网地址（127.x、10.x、172.16–31.x、192.168.x）可用 http，其他服务器请使用 https`,
    );
  const base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  return { origin: u.origin, base };
}

/** CouchDB database names: lower-case letter first, then a-z 0-9 _ $ ( ) + - / (CouchDB's own rule). */
export function checkDatabaseName(input: string): string {
  const name = input.trim();
  if (name === '') throw new RangeError('请填写数据库名称，如 ccia-desk');
  if (!/^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name))
    throw new RangeError('数据库名称只能用小写英文字母开头，由小写字母、数字和 _ $ ( ) + - / 组成');
  return name;
}
