/**
 * Member roster import: parse → preview (RosterRow problems) → commit in ONE transaction with an
 * ImportBatch, `importBatchId`, searchText, contact/tier history and audit → undo as a whole.
 */
import { DataError } from '../../../shared/data/errors';
import {
  rowToFields,
  type ExistingKeys,
  type RememberedMapping,
  type RosterRow,
} from '../../../shared/data/roster';
import type { ImportBatch, Member } from '../../../shared/domain/records';
import { buildSearchText } from '../../../shared/search/searchText';
import type { DeskDB } from '../db/schema';
import { appendAudit } from '../db/audit';
import { addImportedMembers, removeImportedMembers } from '../records/members';
import { readSheetRows } from './spreadsheet';
import { parseRosterRows, searchTextKey, type ParsedRoster, type SearchTexts } from './rosterRows';

export { mapAll, parseRosterRows, type ParsedRoster, type SearchTexts } from './rosterRows';

/** Reads the file and guesses (or recalls) the column mapping. Throws DataError (Chinese) when unreadable. */
export function parseRosterFile(
  fileName: string,
  bytes: Uint8Array,
  remembered?: RememberedMapping,
): ParsedRoster {
  return parseRosterRows(fileName, readSheetRows(fileName, bytes).rows, remembered);
}

export async function existingKeys(db: DeskDB): Promise<ExistingKeys> {
  const creditCodes = new Map<string, string>();
  const names = new Map<string, string>();
  await db.members.each((m) => {
    creditCodes.set(m.creditCode, m.name);
    names.set(m.name, m.creditCode);
  });
  return { creditCodes, names };
}

/** The member records an import writes for its rows: active, searchable, marked with their batch. */
export function memberRecords(
  rows: readonly RosterRow[],
  batchId: number,
  now: string,
  searchTexts?: SearchTexts | null,
): Member[] {
  return rows.map((r) => {
    const f = rowToFields(r.values);
    // Computed in the Worker while the clerk looked at the preview, when the row still reads the same.
    const pre = searchTexts?.get(r.line);
    return {
      ...f,
      status: 'active',
      searchText: pre && pre.key === searchTextKey(f) ? pre.text : buildSearchText(f),
      importBatchId: batchId,
      createdAt: now,
      updatedAt: now,
    };
  });
}

export interface CommitResult {
  batchId: number;
  count: number;
}

/**
 * Adds the rows (all must be problem-free) as active members in one transaction. Re-checks duplicates
 * inside the transaction; any failure writes nothing.
 */
export async function commitImport(
  db: DeskDB,
  fileName: string,
  rows: readonly RosterRow[],
  opts: {
    onProgress?: (done: number, total: number) => void;
    /** Search texts computed ahead (sheetOffThread.ts); rows not in it, or changed since, are computed here. */
    searchTexts?: SearchTexts | null;
  } = {},
): Promise<CommitResult> {
  if (rows.length === 0) throw new DataError('没有可导入的行。');
  if (rows.some((r) => r.problems.length)) throw new DataError('还有未处理的问题行：请修改或跳过后再导入。');
  const now = new Date().toISOString();
  return db.transaction('rw', [db.members, db.imports, db.audit], async () => {
    // What can have changed since the preview checked these rows is the database alone (a row's own
    // fields and the file's duplicates are as checked): each row against the members stored now — one
    // lookup per row, not the whole validation again.
    const conflict = conflictWithDb(rows, await existingKeys(db));
    if (conflict) throw new DataError(`${conflict}（数据库已变化，请重新导入）`);
    const batch: ImportBatch = { at: now, fileName, count: rows.length };
    const batchId = (await db.imports.add(batch)) as number;
    const total = rows.length;
    let done = 0;
    // Each chunk's records are built while the previous chunk is being written (IndexedDB writes run
    // in the browser's backend, beside this thread).
    let writing: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const members = memberRecords(chunk, batchId, now, opts.searchTexts);
      await writing;
      // Only the member records: their first tier and people are their own fields, dated from
      // approval (shared/domain/initialHistory.ts), and the batch's audit entry names them all.
      writing = addImportedMembers(db, members).then(() => {
        done += chunk.length;
        opts.onProgress?.(done, total);
      });
    }
    await writing;
    await appendAudit(db, {
      at: now,
      entity: 'imports',
      entityId: batchId,
      action: 'import',
      summary: `导入会员名册“${fileName}”：新增 ${rows.length} 家会员单位（导入批次 #${batchId}）：${names(rows)}`,
    });
    return { batchId, count: rows.length };
  });
}

