/**
 * Quorum and vote thresholds of the three bodies (R-O2, R-O4, R-O6) and motion outcomes.
 * "≥ 2/3 (含)" is `3 * n >= 2 * total`, "半数（含）以上" is `2 * n >= total` — integers only (BigInt, so
 * even absurdly large counts compare exactly), never floating point.
 */
import type { Body, IsoDate } from '../domain/types';
import { BODY_LABEL } from '../domain/types';
import { assertCount, assertOneOf, fail } from './errors';
import { assertIsoDate } from './dates';

import { BODIES } from '../domain/types';
export { BODIES };

function assertBody(body: unknown): asserts body is Body {
  assertOneOf(body, BODIES, '会议机构');
}

function checkPresent(entitled: number, present: number): void {
  assertCount(entitled, '应到人数');
  assertCount(present, '实到人数');
  if (present > entitled) fail(`实到人数（${present}）不能多于应到人数（${entitled}）`);
}

function checkVotes(present: number, inFavour: number): void {
  assertCount(present, '实到人数');
  assertCount(inFavour, '赞成票数');
  if (inFavour > present) fail(`赞成票数（${inFavour}）不能多于实到人数（${present}）`);
}

/**
 * Whether a meeting can be held: `3 * present >= 2 * entitled` for every body (R-O2 members, R-O4
 * directors, R-O6 standing directors; 2/3 含). Counts are non-negative integers with `present <= entitled`.
 * With nobody entitled the inequality holds trivially (0 ≥ 0); the desks should not convene such a meeting.
 */
export function isQuorate(body: Body, entitled: number, present: number): boolean {
  assertBody(body);
  checkPresent(entitled, present);
  return 3n * BigInt(present) >= 2n * BigInt(entitled);
}

/**
 * Whether a resolution passes on the vote alone (quorum is checked separately): the assembly with
 * `2 * inFavour >= present` (R-O2, 半数含), the council and standing council with `3 * inFavour >= 2 * present`
 * (R-O4, R-O6, 2/3 含). A standing-council resolution still needs the guiding unit (see `decideMotion`).
 */
export function isAdopted(body: Body, present: number, inFavour: number): boolean {
  assertBody(body);
  checkVotes(present, inFavour);
  const f = BigInt(inFavour);
  const p = BigInt(present);
  return body === 'assembly' ? 2n * f >= p : 3n * f >= 2n * p;
}

/** Smallest number present for a quorum: ⌈2 × entitled / 3⌉ (R-O2, R-O4, R-O6). */
export function quorumNeeded(body: Body, entitled: number): number {
  assertBody(body);
  assertCount(entitled, '应到人数');
  return Number((2n * BigInt(entitled) + 2n) / 3n);
}

/** Smallest number of votes in favour that adopts: ⌈present / 2⌉ for the assembly, ⌈2 × present / 3⌉ otherwise. */
export function votesNeeded(body: Body, present: number): number {
  assertBody(body);
  assertCount(present, '实到人数');
  const p = BigInt(present);
  return Number(body === 'assembly' ? (p + 1n) / 2n : (2n * p + 2n) / 3n);
}

/** A vote count of a motion. `present` is the base (for a remote meeting: ballots returned). */
export interface Tally {
  present: number;
  inFavour: number;
  against: number;
  abstain: number;
}

/**
 * Checks a tally (`inFavour + against + abstain <= present`) and returns the number present who did not
 * vote (未表决). Throws a `RangeError` in Chinese when the counts are impossible.
 */
export function notVotedOf(t: Tally): number {
  assertCount(t.present, '实到人数');
  assertCount(t.inFavour, '赞成票数');
  assertCount(t.against, '反对票数');
  assertCount(t.abstain, '弃权票数');
  const cast = t.inFavour + t.against + t.abstain;
  if (cast > t.present) {
    fail(`赞成、反对、弃权合计 ${cast} 票，多于实到人数 ${t.present}`);
  }
  return t.present - cast;
}

/**
 * Motion outcome: adopted / not adopted; for the standing council (R-O6) an adopted resolution is
 * 'pending-approval' until the guiding unit decides, then 'approved' or 'rejected'.
 */
export type MotionOutcome = 'adopted' | 'not-adopted' | 'pending-approval' | 'approved' | 'rejected';
export const MOTION_OUTCOME_LABEL: Record<MotionOutcome, string> = {
  adopted: '通过',
  'not-adopted': '未通过',
  'pending-approval': '通过（待指导单位批准）',
  approved: '通过（指导单位已批准）',
  rejected: '指导单位未批准',
};

/** Outcomes that count as "the resolution passed" (R-M3 approval, R-M9 expulsion, R-O7, R-O10). */
export function isPassedOutcome(outcome: MotionOutcome): boolean {
  return outcome === 'adopted' || outcome === 'pending-approval' || outcome === 'approved';
}

/** Input of `decideMotion`. */
export interface MotionInput {
  body: Body;
  /** Entitled on the meeting date (see `entitledOn`). */
  entitled: number;
  /** Present (remote meeting: ballots returned). */
  present: number;
  inFavour: number;
  against?: number;
  abstain?: number;
  /** R-O6: the guiding unit's decision on a standing-council resolution, as its own dated step. */
  guidingUnit?: { decision: 'approved' | 'rejected'; on: IsoDate } | null;
}

export interface MotionDecision {
  outcome: MotionOutcome;
  label: string;
  quorate: boolean;
  /** The vote threshold was met (and the meeting was quorate). */
  adopted: boolean;
  quorumNeeded: number;
  votesNeeded: number;
  /** Present who did not vote (未表决). */
  notVoted: number;
  /** Why it failed, when it did. */
  reason?: 'not-quorate' | 'votes';
}

/** Decides a motion (R-O2, R-O4, R-O6); a meeting without quorum adopts nothing. */
export function decideMotion(m: MotionInput): MotionDecision {
  assertBody(m.body);
  checkPresent(m.entitled, m.present);
  const notVoted = notVotedOf({
    present: m.present,
    inFavour: m.inFavour,
    against: m.against ?? 0,
    abstain: m.abstain ?? 0,
  });
  const quorate = isQuorate(m.body, m.entitled, m.present);
  const adopted = quorate && isAdopted(m.body, m.present, m.inFavour);
  const gu = m.guidingUnit ?? null;
  if (gu) {
    if (m.body !== 'standing') fail(`只有常务理事会的决议需报指导单位批准，${BODY_LABEL[m.body]}决议不适用`);
    if (!adopted) fail('未通过的决议不能记录指导单位的批准');
    assertOneOf(gu.decision, ['approved', 'rejected'] as const, '指导单位意见');
    assertIsoDate(gu.on, '指导单位批复日期');
  }
  let outcome: MotionOutcome;
  if (!adopted) outcome = 'not-adopted';
  else if (m.body !== 'standing') outcome = 'adopted';
  else outcome = gu ? gu.decision : 'pending-approval';
  const decision: MotionDecision = {
    outcome,
    label: MOTION_OUTCOME_LABEL[outcome],
    quorate,
    adopted,
    quorumNeeded: quorumNeeded(m.body, m.entitled),
    votesNeeded: votesNeeded(m.body, m.present),
    notVoted,
  };
  if (!quorate) decision.reason = 'not-quorate';
  else if (!adopted) decision.reason = 'votes';
  return decision;
}

/** Just the outcome of `decideMotion`. */
export function motionOutcome(m: MotionInput): MotionOutcome {
  return decideMotion(m).outcome;
}
