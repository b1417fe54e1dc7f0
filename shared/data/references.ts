/**
 * The reference map (issue 19): every field of every record that holds the id of a record, the table it
 * points to, and the one re-key that rewrites a record — its own id and every reference in it — through an
 * id mapping (shared/data/ids.ts: the version 3 upgrade's `legacyIdsTo`, a registration collision's
 * `moveRange`). Pure. A test (test/unit/db/references.test.ts) fails when a record type gains an id-like
 * field this map does not know.
 *
 * Paths are dotted field names; `[]` after a name steps into every element of that array
 * (`entitled[].memberId`: the memberId of each entry of a meeting's entitled list).
 */

/** The tables whose rows have a numeric id (every table but `settings`, whose keys are names). */
export type RecordTable =
  | 'members'
  | 'contactChanges'
  | 'tierChanges'
  | 'applications'
  | 'duesOverrides'
  | 'payments'
  | 'activities'
  | 'participations'
  | 'meetings'
  | 'attendance'
  | 'agendaItems'
  | 'minuteVersions'
  | 'motions'
  | 'ballots'
  | 'offices'
  | 'programmes'
  | 'enrolments'
  | 'files'
  | 'documents'
  | 'certificates'
  | 'audit'
  | 'imports';

/** What a reference points to: a table, or a table chosen by another field of the same record. */
export type Target = RecordTable | { by: string; tables: Readonly<Record<string, RecordTable>> };

const AUDITED: Record<string, RecordTable> = {
  members: 'members',
  contactChanges: 'contactChanges',
  tierChanges: 'tierChanges',
  applications: 'applications',
  duesOverrides: 'duesOverrides',
  payments: 'payments',
  activities: 'activities',
  participations: 'participations',
  meetings: 'meetings',
  attendance: 'attendance',
  agendaItems: 'agendaItems',
  minuteVersions: 'minuteVersions',
  motions: 'motions',
  ballots: 'ballots',
  offices: 'offices',
  programmes: 'programmes',
  enrolments: 'enrolments',
  files: 'files',
  documents: 'documents',
  certificates: 'certificates',
  imports: 'imports',
};

/** Every id field of every record: the row's own `id` and each reference, with its target. */
export const REFERENCES: Readonly<Record<RecordTable, Readonly<Record<string, Target>>>> = {
  members: { id: 'members', 'left.motionId': 'motions', importBatchId: 'imports' },
  contactChanges: { id: 'contactChanges', memberId: 'members' },
  tierChanges: { id: 'tierChanges', memberId: 'members' },
  applications: {
    id: 'applications',
    memberId: 'members',
    'council.motionId': 'motions',
    certificateId: 'certificates',
  },
  duesOverrides: { id: 'duesOverrides', memberId: 'members' },
  payments: { id: 'payments', memberId: 'members' },
  activities: { id: 'activities' },
  participations: { id: 'participations', activityId: 'activities', memberId: 'members' },
  // entitled[].memberId is 0 for the secretary-general (a person, not a member unit): never re-keyed.
  meetings: { id: 'meetings', 'entitled[].memberId': 'members', noticeDocId: 'documents' },
  attendance: { id: 'attendance', meetingId: 'meetings', memberId: 'members' },
  agendaItems: { id: 'agendaItems', meetingId: 'meetings' },
  minuteVersions: { id: 'minuteVersions', agendaItemId: 'agendaItems' },
  motions: {
    id: 'motions',
    meetingId: 'meetings',
    agendaItemId: 'agendaItems',
    'subject.refId': {
      by: 'subject.kind',
      tables: { admission: 'applications', expulsion: 'members', election: 'members' },
    },
  },
  ballots: { id: 'ballots', motionId: 'motions', memberId: 'members' },
  offices: { id: 'offices', memberId: 'members', motionId: 'motions' },
  programmes: { id: 'programmes', callNoticeDocId: 'documents' },
  enrolments: {
    id: 'enrolments',
    programmeId: 'programmes',
    memberId: 'members',
    certificateId: 'certificates',
  },
  files: {
    id: 'files',
    ownerId: {
      by: 'ownerType',
      tables: { enrolment: 'enrolments', application: 'applications', document: 'documents' },
    },
  },
  documents: { id: 'documents', 'certificateBatch.items[].certificateId': 'certificates' },
  certificates: { id: 'certificates', memberId: 'members', programmeId: 'programmes' },
  audit: { id: 'audit', entityId: { by: 'entity', tables: AUDITED }, memberId: 'members' },
  imports: { id: 'imports' },
};

