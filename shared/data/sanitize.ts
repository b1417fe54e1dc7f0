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

/**
 * `JSON.parse` that refuses (DataError) any object key `__proto__`, `constructor` or `prototype`
 * anywhere in the tree: for backup contents, where such a key has no legitimate use and is the first
 * step of prototype pollution by whatever later walks or revives the tree.
 */
export function strictJsonParse(text: string, what = '文件内容'): unknown {
  let bad: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (bad === undefined && FORBIDDEN_KEYS.has(key)) bad = key;
      return v;
    });
  } catch {
    throw new DataError(`${what}不是有效的 JSON：文件可能已损坏或不完整。`);
  }
  if (bad !== undefined) throw forbiddenKeyError(what, bad);
  return value;
}

export function forbiddenKeyError(what: string, key: string): DataError {
  return new DataError(
    `${what}中含有不允许的键名“${key.slice(0, 80)}”（可用于篡改程序的对象原型），已拒绝读取。`,
  );
}

/**
 * True when a dotted key path (typeson's `$types` keys: `a.b~1c`, `~1` an escaped dot, `~0` a tilde)
 * has a segment `__proto__`, `constructor` or `prototype`, escaped or not.
 */
export function keyPathHasForbidden(keyPath: string): boolean {
  for (const raw of keyPath.split('.')) {
    if (FORBIDDEN_KEYS.has(raw)) return true;
    if (raw.includes('~') && FORBIDDEN_KEYS.has(raw.replace(/~1/g, '.').replace(/~0/g, '~'))) return true;
  }
  // An escaped dot hides a segment boundary only after unescaping: check those segments as well.
  if (keyPath.includes('~1')) {
    for (const seg of keyPath.replace(/~1/g, '.').split('.')) if (FORBIDDEN_KEYS.has(seg)) return true;
  }
  return false;
}

/**
 * A shallow copy without the keys `strictJsonParse` refuses: for records keyed by what a file said (a
 * roster's column headers), so that what the app stores can always be backed up and restored.
 */
export function withoutForbiddenKeys<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!FORBIDDEN_KEYS.has(k)) out[k] = v;
  return out as T;
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
