/**
 * The 会议 list's rows: each meeting, newest first, with its quorum (the engine's, through quorumOf) —
 * only what the list shows, so that it can be kept across sessions (features/home/derived.ts
 * keptByStamps) without the entitled lists and the present ids.
 */
import type { AttendanceRecord, Meeting } from '../../../../shared/domain/records';
import type { DeskDB } from '../../db';
import { groupBy } from '../../../../shared/data/group';
import { keptByStamps } from '../home/derived';
import { quorumOf } from './logic';

export interface MeetingListRow {
  meeting: Pick<Meeting, 'date' | 'name' | 'body' | 'form'> & { id: number };
  quorum: { entitled: number; present: number; quorate: boolean; label: string };
}

export function meetingListRows(
  meetings: readonly Meeting[],
  attendance: readonly AttendanceRecord[],
): MeetingListRow[] {
  const byMeeting = groupBy(attendance, (a) => a.meetingId);
  return [...meetings]
    .sort((a, b) => b.date.localeCompare(a.date) || (b.id ?? 0) - (a.id ?? 0))
    .map((m) => {
      const q = quorumOf(m, byMeeting.get(m.id!) ?? []);
      return {
        meeting: { id: m.id!, date: m.date, name: m.name, body: m.body, form: m.form },
        quorum: { entitled: q.entitled, present: q.present, quorate: q.quorate, label: q.label },
      };
    });
}

/** The rows, kept while meetings and attendance are unchanged. */
export function keptMeetingList(db: DeskDB) {
  return keptByStamps(db, 'meetingList', ['meetings', 'attendance'], '', async () => {
    const [meetings, attendance] = await Promise.all([db.meetings.toArray(), db.attendance.toArray()]);
    return meetingListRows(meetings, attendance);
  });
}