export const RECORD_TABLES = Object.keys(REFERENCES) as RecordTable[];

/** Tables whose keys are not record ids and stay as they are (settings are keyed by name). */
export const NAME_KEYED_TABLES = ['settings'] as const;

/**
 * What audit entries record beside a record's own fields (`changes[].field` of an entry whose `entity`
 * is the table): an activity's participants (member ids), and the rows an undone import removed (kept
 * whole in its entry so it can be redone: re-keyed like the rows of their tables).
 */
export const AUDIT_CHANGE_EXTRAS: Readonly<
  Partial<Record<RecordTable, Readonly<Record<string, Target | { rows: RecordTable }>>>>
> = {
  activities: { 'participants[]': 'members' },
  imports: {
    'members[]': { rows: 'members' },
    'contactChanges[]': { rows: 'contactChanges' },
    'tierChanges[]': { rows: 'tierChanges' },
  },
};

/** The table a reference of `row` points to (a `by` target read from the row), or undefined. */
export function targetOf(target: Target, row: unknown): RecordTable | undefined {
  if (typeof target === 'string') return target;
  const v = valueAtPath(row, target.by.split('.'));
  return typeof v === 'string' && Object.hasOwn(target.tables, v) ? target.tables[v] : undefined;
}

// ------------------------------------------------------------------ walking paths

interface Step {
  name: string;
  /** The value at `name` is an array: step into each element. */
  each: boolean;
}

const steps = (path: string): Step[] =>
  path
    .split('.')
    .map((s) => (s.endsWith('[]') ? { name: s.slice(0, -2), each: true } : { name: s, each: false }));

function valueAtPath(v: unknown, names: readonly string[]): unknown {
  let cur = v;
  for (const n of names) {
    if (!cur || typeof cur !== 'object' || !Object.hasOwn(cur, n)) return undefined;
    cur = (cur as Record<string, unknown>)[n];
  }
  return cur;
}

const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Applies `leaf` at a path; returns the same value when nothing changed, a shallow copy along the path otherwise. */
function applyAt(value: unknown, path: readonly Step[], leaf: (v: unknown) => unknown): unknown {
  if (path.length === 0) return leaf(value);
  const [head, ...rest] = path as [Step, ...Step[]];
  const into = (child: unknown) => {
    if (!head.each) return applyAt(child, rest, leaf);
    if (!Array.isArray(child)) return child;
    let changed = false;
    const out = child.map((c) => {
      const n = applyAt(c, rest, leaf);
      if (n !== c) changed = true;
      return n;
    });
    return changed ? out : child;
  };
  if (head.name === '') return into(value); // the value itself is the array
  if (!isRecord(value) || !Object.hasOwn(value, head.name)) return value;
  const child = value[head.name];
  const next = into(child);
  return next === child ? value : { ...value, [head.name]: next };
}

const numberLeaf = (map: (id: number) => number) => (v: unknown) => (typeof v === 'number' ? map(v) : v);

const COMPILED = new Map<RecordTable, Step[][]>();
function compiled(table: RecordTable): Step[][] {
  let c = COMPILED.get(table);
  if (!c) COMPILED.set(table, (c = Object.keys(REFERENCES[table]).map(steps)));
  return c;
}

/**
 * A row of `table` with its id and every reference mapped through `map` (a number field only; absent
 * fields stay absent). Returns the same object when nothing changed; never changes the input. Audit
 * entries also have the ids inside their recorded changes re-keyed (rekeyAuditEntry).
 */
export function rekeyRow<T>(table: RecordTable, row: T, map: (id: number) => number): T {
  if (table === 'audit') return rekeyAuditEntry(row, map);
  let out: unknown = row;
  const leaf = numberLeaf(map);
  for (const path of compiled(table)) out = applyAt(out, path, leaf);
  return out as T;
}

interface ChangeSpec {
  path: Step[];
  leaf: (v: unknown) => unknown;
}

