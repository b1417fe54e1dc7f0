import type { AutosaveStatus } from '../../../shared/autosave';

/**
 * Chinese text for an error the clerk sees: storage errors (DOMException from IndexedDB, Dexie's errors and
 * the AbortError Dexie raises around a transaction that failed for another reason) get an explanation of
 * what happened and what to do; anything else shows its own message (our messages are Chinese already).
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

function asErrorLike(e: unknown): ErrorLike | null {
  return typeof e === 'object' && e !== null ? (e as ErrorLike) : null;
}

/** The error and the errors it wraps (Dexie's `inner`, `cause`, a BulkError's `failures`), outermost first. */
function chain(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [e];
  while (queue.length && out.length < 20) {
    const x = asErrorLike(queue.shift());
    if (!x || out.includes(x)) continue;
    out.push(x);
    queue.push(x.inner, x.cause);
    if (Array.isArray(x.failures)) queue.push(...x.failures);
    else if (x.failures && typeof x.failures === 'object') queue.push(...Object.values(x.failures));
  }
  return out;
}

const names = (e: unknown): string[] => chain(e).map((x) => (typeof x.name === 'string' ? x.name : ''));

/** Whether the error is (or wraps) storage quota exhaustion. */
export function isQuotaError(e: unknown): boolean {
  return chain(e).some(
    (x) =>
      x.name === 'QuotaExceededError' ||
      (typeof x.message === 'string' && /quota/i.test(x.message) && x.name !== 'TypeError'),
  );
}

export const QUOTA_TEXT =
  '磁盘空间不足，本地数据库无法写入。请清理磁盘空间（删除不需要的文件），并尽快在“设置”中用“备份到文件”做一次备份。';

const BY_NAME: Record<string, string> = {
  DatabaseClosedError: '本地数据库已关闭（工作台可能已在另一个窗口或标签页中使用），本页不再保存。',
  InvalidStateError: '本地数据库暂时不可用（窗口可能正在关闭或数据库已关闭）。',
  VersionError: '本地数据库的版本比本程序新：请使用最新版本的秘书处工作台。',
  UnknownError: '本地数据库读写出错（可能是磁盘故障或空间不足）。',
  DataCloneError: '要保存的数据格式无法写入本地数据库。',
  ReadOnlyError: '本地数据库当前只读，无法写入。',
  TimeoutError: '本地数据库响应超时。',
  OpenFailedError: '无法打开本地数据库。',
  MissingAPIError: '此浏览器不支持本地数据库（IndexedDB）。',
};

/** A Chinese sentence for `e`, for status labels and error messages. */
export function errorText(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_TEXT;
  const all = names(e);
  for (const n of all) {
    const t = BY_NAME[n];
    if (t) return t;
  }
  // AbortError without a known cause: the transaction was rolled back.
  if (all.includes('AbortError')) return '本地数据库写入被中止，数据没有写入。';
  const first = asErrorLike(e);
  const msg = typeof first?.message === 'string' ? first.message : '';
  return msg || String(e);
}

/** The status line of an autosave (shared/autosave.ts) at time `now`: what failed, that the text is kept, when the retry comes. */
export function autosaveLabel(status: AutosaveStatus, now: number): string {
  if (status.kind === 'saved') return '已保存';
  if (status.kind === 'saving') return '保存中…';
  const reason = errorText(status.error).replace(/[。.]$/, '');
  const seconds = Math.ceil((status.retryAt - now) / 1000);
  const next =
    seconds > 0 ? `${seconds} 秒后重试（第 ${status.attempt} 次）` : `正在重试（第 ${status.attempt} 次）…`;
  return `保存失败：${reason}。输入的内容仍在屏幕上，${next}`;
}
