import type { AuditAction, AuditEntry } from '../../../shared/domain/records';
import { fieldChanges } from '../../../shared/domain/audit';
import type { EntityTable, InsertType } from 'dexie';
import type { DeskDB } from './schema';
import { LOCAL_KEYS, readLocal } from './local';

export interface AuditInput {
  entity: string;
  entityId?: number;
  memberId?: number;
  action: AuditAction;
  summary: string;
  before?: object;
  after?: object;
}

/**
 * Who writes (issue 19): this workstation's name and the clerk's, as set in 设置 (local-only settings,
 * db/local.ts; read synchronously, so it is safe inside the caller's transaction). Absent when not set.
 */
export function auditAuthor(): Pick<AuditEntry, 'workstation' | 'clerk'> {
  const out: Pick<AuditEntry, 'workstation' | 'clerk'> = {};
  const workstation = readLocal(LOCAL_KEYS.workstationName);
  const clerk = readLocal(LOCAL_KEYS.clerkName);
  if (typeof workstation === 'string' && workstation.trim()) out.workstation = workstation.trim();
  if (typeof clerk === 'string' && clerk.trim()) out.clerk = clerk.trim();
  return out;
}

/**
 * Appends entries written out in full (a batch's entry that lists what it did, one entry per member of a
 * batch), each named with this workstation and clerk unless it names them already. Call it inside the same
 * `db.transaction` as the change it records.
 */
export async function appendAudit(db: DeskDB, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const author = auditAuthor();
  const named = (e: AuditEntry): AuditEntry => ({ ...author, ...e });
  if (Array.isArray(entries)) await db.audit.bulkAdd((entries as readonly AuditEntry[]).map(named));
  else await db.audit.add(named(entries as AuditEntry));
}

/** Appends one audit entry. Call it inside the same `db.transaction` as the change it records. */
export async function writeAudit(db: DeskDB, input: AuditInput): Promise<void> {
  const entry: AuditEntry = {
    at: new Date().toISOString(),
    entity: input.entity,
    action: input.action,
    summary: input.summary,
    ...auditAuthor(),
  };
  if (input.entityId !== undefined) entry.entityId = input.entityId;
  if (input.memberId !== undefined) entry.memberId = input.memberId;
  if (input.before || input.after) {
    const changes = fieldChanges(input.before, input.after);
    if (changes.length) entry.changes = changes;
  }
  await db.audit.add(entry);
}

/**
 * Adds a row and the audit entry that records it, in the caller's transaction (which must include the table
 * and db.audit): the entry names the table and the new row's id, with `action` 'create' unless said.
 * Resolves to the new row's id. (The owner scan, test/unit/architecture/owners, sees the table passed.)
 */
export async function addAudited<T extends { id?: number }>(
  db: DeskDB,
  table: EntityTable<T, 'id'>,
  row: InsertType<T, 'id'>,
  entry: Omit<AuditInput, 'entity' | 'entityId' | 'action'> & { action?: AuditAction },
): Promise<number> {
  const id = (await table.add(row)) as number;
  await writeAudit(db, { entity: table.name, entityId: id, action: 'create', ...entry });
  return id;
}
