import { freshDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import type { DemoDataset } from '../../../shared/demo/generate';
import {
  addAgendaItem,
  addMotion,
  createMeeting,
  type NewMeeting,
} from '../../../renderer/src/features/meetings/data';
import type { Motion } from '../../../shared/domain/records';

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

/** A 常务理事会 in 北京 on `date`, chaired by 甲 and recorded by 乙 unless `fields` say otherwise: its id. */
export function createStandingMeeting(
  db: DeskDB,
  date: string,
  fields: Partial<NewMeeting> = {},
): Promise<number> {
  return createMeeting(
    db,
    meetingFields({
      body: 'standing',
      name: '常务理事会',
      date,
      place: '北京',
      chair: '甲',
      recorder: '乙',
      ...fields,
    }),
  );
}

/** A motion `title` without text, voted by name unless said, under a new agenda item `item`: its id. */
export async function motionUnder(
  db: DeskDB,
  meetingId: number,
  item: string,
  title: string,
  tallyMode: Motion['tallyMode'] = 'names',
): Promise<number> {
  const agendaItemId = await addAgendaItem(db, meetingId, item);
  return addMotion(db, { meetingId, agendaItemId, title, text: '', tallyMode });
}