/** What an entry's changes of `entity` can hold: the record's own references and AUDIT_CHANGE_EXTRAS. */
function changeSpecs(entity: RecordTable, map: (id: number) => number): ChangeSpec[] {
  const leaf = numberLeaf(map);
  const out: ChangeSpec[] = Object.keys(REFERENCES[entity]).map((p) => ({ path: steps(p), leaf }));
  for (const [p, t] of Object.entries(AUDIT_CHANGE_EXTRAS[entity] ?? {}))
    out.push({
      path: steps(p),
      leaf: typeof t === 'object' && 'rows' in t ? (row) => rekeyRow(t.rows, row, map) : leaf,
    });
  return out;
}

/**
 * One recorded change's value re-keyed. `field` is a dotted path through plain objects (fieldChanges
 * flattens objects, never arrays), so the value is the subtree of the record at that path: a reference
 * path that starts with `field` is applied to the rest of the way.
 */
function rekeyChangeValue(specs: readonly ChangeSpec[], field: string, value: unknown): unknown {
  const names = field.split('.');
  let out = value;
  for (const { path, leaf } of specs) {
    if (names.length > path.length) continue;
    let match = true;
    for (let i = 0; i < names.length && match; i++)
      match = path[i]!.name === names[i] && (i === names.length - 1 || !path[i]!.each);
    if (!match) continue;
    const last = path[names.length - 1]!;
    const rest = path.slice(names.length);
    out = applyAt(out, last.each ? [{ name: '', each: true }, ...rest] : rest, leaf);
  }
  return out;
}

/** An audit entry re-keyed: its id, entityId and memberId, and the ids inside its recorded changes. */
export function rekeyAuditEntry<T>(entry: T, map: (id: number) => number): T {
  if (!isRecord(entry)) return entry;
  let out: Record<string, unknown> = entry;
  const set = (k: string, v: unknown) => {
    if (out[k] === v) return;
    if (out === entry) out = { ...entry };
    out[k] = v;
  };
  for (const k of ['id', 'entityId', 'memberId']) if (typeof entry[k] === 'number') set(k, map(entry[k]));
  const entity = typeof entry.entity === 'string' ? entry.entity : '';
  const table = Object.hasOwn(AUDITED, entity) ? AUDITED[entity] : undefined;
  if (table && Array.isArray(entry.changes)) {
    const specs = changeSpecs(table, map);
    let changed = false;
    const changes = entry.changes.map((c: unknown) => {
      if (!isRecord(c) || typeof c.field !== 'string') return c;
      const before = rekeyChangeValue(specs, c.field, c.before);
      const after = rekeyChangeValue(specs, c.field, c.after);
      if (before === c.before && after === c.after) return c;
      changed = true;
      return { ...c, before, after };
    });
    if (changed) set('changes', changes);
  }
  return out as T;
}

/**
 * Every reference of a row that does not resolve: `{ path, id, table }` for each id (not 0) whose target
 * table has no row with that id. `has(table, id)` answers for the database being checked. For tests and
 * diagnostics (a re-key must leave the same references resolving as before).
 */
export function danglingReferences(
  table: RecordTable,
  row: unknown,
  has: (table: RecordTable, id: number) => boolean,
): { path: string; id: number; table: RecordTable }[] {
  const out: { path: string; id: number; table: RecordTable }[] = [];
  for (const [path, target] of Object.entries(REFERENCES[table])) {
    if (path === 'id') continue;
    const to = targetOf(target, row);
    if (!to) continue;
    applyAt(row, steps(path), (v) => {
      if (typeof v === 'number' && v !== 0 && !has(to, v)) out.push({ path, id: v, table: to });
      return v;
    });
  }
  return out;
}

/**
 * A row of `table` with every reference to record `from` of `target` pointed at `to` instead (not its own
 * id; a reference whose target is chosen by another field only where that field names `target`). For
 * merging two records of one thing (the same unit added on two workstations). Returns the same object when
 * nothing changed. Audit entries are history and are not passed here.
 */
export function repointRow<T>(table: RecordTable, row: T, target: RecordTable, from: number, to: number): T {
  let out: unknown = row;
  for (const [path, t] of Object.entries(REFERENCES[table])) {
    if (path === 'id' || targetOf(t, row) !== target) continue;
    out = applyAt(out, steps(path), (v) => (v === from ? to : v));
  }
  return out as T;
}
