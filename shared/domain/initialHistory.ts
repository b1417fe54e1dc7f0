/**
 * A member's initial tier and representative/contact, as history records. A roster import stores only
 * the member records (one IndexedDB write per member instead of five: npm run bench, import); their
 * starting tier and people are the member's own fields, dated from approval. These functions give
 * those implicit first records, for display and for writing them down just before the first change
 * (so the tier held in earlier years, R-D5, and the earlier people, R-M5, are never lost).
 */
import type { ContactChange, Member, TierChange } from './records';

export type ContactRole = ContactChange['role'];

/** The date the member's own fields hold from: its approval, else the day it was recorded. */
export function initialDate(m: Pick<Member, 'approvedOn' | 'createdAt'>): string {
  return m.approvedOn ?? m.createdAt.slice(0, 10);
}

export function initialTierChange(m: Member, recordedAt: string): TierChange {
  return {
    memberId: m.id!,
    tier: m.tier,
    effectiveFrom: initialDate(m),
    reason: m.importBatchId !== undefined ? `入会时级别（名册导入批次 #${m.importBatchId}）` : '入会时级别',
    recordedAt,
  };
}

export function initialContactChange(m: Member, role: ContactRole, recordedAt: string): ContactChange {
  return { memberId: m.id!, role, person: m[role], noticeOn: initialDate(m), recordedAt };
}

/**
 * The histories as the member file shows them: the stored records, plus the implicit first record for a
 * tier or role that has none stored (marked by having no id).
 */
export function withInitialHistory(
  m: Member,
  contacts: readonly ContactChange[],
  tiers: readonly TierChange[],
): { contacts: ContactChange[]; tiers: TierChange[] } {
  const outContacts = [...contacts];
  for (const role of ['representative', 'contact'] as const) {
    if (m[role].name && !contacts.some((c) => c.role === role))
      outContacts.push(initialContactChange(m, role, m.createdAt));
  }
  const outTiers = tiers.length ? [...tiers] : [initialTierChange(m, m.createdAt)];
  return { contacts: outContacts, tiers: outTiers };
}
