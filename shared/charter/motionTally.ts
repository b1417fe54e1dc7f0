/**
 * A motion's tally and outcome from the meeting record — the one function every screen, paper, export and
 * picker of passed motions uses (R-O2, R-O4, R-O6).
 *
 * - Those present: onsite, the voting entitled marked 出席; remote (通讯), those whose ballot was returned
 *   (`remoteMeetingPresent`). Observers (列席) never vote.
 * - Counts mode: the typed counts.
 * - Names mode: only ballots of units present count. A ballot of a unit that is not (or no longer) present —
 *   marked 出席, voted, then marked 缺席 — is kept but not counted, and listed in `uncounted` so every paper can
 *   show it as such. No counted ballot means the motion has not been voted on.
 */
import type { AttendanceRecord, Ballot, Meeting, Motion } from '../domain/records';
import { decideMotion, type MotionDecision } from './voting';
import { remoteMeetingPresent } from './meetings';

/** Voting entitled ids (observers excluded). */
export function votingIds(meeting: Pick<Meeting, 'entitled'>): number[] {
  return meeting.entitled.filter((e) => !e.observer).map((e) => e.memberId);
}

/** The ids present for the quorum and the vote, ascending (R-O2, R-O4, R-O6). */
export function presentVoterIds(
  meeting: Pick<Meeting, 'form' | 'entitled'>,
  attendance: readonly Pick<AttendanceRecord, 'memberId' | 'status' | 'ballotReturnedOn'>[],
): number[] {
  const ids = votingIds(meeting);
  const idSet = new Set(ids);
  const rows = attendance.filter((a) => idSet.has(a.memberId));
  if (meeting.form === 'remote')
    return remoteMeetingPresent(
      ids,
      rows.map((a) => ({ holderId: a.memberId, returnedOn: a.ballotReturnedOn ?? null })),
    );
  return rows
    .filter((a) => a.status === 'present')
    .map((a) => a.memberId)
    .sort((a, b) => a - b);
}

/** Why a named ballot is not counted, as the papers print it. */
export const UNCOUNTED_REASON = '不计入（该单位未出席）';

export interface MotionTally {
  inFavour: number;
  against: number;
  abstain: number;
  /** 未表决: present who did not vote. */
  notVoted: number;
  entitled: number;
  present: number;
  /** The engine's outcome; null while nothing is recorded (or the counts are impossible). */
  decision: MotionDecision | null;
  /** Why the tally is impossible (e.g. more votes than present), in Chinese. */
  error: string | null;
  /** Names mode: the ballots that count, and those kept but not counted (unit not present). */
  counted: Ballot[];
  uncounted: Ballot[];
}

/**
 * The tally and outcome of one motion. `ballots` may hold ballots of other motions (they are ignored), so a
 * caller can pass the meeting's whole ballot list.
 */
export function motionTally(
  meeting: Pick<Meeting, 'body' | 'form' | 'entitled'>,
  motion: Pick<Motion, 'id' | 'tallyMode' | 'counts' | 'guidingDecision'>,
  attendance: readonly Pick<AttendanceRecord, 'memberId' | 'status' | 'ballotReturnedOn'>[],
  ballots: readonly Ballot[],
  presentIds: readonly number[] = presentVoterIds(meeting, attendance),
): MotionTally {
  const present = new Set(presentIds);
  const counted: Ballot[] = [];
  const uncounted: Ballot[] = [];
  let inFavour = 0;
  let against = 0;
  let abstain = 0;
  let recorded: boolean;
  if (motion.tallyMode === 'names') {
    for (const b of ballots) {
      if (b.motionId !== motion.id) continue;
      if (!present.has(b.memberId)) {
        uncounted.push(b);
        continue;
      }
      counted.push(b);
      if (b.choice === 'for') inFavour++;
      else if (b.choice === 'against') against++;
      else abstain++;
    }
    recorded = counted.length > 0;
  } else {
    inFavour = motion.counts?.for ?? 0;
    against = motion.counts?.against ?? 0;
    abstain = motion.counts?.abstain ?? 0;
    recorded = motion.counts !== undefined;
  }
  const entitled = votingIds(meeting).length;
  const base = {
    inFavour,
    against,
    abstain,
    notVoted: Math.max(0, presentIds.length - inFavour - against - abstain),
    entitled,
    present: presentIds.length,
    counted,
    uncounted,
  };
  if (!recorded) return { ...base, decision: null, error: null };
  try {
    const decision = decideMotion({
      body: meeting.body,
      entitled,
      present: presentIds.length,
      inFavour,
      against,
      abstain,
      guidingUnit: meeting.body === 'standing' ? (motion.guidingDecision ?? null) : null,
    });
    return { ...base, notVoted: decision.notVoted, decision, error: null };
  } catch (e) {
    return { ...base, decision: null, error: e instanceof Error ? e.message : String(e) };
  }
}
