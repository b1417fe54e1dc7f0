/**
 * The rows every dues ledger is computed from — members, their tier history, the overrides and the payments
 * (R-D1 … R-D7) — read whole: the engine may apply a payment to any year (R-D7). A read model used by 首页,
 * 会费 and the 年度报告's dues part alike; call it inside a read transaction over LEDGER_TABLES.
 */
import { duesTrackedFrom, type LedgerData } from '../../../shared/report/ledger';
import type { DeskDB } from '../db/schema';
import { readTrackedFrom } from './settings';

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

/**
 * The first tracked dues year (`duesTrackedFrom`) without reading every payment: the clerk's setting, else
 * the year of the earliest non-voided payment (the payments' year index, read up to the first one).
 */
export async function trackedFromOf(db: DeskDB, asOf: string): Promise<{ year: number; setting: unknown }> {
  const [setting, first] = await Promise.all([
    readTrackedFrom(db),
    db.payments
      .orderBy('year')
      .filter((p) => !p.voided)
      .first(),
  ]);
  return { year: duesTrackedFrom(first ? [first] : [], asOf, setting), setting };
}
