/**
 * R-O6 (shared/charter standingAbsenceFlags): a standing director whose seat the clerk has ended (结束任职)
 * is no longer flagged, even while the recorded last day in office is today or later; a term that was only
 * recorded shorter than the full length (elected for the rest of a council's term) is still flagged.
 */
import { describe, expect, it } from 'vitest';
import type { Office } from '../../../shared/domain/records';
import {
  DEFAULT_CHARTER_SETTINGS,
  standingAbsenceFlags,
  type OfficeTerm,
  type StandingMeetingAttendance,
} from '../../../shared/charter';
import { officeTerms } from '../../../renderer/src/features/meetings/logic';

const meeting = (meetingId: number, date: string, absent: number[]): StandingMeetingAttendance => ({
  meetingId,
  date,
  attendance: [1, 2].map((holderId) => ({
    holderId,
    attendance: absent.includes(holderId) ? 'absent' : 'present',
  })),
});
const meetings = [meeting(1, '2024-02-10', [1, 2]), meeting(2, '2024-08-10', [1, 2])];
const standing = (holderId: number, extra: Partial<OfficeTerm> = {}): OfficeTerm => ({
  holderId,
  role: 'standing',
  startOn: '2023-01-01',
  ...extra,
});

describe('R-O6 absence flag and recorded early ends', () => {
  it('both absent twice in a row: both flagged', () => {
    const flags = standingAbsenceFlags(meetings, [standing(1), standing(2)], '2024-09-01');
    expect(flags.map((f) => f.holderId)).toEqual([1, 2]);
  });

  it('a seat ended by the clerk is settled at once, even with its last day still ahead', () => {
    const terms = [standing(1, { endedOn: '2024-09-01', endRecorded: true }), standing(2)];
    expect(standingAbsenceFlags(meetings, terms, '2024-09-01').map((f) => f.holderId)).toEqual([2]);
    const later = [standing(1, { endedOn: '2024-12-31', endRecorded: true }), standing(2)];
    expect(standingAbsenceFlags(meetings, later, '2024-09-01').map((f) => f.holderId)).toEqual([2]);
  });

  it('a term only recorded shorter (not ended by the clerk) is still flagged while in office', () => {
    const terms = [standing(1, { endedOn: '2024-12-31' }), standing(2)];
    expect(standingAbsenceFlags(meetings, terms, '2024-09-01').map((f) => f.holderId)).toEqual([1, 2]);
  });

  it('a holder with another standing-council term still open (e.g. 理事长) stays flagged', () => {
    const terms = [
      standing(1, { endedOn: '2024-09-01', endRecorded: true }),
      { holderId: 1, role: 'chair' as const, startOn: '2023-01-01' },
      standing(2),
    ];
    expect(standingAbsenceFlags(meetings, terms, '2024-09-01').map((f) => f.holderId)).toEqual([1, 2]);
  });

  it('officeTerms marks offices ended by the clerk, not those recorded with a shorter end', () => {
    const base: Office = {
      role: 'standing',
      memberId: 1,
      holderName: '甲',
      startOn: '2023-01-01',
      endOn: '2025-12-31',
      createdAt: '',
    };
    const [ended, shorter] = officeTerms(
      [
        { ...base, ended: { on: '2024-09-01', reason: '辞职' } },
        { ...base, endOn: '2024-12-31' },
      ],
      DEFAULT_CHARTER_SETTINGS,
    );
    expect(ended).toEqual({
      holderId: 1,
      role: 'standing',
      startOn: '2023-01-01',
      endedOn: '2024-09-01',
      endRecorded: true,
    });
    expect(shorter).toEqual({ holderId: 1, role: 'standing', startOn: '2023-01-01', endedOn: '2024-12-31' });
  });
});
