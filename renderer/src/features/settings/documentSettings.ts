/**
 * 公文设置 (setting 'documents'): the font scheme of exported Word documents and whether new 发文 drafts get
 * a 版头 (GB/T 9704-2012 §7.2) by default, with its 发文机关标志. Written like every setting: one transaction
 * with its audit entry (as renderer/src/records/settings.ts does for the others).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocOptions, FontScheme } from '../../../../shared/documents';
import { DEFAULT_ISSUER } from '../../../../shared/documents';
import type { DeskDB } from '../../db/schema';
import { db } from '../../db';
import { writeAudit } from '../../db/audit';
import { detectOfficialFonts, recommendedScheme, type FontDetection } from './fonts';

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

/** The scheme in effect: the chosen one, or for 'auto' the one the detected fonts recommend. */
export function effectiveScheme(s: DocumentSettings, detection: FontDetection | undefined): FontScheme {
  if (s.fontScheme !== 'auto') return s.fontScheme;
  return detection ? recommendedScheme(detection).scheme : 'gb2312';
}

/** The fonts found once a session (the query may prompt for permission; fonts rarely change meanwhile). */
let detected: Promise<FontDetection> | undefined;
export function sessionFontDetection(): Promise<FontDetection> {
  detected ??= detectOfficialFonts();
  return detected;
}

/** The builders' options from the settings (the font scheme), for exports. */
export async function documentOptionsFromSettings(d: DeskDB = db): Promise<DocOptions> {
  const s = await readDocumentSettings(d);
  const scheme = s.fontScheme === 'auto' ? effectiveScheme(s, await sessionFontDetection()) : s.fontScheme;
  return { fontScheme: scheme };
}
