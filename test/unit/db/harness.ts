/**
 * Migration test harness: open the database at version N with fixture rows, close it, reopen it
 * at the current version (running the upgrade functions) and hand back the upgraded handle.
 */
import 'fake-indexeddb/auto';
import { openDeskDb, SCHEMA_VERSION, type DeskDB } from '../../../renderer/src/db/schema';

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
