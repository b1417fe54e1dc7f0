import { describe, expect, it } from 'vitest';
import type { AttendanceRecord, Meeting } from '../../../shared/domain/records';
import * as charter from '../../../shared/charter';
import { quorumOf } from '../../../renderer/src/features/meetings/logic';

/** quorumOf as it was before issue 17 (every call recomputed from the entitled list), for comparison. */
function reference(meeting: Pick<Meeting, 'body' | 'form' | 'entitled'>, attendance: AttendanceRecord[]) {
  const ids = charter.votingIds(meeting);
  const idSet = new Set(ids);
  const rows = attendance.filter((a) => idSet.has(a.memberId));
  const marked = new Set(rows.map((a) => a.memberId));
  return {
    present: charter.presentVoterIds(meeting, attendance).length,
    entitled: ids.length,
    unmarked: ids.filter((id) => !marked.has(id)).length,
    absent: rows.filter((a) => a.status === 'absent').length,
    leave: rows.filter((a) => a.status === 'leave').length,
  };
}

describe('quorumOf keeps the voting ids per entitled list (issue 17) and answers as before', () => {
  const statuses = ['present', 'absent', 'leave'] as const;
  const entry = (id: number, observer = false) => ({
    memberId: id,
    name: `单位${id}`,
    representative: '张伟',
    observer,
  });
  const record = (memberId: number, i: number): AttendanceRecord => ({
    meetingId: 1,
    memberId,
    status: memberId === 0 ? 'observer' : statuses[i % 3]!,
    updatedAt: '',
  });

  it('on every prefix of a roll call, onsite and with an observer, and with an id entitled twice', () => {
    for (const entitled of [
      [...Array.from({ length: 40 }, (_, i) => entry(i + 1)), entry(0, true)],
      [entry(1), entry(2), entry(2), entry(3)],
    ]) {
      for (const body of ['assembly', 'standing'] as const) {
        const meeting = { body, form: 'onsite' as const, entitled };
        const marks: AttendanceRecord[] = [];
        for (let i = 0; i < entitled.length + 3; i++) {
          const q = quorumOf(meeting, marks);
          const r = reference(meeting, marks);
          expect({
            present: q.present,
            entitled: q.entitled,
            unmarked: q.unmarked,
            absent: q.absent,
            leave: q.leave,
          }).toEqual(r);
          // The next mark: a member in the list, or one not entitled (ignored), or a repeated one.
          marks.push(record(i < entitled.length ? entitled[i]!.memberId : 999 + i, i));
        }
      }
    }
  });
});
