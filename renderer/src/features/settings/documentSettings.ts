/**
 * 公文设置: the stored setting (font scheme, 版头 default and 标志) is read and written by records/settings.ts;
 * this module adds what needs this machine: the official faces it has (fonts.ts) and the scheme in effect.
 */
import type { FontScheme } from '../../../../shared/documents';
import type { DeskDB } from '../../db/schema';
import { db } from '../../db';
import { readDocumentSettings, type DocumentSettings } from '../../records/settings';
import { detectOfficialFonts, recommendedScheme, type FontDetection } from './fonts';
import { exportOptions, type ExportOptions } from './exportOptions';
import { desk } from '../../platform';

export {
  DEFAULT_DOCUMENT_SETTINGS,
  readDocumentSettings,
  resolveDocumentSettings,
  saveDocumentSettings,
  useDocumentSettings,
  type DocumentSettings,
} from '../../records/settings';

/** The scheme in effect: the chosen one, or for 'auto' the one the detected fonts recommend. */
export function effectiveScheme(s: DocumentSettings, detection: FontDetection | undefined): FontScheme {
  if (s.fontScheme !== 'auto') return s.fontScheme;
  return detection ? recommendedScheme(detection).scheme : 'gb2312';
}

/**
 * The fonts found once a session, through the contract (Electron: the main process reads the font files;
 * the browser: queryLocalFonts(), which may prompt). Fonts rarely change meanwhile.
 */
let detected: Promise<FontDetection> | undefined;
export function sessionFontDetection(): Promise<FontDetection> {
  detected ??= detectOfficialFonts(() => desk.listFonts());
  return detected;
}

/**
 * The builders' options from 公文设置 (the font scheme in effect), for every Word export: the one function
 * each word.ts mapping's options come from (their parameter type, ExportOptions, is made only here).
 */
export async function documentOptionsFromSettings(d: DeskDB = db): Promise<ExportOptions> {
  const s = await readDocumentSettings(d);
  const scheme = s.fontScheme === 'auto' ? effectiveScheme(s, await sessionFontDetection()) : s.fontScheme;
  return exportOptions({ fontScheme: scheme });
}
