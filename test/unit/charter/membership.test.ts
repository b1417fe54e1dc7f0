import { describe, expect, it } from 'vitest';
import type { AutoWithdrawalMember, MemberStatus } from '../../../shared/charter';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

const ALL_MATERIALS = ['application', 'introduction', 'licence', 'security-report'] as const;

/** An application of `applyOn` with every material and a valid credit code, registered in 北京市, unless `over` says otherwise. */
const admission = (applyOn: string, over: Partial<Parameters<typeof charter.checkAdmission>[0]> = {}) =>
  charter.checkAdmission({
    applyOn,
    materials: ALL_MATERIALS,
    creditCode: '91350100M000100Y43',
    registrationRegion: '北京市',
    ...over,
  });

describe('R-M1 a member is an organisation with a representative and a contact', () => {
  it('lists what is missing', () => {
    expect(
      charter.memberRecordProblems({ name: '某网络安全公司', representative: '张三', contact: '李四' }),
    ).toEqual([]);
    expect(charter.memberRecordProblems({ name: ' ', representative: null })).toEqual([
      '请填写单位名称（联盟会员均为单位会员）',
      '请指定会员代表',
      '请指定联系人',
    ]);
  });
});

describe('R-M2, R-M3 admission checks', () => {
  it('R-M3 (1) checklist as data', () => {
    expect(charter.ADMISSION_MATERIALS.map((m) => m.label)).toEqual([
      '入会申请书（盖章）',
      '单位介绍',
      '营业执照或统一社会信用代码证复印件',
      '网络安全工作情况书面报告',
    ]);
    expect(charter.missingMaterials(['application', 'licence']).map((m) => m.id)).toEqual([
      'introduction',
      'security-report',
    ]);
  });

  it('complete, mainland, valid code: ok without warnings', () => {
    const r = admission('2024-05-01', { registrationRegion: '福建省福州市' });
    expect(r).toEqual({ ok: true, blocking: [], warnings: [], missingMaterials: [], mayApplyFrom: null });
  });

  it('R-M3 missing materials block; R-M2 bad code and non-mainland region only warn', () => {
    const r = admission('2024-05-01', {
      materials: ['application'],
      creditCode: '91350100M000100Y44',
      registrationRegion: '香港',
    });
    expect(r.ok).toBe(false);
    expect(r.blocking.map((i) => i.rule)).toEqual(['R-M3', 'R-M3', 'R-M3']);
    expect(r.warnings.map((i) => i.rule)).toEqual(['R-M2', 'R-M2']);
    expect(r.warnings[0]?.message).toMatch(/校验位/);
    expect(r.warnings[1]?.message).toMatch(/不在中国大陆境内/);
  });

  it('R-M2 warns when the region is blank or the code was registered outside the mainland', () => {
    const r = admission('2024-05-01', { creditCode: null, registrationRegion: '' });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '请填写统一社会信用代码',
      '未填写注册地，无法确认是否在中国大陆境内注册',
    ]);
    const first17 = '91810000M000100Y4';
    const hk = admission('2024-05-01', { creditCode: first17 + charter.creditCodeCheckChar(first17) });
    expect(hk.warnings).toEqual([{ rule: 'R-M2', message: expect.stringMatching(/810000.*不属于中国大陆/) }]);
  });

  it('R-M8 re-join ban: one year after withdrawal (boundary on both sides)', () => {
    const previousExit = { leftOn: '2023-05-10', how: 'withdrawn' as const };
    const before = admission('2024-05-09', { previousExit });
    expect(before.ok).toBe(false);
    expect(before.blocking[0]).toMatchObject({ rule: 'R-M8' });
    expect(before.mayApplyFrom).toBe('2024-05-10');
    const on = admission('2024-05-10', { previousExit });
    expect(on.ok).toBe(true);
  });

  it('R-M9 re-join ban after expulsion: two years', () => {
    const r = admission('2025-05-09', { previousExit: { leftOn: '2023-05-10', how: 'expelled' } });
    expect(r.blocking[0]).toMatchObject({ rule: 'R-M9' });
    expect(r.mayApplyFrom).toBe('2025-05-10');
  });
});

describe('R-M4 director eligibility: one year after approval', () => {
  it('approvedOn + 1 year, boundary both sides, leap day', () => {
    expect(charter.directorEligibleFrom('2023-03-15')).toBe('2024-03-15');
    expect(charter.isDirectorEligible('2023-03-15', '2024-03-14')).toBe(false);
    expect(charter.isDirectorEligible('2023-03-15', '2024-03-15')).toBe(true);
    expect(charter.directorEligibleFrom('2024-02-29')).toBe('2025-02-28');
    expectRangeError(() => charter.directorEligibleFrom('2023-02-29'), /批准日期/);
  });
});

