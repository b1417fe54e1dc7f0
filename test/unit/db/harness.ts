/**
 * The unit tests' databases (fake-indexeddb): a fresh one, one holding the demo dataset, and the migration
 * harness — open the database at version N with fixture rows, close it, reopen it at the current version
 * (running the upgrade functions) and hand back the upgraded handle.
 */
import 'fake-indexeddb/auto';
import { openDeskDb, SCHEMA_VERSION, type DeskDB } from '../../../renderer/src/db/schema';
import { loadDemo } from '../../../renderer/src/db/demo';
import type { Payment } from '../../../shared/domain/records';

let counter = 0;

export async function upgradeFrom(
  version: number,
  fixtures: Record<string, object[]>,
): Promise<{ db: DeskDB; name: string }> {
  const name = `migration-test-${process.pid}-${++counter}`;
  const old = openDeskDb(name, version);
  await old.open();
  await old.transaction(
    'rw',
    Object.keys(fixtures).map((t) => old.table(t)),
    async () => {
      for (const [table, rows] of Object.entries(fixtures)) await old.table(table).bulkAdd(rows);
    },
  );
  old.close();
  const db = openDeskDb(name, SCHEMA_VERSION);
  await db.open();
  return { db, name };
}

export function freshDb(): DeskDB {
  return openDeskDb(`test-${process.pid}-${++counter}`);
}

/** A fresh database, open, holding the demo dataset of `members` members as of `asOf`. */
export async function demoDatabase(members: number, asOf: string): Promise<DeskDB> {
  const db = freshDb();
  await db.open();
  await loadDemo(db, { members, asOf });
  return db;
}

/** Closes a test's database and deletes it, once `settled` (e.g. the kept values' writes) has resolved. */
export async function dropDb(db: DeskDB, settled?: () => Promise<unknown>): Promise<void> {
  await settled?.();
  db.close();
  await db.delete();
}

/** A payment of 2026's dues by bank transfer on 2026-03-01, as a test records it. */
export function payment(memberId: number, amount = 100): Payment {
  return {
    memberId,
    year: 2026,
    paidOn: '2026-03-01',
    amount,
    method: '银行转账',
    receiptNo: '',
    recordedAt: '2026-03-01T00:00:00.000Z',
  } as Payment;
}
