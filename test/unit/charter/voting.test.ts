import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Body } from '../../../shared/charter';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

const body = fc.constantFrom<Body>('assembly', 'council', 'standing');

/** Exact rational reference: a/b >= p/q  ⇔  a·q >= p·b (BigInt). */
function ratioAtLeast(a: number, b: number, p: bigint, q: bigint): boolean {
  return BigInt(a) * q >= p * BigInt(b);
}

/**
 * Property (2,000 runs): `rule(b, whole, part)` is exactly part/whole ≥ p/q with `[p, q] = ratio(b)`, for any
 * whole up to Number.MAX_SAFE_INTEGER and any part of it.
 */
function expectExactRatio(
  rule: (b: Body, whole: number, part: number) => boolean,
  ratio: (b: Body) => [bigint, bigint],
): void {
  fc.assert(
    fc.property(body, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.nat(), (b, whole, seed) => {
      const part = whole === 0 ? 0 : seed % (whole + 1);
      return rule(b, whole, part) === ratioAtLeast(part, whole, ...ratio(b));
    }),
    { numRuns: 2000 },
  );
}

/** Property: `needed(b, n)` is the smallest count `holds` accepts, for every body and n from 1 to 100,000. */
function expectSmallest(
  needed: (b: Body, n: number) => number,
  holds: (b: Body, n: number, count: number) => boolean,
): void {
  fc.assert(
    fc.property(body, fc.integer({ min: 1, max: 100000 }), (b, n) => {
      const k = needed(b, n);
      return holds(b, n, k) && (k === 0 || !holds(b, n, k - 1));
    }),
  );
}

describe('R-O2, R-O4, R-O6 quorum: present ≥ 2/3 of entitled (含)', () => {
  it('2/3 of 9: 6 present is quorate, 5 is not (every body)', () => {
    for (const b of charter.BODIES) {
      expect(charter.isQuorate(b, 9, 6)).toBe(true);
      expect(charter.isQuorate(b, 9, 5)).toBe(false);
    }
  });

  it('R-O2 assembly 100 members: 67 quorate, 66 not; R-O4 council 10 directors: 7 yes, 6 no', () => {
    expect(charter.isQuorate('assembly', 100, 67)).toBe(true);
    expect(charter.isQuorate('assembly', 100, 66)).toBe(false);
    expect(charter.isQuorate('council', 10, 7)).toBe(true);
    expect(charter.isQuorate('council', 10, 6)).toBe(false);
    expect(charter.isQuorate('standing', 3, 2)).toBe(true);
    expect(charter.isQuorate('standing', 3, 1)).toBe(false);
  });

  it('property: equals the exact rational comparison present/entitled ≥ 2/3', () => {
    expectExactRatio(charter.isQuorate, () => [2n, 3n]);
  });

  it('property: exact at the boundary even for huge counts (no floating point)', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 3) }), (b, k) => {
        return charter.isQuorate(b, 3 * k, 2 * k) && !charter.isQuorate(b, 3 * k, 2 * k - 1);
      }),
    );
    const max = Number.MAX_SAFE_INTEGER; // 2·max/3 = 6004799503160660.67
    expect(charter.isQuorate('assembly', max, 6004799503160661)).toBe(true);
    expect(charter.isQuorate('assembly', max, 6004799503160660)).toBe(false);
  });

  it('quorumNeeded is the smallest quorate count', () => {
    expect(charter.quorumNeeded('standing', 9)).toBe(6);
    expect(charter.quorumNeeded('council', 10)).toBe(7);
    expect(charter.quorumNeeded('assembly', 100)).toBe(67);
    expectSmallest(charter.quorumNeeded, charter.isQuorate);
  });

  it('invalid counts throw RangeError with a Chinese message', () => {
    expectRangeError(() => charter.isQuorate('council', -1, 0), /非负整数/);
    expectRangeError(() => charter.isQuorate('council', 9, 2.5), /非负整数/);
    expectRangeError(() => charter.isQuorate('council', 9, 10), /不能多于应到人数/);
    expectRangeError(() => charter.isQuorate('council', Number.NaN, 1));
    expectRangeError(() => charter.isQuorate('board' as Body, 9, 6), /会议机构/);
  });
});