describe('R-M5 representative and contact history', () => {
  const history = [
    { role: 'representative' as const, name: '张三', changedOn: '2022-03-01' },
    { role: 'contact' as const, name: '李四', changedOn: '2022-03-01' },
    { role: 'representative' as const, name: '王五', changedOn: '2024-06-01' },
  ];
  it('returns the person in effect on a date', () => {
    expect(charter.contactOn(history, 'representative', '2022-02-28')).toBeUndefined();
    expect(charter.contactOn(history, 'representative', '2024-05-31')?.name).toBe('张三');
    expect(charter.contactOn(history, 'representative', '2024-06-01')?.name).toBe('王五');
    expect(charter.contactOn(history, 'contact', '2025-01-01')?.name).toBe('李四');
  });
});

describe('R-M6 voluntary withdrawal', () => {
  it('takes effect 30 days after receipt of the notice', () => {
    expect(charter.withdrawalEffectiveOn('2024-09-01')).toBe('2024-10-01');
    expect(charter.withdrawalEffectiveOn('2024-02-15')).toBe('2024-03-16');
    expect(charter.withdrawalEffectiveOn('2023-12-15')).toBe('2024-01-14');
    expectRangeError(() => charter.withdrawalEffectiveOn('2024-02-30'), /收到退会通知日期/);
  });

  it('withdrawing → withdrawn needs the 30 days and the report to the standing council', () => {
    const ev = {
      on: '2024-09-30',
      withdrawalNoticeReceivedOn: '2024-09-01',
      standingCouncilInformedOn: '2024-09-05',
    };
    const early = charter.checkTransition('withdrawing', 'withdrawn', ev);
    expect(early.allowed).toBe(false);
    expect(early.messages[0]).toMatch(/2024-10-01 起生效/);
    expect(charter.checkTransition('withdrawing', 'withdrawn', { ...ev, on: '2024-10-01' }).allowed).toBe(
      true,
    );
    const unreported = charter.checkTransition('withdrawing', 'withdrawn', {
      ...ev,
      on: '2024-10-01',
      standingCouncilInformedOn: null,
    });
    expect(unreported.missing.map((m) => m.id)).toEqual(['standing-council-informed']);
    expect(charter.checkTransition('withdrawing', 'withdrawn', { ...ev, on: '2024-10-01' }).notes).toContain(
      '已交纳的会费不予返还',
    );
  });
});

describe('R-M8, R-M9 re-joining after leaving', () => {
  it('withdrawn / auto-withdrawn: +1 year; expelled: +2 years; leap-day anniversaries', () => {
    expect(charter.rejoinAllowedOn('2023-05-10', 'withdrawn')).toBe('2024-05-10');
    expect(charter.rejoinAllowedOn('2023-05-10', 'auto-withdrawn')).toBe('2024-05-10');
    expect(charter.rejoinAllowedOn('2023-05-10', 'expelled')).toBe('2025-05-10');
    expect(charter.rejoinAllowedOn('2024-02-29', 'withdrawn')).toBe('2025-02-28');
    expect(charter.rejoinAllowedOn('2024-02-29', 'expelled')).toBe('2026-02-28');
    expect(charter.rejoinAllowedOn('2022-02-28', 'expelled')).toBe('2024-02-28');
    expect(charter.isRejoinAllowed('2023-05-10', 'withdrawn', '2024-05-09')).toBe(false);
    expect(charter.isRejoinAllowed('2023-05-10', 'withdrawn', '2024-05-10')).toBe(true);
    expect(charter.isRejoinAllowed('2023-05-10', 'expelled', '2025-05-09')).toBe(false);
    expect(charter.isRejoinAllowed('2023-05-10', 'expelled', '2025-05-10')).toBe(true);
  });

  it('invalid arguments throw a Chinese RangeError', () => {
    expectRangeError(() => charter.rejoinAllowedOn('2023-02-29', 'withdrawn'), /退会日期/);
    expectRangeError(() => charter.rejoinAllowedOn('2023-05-10', 'left' as 'withdrawn'), /退会方式/);
  });

  it('former member → applying only after the ban', () => {
    const ev = { on: '2025-05-09', previousExit: { leftOn: '2023-05-10', how: 'expelled' as const } };
    expect(charter.checkTransition('expelled', 'applying', ev).allowed).toBe(false);
    expect(charter.checkTransition('expelled', 'applying', { ...ev, on: '2025-05-10' }).allowed).toBe(true);
    const wd = { on: '2024-05-10', previousExit: { leftOn: '2023-05-10', how: 'auto-withdrawn' as const } };
    expect(charter.checkTransition('auto-withdrawn', 'applying', wd).allowed).toBe(true);
  });
});

