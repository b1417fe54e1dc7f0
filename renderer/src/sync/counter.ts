/**
 * Numbers taken from the office's server (issue 19, R-W1): one counter document per sequence
 * (`counter:document:2026`, `counter:certificate:CCIA-HY:2026`, …) in the shared CouchDB database, moved
 * on against its `_rev` — read it, PUT the next value with that rev; a 409 means another clerk took a
 * number in between, so read again and retry (bounded, with jittered backoff). Two clerks finalising at
 * the same moment therefore get consecutive numbers, never the same one.
 *
 * `floor` is the highest number this workstation already knows in the sequence (its register, with what
 * replication brought): the counter never hands out a number at or below it — numbers issued before the
 * office had a server, or before the counter document existed, are never issued again.
 */
import { couch, ServerRefused, ServerUnreachable } from './couchRequest';
import type { ServerConnection } from './types';

export { ServerRefused, ServerUnreachable };

export interface CounterDoc {
  _id: string;
  _rev?: string;
  type: 'counter';
  sequence: string;
  /** The last number handed out. */
  last: number;
  updatedAt: string;
}

export const counterDocId = (sequence: string) => `counter:${sequence}`;

/** The sequence of the 发文 register's numbers of a year (R-W1). */
export const documentSequence = (year: number) => `document:${year}`;

/** The sequence of certificate numbers with a prefix in a year (R-M3 (4), R-P3). */
export const certificateSequence = (prefix: string, year: number) => `certificate:${prefix}:${year}`;

export interface TakeOptions {
  /** The highest number already issued that this workstation knows (0: none). */
  floor?: number;
  /** How many consecutive numbers to take (a batch of certificates); default 1. */
  count?: number;
  /** Attempts before giving up under contention; default 60. */
  attempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Takes the next `count` numbers of `sequence` from the server; returns the first (the others follow it).
 * Throws ServerUnreachable (no answer: the caller says 定稿 needs the server), ServerRefused (credentials,
 * permissions, no such database), or Error when the counter stays contended for every attempt.
 */
export async function takeNumbers(
  conn: ServerConnection,
  sequence: string,
  opts: TakeOptions = {},
): Promise<number> {
  const count = opts.count ?? 1;
  const floor = opts.floor ?? 0;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('要取的编号个数无效');
  if (!Number.isInteger(floor) || floor < 0) throw new RangeError('编号下限无效');
  const attempts = opts.attempts ?? 60;
  const sleep = opts.sleep ?? wait;
  const id = counterDocId(sequence);
  for (let i = 0; i < attempts; i++) {
    const got = await couch(conn, 'GET', id, undefined, opts.fetch);
    let current: CounterDoc | undefined;
    if (got.status === 200) current = got.body as unknown as CounterDoc;
    else if (got.status !== 404) throw new ServerRefused(`读取编号计数器失败（HTTP ${got.status}）`);
    const last = current && Number.isInteger(current.last) && current.last > 0 ? current.last : 0;
    const first = Math.max(last, floor) + 1;
    const next: CounterDoc = {
      _id: id,
      ...(current?._rev ? { _rev: current._rev } : {}),
      type: 'counter',
      sequence,
      last: first + count - 1,
      updatedAt: new Date().toISOString(),
    };
    const put = await couch(conn, 'PUT', id, next, opts.fetch);
    if (put.status === 201 || put.status === 202) return first;
    // A document PUT answered 404: the database itself is missing (CouchDB and pouchdb-server word it differently).
    if (put.status === 404) throw new ServerRefused(`服务器上没有数据库“${conn.db}”`);
    if (put.status !== 409) throw new ServerRefused(`更新编号计数器失败（HTTP ${put.status}）`);
    // Someone else moved the counter: back off a little (jittered, growing), read again.
    await sleep(Math.random() * Math.min(20 * 2 ** Math.min(i, 5), 400));
  }
  throw new Error('服务器上的编号计数器一直被其他工作站占用，请稍后重试');
}
