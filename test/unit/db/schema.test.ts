import { describe, expect, it } from 'vitest';
import { freshDb, upgradeFrom } from './harness';
import { SCHEMA_V1, SCHEMA_VERSION, TABLE_NAMES } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import { loadDemo } from '../../../renderer/src/db/demo';
import { workstationNumber } from '../../../renderer/src/db/ids';
import { legacyIdsTo } from '../../../shared/data/ids';
import { rekeyRow } from '../../../shared/data/references';

describe('Dexie schema (issue 2)', () => {
  it('declares every table of the product from version 1', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...TABLE_NAMES, 'syncOutbox', 'revisions', 'changeLog', 'derived'].sort(),
    );
    for (const t of [
      'members',
      'contactChanges',
      'applications',
      'duesOverrides',
      'payments',
      'activities',
      'participations',
      'meetings',
      'attendance',
      'agendaItems',
      'motions',
      'ballots',
      'offices',
      'programmes',
      'enrolments',
      'documents',
      'certificates',
      'settings',
      'audit',
    ]) {
      expect(SCHEMA_V1).toHaveProperty(t);
    }
    db.close();
  });

  it('refuses a second member with the same credit code (unique index)', async () => {
    const db = freshDb();
    const m = generateDemo({ members: 1, asOf: '2026-11-21' }).members[0]!;
    await db.members.add({ ...m, id: undefined });
    await expect(db.members.add({ ...m, id: undefined, name: '另一家' })).rejects.toThrow();
    db.close();
  });

  it('migration harness: a version-1 fixture opens at the current version with every record intact', async () => {
    const ds = generateDemo({ members: 30, asOf: '2026-11-21' });
    const { db } = await upgradeFrom(1, {
      members: ds.members,
      meetings: ds.meetings,
      payments: ds.payments,
    });
    // Version 3 moves every id into this workstation's range (issue 19): the records are otherwise the same.
    const map = legacyIdsTo(workstationNumber());
    expect(await db.members.toArray()).toEqual(ds.members.map((m) => rekeyRow('members', m, map)));
    expect(await db.meetings.toArray()).toEqual(ds.meetings.map((m) => rekeyRow('meetings', m, map)));
    expect(await db.payments.count()).toBe(ds.payments.length);
    db.close();
  });
});

describe('migration v1 → v2 (issue 9)', () => {
  it('drops the member indexes nothing queries; members, their credit-code uniqueness and lookups stay', async () => {
    const ds = generateDemo({ members: 30, asOf: '2026-11-21' });
    const { db } = await upgradeFrom(1, { members: ds.members, offices: ds.offices });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.members.schema.indexes.map((i) => i.name).sort()).toEqual([
      'creditCode',
      'importBatchId',
      'name',
    ]);
    expect(db.members.schema.indexes.find((i) => i.name === 'creditCode')?.unique).toBe(true);
    const map = legacyIdsTo(workstationNumber());
    expect(await db.members.toArray()).toEqual(ds.members.map((m) => rekeyRow('members', m, map)));
    expect(await db.offices.count()).toBe(ds.offices.length);
    const first = ds.members[0]!;
    expect((await db.members.where('creditCode').equals(first.creditCode).first())?.name).toBe(first.name);
    expect(await db.members.where('name').equals(first.name).count()).toBe(1);
    await expect(db.members.add({ ...first, id: undefined, name: '另一家' })).rejects.toThrow();
    db.close();
  });
});

describe('demo dataset (issue 2)', () => {
  it('loads about 300 members with directors, meetings, dues and activities, once', async () => {
    const db = freshDb();
    const ds = await loadDemo(db, { asOf: '2026-11-21' });
    expect(await db.members.count()).toBe(300);
    expect(ds.members.filter((m) => m.tier === 'standing' || m.tier === 'chair')).toHaveLength(9);
    expect(ds.members.filter((m) => m.tier === 'chair')).toHaveLength(1);
    const years = new Set(ds.meetings.map((m) => m.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2024', '2025', '2026']);
    expect(new Set(ds.meetings.map((m) => m.body))).toEqual(new Set(['assembly', 'council', 'standing']));
    expect(await db.payments.count()).toBeGreaterThan(500);
    expect(await db.activities.count()).toBeGreaterThan(10);
    expect(await db.audit.where('action').equals('import').count()).toBe(1);
    await expect(loadDemo(db, { asOf: '2026-11-21' })).rejects.toThrow('数据库中已有会员数据');
    expect(await db.members.count()).toBe(300);
    db.close();
  });

  it('generates 10,000 members with unique names and credit codes, deterministically', () => {
    const a = generateDemo({ members: 10_000, asOf: '2026-11-21' });
    expect(new Set(a.members.map((m) => m.name)).size).toBe(10_000);
    expect(new Set(a.members.map((m) => m.creditCode)).size).toBe(10_000);
    const b = generateDemo({ members: 50, asOf: '2026-11-21' });
    const c = generateDemo({ members: 50, asOf: '2026-11-21' });
    expect(b).toEqual(c);
  });
});
