/**
 * Standing-council motions that passed (R-M3 step 3, R-M9): what 入会申请 and 除名 may cite. A read model over
 * the meetings desk's records; each motion's outcome is the one tally (shared/charter/motionTally.ts).
 */
import type { Motion } from '../../../shared/domain/records';
import {
  MOTION_OUTCOME_LABEL,
  isPassedOutcome,
  motionTally,
  type MotionOutcome,
} from '../../../shared/charter';
import type { DeskDB } from '../db/schema';

export interface PassedMotion {
  id: number;
  title: string;
  meetingName: string;
  date: string;
  outcome: MotionOutcome;
  label: string;
}

/** Standing-council motions whose outcome the engine counts as passed (`isPassedOutcome`). */
export async function passedStandingMotions(db: DeskDB): Promise<PassedMotion[]> {
  const meetings = await db.meetings.where('body').equals('standing').toArray();
  const out: PassedMotion[] = [];
  for (const mt of meetings) {
    const motions: Motion[] = await db.motions
      .where('meetingId')
      .equals(mt.id as number)
      .toArray();
    if (motions.length === 0) continue;
    const attendance = await db.attendance
      .where('meetingId')
      .equals(mt.id as number)
      .toArray();
    const ballots = await db.ballots
      .where('motionId')
      .anyOf(motions.map((m) => m.id as number))
      .toArray();
    for (const mo of motions) {
      // The one tally of the meetings desk (R-O6); an impossible tally is the desk's to fix, not offered here.
      const d = motionTally(mt, mo, attendance, ballots).decision;
      if (d && isPassedOutcome(d.outcome))
        out.push({
          id: mo.id as number,
          title: mo.title,
          meetingName: mt.name,
          date: mt.date,
          outcome: d.outcome,
          label: MOTION_OUTCOME_LABEL[d.outcome],
        });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
