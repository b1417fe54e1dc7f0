/**
 * Table revisions and the member change log (issue 17, renderer/src/db/revisions.ts): every write of a
 * record table renews its table's stamp in the same transaction — add, put, update, delete, clear, several
 * tables in one transaction, the sync engine's remote writes — and logs the members it touched (also those
 * of the rows it replaced or deleted); an aborted transaction leaves both as they were; reads change nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDatabase, dropDb, payment } from './harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { changesAfter, lastChange, readStamps } from '../../../renderer/src/db/revisions';
import { markRemote } from '../../../renderer/src/db/outbox';

const AS_OF = '2026-11-21';
let db: DeskDB;
beforeEach(async () => {
  db = await demoDatabase(20, AS_OF);
});
afterEach(() => dropDb(db));

const TABLES = [
  'members',
  'payments',
  'duesOverrides',
  'tierChanges',
  'meetings',
  'settings',
  'applications',
];

async function changedSince(before: Record<string, string | undefined>): Promise<string[]> {
  const now = await readStamps(db, TABLES);
  return TABLES.filter((t) => now[t] !== before[t]);
}

describe('table revisions (issue 17)', () => {
  it('the demo load stamped every table it wrote; reads change nothing', async () => {
    const s = await readStamps(db, TABLES);
    for (const t of ['members', 'payments', 'meetings']) expect(s[t]).toBeTypeOf('string');
    await db.members.toArray();
    await db.transaction('r', db.payments, () => db.payments.count());
    expect(await changedSince(s)).toEqual([]);
  });

  it('add, put, update, delete and clear each renew the stamp of their table only', async () => {
    const [m] = await db.members.limit(1).toArray();
    let s = await readStamps(db, TABLES);
    const id = await db.payments.add(payment(m!.id!));
    expect(await changedSince(s)).toEqual(['payments']);
    s = await readStamps(db, TABLES);
    await db.payments.put({ ...(await db.payments.get(id))!, amount: 5 });
    expect(await changedSince(s)).toEqual(['payments']);
    s = await readStamps(db, TABLES);
    await db.members.update(m!.id!, { name: '改名' });
    expect(await changedSince(s)).toEqual(['members']);
    s = await readStamps(db, TABLES);
    await db.payments.delete(id);
    expect(await changedSince(s)).toEqual(['payments']);
    s = await readStamps(db, TABLES);
    await db.duesOverrides.clear();
    expect(await changedSince(s)).toEqual(['duesOverrides']);
    s = await readStamps(db, TABLES);
    await db.settings.put({ key: 'charter', value: {} });
    expect(await changedSince(s)).toEqual(['settings']);
  });

  it('a transaction over several tables renews each one it wrote; an aborted one renews nothing', async () => {
    const [m] = await db.members.limit(1).toArray();
    let s = await readStamps(db, TABLES);
    const seq = await lastChange(db);
    await db.transaction('rw', [db.payments, db.members, db.meetings], async () => {
      await db.payments.add(payment(m!.id!));
      await db.payments.add(payment(m!.id!, 200));
      await db.members.update(m!.id!, { name: '又改名' });
      await db.meetings.count();
    });
    expect((await changedSince(s)).sort()).toEqual(['members', 'payments']);
    s = await readStamps(db, TABLES);
    const seq2 = await lastChange(db);
    expect(seq2).toBeGreaterThan(seq);
    await expect(
      db.transaction('rw', [db.payments, db.tierChanges], async () => {
        await db.payments.add(payment(m!.id!));
        await db.tierChanges.add({ memberId: m!.id!, tier: 'council', effectiveFrom: '2026-01-01' } as never);
        throw new Error('中止');
      }),
    ).rejects.toThrow('中止');
    expect(await changedSince(s)).toEqual([]);
    expect(await lastChange(db)).toBe(seq2);
    // A failed write (a unique index refuses it) aborts its transaction: nothing renewed either.
    const dup = await db.duesOverrides.limit(1).first();
    if (dup) {
      await expect(db.duesOverrides.add({ ...dup, id: undefined } as never)).rejects.toThrow();
      expect(await changedSince(s)).toEqual([]);
    }
  });

  it('logs the members touched, also those of replaced and deleted rows; a clear logs every member', async () => {
    const [a, b] = await db.members.limit(2).toArray();
    const seq = await lastChange(db);
    const id = await db.payments.add(payment(a!.id!));
    // Moved to another member: both are touched.
    await db.payments.put({ ...(await db.payments.get(id))!, memberId: b!.id! });
    await db.payments.delete(id);
    await db.members.update(a!.id!, { name: '名' });
    await db.participations.clear();
    const log = await changesAfter(db, seq);
    expect(log.map((c) => [c.table, c.members === null ? null : [...c.members].sort()])).toEqual([
      ['payments', [a!.id!]],
      ['payments', [a!.id!, b!.id!].sort()],
      ['payments', [b!.id!]],
      ['members', [a!.id!]],
      ['participations', null],
    ]);
  });

  it('the sync engine’s remote writes (markRemote) are stamped too', async () => {
    const [m] = await db.members.limit(1).toArray();
    const s = await readStamps(db, TABLES);
    await db.transaction('rw', db.payments, async (tx) => {
      markRemote(tx.idbtrans);
      await db.payments.add(payment(m!.id!));
    });
    expect(await changedSince(s)).toEqual(['payments']);
  });
});
