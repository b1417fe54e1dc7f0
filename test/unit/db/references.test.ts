/**
 * The reference map knows every id field (issue 19): a record type that gains an id-like field the re-key
 * does not know fails here — read both from the records' zod schemas (every number at any depth named
 * `id`, `…Id` or `…Ids`) and from the interfaces in shared/domain/records.ts (every field so named).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TABLE_SCHEMAS } from '../../../shared/domain/schemas';
import {
  AUDIT_CHANGE_EXTRAS,
  NAME_KEYED_TABLES,
  RECORD_TABLES,
  REFERENCES,
  rekeyAuditEntry,
  rekeyRow,
  repointRow,
} from '../../../shared/data/references';
import { legacyIdsTo, makeId, moveRange, ID_RANGE, MAX_WORKSTATION } from '../../../shared/data/ids';
import { TABLE_NAMES } from '../../../renderer/src/db/schema';

const ID_LIKE = /^(?:id|\w+Id|\w+Ids)$/;

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType };
const def = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** Every path of a zod schema whose last name is id-like (objects, optionals, arrays; `[]` for arrays). */
function idPaths(schema: z.ZodType, prefix = '', name = ''): string[] {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return idPaths(d.innerType!, prefix, name);
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, v]) => idPaths(v, prefix ? `${prefix}.${k}` : k, k));
    case 'array':
      return idPaths(d.element!, `${prefix}[]`, name);
    case 'number':
      return ID_LIKE.test(name) ? [prefix] : [];
    default:
      return [];
  }
}

describe('the reference map (issue 19)', () => {
  it('covers every table: the record tables and the name-keyed settings', () => {
    expect([...RECORD_TABLES, ...NAME_KEYED_TABLES].sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('lists exactly the id fields of each record schema', () => {
    for (const table of RECORD_TABLES) {
      const fromSchema = idPaths((TABLE_SCHEMAS as Record<string, z.ZodType>)[table]!).sort();
      expect(Object.keys(REFERENCES[table]).sort(), table).toEqual(fromSchema);
    }
  });

  it('knows every id-like field of the record interfaces in shared/domain/records.ts', () => {
    const src = readFileSync(path.resolve(__dirname, '../../../shared/domain/records.ts'), 'utf8');
    const named = new Set(
      [...src.matchAll(/^\s*(\w+)\??:\s/gm)].map((m) => m[1]!).filter((n) => ID_LIKE.test(n)),
    );
    const known = new Set(
      [
        ...RECORD_TABLES.flatMap((t) => Object.keys(REFERENCES[t])),
        ...Object.values(AUDIT_CHANGE_EXTRAS).flatMap((x) => Object.keys(x ?? {})),
      ].map((p) => p.split('.').at(-1)!.replace('[]', '')),
    );
    expect([...named].filter((n) => !known.has(n))).toEqual([]);
    expect(named.size).toBeGreaterThan(10);
  });

  it('rekeyRow changes ids and references only, and returns the row itself when nothing moves', () => {
    const map = legacyIdsTo(3);
    const meeting = {
      id: 4,
      entitled: [
        { memberId: 0, name: '秘书长', representative: '', observer: true },
        { memberId: 8, name: '甲', representative: '' },
      ],
      noticeDocId: 2,
      date: '2026-01-01',
    };
    expect(rekeyRow('meetings', meeting, map)).toEqual({
      id: makeId(3, 4),
      entitled: [
        { memberId: 0, name: '秘书长', representative: '', observer: true },
        { memberId: makeId(3, 8), name: '甲', representative: '' },
      ],
      noticeDocId: makeId(3, 2),
      date: '2026-01-01',
    });
    expect(meeting.id).toBe(4); // the input is not changed
    const moved = rekeyRow('meetings', meeting, map);
    expect(rekeyRow('meetings', moved, map)).toBe(moved); // already in a range: nothing to do
    const p = { id: 1, memberId: 2, year: 2026, amount: 5000 };
    expect(rekeyRow('payments', p, moveRange(4, 6))).toBe(p);
  });

  it('an audit entry of an unknown entity keeps its changes', () => {
    const e = { id: 1, entity: 'x', entityId: 2, changes: [{ field: 'memberId', before: 1, after: 2 }] };
    expect(rekeyAuditEntry(e, legacyIdsTo(1))).toEqual({ ...e, id: makeId(1, 1), entityId: makeId(1, 2) });
  });

  it('ids are safe integers at the top of the ranges', () => {
    expect(Number.isSafeInteger(makeId(MAX_WORKSTATION, ID_RANGE - 1))).toBe(true);
    expect(() => makeId(0, 1)).toThrow('工作站编号无效');
    expect(() => makeId(1, ID_RANGE)).toThrow('记录编号已用尽');
  });
});

describe('repointRow: one record’s references moved to another (merging two records of one unit)', () => {
  it('moves only references to that table and id, in arrays and chosen-by fields too; never the own id', () => {
    expect(repointRow('payments', { id: 5, memberId: 5, year: 2026 }, 'members', 5, 9)).toEqual({
      id: 5,
      memberId: 9,
      year: 2026,
    });
    const meeting = { id: 1, entitled: [{ memberId: 5 }, { memberId: 6 }, { memberId: 0 }], noticeDocId: 5 };
    expect(repointRow('meetings', meeting, 'members', 5, 9)).toEqual({
      ...meeting,
      entitled: [{ memberId: 9 }, { memberId: 6 }, { memberId: 0 }],
    });
    const expulsion = { id: 3, meetingId: 5, subject: { kind: 'expulsion', refId: 5 } };
    expect(repointRow('motions', expulsion, 'members', 5, 9)).toEqual({
      ...expulsion,
      subject: { kind: 'expulsion', refId: 9 },
    });
    const admission = { id: 3, subject: { kind: 'admission', refId: 5 } };
    expect(repointRow('motions', admission, 'members', 5, 9)).toBe(admission); // an application's id
    const other = { id: 2, memberId: 6 };
    expect(repointRow('payments', other, 'members', 5, 9)).toBe(other);
  });
});
