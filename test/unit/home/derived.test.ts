/**
 * Kept derived values (issue 17, renderer/src/features/home/derived.ts): 首页's to-do list and 会费's ledger of
 * the year kept in the database across sessions. An unchanged database gives the kept value (also to a new
 * handle: a new session); a write in any table it depends on — add, put, delete, clear, in a transaction
 * with others — makes it computed again (incrementally for the members touched), an aborted one does not;
 * and after every write of a series (payment, void, override, tier change, withdrawal, attendance,
 * participation, a restore-like clear) the kept figures equal a computation from the whole tables.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDatabase, dropDb, payment } from '../db/harness';
import { openDeskDb, type DeskDB } from '../../../renderer/src/db/schema';
import { computeDashboard } from '../../../renderer/src/features/home/dashboard';
import {
  keptDashboard,
  keptDuesYear,
  keptWritesDone,
  type KeptHow,
} from '../../../renderer/src/features/home/derived';
import { loadDuesData } from '../../../renderer/src/features/dues/data';
import { buildLedger, chartSeries } from '../../../renderer/src/features/dues/ledger';
import { recordPayment, setOverride, voidPayment } from '../../../renderer/src/features/dues/writes';
import { changeTier, registerWithdrawal } from '../../../renderer/src/records/members';

const AS_OF = '2026-11-21';
const YEAR = 2026;

let db: DeskDB;
beforeEach(async () => {
  db = await demoDatabase(60, AS_OF);
});
afterEach(() => dropDb(db, keptWritesDone));

/** The kept to-do list (after storing what it computed) and how its two parts were obtained. */
async function kept(d: DeskDB = db): Promise<{ how: KeptHow[]; value: unknown }> {
  const { how, ...value } = await keptDashboard(d, AS_OF);
  await keptWritesDone();
  return { how, value };
}

/** 会费's first view from the kept summaries against the same figures from the whole tables. */
async function expectDuesEqual(): Promise<KeptHow> {
  const v = await keptDuesYear(db, AS_OF);
  await keptWritesDone();
  const full = await loadDuesData(db, AS_OF);
  const ledger = buildLedger(full, YEAR, AS_OF, full.settings);
  expect(v.ledger).toEqual(ledger);
  expect(chartSeries(v.ledger.rows, v.yearPayments, YEAR)).toEqual(
    chartSeries(ledger.rows, full.payments, YEAR),
  );
  expect(v.members.map((m) => [m.id, m.name, m.status, m.approvedOn])).toEqual(
    full.members.map((m) => [m.id, m.name, m.status, m.approvedOn]),
  );
  expect([v.trackedFrom, v.trackedFromSet, v.bank]).toEqual([
    full.trackedFrom,
    full.trackedFromSet,
    full.bank,
  ]);
  return v.how;
}

async function expectHomeEqual(): Promise<KeptHow[]> {
  const k = await kept();
  expect(k.value).toEqual(await computeDashboard(db, AS_OF));
  return k.how;
}

