/**
 * A conflict as the clerk decides it (issue 19): the choices between the two versions of a record, and the
 * record that results. Pure: renderer/src/sync/conflicts.ts reads the versions from the replica and writes
 * the result; 设置 → 多人协作's dialog shows the choices.
 *
 * - A setting is chosen by the fields of its value (章程参数's 任期, 会费标准 …), not as one opaque value; a
 *   setting whose value is not an object (会费台账起始年度) is one choice named by its key.
 * - Fields that only make sense together are one choice: 章程参数's current 会费标准 and the schedules before
 *   it (R-D1) — the current amounts of one version with the other's history would bill the change to the
 *   wrong years.
 * - Fields the app keeps itself are no choice: the member's search text follows the name it was made from;
 *   the time of the last change is the resolution's own.
 * - The values read as the audit trail reads them (shared/data/auditView.ts): labelled, formatted, never JSON.
 */
import { fieldLabel, flattenChanges, formatValue, type AuditNames } from '../data/auditView';
import { fileSizeText } from '../data/fileName';
import type { FieldChange } from '../domain/records';
import { differingFields, mergePicked, stableJson } from './codec';

/** The settings rows by their Chinese names (the sections of 设置 that write them). */
export const SETTING_NAMES: Readonly<Record<string, string>> = {
  charter: '章程参数',
  holidaySchedules: '节假日安排',
  bank: '会费收款账户',
  duesTrackedFrom: '会费台账起始年度',
  documents: '公文设置',
};

/** Field → the field it follows (taken with it, never chosen on its own). */
const FOLLOWS: Readonly<Record<string, string>> = { searchText: 'name' };
export const STAMPED = 'updatedAt';
const KEPT_BY_APP = new Set([...Object.keys(FOLLOWS), STAMPED]);

/** Fields chosen together, per table (the first names the choice). */
const TOGETHER: Readonly<Record<string, readonly (readonly string[])[]>> = {
  settings: [['duesSchedule', 'earlierDuesSchedules']],
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Blob);
}

/** The fields the clerk chooses between in a row of `table`: a setting's value's own fields. */
export function conflictFields(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'settings') return row;
  const value = row.value;
  return isPlainObject(value) ? { ...value } : { [String(row.key)]: value };
}

/** The row of `table` with these fields (the inverse of conflictFields, on the winner's row). */
export function rowOfFields(
  table: string,
  winner: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  if (table !== 'settings') return fields;
  if (isPlainObject(winner.value)) return { ...winner, value: fields };
  return { ...winner, value: fields[String(winner.key)] };
}

/**
 * Which version changed a choice since the version both came from (their common ancestor): only one of them
 * — the other kept the ancestor's value, so taking the changed one loses nobody's edit — or both.
 */
export type ChangedIn = 'winner' | 'other' | 'both';

export interface ConflictChoice {
  /** The choice's id: its first field. */
  field: string;
  /** Every field the choice takes from the version chosen. */
  fields: string[];
  /** Where the version both came from is known: which version changed the choice since. */
  changedIn?: ChangedIn;
}

/**
 * What the clerk chooses between: the differing fields, grouped, without those the app keeps itself. With
 * `base`, the fields of the version both came from (read from the replica, when it still holds it), each
 * choice says which version changed it since (`changedIn`).
 */
export function conflictChoices(
  table: string,
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
  base?: Record<string, unknown>,
): ConflictChoice[] {
  const differing = differingFields(winner, other)
    .map((d) => d.field)
    .filter((f) => !KEPT_BY_APP.has(f));
  const groups = TOGETHER[table] ?? [];
  const out: ConflictChoice[] = [];
  const taken = new Set<string>();
  for (const f of differing) {
    if (taken.has(f)) continue;
    const fields = [...(groups.find((g) => g.includes(f)) ?? [f])];
    for (const x of fields) taken.add(x);
    out.push({
      field: fields[0]!,
      fields,
      ...(base ? { changedIn: changedIn(fields, winner, other, base) } : {}),
    });
  }
  return out;
}

function changedIn(
  fields: readonly string[],
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
  base: Record<string, unknown>,
): ChangedIn {
  const changed = (v: Record<string, unknown>) =>
    fields.some((f) => stableJson(v[f]) !== stableJson(base[f]));
  const w = changed(winner);
  const o = changed(other);
  return w && !o ? 'winner' : o && !w ? 'other' : 'both';
}

/**
 * The choices to take from the other version before the clerk picks: those only the other version changed
 * (the winner kept the value both started from), so resolving as proposed keeps both workstations' edits.
 */
export function proposedPicks(choices: readonly ConflictChoice[]): string[] {
  return choices.filter((c) => c.changedIn === 'other').map((c) => c.field);
}

/** The fields taken from the other version for the choices picked (their groups, and what follows them). */
export function fieldsTaken(table: string, picked: readonly string[]): string[] {
  const groups = TOGETHER[table] ?? [];
  const out = new Set<string>();
  for (const f of picked) {
    if (KEPT_BY_APP.has(f)) continue;
    for (const x of groups.find((g) => g.includes(f)) ?? [f]) out.add(x);
  }
  for (const [field, source] of Object.entries(FOLLOWS)) if (out.has(source)) out.add(field);
  return [...out];
}

