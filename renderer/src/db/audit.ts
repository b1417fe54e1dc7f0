import type { AuditAction, AuditEntry } from '../../../shared/domain/records';
import { fieldChanges } from '../../../shared/domain/audit';
import type { DeskDB } from './schema';

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
 * Appends entries written out in full (a batch's entry that lists what it did, one entry per member of a
 * batch). Call it inside the same `db.transaction` as the change it records.
 */
export async function appendAudit(db: DeskDB, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  if (Array.isArray(entries)) await db.audit.bulkAdd([...entries]);
  else await db.audit.add(entries as AuditEntry);
}

/** Appends one audit entry. Call it inside the same `db.transaction` as the change it records. */
export async function writeAudit(db: DeskDB, input: AuditInput): Promise<void> {
  const entry: AuditEntry = {
    at: new Date().toISOString(),
    entity: input.entity,
    action: input.action,
    summary: input.summary,
  };
  if (input.entityId !== undefined) entry.entityId = input.entityId;
  if (input.memberId !== undefined) entry.memberId = input.memberId;
  if (input.before || input.after) {
    const changes = fieldChanges(input.before, input.after);
    if (changes.length) entry.changes = changes;
  }
  await db.audit.add(entry);
}
