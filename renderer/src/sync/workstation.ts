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
 *
 * The document also says which build the workstation runs (its version and data format, shared/data/
 * format.ts) and when it last connected, updated at each connect: 设置 → 多人协作 lists the office's
 * workstations from them (`listWorkstations`), so a clerk sees which desks still need the upgrade.
 */
import { rekeyWorkstation, type DeskDB } from '../db/schema';
import { randomWorkstationNumber, setWorkstationNumber, workstationIdentity } from '../db/ids';
import { LOCAL_KEYS, readLocal } from '../db/local';
import { APP_VERSION } from '../platform/version';
import { DATA_FORMAT, parseDataFormat } from '../../../shared/data/format';
import { couch, couchView, serverText, ServerRefused } from './couchRequest';
import type { ServerConnection } from './types';

export const workstationDocId = (n: number) => `workstation:${n}`;

export interface WorkstationDoc {
  _id: string;
  type: 'workstation';
  n: number;
  token: string;
  name: string;
  registeredAt: string;
  /** The build it ran at its last connect (absent: registered by a build before these were recorded). */
  app?: string;
  format?: number;
  seenAt?: string;
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
  opts: { fetch?: typeof fetch; attempts?: number; format?: number; app?: string } = {},
): Promise<Registration> {
  const tried = new Set<number>();
  let moved: Registration['moved'];
  for (let i = 0; i < (opts.attempts ?? 20); i++) {
    const me = workstationIdentity();
    tried.add(me.n);
    const name = readLocal(LOCAL_KEYS.workstationName);
    const now = new Date().toISOString();
    const build = { app: opts.app ?? APP_VERSION, format: opts.format ?? DATA_FORMAT, seenAt: now };
    const doc: WorkstationDoc = {
      _id: workstationDocId(me.n),
      type: 'workstation',
      n: me.n,
      token: me.token,
      name: typeof name === 'string' ? name : '',
      registeredAt: now,
      ...build,
    };
    const put = await couch(conn, 'PUT', doc._id, doc, opts.fetch);
    if (put.status === 201 || put.status === 202) return { n: me.n, ...(moved ? { moved } : {}) };
    if (put.status === 404) throw new ServerRefused(`服务器上没有数据库“${conn.db}”`);
    if (put.status !== 409) throw new ServerRefused(`登记本工作站失败（HTTP ${put.status}）`);
    const got = await couch(conn, 'GET', doc._id, undefined, opts.fetch);
    if (got.status === 200 && got.body.token === me.token) {
      // Registered already: the build and the time of this connect (a lost race changes nothing).
      await couch(conn, 'PUT', doc._id, { ...got.body, name: doc.name, ...build }, opts.fetch);
      return { n: me.n, ...(moved ? { moved } : {}) };
    }
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

/** A workstation registered on the office's server, as 设置 → 多人协作 lists it. */
export interface RegisteredWorkstation {
  n: number;
  name: string;
  registeredAt: string;
  /** Absent: its last connect was by a build before the version was recorded (it needs the upgrade). */
  app?: string;
  format?: number;
  seenAt?: string;
}

/**
 * The workstations registered on the server (their documents checked field by field: a damaged one is
 * listed with what it says, or left out when it has no number), in the order of their numbers.
 */
export async function listWorkstations(
  conn: ServerConnection,
  opts: { fetch?: typeof fetch } = {},
): Promise<RegisteredWorkstation[]> {
  const res = await couchView(
    conn,
    '_all_docs',
    {
      startkey: JSON.stringify('workstation:'),
      endkey: JSON.stringify('workstation:\ufff0'),
      include_docs: 'true',
    },
    opts.fetch,
  );
  if (res.status !== 200) throw new ServerRefused(`读取工作站名单失败（HTTP ${res.status}）`);
  const rows = Array.isArray(res.body.rows) ? (res.body.rows as { doc?: Record<string, unknown> }[]) : [];
  const out: RegisteredWorkstation[] = [];
  for (const { doc } of rows) {
    if (!doc || typeof doc.n !== 'number' || !Number.isSafeInteger(doc.n)) continue;
    const format = parseDataFormat(doc.format);
    const app = serverText(doc.app);
    const seenAt = serverText(doc.seenAt);
    out.push({
      n: doc.n,
      name: serverText(doc.name) ?? '',
      registeredAt: serverText(doc.registeredAt) ?? '',
      ...(app ? { app } : {}),
      ...(format !== null ? { format } : {}),
      ...(seenAt ? { seenAt } : {}),
    });
  }
  return out.sort((a, b) => a.n - b.n);
}
