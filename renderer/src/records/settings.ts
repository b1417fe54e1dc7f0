/**
 * The settings table's one owner (db.settings): every read and write of a setting goes through here.
 *
 * - 'charter': the charter readings the clerk can change (R-D1, R-O6, R-O9, R-W1), resolved by the engine.
 * - 'holidaySchedules': holiday schedules the clerk added for later years; the engine keeps schedules in
 *   memory, so they are registered again at every start, before the first render.
 * - 'bank': the account printed on dues notices; 'duesTrackedFrom': the first year of the dues ledger.
 * - 'importMapping': the roster import's remembered column mapping.
 * - 'documents': 公文设置 — the font scheme of exported Word documents, the 版头 default and its 标志.
 * - this workstation's names (工作站名称, 经办人): local-only, in db/local.ts, not in db.settings (issue 19).
 *
 * Every write is one transaction with its audit entry.
 */
import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import {
  resolveCharterSettings,
  setHolidaySchedule,
  type CharterSettings,
  type CharterSettingsInput,
  type HolidaySchedule,
} from '../../../shared/charter';
import type { FontScheme } from '../../../shared/documents/options';
import { DEFAULT_ISSUER } from '../../../shared/documents/options';
import type { DeskDB } from '../db/schema';
import { db } from '../db';
import { writeAudit } from '../db/audit';
import { LOCAL_KEYS, readLocal, subscribeLocal, writeLocal } from '../db/local';

export const CHARTER_KEY = 'charter';
export const HOLIDAYS_KEY = 'holidaySchedules';
export const BANK_KEY = 'bank';
export const TRACKED_FROM_KEY = 'duesTrackedFrom';
export const IMPORT_MAPPING_KEY = 'importMapping';

// ------------------------------------------------------------------ charter readings

function resolveStored(value: unknown): CharterSettings {
  try {
    return resolveCharterSettings((value ?? {}) as CharterSettingsInput);
  } catch {
    // A damaged stored value never blocks the desks: the charter's defaults apply.
    return resolveCharterSettings({});
  }
}

/** The charter readings (with the defaults when missing or invalid). */
export async function readCharterSettings(d: DeskDB = db): Promise<CharterSettings> {
  return resolveStored((await d.settings.get(CHARTER_KEY))?.value);
}

/** The current charter readings, live (the defaults until loaded). */
export function useCharterSettings(): CharterSettings {
  const row = useLiveQuery(() => db.settings.get(CHARTER_KEY), []);
  return resolveStored(row?.value);
}

/** 保存章程参数: checked by the engine (a Chinese message when not valid), audited. */
export async function saveCharterSettings(d: DeskDB, values: CharterSettingsInput): Promise<CharterSettings> {
  const resolved = resolveCharterSettings(values);
  await d.transaction('rw', d.settings, d.audit, async () => {
    const before = (await d.settings.get(CHARTER_KEY))?.value as object | undefined;
    await d.settings.put({ key: CHARTER_KEY, value: resolved });
    await writeAudit(d, {
      entity: 'settings',
      action: 'update',
      summary: '修改章程参数',
      before: before ?? {},
      after: resolved,
    });
  });
  return resolved;
}

// ------------------------------------------------------------------ holiday schedules

export async function readClerkHolidaySchedules(d: DeskDB = db): Promise<Record<string, HolidaySchedule>> {
  const row = await d.settings.get(HOLIDAYS_KEY);
  const value = row?.value;
  return value && typeof value === 'object' ? (value as Record<string, HolidaySchedule>) : {};
}