describe('vote thresholds: R-O2 assembly ≥ 1/2 of present (含); R-O4, R-O6 ≥ 2/3 of present (含)', () => {
  it('R-O2 assembly: 50 of 100 adopts, 49 does not', () => {
    expect(charter.isAdopted('assembly', 100, 50)).toBe(true);
    expect(charter.isAdopted('assembly', 100, 49)).toBe(false);
    expect(charter.isAdopted('assembly', 7, 4)).toBe(true);
    expect(charter.isAdopted('assembly', 7, 3)).toBe(false);
  });

  it('R-O4 council and R-O6 standing: 6 of 9 adopts, 5 does not; 4 of 6 yes, 3 no', () => {
    for (const b of ['council', 'standing'] as const) {
      expect(charter.isAdopted(b, 9, 6)).toBe(true);
      expect(charter.isAdopted(b, 9, 5)).toBe(false);
      expect(charter.isAdopted(b, 6, 4)).toBe(true);
      expect(charter.isAdopted(b, 6, 3)).toBe(false);
      expect(charter.isAdopted(b, 100, 67)).toBe(true);
      expect(charter.isAdopted(b, 100, 66)).toBe(false);
    }
  });

  it('property: equals the exact rational reference', () => {
    expectExactRatio(charter.isAdopted, (b) => (b === 'assembly' ? [1n, 2n] : [2n, 3n]));
  });

  it('property: monotone in votes in favour', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 10000 }), fc.nat(), (b, present, seed) => {
        const f = seed % present;
        return !charter.isAdopted(b, present, f) || charter.isAdopted(b, present, f + 1);
      }),
    );
  });

  it('votesNeeded is the smallest adopting count', () => {
    expect(charter.votesNeeded('assembly', 100)).toBe(50);
    expect(charter.votesNeeded('assembly', 7)).toBe(4);
    expect(charter.votesNeeded('standing', 9)).toBe(6);
    expectSmallest(charter.votesNeeded, charter.isAdopted);
  });

  it('invalid counts throw RangeError with a Chinese message', () => {
    expectRangeError(() => charter.isAdopted('assembly', 10, 11), /不能多于实到人数/);
    expectRangeError(() => charter.isAdopted('assembly', -2, 0), /非负整数/);
    expectRangeError(() => charter.isAdopted('council', 10, 0.5), /非负整数/);
  });
});

describe('tally validation: for + against + abstain ≤ present, remainder 未表决', () => {
  it('returns the number who did not vote', () => {
    expect(charter.notVotedOf({ present: 9, inFavour: 6, against: 1, abstain: 1 })).toBe(1);
    expect(charter.notVotedOf({ present: 9, inFavour: 6, against: 2, abstain: 1 })).toBe(0);
  });
  it('throws when more votes than present', () => {
    expectRangeError(
      () => charter.notVotedOf({ present: 9, inFavour: 6, against: 3, abstain: 1 }),
      /多于实到人数/,
    );
    expectRangeError(() => charter.notVotedOf({ present: 9, inFavour: 6, against: -1, abstain: 1 }));
  });
});

describe('motion outcome (R-O2, R-O4, R-O6 guiding-unit approval)', () => {
  it('labels', () => {
    expect(charter.MOTION_OUTCOME_LABEL).toEqual({
      adopted: '通过',
      'not-adopted': '未通过',
      'pending-approval': '通过（待指导单位批准）',
      approved: '通过（指导单位已批准）',
      rejected: '指导单位未批准',
    });
  });

  it('R-O2 assembly and R-O4 council: adopted / not-adopted', () => {
    expect(charter.motionOutcome({ body: 'assembly', entitled: 100, present: 70, inFavour: 35 })).toBe(
      'adopted',
    );
    expect(charter.motionOutcome({ body: 'assembly', entitled: 100, present: 70, inFavour: 34 })).toBe(
      'not-adopted',
    );
    expect(charter.motionOutcome({ body: 'council', entitled: 30, present: 21, inFavour: 14 })).toBe(
      'adopted',
    );
    expect(charter.motionOutcome({ body: 'council', entitled: 30, present: 21, inFavour: 13 })).toBe(
      'not-adopted',
    );
  });

  it('no quorum: nothing is adopted, even unanimously', () => {
    const d = charter.decideMotion({ body: 'council', entitled: 30, present: 19, inFavour: 19 });
    expect(d.outcome).toBe('not-adopted');
    expect(d.quorate).toBe(false);
    expect(d.reason).toBe('not-quorate');
    expect(d.quorumNeeded).toBe(20);
  });

  it('R-O6 standing council: pending-approval until the guiding unit decides', () => {
    const base = { body: 'standing' as const, entitled: 9, present: 7, inFavour: 5, against: 1, abstain: 0 };
    const d = charter.decideMotion(base);
    expect(d.outcome).toBe('pending-approval');
    expect(d.label).toBe('通过（待指导单位批准）');
    expect(d.notVoted).toBe(1);
    expect(charter.motionOutcome({ ...base, guidingUnit: { decision: 'approved', on: '2024-05-10' } })).toBe(
      'approved',
    );
    expect(charter.motionOutcome({ ...base, guidingUnit: { decision: 'rejected', on: '2024-05-10' } })).toBe(
      'rejected',
    );
    expect(charter.motionOutcome({ ...base, inFavour: 4 })).toBe('not-adopted');
  });

  it('rejects a guiding-unit decision on another body or on a failed motion, and impossible tallies', () => {
    expectRangeError(
      () =>
        charter.decideMotion({
          body: 'council',
          entitled: 9,
          present: 9,
          inFavour: 9,
          guidingUnit: { decision: 'approved', on: '2024-05-10' },
        }),
      /常务理事会/,
    );
    expectRangeError(
      () =>
        charter.decideMotion({
          body: 'standing',
          entitled: 9,
          present: 9,
          inFavour: 1,
          guidingUnit: { decision: 'approved', on: '2024-05-10' },
        }),
      /未通过/,
    );
    expectRangeError(
      () => charter.decideMotion({ body: 'standing', entitled: 9, present: 7, inFavour: 5, against: 3 }),
      /多于实到人数/,
    );
    expectRangeError(
      () => charter.decideMotion({ body: 'standing', entitled: 9, present: 10, inFavour: 5 }),
      /应到人数/,
    );
  });
});
