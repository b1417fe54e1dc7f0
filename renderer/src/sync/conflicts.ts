/**
 * Conflicts (issue 19): two workstations changed the same record. PouchDB keeps both revisions; the
 * winner (CouchDB's deterministic rule: the longer revision history, then the larger revision id) is what
 * Dexie shows. The clerk sees both versions field by field and picks per field or keeps the winner; the
 * merged record is written on the winning revision, the values not kept (of either version) go into the
 * audit trail (nothing silently lost) and only then is removed from the replica (and, replicated, from the server).
 */
import { useEffect, useState } from 'react';
import { db } from '../db';
import { writeAudit } from '../db/audit';
import { decodeDoc, encodeRow } from '../../../shared/sync/codec';
import {
  choiceLabel,
  closedDocumentSide,
  commonAncestor,
  conflictChoices,
  conflictFields,
  resolveChoices,
  settingName,
  type ConflictChoice,
} from '../../../shared/sync/conflictView';
import { parseDocId } from '../../../shared/sync/scope';
import { TABLE_LABEL } from '../../../shared/data/manifest';
import { currentReplication, subscribeConflicts, type ClashRows } from './engine';
import type { Pouch, PouchDoc } from './pouch';

export interface ConflictView {
  docId: string;
  table: string;
  key: number | string;
  winnerRev: string;
  otherRev: string;
  /** The two versions of the record. */
  winner: Record<string, unknown>;
  other: Record<string, unknown>;
  /** The fields chosen between (a setting's value's fields: shared/sync/conflictView.ts). */
  winnerFields: Record<string, unknown>;
  otherFields: Record<string, unknown>;
  /** What the clerk chooses between: the differing fields, grouped, without those the app keeps itself. */
  choices: ConflictChoice[];
  /** A 发文 closed in one version and a draft in the other: the closed side, kept whole (no choice). */
  closed: 'winner' | 'other' | null;
}

/** A choice as the dialog and the audit trail name it (会员代表, not representative; 任期（年）). */
export function conflictFieldLabel(
  c: Pick<ConflictView, 'table' | 'key'>,
  choice: Pick<ConflictChoice, 'field'>,
) {
  return choiceLabel(c.table, c.key, choice);
}

export function tableLabel(table: string): string {
  return TABLE_LABEL[table] ?? table;
}

/** The record's name as the list shows it: its name, title, unit or receipt; a setting by its section. */
export function recordName(c: Pick<ConflictView, 'table' | 'key' | 'winner'>): string {
  if (c.table === 'settings') return `${tableLabel(c.table)}「${settingName(c.key)}」`;
  const w = c.winner as {
    name?: unknown;
    title?: unknown;
    unit?: { name?: unknown };
    receiptNo?: unknown;
    certificateNo?: unknown;
  };
  const name =
    [w.name, w.title, w.unit?.name, w.certificateNo].find(
      (x): x is string => typeof x === 'string' && x !== '',
    ) ?? (typeof w.receiptNo === 'string' && w.receiptNo ? `收据号 ${w.receiptNo}` : '');
  return `${tableLabel(c.table)}${name ? `「${name}」` : ` ${String(c.key)}`}`;
}

export async function loadConflicts(): Promise<ConflictView[]> {
  const rep = currentReplication();
  if (!rep) return [];
  const out: ConflictView[] = [];
  for (const docId of rep.conflicts) {
    const ref = parseDocId(docId);
    if (!ref) continue;
    let doc: PouchDoc;
    try {
      doc = await rep.local.get(docId, { conflicts: true, attachments: true, binary: true });
    } catch {
      continue;
    }
    const otherRev = doc._conflicts?.[0];
    if (!otherRev) continue;
    const other = await rep.local.get(docId, { rev: otherRev, attachments: true, binary: true });
    const w = decodeDoc(doc as never) ?? {};
    const o = decodeDoc(other as never) ?? {};
    const winnerFields = conflictFields(ref.table, w);
    const otherFields = conflictFields(ref.table, o);
    const base = await versionBothCameFrom(rep.local, docId, doc._rev!, otherRev);
    out.push({
      docId,
      table: ref.table,
      key: ref.key,
      winnerRev: doc._rev!,
      otherRev,
      winner: w,
      other: o,
      winnerFields,
      otherFields,
      choices: conflictChoices(
        ref.table,
        winnerFields,
        otherFields,
        base ? conflictFields(ref.table, base) : undefined,
      ),
      closed: closedDocumentSide(ref.table, w, o),
    });
  }
  return out;
}

/**
 * The version both sides of a conflict came from (their common ancestor), as the replica holds it: it does
 * when this workstation held that version (the replica is never compacted); a replica that only ever
 * received the two leaves does not, and the conflict is then decided without it (null).
 */
