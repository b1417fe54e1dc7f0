import type { CharterSettings } from '../../../../shared/charter';
import type { DeskDB } from '../../db/schema';
import { LEDGER_TABLES, readLedgerRows } from '../../records/ledgerRows';
import { duesTrackedFrom, type LedgerData } from './ledger';
import { readBank, readCharterSettings, readTrackedFrom, type BankSetting } from '../../records/settings';

export interface DuesData extends LedgerData {
  settings: CharterSettings;
  bank: BankSetting | undefined;
  /** First dues year tracked (see `duesTrackedFrom`). */
  trackedFrom: number;
  /** Whether `trackedFrom` is the clerk's setting (else derived from the payments). */
  trackedFromSet: boolean;
}

/** The tables the dues desk reads (its session cache is stale when one of them changes). */
export const DUES_TABLES = [...LEDGER_TABLES, 'settings'] as const;

export async function loadDuesData(d: DeskDB, asOf: string): Promise<DuesData> {
  return d.transaction(
    'r',
    DUES_TABLES.map((t) => d.table(t)),
    async () => {
      const [rows, settings, bank, tracked] = await Promise.all([
        readLedgerRows(d),
        readCharterSettings(d),
        readBank(d),
        readTrackedFrom(d),
      ]);
      const trackedFrom = duesTrackedFrom(rows.payments, asOf, tracked);
      return {
        ...rows,
        settings,
        bank,
        trackedFrom,
        trackedFromSet: trackedFrom === tracked,
      };
    },
  );
}
