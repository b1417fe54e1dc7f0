/**
 * The office database's data format (shared/data/format.ts): the document `format:data`, the server's own
 * like `workstation:*` and `counter:*` (replication leaves it out of Dexie: parseDocId knows no table
 * `format`). It holds the highest data format of any workstation that connected to the database.
 *
 * The sync engine claims it on every connect, after registering the workstation and before anything is
 * replicated: the same format goes on; an older one is raised to this workstation's (a newer build is
 * here); a newer one stops this workstation (`NewerDataFormat`: it would drop the fields it does not know
 * the next time it saved those records). The live pull watches the document too, so a workstation
 * already syncing stops when a newer one raises it, and the engine's apply stops at it: the records after
 * it in the replica wait there, unapplied, until the upgrade.
 */
import {
  DATA_FORMAT,
  compareDataFormat,
  newerServerFormatText,
  parseDataFormat,
} from '../../../shared/data/format';
import { LOCAL_KEYS, readLocal } from '../db/local';
import { couch, serverText, ServerRefused } from './couchRequest';
import type { ServerConnection } from './types';

export const FORMAT_DOC_ID = 'format:data';

export interface FormatDoc {
  _id: string;
  _rev?: string;
  type: 'format';
  format: number;
  /** The workstation that set it (its name as entered, may be '') and when. */
  by: string;
  at: string;
}

/** The office's data is of a newer format than this workstation's: it must be upgraded first. */
export class NewerDataFormat extends Error {
  constructor(
    readonly found: number,
    /** The workstation that raised it ('' when the record does not say). */
    readonly by = '',
  ) {
    super(newerServerFormatText(found, undefined, 'connected', by));
  }
}

/** The workstation named in a format record ('' when none). */
export function formatDocBy(doc: { by?: unknown }): string {
  return serverText(doc.by) ?? '';
}

/** The format a replicated `format:data` document gives, or null when the document is not that one. */
export function formatOfDoc(doc: { _id?: unknown; format?: unknown; _deleted?: unknown }): number | null {
  if (doc._id !== FORMAT_DOC_ID || doc._deleted === true) return null;
  return parseDataFormat(doc.format);
}

/** This workstation's name as the format record gives it ('' when not set). */
export function workstationName(): string {
  const name = readLocal(LOCAL_KEYS.workstationName);
  return typeof name === 'string' ? name : '';
}

/**
 * The database's format as its record says, and who set it; null when there is none or it cannot be read
 * (测试连接 says what it can: the connection itself is checked there).
 */
export async function readDataFormat(
  conn: ServerConnection,
  fetchImpl?: typeof fetch,
): Promise<{ format: number; by: string } | null> {
  try {
    const got = await couch(conn, 'GET', FORMAT_DOC_ID, undefined, fetchImpl);
    const format = got.status === 200 ? parseDataFormat(got.body.format) : null;
    return format === null ? null : { format, by: formatDocBy(got.body) };
  } catch {
    return null;
  }
}

export interface FormatClaim {
  /** The database's format now (this workstation's). */
  format: number;
  /** The format it held before, when this workstation set or raised it (null: the database had none). */
  raisedFrom?: number | null;
}

/**
 * Claims the database for this workstation's data format (see above). Throws `NewerDataFormat` when the
 * database holds a newer one, ServerUnreachable / ServerRefused when the server cannot say.
 */
export async function claimDataFormat(
  conn: ServerConnection,
  opts: { by: string; ours?: number; fetch?: typeof fetch; now?: () => Date; attempts?: number },
): Promise<FormatClaim> {
  const ours = opts.ours ?? DATA_FORMAT;
  for (let i = 0; i < (opts.attempts ?? 10); i++) {
    const got = await couch(conn, 'GET', FORMAT_DOC_ID, undefined, opts.fetch);
    let before: number | null = null;
    let rev: string | undefined;
    if (got.status === 200) {
      const found = parseDataFormat(got.body.format);
      // A damaged record could hide a newer format: say so rather than overwrite it.
      if (found === null)
        throw new ServerRefused('服务器上的数据格式记录（format:data）已损坏，请联系管理员');
      const cmp = compareDataFormat(found, ours);
      if (cmp === 'same') return { format: ours };
      if (cmp === 'newer') throw new NewerDataFormat(found, formatDocBy(got.body));
      before = found;
      rev = typeof got.body._rev === 'string' ? got.body._rev : undefined;
    } else if (got.status !== 404) throw new ServerRefused(`读取服务器的数据格式失败（HTTP ${got.status}）`);
    const doc: FormatDoc = {
      _id: FORMAT_DOC_ID,
      ...(rev ? { _rev: rev } : {}),
      type: 'format',
      format: ours,
      by: opts.by,
      at: (opts.now?.() ?? new Date()).toISOString(),
    };
    const put = await couch(conn, 'PUT', FORMAT_DOC_ID, doc, opts.fetch);
    if (put.status === 201 || put.status === 202) return { format: ours, raisedFrom: before };
    // 409: another workstation set it in between; read it again.
    if (put.status !== 409) throw new ServerRefused(`写入服务器的数据格式失败（HTTP ${put.status}）`);
  }
  throw new ServerRefused('无法确认服务器上的数据格式，请稍后重试');
}
