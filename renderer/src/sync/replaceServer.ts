/**
 * 用备份替换服务器数据 (issue 19): after a restore, on the clerk's explicit and audited choice, the office's
 * database is made exactly this workstation's restored records — every replicated row written as the
 * server's newest revision (its conflicting revisions removed), every record the server has that the
 * backup does not deleted, so neither comes back on another workstation. Other documents on the server
 * (the number counters, the workstation registry, the data format of sync/format.ts, local-only settings)
 * are left alone.
 */
import { db } from '../db';
import { decodeDoc, encodeRow, sameRow } from '../../../shared/sync/codec';
import { REPLICATED_TABLES, docIdOf, isReplicatedRow, parseDocId } from '../../../shared/sync/scope';
import type { SyncConnection } from './connection';
import { openRemotePouch, type Pouch, type PouchDoc } from './pouch';
import { claimDataFormat, workstationName } from './format';

const PAGE = 1000;

interface ServerDoc {
  rev: string;
  doc: PouchDoc;
}

async function serverDocs(remote: Pouch): Promise<Map<string, ServerDoc>> {
  const out = new Map<string, ServerDoc>();
  let startkey: string | undefined;
  for (;;) {
    const page = await remote.allDocs({
      include_docs: true,
      conflicts: true,
      limit: PAGE + (startkey === undefined ? 0 : 1),
      ...(startkey === undefined ? {} : { startkey }),
    });
    const rows = startkey === undefined ? page.rows : page.rows.slice(1);
    for (const r of rows) if (r.doc && parseDocId(r.id)) out.set(r.id, { rev: r.value.rev, doc: r.doc });
    if (rows.length < PAGE) return out;
    startkey = rows[rows.length - 1]!.id;
  }
}

export interface Replaced {
  /** Records written (new on the server, or the server's version replaced). */
  written: number;
  /** Records the server had that the restored data does not: deleted there (and so everywhere). */
  deleted: number;
}

/**
 * Makes the server's records this workstation's Dexie rows (see above). Throws if the server refuses.
 * `dryRun`: only counts what it would write and delete.
 */
export async function replaceServerData(
  connection: SyncConnection,
  opts: { dryRun?: boolean } = {},
): Promise<Replaced> {
  // Never over data of a newer format (shared/data/format.ts): NewerDataFormat, nothing written.
  await claimDataFormat(connection, { by: workstationName() });
  const remote = openRemotePouch(connection);
  const server = await serverDocs(remote);
  const writes: PouchDoc[] = [];
  /** The conflicting revisions, removed after the writes (one document twice in a batch is a conflict). */
  const leaves: PouchDoc[] = [];
  const keep = new Set<string>();
  for (const name of REPLICATED_TABLES) {
    const table = db.table(name);
    const pk = table.schema.primKey.keyPath as string;
    const rows = (await table.toArray()) as Record<string, unknown>[];
    for (const row of rows) {
      const key = row[pk] as number | string;
      if (!isReplicatedRow(name, key)) continue;
      const id = docIdOf(name, key);
      keep.add(id);
      const have = server.get(id);
      const doc = encodeRow(name, key, row) as unknown as PouchDoc;
      const conflicts = have?.doc._conflicts ?? [];
      for (const rev of conflicts) leaves.push({ _id: id, _rev: rev, _deleted: true });
      if (have && !conflicts.length && sameRow(decodeDoc(have.doc as never), row)) continue;
      if (have) doc._rev = have.rev;
      writes.push(doc);
    }
  }
  let deleted = 0;
  for (const [id, have] of server) {
    if (keep.has(id)) continue;
    deleted++;
    writes.push({ _id: id, _rev: have.rev, _deleted: true });
    for (const rev of have.doc._conflicts ?? []) leaves.push({ _id: id, _rev: rev, _deleted: true });
  }
  const written = writes.filter((d) => !d._deleted).length;
  if (opts.dryRun) return { written, deleted };
  // A record the server has only as a deletion (listed by keys, not by the plain listing) is written on
  // its deleted revision, and one written there since the listing on its current one: a write without a
  // revision would be refused as a conflict.
  const fresh = writes.filter((d) => !d._deleted && d._rev === undefined);
  for (let i = 0; i < fresh.length; i += PAGE) {
    const chunk = fresh.slice(i, i + PAGE);
    const known = await remote.allDocs({ keys: chunk.map((d) => d._id) });
    known.rows.forEach((r, j) => {
      if (r && !r.error && r.value?.rev) chunk[j]!._rev = r.value.rev;
    });
  }
  for (const batch of [writes, leaves])
    for (let i = 0; i < batch.length; i += PAGE) {
      const results = await remote.bulkDocs(batch.slice(i, i + PAGE));
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`服务器拒绝写入 ${failed.id}：${failed.reason ?? String(failed.error)}`);
    }
  return { written, deleted };
}
