/**
 * The roll call's incremental quorum (issue 17): the counts taken once from the stored attendance
 * (rollCountsOf) and stepped by each mark (rollCountsStep) give the same quorum view as the full
 * computation (quorumOf over the attendance with the marks laid over it) on every step of a roll call —
 * marks, re-marks, marks of units not entitled, of the observer, and live deliveries in between.
 */
import { describe, expect, it } from 'vitest';
import type { AttendanceRecord, Meeting } from '../../../shared/domain/records';
import {
  quorumOf,
  quorumOfCounts,
  rollCountsOf,
  rollCountsStep,
  markedAttendance,
  type RollCounts,
} from '../../../renderer/src/features/meetings/logic';

const entry = (id: number, observer = false) => ({
  memberId: id,
  name: `单位${id}`,
  representative: '张伟',
  observer,
});

/** A small deterministic generator (the same sequence on every run). */
function lcg(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

const STATUSES = ['present', 'absent', 'leave'] as const;

describe('roll-call counts kept incrementally (issue 17)', () => {
  for (const body of ['assembly', 'council', 'standing'] as const) {
    it(`answer as quorumOf on every keystroke and delivery (${body})`, () => {
      const entitled = [...Array.from({ length: 60 }, (_, i) => entry(i + 1)), entry(0, true)];
      const meeting: Pick<Meeting, 'body' | 'form' | 'entitled'> = { body, form: 'onsite', entitled };
      const rnd = lcg(body.length * 7919);
      // What is stored (the live query's delivery) and the marks not yet delivered (the overlay).
      let stored = new Map<number, AttendanceRecord>();
      let marks = new Map<number, { record: AttendanceRecord; written: boolean }>();
      let live: AttendanceRecord[] = [];
      let base = rollCountsOf(meeting, live)!;
      const view = () => {
        let c: RollCounts = base;
        for (const [id, p] of marks)
          c = rollCountsStep(c, meeting, id, stored.get(id)?.status, p.record.status);
        return quorumOfCounts(meeting, c);
      };
      for (let step = 0; step < 400; step++) {
        if (rnd(5) === 0) {
          // A live delivery: the marks are stored; the base is counted again.
          stored = new Map(stored);
          for (const [id, p] of marks) stored.set(id, p.record);
          marks = new Map();
          live = [...stored.values()];
          base = rollCountsOf(meeting, live)!;
        } else {
          // A keystroke: a unit entitled (now and then the observer, 0, or one not entitled, 999).
          const pick = rnd(70);
          const memberId = pick < 60 ? pick + 1 : pick < 65 ? 0 : 999;
          const status = memberId === 0 ? 'observer' : STATUSES[rnd(3)]!;
          marks = new Map(marks).set(memberId, {
            record: { meetingId: 1, memberId, status, updatedAt: String(step) },
            written: false,
          });
        }
        const { presentIds: _ids, ...full } = quorumOf(meeting, markedAttendance(live, marks));
        expect(view()).toEqual(full);
      }
    });
  }

  it('is not kept for a remote meeting or an entitled list naming a unit twice (quorumOf answers there)', () => {
    expect(rollCountsOf({ form: 'remote', entitled: [entry(1)] }, [])).toBeNull();
    expect(rollCountsOf({ form: 'onsite', entitled: [entry(1), entry(1)] }, [])).toBeNull();
  });

  it('the quorum is the engine’s: 2/3 of the voting entitled, reached exactly at the threshold', () => {
    const meeting = {
      body: 'assembly' as const,
      form: 'onsite' as const,
      entitled: [1, 2, 3].map((i) => entry(i)),
    };
    let c = rollCountsOf(meeting, [])!;
    expect(quorumOfCounts(meeting, c)).toMatchObject({ needed: 2, quorate: false, unmarked: 3 });
    c = rollCountsStep(c, meeting, 1, undefined, 'present');
    c = rollCountsStep(c, meeting, 2, undefined, 'present');
    expect(quorumOfCounts(meeting, c)).toMatchObject({ present: 2, quorate: true, text: '出席 2 / 应到 3' });
    c = rollCountsStep(c, meeting, 2, 'present', 'leave');
    expect(quorumOfCounts(meeting, c)).toMatchObject({ present: 1, leave: 1, quorate: false, unmarked: 1 });
  });
});