describe('kept derived values (issue 17)', () => {
  it('computed once, then kept — also for a new handle on the same database (a new session)', async () => {
    expect(await expectHomeEqual()).toEqual(['computed', 'computed']);
    expect(await expectHomeEqual()).toEqual(['kept']);
    expect(await expectDuesEqual()).toBe('kept');
    const other = openDeskDb(db.name);
    await other.open();
    expect((await kept(other)).how).toEqual(['kept']);
    other.close();
  });

  it('a write in each table it depends on makes it computed again; an aborted transaction does not', async () => {
    await kept();
    const [m] = await db.members.orderBy(':id').limit(1).toArray();
    const id = m!.id!;
    const meeting = (await db.meetings.limit(1).toArray())[0]!;
    const writes: [string, () => Promise<unknown>, KeptHow[]][] = [
      ['payments add', () => db.payments.add(payment(id)), ['incremental', 'kept']],
      [
        'payments put',
        async () =>
          db.payments.put({ ...(await db.payments.where('memberId').equals(id).first())!, amount: 1 }),
        ['incremental', 'kept'],
      ],
      [
        'payments delete',
        async () => db.payments.delete((await db.payments.where('memberId').equals(id).first())!.id!),
        ['incremental', 'kept'],
      ],
      ['members update', () => db.members.update(id, { name: '新名称' }), ['incremental', 'kept']],
      [
        'tierChanges add',
        () => db.tierChanges.add({ memberId: id, tier: 'director', effectiveFrom: '2026-02-01' } as never),
        ['incremental', 'kept'],
      ],
      [
        'duesOverrides in a transaction with the audit',
        () =>
          db.transaction('rw', [db.duesOverrides, db.audit], async () => {
            await db.duesOverrides.add({ memberId: id, year: 2025, amount: 0, reason: '减免' } as never);
            await db.audit.add({ at: 'x', entity: 'duesOverrides', action: 'create', summary: 's' } as never);
          }),
        ['incremental', 'kept'],
      ],
      [
        'participations add',
        () => db.participations.add({ activityId: 1, memberId: id, date: '2026-11-01' } as never),
        ['incremental', 'kept'],
      ],
      [
        'attendance put',
        async () =>
          db.attendance.put({
            ...(await db.attendance.limit(1).first())!,
            status: 'absent',
          }),
        ['incremental', 'computed'],
      ],
      ['offices clear', () => db.offices.clear(), ['kept', 'computed']],
      ['meetings put', () => db.meetings.put({ ...meeting, place: '改' }), ['computed', 'computed']],
      ['participations clear', () => db.participations.clear(), ['computed', 'kept']],
      [
        'settings (charter) put',
        () => db.settings.put({ key: 'charter', value: { termYears: 5 } }),
        ['computed', 'computed'],
      ],
    ];
    for (const [what, write, how] of writes) {
      await write();
      expect([what, await expectHomeEqual()]).toEqual([what, how]);
      expect([what, await expectHomeEqual()]).toEqual([what, ['kept']]);
    }
    // An aborted transaction changes nothing: the kept values stay.
    await expect(
      db.transaction('rw', [db.payments, db.meetings], async () => {
        await db.payments.add(payment(id));
        await db.meetings.put({ ...meeting, place: '又改' });
        throw new Error('中止');
      }),
    ).rejects.toThrow('中止');
    expect(await expectHomeEqual()).toEqual(['kept']);
    // A write to a table it does not read keeps it too.
    await db.documents.clear();
    expect((await kept()).how).toEqual(['kept']);
    // A long sequence (each value stored a little after it is given), not a timed test.
  }, 60_000);

  it('after a series of desk writes (payment, void, override, tier change, withdrawal) equals a full computation', async () => {
    await expectHomeEqual();
    await expectDuesEqual();
    const rows = (await keptDuesYear(db, AS_OF)).ledger.rows;
    const owing = rows.find((r) => r.outstanding > 0)!;
    const other = rows.find((r) => r.memberId !== owing.memberId && r.memberStatus === 'active')!;
    const steps: [string, () => Promise<unknown>][] = [
      [
        'payment',
        () =>
          recordPayment(
            db,
            {
              memberId: owing.memberId,
              year: YEAR,
              paidOn: '2026-11-20',
              amount: owing.outstanding,
              method: '银行转账',
            },
            AS_OF,
          ),
      ],
      [
        'void',
        async () =>
          voidPayment(
            db,
            (await db.payments.where('memberId').equals(owing.memberId).last())!.id!,
            '录入错误',
          ),
      ],
      [
        'override',
        () =>
          setOverride(db, {
            memberId: other.memberId,
            year: YEAR,
            amount: 0,
            reason: '理事会决定减免',
            previousAmount: other.amount,
          }),
      ],
      [
        'tier change',
        () =>
          changeTier(
            db,
            owing.memberId,
            owing.tier === 'director' ? 'member' : 'director',
            '2026-06-01',
            '理事会选举',
          ),
      ],
      ['withdrawal', () => registerWithdrawal(db, other.memberId, '2026-11-18')],
    ];
    for (const [what, write] of steps) {
      await write();
      const home = await expectHomeEqual();
      expect([what, home[0]]).toEqual([what, 'incremental']);
      expect([what, await expectDuesEqual()]).toEqual([what, 'kept']);
    }
  });

  it('a restore-like clear and rewrite of every table computes everything again, equal', async () => {
    await kept();
    const members = await db.members.toArray();
    const payments = await db.payments.toArray();
    await db.transaction('rw', [db.members, db.payments], async () => {
      await db.payments.clear();
      await db.members.clear();
      await db.members.bulkAdd(members.slice(0, 30));
      await db.payments.bulkAdd(payments.filter((p) => p.memberId <= members[29]!.id!));
    });
    expect((await expectHomeEqual())[0]).toBe('computed');
    expect(await expectDuesEqual()).toBe('kept');
  });
});