/**
 * The first row whose credit code or name a stored member already has, as validateRows words it
 * (`第 N 行：…`), or null.
 */
export function conflictWithDb(rows: readonly RosterRow[], existing: ExistingKeys): string | null {
  for (const r of rows) {
    const { creditCode, name } = r.values;
    const byCode = creditCode ? existing.creditCodes.get(creditCode) : undefined;
    if (byCode !== undefined) return `第 ${r.line} 行：该信用代码已属于现有会员“${byCode}”`;
    const byName = name ? existing.names.get(name) : undefined;
    if (byName !== undefined) return `第 ${r.line} 行：已有同名会员单位（信用代码 ${byName}）`;
  }
  return null;
}

/** The imported units' names for the batch's audit entry: all of them up to 50, then the first 50 and a count. */
function names(rows: readonly RosterRow[]): string {
  const all = rows.map((r) => r.values.name);
  return all.length <= 50 ? all.join('、') : `${all.slice(0, 50).join('、')} 等 ${all.length} 家`;
}

/** Tables whose rows point at a member: an import cannot be undone once any of them refers to its members. */
const MEMBER_REFS = [
  'payments',
  'duesOverrides',
  'attendance',
  'ballots',
  'participations',
  'offices',
  'enrolments',
  'certificates',
  'applications',
] as const;

/**
 * Undoes an import batch: removes its members (and the contact/tier history the import wrote),
 * marks the batch undone, and keeps every removed row inside the audit entry so it can be redone.
 * Refused when other records already refer to those members.
 */
export async function undoImport(db: DeskDB, batchId: number): Promise<number> {
  const tables = [
    db.members,
    db.contactChanges,
    db.tierChanges,
    db.imports,
    db.audit,
    ...MEMBER_REFS.map((t) => db.table(t)),
  ];
  return db.transaction('rw', tables, async () => {
    const batch = await db.imports.get(batchId);
    if (!batch) throw new DataError('找不到该导入批次。');
    if (batch.undone) throw new DataError('该导入批次已经撤销过了。');
    const members = await db.members.where('importBatchId').equals(batchId).toArray();
    const ids = members.map((m) => m.id!);
    const idSet = new Set(ids);
    for (const t of MEMBER_REFS) {
      const used = await db
        .table(t)
        .filter((r: { memberId?: number }) => r.memberId !== undefined && idSet.has(r.memberId))
        .first();
      if (used) {
        const m = members.find((x) => x.id === (used as { memberId: number }).memberId);
        throw new DataError(
          `无法撤销：导入的会员“${m?.name ?? ''}”已有其他记录（如缴费、会议出席），请改为逐家办理退会或更正。`,
        );
      }
    }
    const now = new Date().toISOString();
    const { contacts, tiers } = await removeImportedMembers(db, members);
    await db.imports.update(batchId, { undone: { at: now } });
    const names = members.map((m) => m.name);
    await appendAudit(db, {
      at: now,
      entity: 'imports',
      entityId: batchId,
      action: 'undo',
      summary: `撤销导入批次 #${batchId}（${batch.fileName}）：移除 ${members.length} 家会员单位：${names.join('、')}`,
      changes: [
        { field: 'members', before: members, after: null },
        { field: 'contactChanges', before: contacts, after: null },
        { field: 'tierChanges', before: tiers, after: null },
      ],
    });
    await appendAudit(
      db,
      members.map((m) => ({
        at: now,
        entity: 'members',
        entityId: m.id!,
        memberId: m.id!,
        action: 'undo' as const,
        summary: `撤销导入：${m.name}（导入批次 #${batchId}）`,
      })),
    );
    return members.length;
  });
}