export interface ConflictResolution {
  /** The record written: the winner with the fields taken from the other version. */
  row: Record<string, unknown>;
  /** The fields as kept (the audit entry's after). */
  kept: Record<string, unknown>;
  /** The values not kept, of either version (the audit entry's before). */
  discarded: Record<string, unknown>;
  /** The fields taken from the other version. */
  taken: string[];
}

/** The record after the clerk's choice (`picked`: the choices taken from the other version). */
export function resolveChoices(
  table: string,
  winnerRow: Record<string, unknown>,
  otherRow: Record<string, unknown>,
  picked: readonly string[],
  now: () => string = () => new Date().toISOString(),
): ConflictResolution {
  const w = conflictFields(table, winnerRow);
  const o = conflictFields(table, otherRow);
  const taken = fieldsTaken(table, picked);
  const kept = mergePicked(w, o, taken);
  const discarded = mergePicked(o, w, taken);
  if (taken.length && typeof kept[STAMPED] === 'string') kept[STAMPED] = now();
  return { row: rowOfFields(table, winnerRow, kept), kept, discarded, taken };
}

/** The record's name in the conflict list and the audit entry (settings by their section's name). */
export function settingName(key: unknown): string {
  return typeof key === 'string' ? (SETTING_NAMES[key] ?? key) : String(key);
}

/** A choice's name as the dialog and the audit trail give it (会员代表, 任期（年）, 2027 年节假日安排). */
export function choiceLabel(table: string, key: unknown, choice: Pick<ConflictChoice, 'field'>): string {
  if (table === 'settings' && key === 'holidaySchedules') return `${choice.field} 年节假日安排`;
  return fieldLabel(choice.field, table);
}

function holidayText(v: unknown): string {
  if (!isPlainObject(v)) return '（空）';
  const days = (x: unknown) => (Array.isArray(x) ? x.length : 0);
  const source = typeof v.source === 'string' && v.source ? `（${v.source}）` : '';
  return `放假 ${days(v.holidays)} 天，调休上班 ${days(v.workdays)} 天${source}`;
}

/**
 * One side of a choice as lines: the parts in which the versions differ, labelled where the choice has more
 * than one (会员代表：孙乙 / 代表手机：13800138002), formatted as the audit trail formats them.
 */
export function choiceParts(
  table: string,
  key: unknown,
  choice: ConflictChoice,
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
  side: 'winner' | 'other',
  names: AuditNames = {},
): string[] {
  if (table === 'settings' && key === 'holidaySchedules')
    return [holidayText((side === 'winner' ? winner : other)[choice.field])];
  const changes: FieldChange[] = flattenChanges(
    choice.fields.map((f) => ({ field: f, before: winner[f], after: other[f] })),
    table,
  ).filter((c) => stableJson(c.before) !== stableJson(c.after));
  const value = (c: FieldChange) => {
    const v = side === 'winner' ? c.before : c.after;
    // A stored file's content (the files table): its size, as the file lists give it.
    if (typeof Blob !== 'undefined' && v instanceof Blob) return `文件内容（${fileSizeText(v.size)}）`;
    return formatValue(c.field, v, table, names);
  };
  if (changes.length === 1 && changes[0]!.field === choice.field) return [value(changes[0]!)];
  return changes.map((c) => `${fieldLabel(c.field, table)}：${value(c)}`);
}

/** The same on one line (the parts joined by ；). */
export function choiceText(...args: Parameters<typeof choiceParts>): string {
  return choiceParts(...args).join('；');
}

/**
 * A 发文 whose one version is closed (定稿 or 作废) and whose other is still a draft — a draft edited on one
 * workstation while another finalised or voided it. No field is chosen (R-W1: a closed document's content and
 * number are what was issued; a draft's text under a 发文字号 would be a document nobody finalised): the
 * closed version is kept whole, and what the draft version holds goes into a new draft. Gives the closed
 * side, or null for any other conflict.
 */
export function closedDocumentSide(
  table: string,
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
): 'winner' | 'other' | null {
  if (table !== 'documents') return null;
  const closed = (r: Record<string, unknown>) => r.status === 'final' || r.status === 'void';
  if (closed(winner) && other.status === 'draft') return 'winner';
  if (closed(other) && winner.status === 'draft') return 'other';
  return null;
}

/** The conflict list's line: how many fields differ, and (where known) how many both versions changed. */
export function conflictSummary(choices: readonly ConflictChoice[]): string {
  const differ = `${choices.length} 个字段不同`;
  if (!choices.length || choices.some((c) => c.changedIn === undefined)) return differ;
  const both = choices.filter((c) => c.changedIn === 'both').length;
  return both ? `${differ}，其中 ${both} 个两个版本都修改了` : `${differ}，各只在一个版本中修改`;
}

/** A revision's ancestry as PouchDB gives it (`revs: true`): the newest revision's generation, ids newest first. */
export interface RevisionHistory {
  start: number;
  ids: readonly string[];
}

/**
 * The newest revision both versions of a conflict came from (`<generation>-<id>`), or null when their
 * histories, as the replica holds them, share none.
 */
export function commonAncestor(a: RevisionHistory, b: RevisionHistory): string | null {
  const revs = (h: RevisionHistory) => h.ids.map((id, i) => `${h.start - i}-${id}`);
  const inA = new Set(revs(a));
  return revs(b).find((r) => inA.has(r)) ?? null;
}
