import {
  DEFAULT_CHARTER_SETTINGS,
  resolveCharterSettings,
  type CharterSettings,
} from '../../../../shared/charter';
import type { CharterSettingsInput } from '../../../../shared/charter';
import type { DeskDB } from '../../db/schema';
import { duesTrackedFrom, type LedgerData } from './ledger';
import { readBank, type BankSetting } from './writes';

/** The charter readings (设置 key 'charter'), with the defaults when missing or invalid. */
export async function readCharterSettings(d: DeskDB): Promise<CharterSettings> {
  const row = await d.settings.get('charter');
  try {
    return resolveCharterSettings((row?.value ?? {}) as CharterSettingsInput);
  } catch {
    return { ...DEFAULT_CHARTER_SETTINGS };
  }
}

export interface DuesData extends LedgerData {
  settings: CharterSettings;
  bank: BankSetting | undefined;
  /** First dues year tracked (see `duesTrackedFrom`). */
  trackedFrom: number;
  /** Whether `trackedFrom` is the clerk's setting (else derived from the payments). */
  trackedFromSet: boolean;
}

export const TRACKED_FROM_KEY = 'duesTrackedFrom';

export async function loadDuesData(d: DeskDB, asOf: string): Promise<DuesData> {
  return d.transaction('r', [d.members, d.tierChanges, d.duesOverrides, d.payments, d.settings], async () => {
    const [members, tierChanges, overrides, payments, settings, bank, tracked] = await Promise.all([
      d.members.toArray(),
      d.tierChanges.toArray(),
      d.duesOverrides.toArray(),
      d.payments.toArray(),
      readCharterSettings(d),
      readBank(d),
      d.settings.get(TRACKED_FROM_KEY),
    ]);
    const trackedFrom = duesTrackedFrom(payments, asOf, tracked?.value);
    return {
      members,
      tierChanges,
      overrides,
      payments,
      settings,
      bank,
      trackedFrom,
      trackedFromSet: trackedFrom === tracked?.value,
    };
  });
}
