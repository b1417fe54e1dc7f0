/**
 * Writes a member's implicit first tier or contact record (shared/domain/initialHistory.ts) just before
 * its first change, inside the caller's transaction (which must include the history table).
 */
import type { Member } from '../../../shared/domain/records';
import {
  initialContactChange,
  initialTierChange,
  type ContactRole,
} from '../../../shared/domain/initialHistory';
import type { DeskDB } from './schema';

export async function ensureInitialTier(db: DeskDB, m: Member, at: string): Promise<void> {
  if ((await db.tierChanges.where('memberId').equals(m.id!).count()) === 0)
    await db.tierChanges.add(initialTierChange(m, at));
}

export async function ensureInitialContact(
  db: DeskDB,
  m: Member,
  role: ContactRole,
  at: string,
): Promise<void> {
  if (!m[role].name) return;
  if ((await db.contactChanges.where('[memberId+role]').equals([m.id!, role]).count()) === 0)
    await db.contactChanges.add(initialContactChange(m, role, at));
}