describe('member status machine (R-M3, R-M6, R-M7, R-M9, R-M10)', () => {
  it('allowed transitions', () => {
    expect(charter.nextStatuses('applying')).toEqual(['reviewing']);
    expect(charter.nextStatuses('reviewing').sort()).toEqual(['applying', 'approved']);
    expect(charter.nextStatuses('approved').sort()).toEqual(['active', 'auto-withdrawn', 'expelled']);
    expect(charter.nextStatuses('active').sort()).toEqual(['auto-withdrawn', 'expelled', 'withdrawing']);
    expect(charter.nextStatuses('withdrawing').sort()).toEqual(['active', 'expelled', 'withdrawn']);
    expect(charter.canTransition('applying', 'active')).toBe(false);
    expect(charter.canTransition('withdrawn', 'active')).toBe(false);
  });

  it('R-M10 nothing is deleted: former members can only re-apply', () => {
    for (const s of ['withdrawn', 'auto-withdrawn', 'expelled'] as MemberStatus[])
      expect(charter.nextStatuses(s)).toEqual(['applying']);
    expect(charter.MEMBER_STATUSES).toHaveLength(8);
    for (const t of charter.MEMBER_TRANSITIONS) expect(charter.MEMBER_STATUSES).toContain(t.to);
  });

  it('transitionRequirements lists what is needed; a forbidden transition throws', () => {
    expect(charter.transitionRequirements('reviewing', 'approved').map((r) => r.id)).toEqual([
      'secretariat-opinion',
      'standing-resolution-passed',
    ]);
    expect(charter.transitionRequirements('approved', 'active').map((r) => r.id)).toEqual([
      'applicant-notified',
      'certificate-issued',
    ]);
    expect(charter.transitionRequirements('active', 'expelled').map((r) => r.rule)).toEqual([
      'R-M9',
      'R-M3, R-M9',
    ]);
    expectRangeError(
      () => charter.transitionRequirements('applying', 'active'),
      /不能从“申请中”直接变为“正式会员”/,
    );
    expectRangeError(() => charter.canTransition('deleted' as MemberStatus, 'active'), /会员状态/);
  });

  it('R-M3 four steps: materials, opinion, standing-council resolution that passed, certificate', () => {
    expect(
      charter.checkTransition('applying', 'reviewing', { on: '2024-03-01', materials: ['application'] })
        .allowed,
    ).toBe(false);
    expect(
      charter.checkTransition('applying', 'reviewing', { on: '2024-03-01', materials: ALL_MATERIALS })
        .allowed,
    ).toBe(true);
    const ev = { on: '2024-04-01', secretariatOpinionOn: '2024-03-10' };
    expect(charter.checkTransition('reviewing', 'approved', ev).messages).toEqual(['尚无常务理事会决议']);
    const failed = {
      ...ev,
      standingResolution: { outcome: 'not-adopted' as const, decidedOn: '2024-03-28' },
    };
    expect(charter.checkTransition('reviewing', 'approved', failed).allowed).toBe(false);
    const refused = { ...ev, standingResolution: { outcome: 'rejected' as const, decidedOn: '2024-03-28' } };
    expect(charter.checkTransition('reviewing', 'approved', refused).allowed).toBe(false);
    for (const outcome of ['pending-approval', 'approved'] as const) {
      expect(
        charter.checkTransition('reviewing', 'approved', {
          ...ev,
          standingResolution: { outcome, decidedOn: '2024-03-28' },
        }).allowed,
      ).toBe(true);
    }
    const future = { ...ev, standingResolution: { outcome: 'approved' as const, decidedOn: '2024-04-02' } };
    expect(charter.checkTransition('reviewing', 'approved', future).allowed).toBe(false);
    expect(
      charter.checkTransition('approved', 'active', {
        on: '2024-04-10',
        applicantNotifiedOn: '2024-04-02',
        certificateIssuedOn: '2024-04-10',
      }).allowed,
    ).toBe(true);
    expect(
      charter.checkTransition('approved', 'active', { on: '2024-04-10', applicantNotifiedOn: '2024-04-02' })
        .allowed,
    ).toBe(false);
  });

  it('R-M7 automatic withdrawal needs a reason and the clerk’s confirmation', () => {
    expect(
      charter.checkTransition('active', 'auto-withdrawn', {
        on: '2024-05-01',
        autoWithdrawalReason: '2024 年会费逾期未交',
      }).allowed,
    ).toBe(false);
    expect(
      charter.checkTransition('active', 'auto-withdrawn', {
        on: '2024-05-01',
        autoWithdrawalReason: '2024 年会费逾期未交',
        clerkConfirmedOn: '2024-05-01',
      }).allowed,
    ).toBe(true);
  });

  it('R-M9 expulsion needs verification and a passed standing-council vote', () => {
    const ev = {
      on: '2024-06-01',
      verifiedOn: '2024-05-01',
      standingResolution: { outcome: 'pending-approval' as const, decidedOn: '2024-05-20' },
    };
    expect(charter.checkTransition('active', 'expelled', ev).allowed).toBe(true);
    expect(charter.checkTransition('active', 'expelled', { ...ev, verifiedOn: null }).allowed).toBe(false);
  });
});

