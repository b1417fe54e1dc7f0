import { describe, expect, it } from 'vitest';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

describe('CharterSettings: the readings are settings with defaults', () => {
  it('defaults (R-D1 schedule, R-O9 three consecutive chair terms, R-W1 seed style, R-O6 leave = absent)', () => {
    expect(charter.DEFAULT_CHARTER_SETTINGS).toEqual({
      duesSchedule: { chair: 30000, standing: 30000, director: 10000, member: 5000 },
      termYears: 3,
      chairMaxConsecutiveTerms: 3,
      docNumberStyle: 'seed',
      leaveCountsAsAbsence: true,
    });
    expect(Object.isFrozen(charter.DEFAULT_CHARTER_SETTINGS)).toBe(true);
  });

  it('partial input is merged with the defaults', () => {
    const s = charter.resolveCharterSettings({ docNumberStyle: 'gbt9704', duesSchedule: { member: 6000 } });
    expect(s.duesSchedule).toEqual({ chair: 30000, standing: 30000, director: 10000, member: 6000 });
    expect(charter.formatDocNumber({ year: 2022, seq: 56, style: s.docNumberStyle })).toBe(
      'CCIA秘〔2022〕56号',
    );
    expect(charter.resolveCharterSettings()).toEqual(charter.DEFAULT_CHARTER_SETTINGS);
  });

  it('invalid settings throw a Chinese RangeError (zod)', () => {
    expectRangeError(() => charter.resolveCharterSettings({ duesSchedule: { member: -5 } }), /章程设置无效/);
    expectRangeError(() => charter.resolveCharterSettings({ chairMaxConsecutiveTerms: 0 }), /章程设置无效/);
    expectRangeError(() => charter.resolveCharterSettings({ docNumberStyle: 'x' as 'seed' }), /章程设置无效/);
  });
});

describe('programmes (R-P1, R-P2, R-P3)', () => {
  const all = charter.PROGRAMME_RECEIPTS.map((r) => r.id);
  /** A member's application of 2022-10-01 with all four receipts, deadline 2022-11-30, unless `over` says otherwise. */
  const application = (over: Partial<Parameters<typeof charter.checkProgrammeApplication>[0]>) =>
    charter.checkProgrammeApplication({
      memberStatus: 'active',
      submittedOn: '2022-10-01',
      deadline: '2022-11-30',
      receipts: all,
      ...over,
    });

  it('R-P2 four receipts tracked separately', () => {
    expect(all).toEqual(['form-word', 'form-pdf', 'declaration-pdf', 'paper-post']);
  });

  it('R-P1 members only, deadline inclusive (2022-11-30)', () => {
    const ok = application({ submittedOn: '2022-11-30' });
    expect(ok).toMatchObject({ eligible: true, onTime: true, readyForReview: true, messages: [] });
    const late = application({ submittedOn: '2022-12-01' });
    expect(late.onTime).toBe(false);
    expect(late.messages[0]).toMatch(/截止日期 2022-11-30/);
    const outsider = application({ memberStatus: 'withdrawn' });
    expect(outsider.eligible).toBe(false);
  });

  it('R-P3 review (and the certificate) only once all four receipts are in', () => {
    const r = application({ receipts: ['form-word', 'form-pdf', 'declaration-pdf'] });
    expect(r.readyForReview).toBe(false);
    expect(r.missingReceipts.map((m) => m.id)).toEqual(['paper-post']);
    expectRangeError(() => application({ submittedOn: '2022-11-31' }));
  });
});
