import { freshDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import type { DemoDataset } from '../../../shared/demo/generate';
import type { NewMeeting } from '../../../renderer/src/features/meetings/data';

/** A fresh, open database holding the demo's members and offices: where every meetings test starts. */
export async function demoDb(demo: Pick<DemoDataset, 'members' | 'offices'>): Promise<DeskDB> {
  const db = freshDb();
  await db.open();
  await db.members.bulkAdd(demo.members);
  await db.offices.bulkAdd(demo.offices);
  return db;
}

/** A new meeting's fields: an onsite meeting with blank place, chair and recorder unless given. */
export function meetingFields(fields: Pick<NewMeeting, 'body' | 'date'> & Partial<NewMeeting>): NewMeeting {
  return { form: 'onsite', name: 'x', place: '', chair: '', recorder: '', ...fields };
}