describe('R-M7 automatic-withdrawal candidates (R-D7)', () => {
  const base: AutoWithdrawalMember = {
    memberId: 1,
    status: 'active',
    approvedOn: '2023-03-15',
    tierHistory: [{ tier: 'member', from: '2023-03-15' }],
    payments: [
      { paidOn: '2023-04-01', amount: 5000 },
      { paidOn: '2024-01-10', amount: 5000 },
    ],
    participations: ['2023-06-20'],
  };

  it('no candidate while dues are paid and the member took part within 12 months', () => {
    expect(charter.autoWithdrawalCandidates([base], '2024-06-19')).toEqual([]);
  });

  it('inactivity: flagged from the 12-month anniversary of the last participation (boundary both sides)', () => {
    expect(charter.autoWithdrawalCandidates([base], '2024-06-19')).toEqual([]);
    const c = charter.autoWithdrawalCandidates([base], '2024-06-20');
    expect(c).toHaveLength(1);
    expect(c[0]?.reasons).toEqual([
      expect.objectContaining({
        kind: 'inactive',
        since: '2023-06-20',
        lastParticipationOn: '2023-06-20',
        candidateFrom: '2024-06-20',
      }),
    ]);
  });

  it('inactivity counts from approval when the member never took part; participations after asOf are ignored', () => {
    const m = { ...base, participations: ['2024-05-01'] };
    expect(charter.autoWithdrawalCandidates([m], '2024-03-14')).toEqual([]);
    const c = charter.autoWithdrawalCandidates([m], '2024-03-15');
    expect(c[0]?.reasons[0]).toMatchObject({
      kind: 'inactive',
      since: '2023-03-15',
      lastParticipationOn: null,
    });
  });

  it('dues: flagged the day after the due date, with year, due date and amount', () => {
    const m = { ...base, payments: [{ paidOn: '2023-04-01', amount: 5000 }], participations: ['2024-01-20'] };
    expect(charter.autoWithdrawalCandidates([m], '2024-01-31')).toEqual([]);
    const c = charter.autoWithdrawalCandidates([m], '2024-02-01');
    expect(c[0]?.reasons).toEqual([
      expect.objectContaining({
        kind: 'dues-overdue',
        year: 2024,
        dueOn: '2024-01-31',
        outstanding: 5000,
        rule: 'R-M7',
      }),
    ]);
    expect(c[0]?.reasons[0]?.message).toMatch(/尚欠 5000 元/);
  });

  it('new member: first dues due one month after approval', () => {
    const m = { ...base, payments: [], participations: [] };
    expect(charter.autoWithdrawalCandidates([m], '2023-04-15')).toEqual([]);
    expect(charter.autoWithdrawalCandidates([m], '2023-04-16')[0]?.reasons[0]).toMatchObject({
      kind: 'dues-overdue',
      year: 2023,
    });
  });

  it('only approved and active members are checked', () => {
    const m = { ...base, payments: [], participations: [] };
    for (const status of [
      'applying',
      'reviewing',
      'withdrawing',
      'withdrawn',
      'auto-withdrawn',
      'expelled',
    ] as MemberStatus[]) {
      expect(charter.autoWithdrawalCandidates([{ ...m, status }], '2025-01-01')).toEqual([]);
    }
    expect(charter.autoWithdrawalCandidates([{ ...m, status: 'approved' }], '2025-01-01')).toHaveLength(1);
  });

  it('dues years before the ledger’s first tracked year are no reason; inactivity always is', () => {
    // Nothing paid 2023–2025 (the desk was first used in 2025: the 2023 and 2024 payments were never entered).
    const m = { ...base, payments: [], participations: [] };
    const [c] = charter.autoWithdrawalCandidates([m], '2025-03-01');
    expect(c?.reasons.map((r) => (r.kind === 'dues-overdue' ? r.year : r.kind))).toEqual([
      2023,
      2024,
      2025,
      'inactive',
    ]);
    const kept = charter.trackedWithdrawalReasons(c!.reasons, 2025);
    expect(kept.map((r) => (r.kind === 'dues-overdue' ? r.year : r.kind))).toEqual([2025, 'inactive']);
    expect(charter.trackedWithdrawalReasons(c!.reasons, 2023)).toEqual(c!.reasons);
    expect(charter.trackedWithdrawalReasons(c!.reasons, 2026).map((r) => r.kind)).toEqual(['inactive']);
    expectRangeError(() => charter.trackedWithdrawalReasons(c!.reasons, 2025.5), /会费台账起始年度/);
  });
});
