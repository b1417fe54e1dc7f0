/**
 * The session cache of 首页 and the dues desk (renderer/src/features/home/sessionCache.ts, issue 17):
 * a value is computed once and kept until a table it depends on changes — any kind of change (add, put,
 * update, delete, clear), in that table only — and what it then gives equals a full recompute.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDatabase, dropDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { computeDashboard, DASHBOARD_TABLES } from '../../../renderer/src/features/home/dashboard';
import { sessionCache } from '../../../renderer/src/features/home/sessionCache';

const AS_OF = '2026-11-21';
/** Dexie tells of a committed change after the commit (storagemutated): let it arrive. */
const settle = () => new Promise((r) => setTimeout(r, 20));

let db: DeskDB;
beforeEach(async () => {
  db = await demoDatabase(40, AS_OF);
});
afterEach(() => dropDb(db));

function dashboardCache() {
  let computed = 0;
  const cache = sessionCache({
    dbName: db.name,
    tables: DASHBOARD_TABLES,
    compute: (asOf: string) => {
      computed++;
      return computeDashboard(db, asOf);
    },
  });
  return { cache, computed: () => computed };
}

describe('sessionCache', () => {
  it('computes once, then gives the kept value until a table changes', async () => {
    const { cache, computed } = dashboardCache();
    expect(cache.peek(AS_OF)).toBeUndefined();
    const [a, b] = await Promise.all([cache.get(AS_OF), cache.get(AS_OF)]);
    expect(a).toBe(b);
    expect(computed()).toBe(1);
    expect(cache.peek(AS_OF)).toBe(a);
    expect(await cache.get(AS_OF)).toBe(a);
    expect(computed()).toBe(1);
    expect(a).toEqual(await computeDashboard(db, AS_OF));
  });

  it('is stale after each kind of change to a table it reads, and then equals a full recompute', async () => {
    const { cache, computed } = dashboardCache();
    const member = (await db.members.toCollection().first())!;
    const payment = (await db.payments.toCollection().first())!;
    const changes: [string, () => Promise<unknown>][] = [
      ['add', () => db.payments.add({ ...payment, id: undefined as never, amount: 1 })],
      ['put', () => db.payments.put({ ...payment, voided: { on: AS_OF, reason: '录错' } } as never)],
      ['update', () => db.members.update(member.id!, { status: 'withdrawn' })],
      ['delete', () => db.payments.delete(payment.id!)],
      ['clear', () => db.applications.clear()],
      ['setting', () => db.settings.put({ key: 'duesTrackedFrom', value: 2026 } as never)],
    ];
    let last = await cache.get(AS_OF);
    for (const [kind, change] of changes) {
      await change();
      await settle();
      expect(cache.peek(AS_OF), kind).toBeUndefined();
      const before = computed();
      const next = await cache.get(AS_OF);
      expect(computed(), kind).toBe(before + 1);
      expect(next, kind).toEqual(await computeDashboard(db, AS_OF));
      last = next;
    }
    expect(last.withdrawalReports).toBeDefined();
  });

  it('is not stale after a change to a table it does not read', async () => {
    const { cache, computed } = dashboardCache();
    const a = await cache.get(AS_OF);
    await db.agendaItems.add({ meetingId: 1, order: 99, title: '其他事项' } as never);
    await db.contactChanges.clear();
    await settle();
    expect(cache.peek(AS_OF)).toBe(a);
    expect(computed()).toBe(1);
  });

  it('does not keep a value computed while a table changed', async () => {
    const { cache } = dashboardCache();
    const running = cache.get(AS_OF);
    await db.payments.clear();
    await running;
    await settle();
    expect(cache.peek(AS_OF)).toBeUndefined();
    expect(await cache.get(AS_OF)).toEqual(await computeDashboard(db, AS_OF));
  });

  it('tells its subscribers of a change, keeps only the latest keys', async () => {
    const { cache } = dashboardCache();
    let told = 0;
    const off = cache.subscribe(() => told++);
    await db.offices.clear();
    await settle();
    expect(told).toBe(1);
    off();
    await db.offices.clear();
    await settle();
    expect(told).toBe(1);
    await cache.get('2026-01-01');
    await cache.get('2026-06-01');
    await cache.get(AS_OF);
    expect(cache.peek('2026-01-01')).toBeUndefined();
    expect(cache.peek(AS_OF)).toBeDefined();
  });
});
