/**
 * The 会议 list's rows kept across sessions (issue 17, features/meetings/listRows.ts through
 * features/home/derived.ts keptByStamps): an unchanged database gives the kept rows (also to a new handle);
 * a roll-call mark or a new meeting makes them computed again; and every time they equal the rows computed
 * from the whole tables, with the engine's quorum of each meeting.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDatabase, dropDb } from '../db/harness';
import { openDeskDb, type DeskDB } from '../../../renderer/src/db/schema';
import { keptWritesDone } from '../../../renderer/src/features/home/derived';
import { keptMeetingList, meetingListRows } from '../../../renderer/src/features/meetings/listRows';
import { createMeeting, saveAttendance } from '../../../renderer/src/features/meetings/data';
import { quorumOf } from '../../../renderer/src/features/meetings/logic';

const AS_OF = '2026-11-21';
let db: DeskDB;
beforeEach(async () => {
  db = await demoDatabase(60, AS_OF);
});
afterEach(() => dropDb(db, keptWritesDone));

async function kept(d: DeskDB = db) {
  const r = await keptMeetingList(d);
  await keptWritesDone();
  return r;
}

async function fromTables() {
  return meetingListRows(await db.meetings.toArray(), await db.attendance.toArray());
}

describe('会议 list rows kept by the tables they read (issue 17)', () => {
  it('computed once, then kept — also for a new handle (a new session)', async () => {
    const first = await kept();
    expect(first.how).toBe('computed');
    expect(first.value).toEqual(await fromTables());
    expect((await kept()).how).toBe('kept');
    const other = openDeskDb(db.name);
    await other.open();
    const again = await kept(other);
    expect(again.how).toBe('kept');
    expect(again.value).toEqual(first.value);
    other.close();
  });

  it('a roll-call mark and a new meeting are counted at once; the quorum is the engine’s', async () => {
    await kept();
    const meeting = (await db.meetings.toArray()).find((m) => m.entitled.length > 0)!;
    const unit = meeting.entitled.find(() => true)!;
    const before = (await fromTables()).find((r) => r.meeting.id === meeting.id)!;
    await saveAttendance(db, meeting.id!, unit.memberId, { status: 'absent' });
    const afterMark = await kept();
    expect(afterMark.how).toBe('computed');
    expect(afterMark.value).toEqual(await fromTables());
    const row = afterMark.value.find((r) => r.meeting.id === meeting.id)!;
    const engine = quorumOf(meeting, await db.attendance.where('meetingId').equals(meeting.id!).toArray());
    expect(row.quorum).toEqual({
      entitled: engine.entitled,
      present: engine.present,
      quorate: engine.quorate,
      label: engine.label,
    });
    expect(row.quorum.present).toBeLessThanOrEqual(before.quorum.present);

    await createMeeting(db, {
      body: 'council',
      form: 'onsite',
      name: '测试理事会会议',
      date: '2026-11-30',
      place: '北京',
      chair: '',
      recorder: '',
    } as never);
    const afterNew = await kept();
    expect(afterNew.how).toBe('computed');
    expect(afterNew.value[0]!.meeting.name).toBe('测试理事会会议'); // newest first
    expect(afterNew.value).toEqual(await fromTables());
  });
});
