/**
 * Schema version 5 (issue 17): the kept derived values' tables — `revisions`, `changeLog`, `derived` — are
 * added empty to a version-4 database; every record is kept as it was, nothing is stamped until written,
 * and the first write after the upgrade stamps its table and logs its member.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { upgradeFrom } from './harness';
import { SCHEMA_V5, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { lastChange, readStamps, changesAfter } from '../../../renderer/src/db/revisions';
import { generateDemo } from '../../../shared/demo/generate';
import { LOCAL_TABLES } from '../../../shared/sync/scope';
import { keptDashboard, keptWritesDone } from '../../../renderer/src/features/home/derived';
import { computeDashboard } from '../../../renderer/src/features/home/dashboard';

describe('migration v4 → v5 (issue 17)', () => {
  it('adds the kept-value tables empty, keeps every record, and stamps from the first write on', async () => {
    const ds = generateDemo({ members: 30, asOf: '2026-11-21' });
    const { db } = await upgradeFrom(4, {
      members: ds.members,
      payments: ds.payments,
      meetings: ds.meetings,
      syncOutbox: [{ table: 'members', key: ds.members[0]!.id! }],
    });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(5);
    for (const t of Object.keys(SCHEMA_V5)) {
      expect(LOCAL_TABLES).toContain(t);
      expect(await db.table(t).count()).toBe(0);
    }
    expect(db.revisions.schema.primKey.keyPath).toBe('table');
    expect(db.changeLog.schema.primKey.auto).toBe(true);
    expect(db.derived.schema.primKey.keyPath).toBe('key');
    // Version 4's rows, as they were (the fixture is at v4: its ids are already workstation ids).
    expect(await db.members.toArray()).toEqual(ds.members);
    expect(await db.payments.count()).toBe(ds.payments.length);
    expect(await db.syncOutbox.count()).toBe(1);
    expect(await readStamps(db, ['members', 'payments'])).toEqual({
      members: undefined,
      payments: undefined,
    });
    // The kept to-do list is computed the first time, equal to the full computation.
    const { how, ...first } = await keptDashboard(db, '2026-11-21');
    await keptWritesDone();
    expect(how).toEqual(['computed', 'computed']);
    expect(first).toEqual(await computeDashboard(db, '2026-11-21'));
    const seq = await lastChange(db);
    await db.payments.add({ ...ds.payments[0]!, id: undefined, amount: 1 });
    expect((await readStamps(db, ['payments'])).payments).toBeTypeOf('string');
    expect((await changesAfter(db, seq)).map((c) => c.members)).toEqual([[ds.payments[0]!.memberId]]);
    db.close();
  });
});
