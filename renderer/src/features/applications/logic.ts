/**
 * Pure view logic of the 入会申请 desk (R-M3): the steps, their gating, certificate numbers and the
 * re-application ban (R-M8, R-M9). Unit-tested in test/unit/members.
 */
import {
  APPLICATION_STEP_LABEL,
  type Application,
  type MaterialKey,
  type Member,
} from '../../../../shared/domain/records';
import type { Tier } from '../../../../shared/domain/types';
import {
  ADMISSION_MATERIALS,
  annualDues,
  compareDates,
  isRejoinAllowed,
  missingMaterials,
  rejoinAllowedOn,
  yearOf,
  type AdmissionMaterialId,
  type DuesScheduleSource,
} from '../../../../shared/charter';

export type StepKey = 'materials' | 'review' | 'council' | 'notify' | 'certificate';

export const STEPS: readonly { key: StepKey; title: string }[] = (
  ['materials', 'review', 'council', 'notify', 'certificate'] as const
).map((key) => ({ key, title: APPLICATION_STEP_LABEL[key] }));

/** Record keys ↔ engine material ids (R-M3 (1)). */
const TO_ENGINE: Record<MaterialKey, AdmissionMaterialId> = {
  application: 'application',
  introduction: 'introduction',
  licence: 'licence',
  report: 'security-report',
};

/** The four materials with the engine's labels, keyed as stored on the application. */
export const MATERIALS: readonly { key: MaterialKey; label: string }[] = (
  Object.keys(TO_ENGINE) as MaterialKey[]
).map((key) => ({
  key,
  label: ADMISSION_MATERIALS.find((m) => m.id === TO_ENGINE[key])?.label ?? key,
}));

export function receivedMaterials(materials: Application['materials']): AdmissionMaterialId[] {
  return (Object.keys(TO_ENGINE) as MaterialKey[]).filter((k) => materials[k]).map((k) => TO_ENGINE[k]);
}

/** R-M3 (1): labels of the materials still missing (engine). */
export function missingMaterialLabels(materials: Application['materials']): string[] {
  return missingMaterials(receivedMaterials(materials)).map((m) => m.label);
}

export interface StepGate {
  enabled: boolean;
  /** Why the step cannot be done yet (Chinese), when disabled. */
  reason?: string;
}

/** Whether each step can be recorded now, and why not (R-M3: in order; incomplete materials block review). */
export function stepGates(app: Application): Record<StepKey, StepGate> {
  const missing = missingMaterialLabels(app.materials);
  const review: StepGate =
    missing.length > 0
      ? { enabled: false, reason: `材料不齐，不能审查：缺少${missing.join('、')}` }
      : !app.materialsReceivedOn
        ? { enabled: false, reason: '请先记录材料收到日期' }
        : { enabled: true };
  const council: StepGate = !review.enabled
    ? { enabled: false, reason: '须先完成材料接收和秘书处审查' }
    : !app.reviewedOn || !app.reviewOpinion?.trim()
      ? { enabled: false, reason: '尚无秘书处审查意见，不能提交常务理事会审议' }
      : { enabled: true };
  const notify: StepGate =
    app.council?.decision === 'approved'
      ? { enabled: true }
      : { enabled: false, reason: app.council ? '常务理事会未通过该申请' : '须经常务理事会审议通过' };
  const certificate: StepGate = !notify.enabled
    ? { enabled: false, reason: '须经常务理事会审议通过并通知申请单位后发放' }
    : app.notifiedOn
      ? { enabled: true }
      : { enabled: false, reason: '请先通知申请单位办理入会手续' };
  const closed = app.step === 'done';
  const lock = (g: StepGate, done: boolean): StepGate => (closed || done ? { ...g, enabled: false } : g);
  return {
    materials: lock({ enabled: true }, app.step !== 'materials'),
    review: lock(review, !!app.reviewedOn),
    council: lock(council, !!app.council),
    notify: lock(notify, !!app.notifiedOn),
    certificate: lock(certificate, app.certificateId !== undefined),
  };
}

/** Index of the current step for antd Steps (5 when all done). */
export function currentStepIndex(app: Application): number {
  if (app.step === 'done') return app.outcome === 'rejected' ? 2 : STEPS.length;
  return Math.max(
    0,
    STEPS.findIndex((s) => s.key === app.step),
  );
}

export function applicationStatusLabel(app: Application): string {
  if (app.step === 'done') {
    if (app.outcome === 'rejected') return '未通过';
    if (app.outcome === 'withdrawn') return '已撤回';
    return '已办结';
  }
  const i = currentStepIndex(app);
  return `${STEPS[i]?.title ?? ''}（第 ${i + 1}/${STEPS.length} 步）`;
}

/** A step's date must not precede the previous step's date. */
export function stepDateProblem(app: Application, step: StepKey, on: string): string | null {
  const prev: [StepKey, string | undefined][] = [
    ['materials', app.materialsReceivedOn],
    ['review', app.reviewedOn],
    ['council', app.council?.on],
    ['notify', app.notifiedOn],
  ];
  const idx = STEPS.findIndex((s) => s.key === step);
  for (let i = idx - 1; i >= 0; i--) {
    const d = prev[i]?.[1];
    if (d) {
      return compareDates(on, d) < 0 ? `日期不能早于上一步（${STEPS[i]?.title}：${d}）` : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Re-application (R-M8, R-M9) and first-year dues (R-D3, R-D4)

const LEFT_WORD = { withdrawn: '退会', 'auto-withdrawn': '自动退会', expelled: '被除名' } as const;

/** Why a former member may not apply on `on` (engine dates), or null. */
export function rejoinBlockMessage(member: Pick<Member, 'left'>, on: string): string | null {
  const left = member.left;
  if (!left) return null;
  if (isRejoinAllowed(left.on, left.how, on)) return null;
  const from = rejoinAllowedOn(left.on, left.how);
  const article = left.how === 'expelled' ? '章程第十三条' : '章程第十二条';
  return `该单位于 ${left.on} ${LEFT_WORD[left.how]}，${from} 起方可重新申请入会（${article}）`;
}

/** R-D3, R-D4: the first year's dues for a member approved on `approvedOn` (engine). */
export function firstYearDues(tier: Tier, approvedOn: string, schedule: DuesScheduleSource) {
  const year = yearOf(approvedOn);
  return { year, ...annualDues({ tier, year, approvedOn }, schedule) };
}
