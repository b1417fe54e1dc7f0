/**
 * A form open on a stored record while the record changes under it (another workstation's edit through the
 * office's server, a restore): a three-way comparison per field of what the form opened with (`base`), what
 * it shows now (`mine`) and what is stored now (`theirs`). A field the clerk has not changed takes the stored
 * value; a field the clerk changed keeps the clerk's value, and is named when the stored value changed too
 * (both changed it, differently). Nothing typed is replaced, and a 保存 does not write back old values of
 * fields the clerk never touched.
 *
 * Fields are the leaves of plain objects (a list is one field); '', null and undefined are the same
 * "not filled in", and text is compared without the spaces at its ends.
 */
import { stableJson } from '../sync/codec';

export interface FollowedFields {
  /** Fields to show the stored value in (the clerk had not changed them). */
  take: { path: string[]; value: unknown }[];
  /** Fields both the clerk and the stored record changed, differently: the clerk's value stays. */
  conflicts: string[][];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  );
}

function leaves(v: unknown, prefix: string[], out: Map<string, string[]>): void {
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) leaves(x, [...prefix, k], out);
    return;
  }
  if (prefix.length) out.set(JSON.stringify(prefix), prefix);
}

/** The value at a field's path (through plain objects only). */
export function valueAt(v: unknown, path: readonly string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/**
 * Whether two values of a field are the same: '', null and undefined alike, and text by what it says (spaces
 * and line breaks at its ends aside: a save stores it trimmed, and that is not another's change).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (x: unknown) => (typeof x === 'string' ? x.trim() : x);
  const blank = (x: unknown) => x === '' || x === null || x === undefined;
  const [x, y] = [norm(a), norm(b)];
  if (blank(x) || blank(y)) return blank(x) && blank(y);
  return stableJson(x) === stableJson(y);
}

/**
 * What a form's 保存 writes when the record may have changed since the form opened (another workstation):
 * per field (top level), the clerk's value where the clerk changed it from what the form opened with
 * (`sameValue`), else the stored one. Only the fields of `opened` and `typed`.
 */
export function changedSinceOpened<T extends object>(opened: T, typed: T, stored: Partial<T>): T {
  const o = opened as Record<string, unknown>;
  const t = typed as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(o), ...Object.keys(t)]))
    out[k] = sameValue(t[k], o[k]) ? (stored as Record<string, unknown>)[k] : t[k];
  return out as T;
}

export function followStored(base: unknown, mine: unknown, theirs: unknown): FollowedFields {
  const paths = new Map<string, string[]>();
  for (const v of [base, mine, theirs]) leaves(v, [], paths);
  const out: FollowedFields = { take: [], conflicts: [] };
  for (const path of paths.values()) {
    const b = valueAt(base, path);
    const t = valueAt(theirs, path);
    if (sameValue(t, b)) continue;
    const m = valueAt(mine, path);
    if (sameValue(m, b)) out.take.push({ path, value: t });
    else if (!sameValue(m, t)) out.conflicts.push(path);
  }
  return out;
}

/**
 * When a form shows its stored record exactly (every stored field as stored), the form's own fields that
 * are not the record's and still hold something (章程参数's 新会费标准适用于 after the save that used it):
 * cleared, they leave the form as the record, with nothing unsaved. Null while a stored field differs.
 */
export function formOnlyLeftovers(mine: unknown, stored: unknown): string[][] | null {
  const storedPaths = new Map<string, string[]>();
  leaves(stored, [], storedPaths);
  for (const path of storedPaths.values())
    if (!sameValue(valueAt(mine, path), valueAt(stored, path))) return null;
  const minePaths = new Map<string, string[]>();
  leaves(mine, [], minePaths);
  return [...minePaths.entries()]
    .filter(([k, path]) => !storedPaths.has(k) && !sameValue(valueAt(mine, path), undefined))
    .map(([, path]) => path);
}
