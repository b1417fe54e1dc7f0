/**
 * Registering this workstation's number on the office's server (issue 19), before its first replication
 * with that server: a document `workstation:<n>` created without a rev, so the server refuses a second
 * one for the same number (409). A 409 whose document carries this installation's token is this
 * workstation registered already; another token means the number is taken — this workstation picks
 * another number and re-keys its own records (db/schema.ts `rekeyWorkstation`: ids and every reference
 * to them, in one transaction, audited) before anything is replicated, then registers that one.
 *
 * The sync engine calls `registerWorkstation` on every connect before replicating. `workstation:*` (and
 * the counters' `counter:*`) documents are the server's own, not records: replication leaves them out of
 * Dexie.
 */
import { rekeyWorkstation, type DeskDB } from '../db/schema';
import { randomWorkstationNumber, setWorkstationNumber, workstationIdentity } from '../db/ids';
import { LOCAL_KEYS, readLocal } from '../db/local';
import { couch, ServerRefused } from './couchRequest';
import type { ServerConnection } from './types';

export const workstationDocId = (n: number) => `workstation:${n}`;

export interface WorkstationDoc {
  _id: string;
  type: 'workstation';
  n: number;
  token: string;
  name: string;
  registeredAt: string;
}

export interface Registration {
  /** The number this workstation now has on the server. */
  n: number;
  /** Set when the number was taken and this workstation moved to another. */
  moved?: { from: number; to: number; rows: number };
}

/**
 * Registers this workstation's number on the server (or finds it registered), moving to a free number
 * when it is taken. Throws ServerUnreachable / ServerRefused (couchRequest.ts) when the server cannot say.
 */
export async function registerWorkstation(
  db: DeskDB,
  conn: ServerConnection,
  opts: { fetch?: typeof fetch; attempts?: number } = {},
): Promise<Registration> {
  const tried = new Set<number>();
  let moved: Registration['moved'];
  for (let i = 0; i < (opts.attempts ?? 20); i++) {
    const me = workstationIdentity();
    tried.add(me.n);
    const name = readLocal(LOCAL_KEYS.workstationName);
    const doc: WorkstationDoc = {
      _id: workstationDocId(me.n),
      type: 'workstation',
      n: me.n,
      token: me.token,
      name: typeof name === 'string' ? name : '',
      registeredAt: new Date().toISOString(),
    };
    const put = await couch(conn, 'PUT', doc._id, doc, opts.fetch);
    if (put.status === 201 || put.status === 202) return { n: me.n, ...(moved ? { moved } : {}) };
    if (put.status === 404) throw new ServerRefused(`服务器上没有数据库“${conn.db}”`);
    if (put.status !== 409) throw new ServerRefused(`登记本工作站失败（HTTP ${put.status}）`);
    const got = await couch(conn, 'GET', doc._id, undefined, opts.fetch);
    if (got.status === 200 && got.body.token === me.token) return { n: me.n, ...(moved ? { moved } : {}) };
    if (got.status !== 200) continue; // deleted in between: try the same number again
    // Taken by another workstation: move this one's records to a free number, then register that.
    const from = me.n;
    const to = randomWorkstationNumber(tried);
    setWorkstationNumber(to);
    const rows = await rekeyWorkstation(
      db,
      from,
      to,
      (n) => `本工作站编号 ${from} 已被其他工作站登记，改用 ${to}：本机记录重新编号 ${n} 条`,
    );
    moved = { from: moved?.from ?? from, to, rows: (moved?.rows ?? 0) + rows };
  }
  throw new Error('无法在服务器上登记本工作站编号，请稍后重试');
}