async function versionBothCameFrom(
  local: Pouch,
  docId: string,
  winnerRev: string,
  otherRev: string,
): Promise<Record<string, unknown> | null> {
  try {
    const [w, o] = await Promise.all(
      [winnerRev, otherRev].map((rev) => local.get(docId, { rev, revs: true })),
    );
    const rev = w?._revisions && o?._revisions ? commonAncestor(w._revisions, o._revisions) : null;
    if (!rev) return null;
    const base = await local.get(docId, { rev, attachments: true, binary: true });
    return base._deleted ? null : (decodeDoc(base as never) ?? null);
  } catch {
    return null; // the ancestor's body is not in this replica
  }
}

/** A list read from the running replication, read again whenever its conflicts or clashes change. */
function useReplicaList<T>(load: () => Promise<T[]>): T[] {
  const [list, setList] = useState<T[]>([]);
  useEffect(() => {
    let alive = true;
    const read = () => void load().then((l) => alive && setList(l));
    read();
    const off = subscribeConflicts(read);
    return () => {
      alive = false;
      off();
    };
  }, [load]);
  return list;
}

/** The conflicts, live. */
export function useConflicts(): ConflictView[] {
  return useReplicaList(loadConflicts);
}

/**
 * Resolves one conflict: `pickOther` names the choices taken from the other version (none: keep the
 * winner). The losing revision is written into the audit trail first; then the merged record goes on the
 * winning revision and the losing revision is removed from the replica. `decision` words the choice in the
 * audit entry when the caller made it (a closed 发文 kept whole).
 */
export async function resolveConflict(
  c: ConflictView,
  pickOther: readonly string[],
  decision?: string,
): Promise<void> {
  const rep = currentReplication();
  if (!rep) throw new Error('未连接服务器，无法处理冲突');
  // What is not kept, field by field: the other version's value where the winner's is kept, the winner's
  // where the other's is taken. The entry's changes (不采用的值 → 采用的值) are the losing values in full.
  const resolved = resolveChoices(c.table, c.winner, c.other, pickOther);
  const named = c.choices
    .filter((choice) => choice.fields.some((f) => resolved.taken.includes(f)))
    .map((choice) => conflictFieldLabel(c, choice));
  const entityId = typeof c.key === 'number' ? c.key : undefined;
  const memberId = c.table === 'members' && typeof c.key === 'number' ? c.key : undefined;
  await db.transaction('rw', db.audit, () =>
    writeAudit(db, {
      entity: c.table,
      ...(entityId !== undefined ? { entityId } : {}),
      ...(memberId !== undefined ? { memberId } : {}),
      action: 'update',
      summary: `解决同步冲突：${recordName(c)}，${
        decision ?? (named.length ? `采用另一版本的 ${named.join('、')}` : '保留当前版本')
      }；未采用的值记入此条（另一版本：修订 ${c.otherRev}，当前版本：修订 ${c.winnerRev}）`,
      before: resolved.discarded,
      after: resolved.kept,
    }),
  );
  const winnerDoc = await rep.local.get(c.docId, { attachments: true, binary: true });
  if (resolved.taken.length) {
    const doc = encodeRow(c.table, c.key, resolved.row) as unknown as PouchDoc;
    doc._rev = winnerDoc._rev;
    await rep.local.put(doc);
  }
  await rep.local.remove(c.docId, c.otherRev);
  rep.conflicts.delete(c.docId);
  rep.saveConflicts();
}

/** A clash (engine.ts `clashes`): the other workstation's row, held out of Dexie, and this one's. */
export interface ClashView extends ClashRows {
  docId: string;
}

export async function loadClashes(): Promise<ClashView[]> {
  const rep = currentReplication();
  if (!rep) return [];
  const out: ClashView[] = [];
  for (const docId of rep.clashes) {
    const rows = await rep.clashRows(docId);
    if (rows) out.push({ docId, ...rows });
  }
  return out;
}

/** The clashes, live. */
export function useClashes(): ClashView[] {
  return useReplicaList(loadClashes);
}

/** What a clash is, in the list and the dialog: two records of one unit, or two rows of one slot. */
export function clashText(c: ClashView): string {
  if (c.table === 'members')
    return `两个工作站各新增了一条「${String(c.incoming.name ?? '')}」的会员记录（统一社会信用代码 ${String(c.incoming.creditCode ?? '')}）`;
  return `两个工作站各登记了一条${tableLabel(c.table)}，只能保留一条`;
}

/** Keeps one row of a clash (engine.ts `resolveClash`), audited. */
export async function resolveClash(c: ClashView, keep: 'here' | 'incoming'): Promise<void> {
  const rep = currentReplication();
  if (!rep) throw new Error('未连接服务器，无法处理冲突');
  const name = recordName({ table: c.table, key: c.key, winner: c.incoming });
  await rep.resolveClash(c.docId, keep, () =>
    c.table === 'members'
      ? `合并重复登记的会员单位：${name}，保留${keep === 'here' ? '本工作站' : '另一工作站'}的记录，另一条记录的缴费、出席、活动、任职等并入；未保留的记录记入此条`
      : `处理重复登记：${name}，保留${keep === 'here' ? '本工作站' : '另一工作站'}的一条；未保留的记录记入此条`,
  );
}
