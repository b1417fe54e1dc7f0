import { freshDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import type { DemoDataset } from '../../../shared/demo/generate';

/** A fresh, open database holding the demo's members and offices: where every meetings test starts. */
export async function demoDb(demo: Pick<DemoDataset, 'members' | 'offices'>): Promise<DeskDB> {
  const db = freshDb();
  await db.open();
  await db.members.bulkAdd(demo.members);
  await db.offices.bulkAdd(demo.offices);
  return db;
}
