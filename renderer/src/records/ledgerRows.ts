/**
 * The rows every dues ledger is computed from — members, their tier history, the overrides and the payments
 * (R-D1 … R-D7) — read whole: the engine may apply a payment to any year (R-D7). A read model used by 首页,
 * 会费 and the 年度报告's dues part alike; call it inside a read transaction over LEDGER_TABLES.
 */
import type { LedgerData } from '../../../shared/report/ledger';
import type { DeskDB } from '../db/schema';

export const LEDGER_TABLES = ['members', 'tierChanges', 'duesOverrides', 'payments'] as const;

export async function readLedgerRows(db: DeskDB): Promise<LedgerData> {
  const [members, tierChanges, overrides, payments] = await Promise.all([
    db.members.toArray(),
    db.tierChanges.toArray(),
    db.duesOverrides.toArray(),
    db.payments.toArray(),
  ]);
  return { members, tierChanges, overrides, payments };
}
