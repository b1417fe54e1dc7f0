/**
 * One owner per table (issue 14): every IndexedDB write of a table goes through the one module that owns it.
 * Shared records (members with their history, certificates, settings, the 发文 register, the audit trail) are
 * owned below the desks (renderer/src/records, renderer/src/db/audit.ts); desk-only tables by their desk. The
 * whole-database writers (restoring a backup, loading the demo, the schema's upgrade functions) replace every
 * table at once and are the only exceptions.
 *
 * The scan reads the renderer's sources (comments removed) and finds writes: `x.<table>.add/put/update/
 * delete/bulk*…/clear(`, collection writes `x.<table>.where(…)…modify(` / `.delete(`, and `table('<name>')`
 * writes. A write outside the owner fails the test with the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'renderer/src');

const MEMBERS = 'renderer/src/records/members.ts';
const MEETINGS = 'renderer/src/features/meetings/data.ts';
const PROGRAMMES = 'renderer/src/features/programmes/data.ts';

/** Each table's owner module. */
export const OWNERS: Record<string, string> = {
  members: MEMBERS,
  contactChanges: MEMBERS,
  tierChanges: MEMBERS,
  certificates: 'renderer/src/records/certificates.ts',
  settings: 'renderer/src/records/settings.ts',
  documents: 'renderer/src/records/register.ts',
  audit: 'renderer/src/db/audit.ts',
  applications: 'renderer/src/features/applications/data.ts',
  payments: 'renderer/src/features/dues/writes.ts',
  duesOverrides: 'renderer/src/features/dues/writes.ts',
  meetings: MEETINGS,
  attendance: MEETINGS,
  agendaItems: MEETINGS,
  minuteVersions: MEETINGS,
  motions: MEETINGS,
  ballots: MEETINGS,
  offices: 'renderer/src/features/offices/data.ts',
  activities: 'renderer/src/features/activities/data.ts',
  participations: 'renderer/src/features/activities/data.ts',
  programmes: PROGRAMMES,
  enrolments: PROGRAMMES,
  files: PROGRAMMES,
  imports: 'renderer/src/io/importRoster.ts',
  // The sync outbox (issue 19): recorded by the middleware in db/outbox.ts, drained by the engine.
  syncOutbox: 'renderer/src/sync/engine.ts',
  // Kept derived values (issue 17): stamps and the change log by the middleware in db/revisions.ts, the
  // values by their one owner.
  revisions: 'renderer/src/db/revisions.ts',
  changeLog: 'renderer/src/db/revisions.ts',
  derived: 'renderer/src/features/home/derived.ts',
};

/** Whole-database writers: restore, the demo loader and the schema's upgrade functions. */
const WHOLE_DATABASE = new Set([
  'renderer/src/io/backup.ts',
  'renderer/src/db/demo.ts',
  'renderer/src/db/schema.ts',
  // The sync engine applies the server's changes to every replicated table (issue 19).
  'renderer/src/sync/engine.ts',
]);

const WRITE = '(?:add|put|update|delete|bulkAdd|bulkPut|bulkUpdate|bulkDelete|clear)';

export interface Violation {
  file: string;
  line: number;
  table: string;
  text: string;
}

/** Source without comments (strings kept: table names in `table('x')` are strings). */
function stripComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The table writes in one source file. */
export function writesIn(src: string): { table: string; line: number; text: string }[] {
  const code = stripComments(src);
  const out: { table: string; line: number; text: string }[] = [];
  const lineOf = (i: number) => code.slice(0, i).split('\n').length;
  const tables = Object.keys(OWNERS).join('|');
  const patterns = [
    // db.members.add(…), d.settings.put(…)
    new RegExp(`\\.\\s*(${tables})\\s*\\.\\s*${WRITE}\\s*\\(`, 'g'),
    // db.members.where(…)…modify(…) / .delete() within one statement
    new RegExp(
      `\\.\\s*(${tables})\\s*\\.\\s*(?:where|filter|orderBy|toCollection|limit|reverse)\\b[^;]*?\\.\\s*(?:modify|delete)\\s*\\(`,
      'g',
    ),
    // db.table('members').add(…)
    new RegExp(`\\.table\\(\\s*['"\`](${tables})['"\`]\\s*\\)\\s*\\.\\s*${WRITE}\\s*\\(`, 'g'),
    // addAudited(db, db.payments, …): the row is added to the table passed (db/audit.ts)
    new RegExp(`\\baddAudited\\s*\\(\\s*\\w+\\s*,\\s*\\w+\\s*\\.\\s*(${tables})\\b`, 'g'),
  ];
  for (const re of patterns)
    for (const m of code.matchAll(re)) {
      const line = lineOf(m.index);
      out.push({ table: m[1]!, line, text: src.split('\n')[line - 1]!.trim() });
    }
  // db.table(name).add(…) with a computed name: a whole-database write.
  for (const m of code.matchAll(
    new RegExp(`\\.table\\(\\s*[^'"\`\\s)][^)]*\\)\\s*\\.\\s*${WRITE}\\s*\\(`, 'g'),
  )) {
    const line = lineOf(m.index);
    out.push({ table: '*', line, text: src.split('\n')[line - 1]!.trim() });
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

export function violations(files: { file: string; src: string }[]): Violation[] {
  const out: Violation[] = [];
  for (const { file, src } of files) {
    if (WHOLE_DATABASE.has(file)) continue;
    for (const w of writesIn(src))
      if (w.table === '*' || OWNERS[w.table] !== file)
        out.push({ file, line: w.line, table: w.table, text: w.text });
  }
  return out;
}

describe('one owner per table', () => {
  const files = sources(SRC).map((f) => ({ file: path.relative(ROOT, f), src: readFileSync(f, 'utf8') }));

  it('every table of the schema has an owner', () => {
    const schema = readFileSync(path.join(SRC, 'db/schema.ts'), 'utf8');
    const declared = [...schema.matchAll(/^\s{2}(\w+): EntityTable</gm)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((t) => !(t in OWNERS))).toEqual([]);
  });

  it('no table is written outside its owner', () => {
    expect(violations(files).map((v) => `${v.file}:${v.line} ${v.table}: ${v.text}`)).toEqual([]);
  });

  it('finds each owner writing its own tables (the scan sees real writes)', () => {
    const seen = new Set(
      files.flatMap(({ file, src }) =>
        writesIn(src)
          .filter((w) => OWNERS[w.table] === file)
          .map((w) => w.table),
      ),
    );
    for (const t of [
      'members',
      'tierChanges',
      'certificates',
      'settings',
      'documents',
      'payments',
      'ballots',
      'offices',
    ])
      expect(seen.has(t), t).toBe(true);
  });

  it('fails when a desk writes a shared record itself (the rule, broken on purpose)', () => {
    const desk = {
      file: 'renderer/src/features/meetings/data.ts',
      src: [
        'export async function sneaky(db) {',
        '  await db.members.put({ id: 1 }); // a member written by the meetings desk',
        "  await db.settings.where('key').equals('bank').modify({ value: 1 });",
        "  await db.table('certificates').add({});",
        "  await addAudited(db, db.members, { id: 2 }, { summary: '' });",
        '}',
      ].join('\n'),
    };
    expect(violations([desk]).map((v) => `${v.line} ${v.table}`)).toEqual([
      '2 members',
      '3 settings',
      '4 certificates',
      '5 members',
    ]);
    // The same write in the owner is fine; a commented-out write is not a write.
    expect(violations([{ file: MEMBERS, src: 'db.members.put(m); // db.settings.put(x)' }])).toEqual([]);
  });
});