/** Registers the clerk's schedules with the engine; a damaged entry is skipped, not fatal. */
export async function registerClerkHolidaySchedules(d: DeskDB = db): Promise<string[]> {
  const problems: string[] = [];
  for (const [year, schedule] of Object.entries(await readClerkHolidaySchedules(d))) {
    try {
      setHolidaySchedule(Number(year), schedule);
    } catch (e) {
      problems.push(`${year} 年节假日安排无法使用：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return problems;
}

/** Saves one year's schedule (already checked by the engine's `parseHolidaySchedule`), audited. */
export async function saveHolidaySchedule(d: DeskDB, year: number, schedule: HolidaySchedule): Promise<void> {
  await d.transaction('rw', d.settings, d.audit, async () => {
    const current = await readClerkHolidaySchedules(d);
    const next = { ...current, [String(year)]: schedule };
    await d.settings.put({ key: HOLIDAYS_KEY, value: next });
    await writeAudit(d, {
      entity: 'settings',
      action: 'update',
      summary: `${current[String(year)] ? '修改' : '添加'} ${year} 年节假日安排（放假 ${schedule.holidays.length} 天，调休上班 ${schedule.workdays.length} 天）`,
    });
  });
}

// ------------------------------------------------------------------ dues: bank account, first ledger year

/** Bank details as stored under 'bank'. */
export interface BankSetting {
  accountName: string;
  bank: string;
  accountNo: string;
}

export const bankSchema = z.object({
  accountName: z.string().trim().min(1, '请填写户名'),
  bank: z.string().trim().min(1, '请填写开户行'),
  accountNo: z
    .string()
    .trim()
    .min(1, '请填写账号')
    .regex(/^[0-9 -]{6,40}$/, '账号应为数字（可含空格或短横线）'),
});

export async function readBank(d: DeskDB): Promise<BankSetting | undefined> {
  const row = await d.settings.get(BANK_KEY);
  const parsed = bankSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveBank(d: DeskDB, value: BankSetting): Promise<void> {
  const parsed = bankSchema.safeParse(value);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? '输入有误');
  await d.transaction('rw', [d.settings, d.audit], async () => {
    const before = await d.settings.get(BANK_KEY);
    await d.settings.put({ key: BANK_KEY, value: parsed.data });
    await writeAudit(d, {
      entity: 'settings',
      action: 'update',
      summary: '保存会费收款账户',
      before: (before?.value as object | undefined) ?? {},
      after: parsed.data,
    });
  });
}

/** 台账起始年度 as the clerk set it (undefined: derived from the payments, see dues/ledger.ts). */
export async function readTrackedFrom(d: DeskDB): Promise<unknown> {
  return (await d.settings.get(TRACKED_FROM_KEY))?.value;
}

/** 台账起始年度, audited. */
export async function saveTrackedFrom(d: DeskDB, year: number): Promise<void> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('年度无效');
  await d.transaction('rw', [d.settings, d.audit], async () => {
    const before = await d.settings.get(TRACKED_FROM_KEY);
    await d.settings.put({ key: TRACKED_FROM_KEY, value: year });
    await writeAudit(d, {
      entity: 'settings',
      action: 'update',
      summary: `会费台账起始年度设为 ${year} 年`,
      before: { duesTrackedFrom: before?.value ?? null },
      after: { duesTrackedFrom: year },
    });
  });
}

// ------------------------------------------------------------------ roster import: remembered mapping

/** The column mapping the roster import remembers (unchecked: the import validates what it reads). */
export async function readImportMapping(d: DeskDB): Promise<unknown> {
  return (await d.settings.get(IMPORT_MAPPING_KEY))?.value;
}

/** Remembers the roster import's column mapping (a convenience, not audited). */
export async function saveImportMapping(d: DeskDB, value: unknown): Promise<void> {
  await d.settings.put({ key: IMPORT_MAPPING_KEY, value });
}

// ------------------------------------------------------------------ 公文设置 (the documents' fonts and 版头)

export const DOCUMENTS_KEY = 'documents';

export interface DocumentSettings {
  /** 'auto': the scheme whose faces this machine has (fonts.ts); else the one chosen. */
  fontScheme: 'auto' | FontScheme;
  /** New 发文 drafts print a 版头 (the seed notice has none): default off. */
  letterheadDefault: boolean;
  /** 发文机关标志 of the 版头. */
  letterheadMark: string;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  fontScheme: 'auto',
  letterheadDefault: false,
  letterheadMark: DEFAULT_ISSUER,
};

/** The stored value, checked field by field (a damaged value falls back to the defaults). */
export function resolveDocumentSettings(value: unknown): DocumentSettings {
  const v =
    value && typeof value === 'object' ? (value as Partial<Record<keyof DocumentSettings, unknown>>) : {};
  const scheme = v.fontScheme === 'gb2312' || v.fontScheme === 'windows' ? v.fontScheme : 'auto';
  const mark =
    typeof v.letterheadMark === 'string' && v.letterheadMark.trim() !== ''
      ? v.letterheadMark.trim()
      : DEFAULT_ISSUER;
  return { fontScheme: scheme, letterheadDefault: v.letterheadDefault === true, letterheadMark: mark };
}

export async function readDocumentSettings(d: DeskDB = db): Promise<DocumentSettings> {
  return resolveDocumentSettings((await d.settings.get(DOCUMENTS_KEY))?.value);
}

export function useDocumentSettings(): DocumentSettings {
  const row = useLiveQuery(() => db.settings.get(DOCUMENTS_KEY), []);
  return resolveDocumentSettings(row?.value);
}

/** 保存公文设置, audited. */
export async function saveDocumentSettings(d: DeskDB, values: DocumentSettings): Promise<DocumentSettings> {
  const resolved = resolveDocumentSettings(values);
  await d.transaction('rw', d.settings, d.audit, async () => {
    const before = (await d.settings.get(DOCUMENTS_KEY))?.value as object | undefined;
    await d.settings.put({ key: DOCUMENTS_KEY, value: resolved });
    await writeAudit(d, {
      entity: 'settings',
      action: 'update',
      summary: '修改公文设置',
      before: before ?? {},
      after: resolved,
    });
  });
  return resolved;
}

// ------------------------------------------------------------------ this workstation (local-only, issue 19)

/**
 * The names of this workstation and of the clerk at it: local-only settings (db/local.ts — never
 * replicated, not in backups, not replaced by a restore). Every audit entry written here carries them
 * (db/audit.ts); 设置 → 本工作站 and 设置 → 多人协作 edit them through saveLocalSettings.
 */
export const LOCAL_WORKSTATION_NAME_KEY = LOCAL_KEYS.workstationName;
export const LOCAL_CLERK_NAME_KEY = LOCAL_KEYS.clerkName;

export interface LocalSettings {
  /** 工作站名称, e.g. 秘书处-会费 or 会议室笔记本; '' until set. */
  workstationName: string;
  /** 经办人: the clerk at this workstation; '' until set. */
  clerkName: string;
}

const localName = (label: string) =>
  z
    .string()
    .trim()
    .max(40, `${label}不能超过 40 个字`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label}不能含控制字符`);

export const localSettingsSchema = z.object({
  workstationName: localName('工作站名称'),
  clerkName: localName('经办人'),
});

function storedName(key: string): string {
  const v = readLocal(key);
  return typeof v === 'string' ? v : '';
}

/** This workstation's names as stored ('' when not set). */
export function readLocalSettings(): LocalSettings {
  return {
    workstationName: storedName(LOCAL_WORKSTATION_NAME_KEY),
    clerkName: storedName(LOCAL_CLERK_NAME_KEY),
  };
}

let localSnapshot: LocalSettings = readLocalSettings();
function localSettingsSnapshot(): LocalSettings {
  const now = readLocalSettings();
  if (now.workstationName !== localSnapshot.workstationName || now.clerkName !== localSnapshot.clerkName)
    localSnapshot = now;
  return localSnapshot;
}

/** This workstation's names, live (re-rendered when they are saved here or in another window). */
export function useLocalSettings(): LocalSettings {
  return useSyncExternalStore(subscribeLocal, localSettingsSnapshot, localSettingsSnapshot);
}

/**
 * Saves this workstation's names (checked: trimmed, at most 40 characters; a Chinese message otherwise).
 * The change is audited: the entry names the workstation and clerk as they are after it.
 */
export async function saveLocalSettings(d: DeskDB, values: Partial<LocalSettings>): Promise<LocalSettings> {
  const before = readLocalSettings();
  const parsed = localSettingsSchema.safeParse({ ...before, ...values });
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? '输入有误');
  const after = parsed.data;
  if (after.workstationName === before.workstationName && after.clerkName === before.clerkName) return after;
  writeLocal(LOCAL_WORKSTATION_NAME_KEY, after.workstationName);
  writeLocal(LOCAL_CLERK_NAME_KEY, after.clerkName);
  const text = (s: string) => s || '（未填写）';
  const parts: string[] = [];
  if (after.workstationName !== before.workstationName)
    parts.push(`工作站名称 ${text(before.workstationName)} → ${text(after.workstationName)}`);
  if (after.clerkName !== before.clerkName)
    parts.push(`经办人 ${text(before.clerkName)} → ${text(after.clerkName)}`);
  await d.transaction('rw', d.audit, () =>
    writeAudit(d, { entity: 'settings', action: 'update', summary: `修改本工作站设置：${parts.join('；')}` }),
  );
  return after;
}
