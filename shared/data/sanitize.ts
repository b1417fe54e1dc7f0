/**
 * Sanitising untrusted input (backups, spreadsheets, CSV). Pure.
 * - JSON: keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are dropped.
 * - Text cells: control characters are removed (tab/newline become spaces), length is capped.
 */
import { DataError } from './errors';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest text accepted in one spreadsheet cell; longer cells make the row an error. */
export const MAX_CELL_CHARS = 2000;

/**
 * `JSON.parse` that never yields a prototype-polluting key anywhere in the tree. Throws `DataError`
 * (with `what` naming the thing being read) when the text is not JSON.
 */
export function safeJsonParse(text: string, what = '文件内容'): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch {
    throw new DataError(`${what}不是有效的 JSON：文件可能已损坏或不完整。`);
  }
}

/** True when any object in the tree has a forbidden own key (used by tests and defensive checks). */
export function hasForbiddenKeys(value: unknown, depth = 0): boolean {
  if (depth > 200 || value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return true;
    if (hasForbiddenKeys((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

// C0 controls except \t \n \r, DEL, C1 controls, zero-width and bidi overrides (used to disguise text).
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Removes control characters; tabs and line breaks become single spaces; trims. */
export function cleanCell(raw: string): string {
  return raw
    .replace(CONTROL, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** True when the text contains characters `cleanCell` removes (other than surrounding whitespace). */
export function hadControlChars(raw: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(raw);
}
