/**
 * Where the register's and the certificates' numbers come from (issue 19, R-W1):
 *
 * - no server configured: this workstation's own register, exactly as before (records/register.ts,
 *   records/certificates.ts);
 * - a server configured (设置 → 多人协作): the server's counter (sync/counter.ts), so two clerks never get
 *   the same number; when the server cannot be reached, 定稿 and 发放证书 are refused with a Chinese
 *   message and nothing changes (the draft stays a draft).
 *
 * What is configured is read from the connection 设置 → 多人协作 keeps (sync/connection.ts); tests set
 * it with `setNumberServer`.
 */
import { ServerRefused, ServerUnreachable, takeNumbers } from './counter';
import type { ServerConnection } from './types';
import type * as Connection from './connection';

export type NumberServerState =
  | { configured: false }
  /** `connection` null: configured, but not usable in this page now (断开 in progress, no password yet). */
  | { configured: true; connection: ServerConnection | null };

/**
 * sync/connection.ts, loaded on first use (it reaches the platform, which needs a window: not in the Node
 * unit tests, where no server is ever configured).
 */
let connectionModule: typeof Connection | undefined;
async function loadConnection(): Promise<void> {
  if (!connectionModule && typeof window !== 'undefined') connectionModule = await import('./connection');
}

/** What 设置 → 多人协作 has configured: connected (with its password), or not configured. */
function configured(): NumberServerState {
  const m = connectionModule;
  const stored = m?.readStoredConnection();
  return m && stored?.enabled ? { configured: true, connection: m.getConnection() } : { configured: false };
}

let provider: (() => NumberServerState) | undefined;

/** Replaces where the state comes from (tests; by default sync/connection.ts). */
export function setNumberServer(p: () => NumberServerState): void {
  provider = p;
}

/** Synchronous (inside a transaction): as loaded by the last serverNumbers, which runs before any issuing. */
export function numberServerState(): NumberServerState {
  return (provider ?? configured)();
}

/** Numbers could not be taken from the server: the message says what was not done, in Chinese. */
export class NumbersNeedServer extends Error {}

/**
 * Takes `count` consecutive numbers of `sequence` from the server when one is configured; returns the
 * first, or undefined when no server is configured (the caller numbers locally, as before). `what` names
 * the act (定稿, 发放证书) and `kept` what stays as it was, for the refusal.
 */
export async function serverNumbers(
  sequence: string,
  floor: number,
  count: number,
  what: string,
  kept: string,
): Promise<number | undefined> {
  if (!provider) await loadConnection();
  const state = numberServerState();
  if (!state.configured) return undefined;
  const refuse = (why: string) =>
    new NumbersNeedServer(
      `${what}需要连接服务器取得编号（已设置多人协作服务器，编号由服务器统一分配，以免与其他工作站重号），${why}；${kept}。`,
    );
  if (!state.connection) throw refuse('当前未连接服务器，请在 设置 → 多人协作 中连接后重试');
  try {
    return await takeNumbers(state.connection, sequence, { floor, count });
  } catch (e) {
    if (e instanceof ServerUnreachable) throw refuse(`当前无法连接服务器（${e.message}），请联网后重试`);
    if (e instanceof ServerRefused) throw refuse(`服务器未能分配编号：${e.message}`);
    throw refuse(e instanceof Error ? e.message : '服务器未能分配编号');
  }
}
