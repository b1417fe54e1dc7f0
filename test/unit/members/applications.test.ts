import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/records';
import {
  MATERIALS,
  applicationStatusLabel,
  currentStepIndex,
  firstYearDues,
  missingMaterialLabels,
  rejoinBlockMessage,
  stepDateProblem,
  stepGates,
} from '../../../renderer/src/features/applications/logic';
import { nextCertificateNo, resolveCharterSettings, withDuesSchedule } from '../../../shared/charter';
import { fields } from './fixtures';

function app(over: Partial<Application> = {}): Application {
  return { unit: fields(), step: 'materials', materials: {}, createdAt: '', updatedAt: '', ...over };
}
const ALL = { application: true, introduction: true, licence: true, report: true };

describe('admission steps (R-M3)', () => {
  it('lists the four materials with the engine labels', () => {
    expect(MATERIALS.map((m) => m.label)).toEqual([
      '入会申请书（盖章）',
      '单位介绍',
      '营业执照或统一社会信用代码证复印件',
      '网络安全工作情况书面报告',
    ]);
  });

  it('R-M3: incomplete materials block the review, with the reason', () => {
    const g = stepGates(app({ materials: { application: true, licence: true } }));
    expect(g.review.enabled).toBe(false);
    expect(g.review.reason).toBe('材料不齐，不能审查：缺少单位介绍、网络安全工作情况书面报告');
    expect(g.council.enabled).toBe(false);
    expect(g.notify.enabled).toBe(false);
    expect(missingMaterialLabels({ ...ALL, report: false })).toEqual(['网络安全工作情况书面报告']);
  });

  it('R-M3: each step opens after the previous one, in order', () => {
    let a = app({ step: 'review', materials: ALL, materialsReceivedOn: '2026-03-02' });
    expect(stepGates(a).review.enabled).toBe(true);
    expect(stepGates(a).council).toEqual({
      enabled: false,
      reason: '尚无秘书处审查意见，不能提交常务理事会审议',
    });
    a = { ...a, step: 'council', reviewOpinion: '同意', reviewedOn: '2026-03-05' };
    expect(stepGates(a).review.enabled).toBe(false);
    expect(stepGates(a).council.enabled).toBe(true);
    expect(stepGates(a).notify.enabled).toBe(false);
    a = {
      ...a,
      step: 'notify',
      council: { decision: 'approved', on: '2026-03-20', resolutionRef: 'X' },
      memberId: 1,
    };
    expect(stepGates(a).notify.enabled).toBe(true);
    expect(stepGates(a).certificate.reason).toBe('请先通知申请单位办理入会手续');
    a = { ...a, step: 'certificate', notifiedOn: '2026-03-21' };
    expect(stepGates(a).certificate.enabled).toBe(true);
    expect(currentStepIndex(a)).toBe(4);
    expect(applicationStatusLabel(a)).toBe('发放会员证书（第 5/5 步）');
    a = { ...a, step: 'done', outcome: 'approved', certificateId: 3 };
    expect(Object.values(stepGates(a)).every((g) => !g.enabled)).toBe(true);
    expect(applicationStatusLabel(a)).toBe('已办结');
  });

  it('a rejected application stops at the council', () => {
    const a = app({
      step: 'done',
      outcome: 'rejected',
      materials: ALL,
      materialsReceivedOn: '2026-03-02',
      reviewOpinion: 'x',
      reviewedOn: '2026-03-03',
      council: { decision: 'rejected', on: '2026-03-10', resolutionRef: 'Y' },
    });
    expect(stepGates(a).notify.reason).toBe('常务理事会未通过该申请');
    expect(applicationStatusLabel(a)).toBe('未通过');
  });

  it('a step date cannot precede the previous step', () => {
    const a = app({ materials: ALL, materialsReceivedOn: '2026-03-02', reviewedOn: '2026-03-05' });
    expect(stepDateProblem(a, 'council', '2026-03-04')).toBe('日期不能早于上一步（秘书处审查：2026-03-05）');
    expect(stepDateProblem(a, 'council', '2026-03-05')).toBeNull();
  });
});

describe('certificate numbers (R-M3 (4))', () => {
  it('next = max of the year + 1, four digits, per year', () => {
    expect(nextCertificateNo([], 2026)).toBe('CCIA-HY-2026-0001');
    expect(nextCertificateNo(['CCIA-HY-2026-0001', 'CCIA-HY-2026-0007', 'CCIA-HY-2025-0099'], 2026)).toBe(
      'CCIA-HY-2026-0008',
    );
    expect(nextCertificateNo(['CCIA-HY-2025-0099', 'CCIA-YG-2026-0005'], 2026)).toBe('CCIA-HY-2026-0001');
  });
});

describe('re-application ban (R-M8, R-M9) and first-year dues (R-D3, R-D4)', () => {
  it('R-M8: one year after withdrawal, with the date and the article', () => {
    const left = { on: '2026-03-01', how: 'withdrawn' as const, reason: '' };
    expect(rejoinBlockMessage({ left }, '2026-09-01')).toBe(
      '该单位于 2026-03-01 退会，2027-03-01 起方可重新申请入会（章程第十二条）',
    );
    expect(rejoinBlockMessage({ left }, '2027-03-01')).toBeNull();
  });

  it('R-M9: two years after expulsion', () => {
    const left = { on: '2025-06-10', how: 'expelled' as const, reason: '' };
    expect(rejoinBlockMessage({ left }, '2026-06-10')).toBe(
      '该单位于 2025-06-10 被除名，2027-06-10 起方可重新申请入会（章程第十三条）',
    );
    expect(rejoinBlockMessage({}, '2026-01-01')).toBeNull();
  });

  it('first-year dues follow the council approval date and the clerk’s 会费标准 of that year (engine)', () => {
    const settings = resolveCharterSettings();
    expect(firstYearDues('member', '2026-03-20', settings)).toEqual({
      year: 2026,
      amount: 5000,
      dueOn: '2026-04-20',
    });
    expect(firstYearDues('member', '2026-07-01', settings)).toEqual({
      year: 2026,
      amount: 2500,
      dueOn: '2026-08-01',
    });
    // Raised to 6,000 from 2027 by resolution: a 2026 approval still owes 5,000, a 2027 one 6,000.
    const raised = withDuesSchedule(settings, { ...settings.duesSchedule, member: 6000 }, 2027);
    expect(firstYearDues('member', '2026-03-20', raised).amount).toBe(5000);
    expect(firstYearDues('member', '2027-03-20', raised).amount).toBe(6000);
  });
});
