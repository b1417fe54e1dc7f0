/**
 * Membership (charter ch. 3): admission (R-M2, R-M3), director eligibility (R-M4), withdrawal (R-M6),
 * automatic withdrawal (R-M7), re-joining (R-M8, R-M9) and the member status machine (R-M10: nothing is
 * deleted — leaving is a status with a date).
 */
import type { IsoDate, MemberStatus } from '../domain/types';
import { MEMBER_STATUS_LABEL } from '../domain/types';
import { addDays, addMonths, addYears, compareDates, maxDate, parseIsoDate } from './dates';
import { addWorkingDays } from './holidays';
import { assertInteger, assertOneOf, fail } from './errors';
import { creditCodeDivision, explainCreditCode, isMainlandDivision, isMainlandRegion } from './credit-code';
import type { DuesLedgerInput, DuesScheduleSource } from './dues';
import { duesLedger } from './dues';
import type { MotionOutcome } from './voting';
import { isPassedOutcome } from './voting';

/** How a member left. */
export type ExitKind = 'withdrawn' | 'auto-withdrawn' | 'expelled';
export const EXIT_KINDS: readonly ExitKind[] = ['withdrawn', 'auto-withdrawn', 'expelled'];

/** R-M6, R-M7, R-M9: whether a member status means the unit has left the alliance (退会, 自动退会, 除名). */
export function hasLeft(status: MemberStatus): status is ExitKind {
  return (EXIT_KINDS as readonly string[]).includes(status);
}

/** R-M6: a withdrawal takes effect 30 days after the written notice is received. */
export const WITHDRAWAL_NOTICE_DAYS = 30;
/** R-M6: the secretariat reports to the standing council within 5 working days of receipt. */
export const WITHDRAWAL_REPORT_WORKING_DAYS = 5;
/** R-M8 / R-M9: years before a former member may apply again. */
export const REJOIN_BAN_YEARS: Readonly<Record<ExitKind, number>> = Object.freeze({
  withdrawn: 1,
  'auto-withdrawn': 1,
  expelled: 2,
});
/** R-M7: months without any activity that make a member a candidate for automatic withdrawal. */
export const INACTIVITY_MONTHS = 12;

/** R-M6: the date a voluntary withdrawal takes effect: receipt of the written notice + 30 days. */
export function withdrawalEffectiveOn(noticeReceivedOn: string): string {
  parseIsoDate(noticeReceivedOn, '收到退会通知日期');
  return addDays(noticeReceivedOn, WITHDRAWAL_NOTICE_DAYS);
}

/**
 * R-M6: deadline for reporting a withdrawal notice to the standing council: the 5th working day after
 * receipt (the day of receipt is not counted). Outside the known holiday years this is an estimate
 * (see `isOutsideKnownHolidayYears`).
 */
export function reportDueBy(noticeReceivedOn: string): string {
  parseIsoDate(noticeReceivedOn, '收到退会通知日期');
  return addWorkingDays(noticeReceivedOn, WITHDRAWAL_REPORT_WORKING_DAYS);
}

/**
 * R-M8, R-M9: first day a former member may apply again — the 1st anniversary of leaving after a
 * (voluntary or automatic) withdrawal, the 2nd after an expulsion (29 Feb → 28 Feb).
 */
export function rejoinAllowedOn(leftOn: string, how: 'withdrawn' | 'auto-withdrawn' | 'expelled'): string {
  parseIsoDate(leftOn, '退会日期');
  assertOneOf(how, EXIT_KINDS, '退会方式');
  return addYears(leftOn, REJOIN_BAN_YEARS[how]);
}

/** R-M8, R-M9: whether a former member may apply on `on`. */
export function isRejoinAllowed(leftOn: IsoDate, how: ExitKind, on: IsoDate): boolean {
  parseIsoDate(on, '申请日期');
  return compareDates(on, rejoinAllowedOn(leftOn, how)) >= 0;
}

/** R-M4: a member may apply to become a director unit from the first anniversary of its approval. */
export function directorEligibleFrom(approvedOn: string): string {
  parseIsoDate(approvedOn, '批准日期');
  return addYears(approvedOn, 1);
}

/** R-M4: whether a member approved on `approvedOn` may apply to become a director unit on `on`. */
export function isDirectorEligible(approvedOn: IsoDate, on: IsoDate): boolean {
  parseIsoDate(on, '申请日期');
  return compareDates(on, directorEligibleFrom(approvedOn)) >= 0;
}

// ---------------------------------------------------------------------------------------------------
// Admission (R-M2, R-M3)

export type AdmissionMaterialId = 'application' | 'introduction' | 'licence' | 'security-report';

export interface AdmissionMaterial {
  id: AdmissionMaterialId;
  label: string;
}

/** R-M3 (1): the materials an applicant submits. */
export const ADMISSION_MATERIALS: readonly AdmissionMaterial[] = Object.freeze([
  { id: 'application', label: '入会申请书（盖章）' },
  { id: 'introduction', label: '单位介绍' },
  { id: 'licence', label: '营业执照或统一社会信用代码证复印件' },
  { id: 'security-report', label: '网络安全工作情况书面报告' },
]);

/** R-M3 (1): the checklist items not yet received. */
export function missingMaterials(received: readonly AdmissionMaterialId[]): AdmissionMaterial[] {
  const got = new Set(received);
  return ADMISSION_MATERIALS.filter((m) => !got.has(m.id));
}

/** A former membership of the applicant (R-M8, R-M9). */
export interface PreviousExit {
  leftOn: IsoDate;
  how: ExitKind;
}

export interface AdmissionInput {
  /** Date of the application. */
  applyOn: IsoDate;
  /** Materials received (R-M3 (1)). */
  materials: readonly AdmissionMaterialId[];
  /** Unified social credit code (R-M2). */
  creditCode?: string | null;
  /** Registration region as entered, e.g. '北京市海淀区' (R-M2). */
  registrationRegion?: string | null;
  /** The applicant's last exit, if it was a member before. */
  previousExit?: PreviousExit | null;
}

export interface AdmissionIssue {
  rule: 'R-M2' | 'R-M3' | 'R-M8' | 'R-M9';
  message: string;
}

export interface AdmissionCheck {
  /** No blocking issue (warnings may remain; the clerk decides on them). */
  ok: boolean;
  /** Missing materials (R-M3) and a re-join ban still running (R-M8, R-M9). */
  blocking: AdmissionIssue[];
  /** Region and credit-code warnings (R-M2): shown, never silently accepted, never blocking. */
  warnings: AdmissionIssue[];
  missingMaterials: AdmissionMaterial[];
  /** When a ban applies: the first day the applicant may apply. */
  mayApplyFrom: IsoDate | null;
}

/** Checks an application (R-M2, R-M3 (1), R-M8, R-M9). */
export function checkAdmission(input: AdmissionInput): AdmissionCheck {
  parseIsoDate(input.applyOn, '申请日期');
  const blocking: AdmissionIssue[] = [];
  const warnings: AdmissionIssue[] = [];
  const missing = missingMaterials(input.materials);
  for (const m of missing) blocking.push({ rule: 'R-M3', message: `缺少入会材料：${m.label}` });
  let mayApplyFrom: IsoDate | null = null;
  if (input.previousExit) {
    const { leftOn, how } = input.previousExit;
    const from = rejoinAllowedOn(leftOn, how);
    mayApplyFrom = from;
    if (compareDates(input.applyOn, from) < 0) {
      const rule = how === 'expelled' ? 'R-M9' : 'R-M8';
      const what = how === 'expelled' ? '除名后 2 年内' : '退会后 1 年内';
      blocking.push({ rule, message: `${what}不得申请重新加入，${from} 起方可申请` });
    }
  }
  const code = input.creditCode ?? '';
  const codeProblem = explainCreditCode(code);
  if (codeProblem) warnings.push({ rule: 'R-M2', message: codeProblem });
  else {
    const div = creditCodeDivision(code);
    if (div !== null && !isMainlandDivision(div)) {
      warnings.push({
        rule: 'R-M2',
        message: `统一社会信用代码的登记机关行政区划码（${div}）不属于中国大陆`,
      });
    }
  }
  const region = input.registrationRegion ?? '';
  if (region.trim() === '')
    warnings.push({ rule: 'R-M2', message: '未填写注册地，无法确认是否在中国大陆境内注册' });
  else if (!isMainlandRegion(region)) {
    warnings.push({
      rule: 'R-M2',
      message: `注册地“${region.trim()}”不在中国大陆境内，不符合入会条件（章程第八条）`,
    });
  }
  return { ok: blocking.length === 0, blocking, warnings, missingMaterials: missing, mayApplyFrom };
}

// ---------------------------------------------------------------------------------------------------
// Status machine (R-M3, R-M6, R-M7, R-M8, R-M9, R-M10)

import { MEMBER_STATUSES } from '../domain/types';
export { MEMBER_STATUSES };

/** Something a transition needs, recorded with its date. */
export type TransitionRequirementId =
  | 'materials-complete'
  | 'secretariat-opinion'
  | 'standing-resolution-passed'
  | 'applicant-notified'
  | 'certificate-issued'
  | 'withdrawal-notice'
  | 'notice-revoked'
  | 'notice-period-elapsed'
  | 'standing-council-informed'
  | 'auto-withdrawal-ground'
  | 'clerk-confirmation'
  | 'secretariat-verification'
  | 'rejoin-ban-over';

export interface TransitionRequirement {
  id: TransitionRequirementId;
  rule: string;
  label: string;
}

export const TRANSITION_REQUIREMENTS: Readonly<Record<TransitionRequirementId, TransitionRequirement>> =
  Object.freeze({
    'materials-complete': {
      id: 'materials-complete',
      rule: 'R-M3',
      label: '入会材料齐全（申请书、单位介绍、营业执照、书面报告）',
    },
    'secretariat-opinion': { id: 'secretariat-opinion', rule: 'R-M3', label: '秘书处审查意见' },
    'standing-resolution-passed': {
      id: 'standing-resolution-passed',
      rule: 'R-M3, R-M9',
      label: '常务理事会决议通过',
    },
    'applicant-notified': { id: 'applicant-notified', rule: 'R-M3', label: '秘书处已通知申请单位' },
    'certificate-issued': { id: 'certificate-issued', rule: 'R-M3', label: '已发放会员证书' },
    'withdrawal-notice': { id: 'withdrawal-notice', rule: 'R-M6', label: '收到书面退会通知' },
    'notice-revoked': { id: 'notice-revoked', rule: 'R-M6', label: '会员书面撤回退会通知' },
    'notice-period-elapsed': { id: 'notice-period-elapsed', rule: 'R-M6', label: '自收到通知起已满 30 日' },
    'standing-council-informed': {
      id: 'standing-council-informed',
      rule: 'R-M6',
      label: '已向常务理事会通报',
    },
    'auto-withdrawal-ground': {
      id: 'auto-withdrawal-ground',
      rule: 'R-M7',
      label: '未按时交纳会费或连续 12 个月未参加活动',
    },
    'clerk-confirmation': { id: 'clerk-confirmation', rule: 'R-M7', label: '秘书处确认' },
    'secretariat-verification': { id: 'secretariat-verification', rule: 'R-M9', label: '秘书处核实' },
    'rejoin-ban-over': { id: 'rejoin-ban-over', rule: 'R-M8, R-M9', label: '已过不得重新申请的期限' },
  });

export interface MemberTransition {
  from: MemberStatus;
  to: MemberStatus;
  rule: string;
  label: string;
  requires: readonly TransitionRequirementId[];
  /** Consequences recorded, not checked. */
  notes?: readonly string[];
}

/** The allowed transitions. Anything else is refused; former members go back through 'applying'. */
export const MEMBER_TRANSITIONS: readonly MemberTransition[] = Object.freeze([
  {
    from: 'applying',
    to: 'reviewing',
    rule: 'R-M3',
    label: '提交入会材料',
    requires: ['materials-complete'],
  },
  { from: 'reviewing', to: 'applying', rule: 'R-M3', label: '退回补充材料', requires: [] },
  {
    from: 'reviewing',
    to: 'approved',
    rule: 'R-M3',
    label: '常务理事会审核通过',
    requires: ['secretariat-opinion', 'standing-resolution-passed'],
    notes: ['会费自批准之日起一个月内交纳（章程第三十二条）'],
  },
  {
    from: 'approved',
    to: 'active',
    rule: 'R-M3',
    label: '发放会员证书',
    requires: ['applicant-notified', 'certificate-issued'],
  },
  { from: 'active', to: 'withdrawing', rule: 'R-M6', label: '收到退会通知', requires: ['withdrawal-notice'] },
  { from: 'withdrawing', to: 'active', rule: 'R-M6', label: '撤回退会通知', requires: ['notice-revoked'] },
  {
    from: 'withdrawing',
    to: 'withdrawn',
    rule: 'R-M6',
    label: '退会生效',
    requires: ['notice-period-elapsed', 'standing-council-informed'],
    notes: ['交回会员证', '已交纳的会费不予返还', '1 年内不得申请重新加入（章程第十二条）'],
  },
  {
    from: 'approved',
    to: 'auto-withdrawn',
    rule: 'R-M7',
    label: '视为自动退会',
    requires: ['auto-withdrawal-ground', 'clerk-confirmation'],
    notes: ['1 年内不得申请重新加入（章程第十二条）'],
  },
  {
    from: 'active',
    to: 'auto-withdrawn',
    rule: 'R-M7',
    label: '视为自动退会',
    requires: ['auto-withdrawal-ground', 'clerk-confirmation'],
    notes: ['1 年内不得申请重新加入（章程第十二条）'],
  },
  ...(['approved', 'active', 'withdrawing'] as const).map((from): MemberTransition => ({
    from,
    to: 'expelled',
    rule: 'R-M9',
    label: '除名',
    requires: ['secretariat-verification', 'standing-resolution-passed'],
    notes: ['已交纳的会费不予返还', '2 年内不得申请重新加入（章程第十三条）'],
  })),
  ...(['withdrawn', 'auto-withdrawn', 'expelled'] as const).map((from): MemberTransition => ({
    from,
    to: 'applying',
    rule: from === 'expelled' ? 'R-M9' : 'R-M8',
    label: '重新申请入会',
    requires: ['rejoin-ban-over'],
  })),
]);

function findTransition(from: MemberStatus, to: MemberStatus): MemberTransition | undefined {
  return MEMBER_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Whether the status machine allows `from → to`. */
export function canTransition(from: MemberStatus, to: MemberStatus): boolean {
  assertOneOf(from, MEMBER_STATUSES, '会员状态');
  assertOneOf(to, MEMBER_STATUSES, '会员状态');
  return findTransition(from, to) !== undefined;
}

/** The statuses reachable from `from`. */
export function nextStatuses(from: MemberStatus): MemberStatus[] {
  assertOneOf(from, MEMBER_STATUSES, '会员状态');
  return MEMBER_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** What `from → to` requires; throws a `RangeError` when the transition is not allowed. */
export function transitionRequirements(from: MemberStatus, to: MemberStatus): TransitionRequirement[] {
  if (!canTransition(from, to)) {
    fail(`会员状态不能从“${MEMBER_STATUS_LABEL[from]}”直接变为“${MEMBER_STATUS_LABEL[to]}”`);
  }
  return (findTransition(from, to) as MemberTransition).requires.map((id) => TRANSITION_REQUIREMENTS[id]);
}

/** The recorded facts a transition is checked against; all optional, dates as IsoDate. */
export interface TransitionEvidence {
  /** Date of the transition. */
  on: IsoDate;
  materials?: readonly AdmissionMaterialId[];
  secretariatOpinionOn?: IsoDate | null;
  /** The standing-council resolution (R-M3 (3), R-M9). */
  standingResolution?: { outcome: MotionOutcome; decidedOn: IsoDate } | null;
  applicantNotifiedOn?: IsoDate | null;
  certificateIssuedOn?: IsoDate | null;
  withdrawalNoticeReceivedOn?: IsoDate | null;
  noticeRevokedOn?: IsoDate | null;
  standingCouncilInformedOn?: IsoDate | null;
  /** R-M7 reason, e.g. from `autoWithdrawalCandidates`. */
  autoWithdrawalReason?: string | null;
  clerkConfirmedOn?: IsoDate | null;
  verifiedOn?: IsoDate | null;
  previousExit?: PreviousExit | null;
}

export interface TransitionCheck {
  allowed: boolean;
  /** Requirements not met. */
  missing: TransitionRequirement[];
  /** Chinese explanations, one per missing requirement. */
  messages: string[];
  notes: readonly string[];
}

function onOrBefore(date: IsoDate | null | undefined, on: IsoDate): boolean {
  return !!date && compareDates(date, on) <= 0;
}

/**
 * Checks `from → to` against the evidence (R-M3, R-M6, R-M7, R-M8, R-M9). A standing-council resolution
 * counts as passed when adopted, pending the guiding unit or approved by it (not when the guiding unit
 * refused). Throws a `RangeError` when the transition itself is not allowed.
 */
export function checkTransition(
  from: MemberStatus,
  to: MemberStatus,
  ev: TransitionEvidence,
): TransitionCheck {
  const reqs = transitionRequirements(from, to);
  const on = ev.on;
  parseIsoDate(on, '变更日期');
  const missing: TransitionRequirement[] = [];
  const messages: string[] = [];
  const miss = (r: TransitionRequirement, message: string) => {
    missing.push(r);
    messages.push(message);
  };
  for (const r of reqs) {
    switch (r.id) {
      case 'materials-complete': {
        const m = missingMaterials(ev.materials ?? []);
        if (m.length > 0) miss(r, `缺少入会材料：${m.map((x) => x.label).join('、')}`);
        break;
      }
      case 'secretariat-opinion':
        if (!onOrBefore(ev.secretariatOpinionOn, on)) miss(r, '尚无秘书处审查意见');
        break;
      case 'standing-resolution-passed': {
        const res = ev.standingResolution;
        if (!res || !onOrBefore(res.decidedOn, on)) miss(r, '尚无常务理事会决议');
        else if (!isPassedOutcome(res.outcome)) miss(r, '常务理事会决议未通过或未获指导单位批准');
        break;
      }
      case 'applicant-notified':
        if (!onOrBefore(ev.applicantNotifiedOn, on)) miss(r, '尚未通知申请单位');
        break;
      case 'certificate-issued':
        if (!onOrBefore(ev.certificateIssuedOn, on)) miss(r, '尚未发放会员证书');
        break;
      case 'withdrawal-notice':
        if (!onOrBefore(ev.withdrawalNoticeReceivedOn, on)) miss(r, '尚未收到书面退会通知');
        break;
      case 'notice-revoked':
        if (!onOrBefore(ev.noticeRevokedOn, on)) miss(r, '会员尚未书面撤回退会通知');
        break;
      case 'notice-period-elapsed': {
        const received = ev.withdrawalNoticeReceivedOn;
        if (!received) miss(r, '尚未收到书面退会通知');
        else {
          const effective = withdrawalEffectiveOn(received);
          if (compareDates(on, effective) < 0) miss(r, `退会自 ${effective} 起生效（收到通知后 30 日）`);
        }
        break;
      }
      case 'standing-council-informed':
        if (!onOrBefore(ev.standingCouncilInformedOn, on)) miss(r, '尚未向常务理事会通报');
        break;
      case 'auto-withdrawal-ground':
        if (!ev.autoWithdrawalReason || ev.autoWithdrawalReason.trim() === '')
          miss(r, '须写明自动退会的理由');
        break;
      case 'clerk-confirmation':
        if (!onOrBefore(ev.clerkConfirmedOn, on)) miss(r, '须经秘书处确认，不自动终止会籍');
        break;
      case 'secretariat-verification':
        if (!onOrBefore(ev.verifiedOn, on)) miss(r, '尚无秘书处核实记录');
        break;
      case 'rejoin-ban-over': {
        const exit = ev.previousExit;
        if (exit) {
          const from2 = rejoinAllowedOn(exit.leftOn, exit.how);
          if (compareDates(on, from2) < 0) miss(r, `${from2} 起方可重新申请入会`);
        }
        break;
      }
    }
  }
  return {
    allowed: missing.length === 0,
    missing,
    messages,
    notes: (findTransition(from, to) as MemberTransition).notes ?? [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Automatic withdrawal candidates (R-M7, R-D7)

/** A member as needed to look for automatic-withdrawal candidates. */
export interface AutoWithdrawalMember extends DuesLedgerInput {
  memberId: number;
  status: MemberStatus;
  /** Dates the member took part in an alliance activity, meeting attendance included. */
  participations: readonly IsoDate[];
}

export type AutoWithdrawalReason =
  | { kind: 'dues-overdue'; rule: 'R-M7'; year: number; dueOn: IsoDate; outstanding: number; message: string }
  | {
      kind: 'inactive';
      rule: 'R-M7';
      /** The later of approval and last participation. */
      since: IsoDate;
      lastParticipationOn: IsoDate | null;
      /** 12 months after `since`: the member is a candidate from this day. */
      candidateFrom: IsoDate;
      message: string;
    };

export interface AutoWithdrawalCandidate {
  memberId: number;
  reasons: AutoWithdrawalReason[];
}

/** Statuses whose members are checked: members that have not left and are not already leaving. */
export const AUTO_WITHDRAWAL_STATUSES: readonly MemberStatus[] = ['approved', 'active'];

/**
 * R-M7: members to flag for automatic withdrawal as of `asOf`, each with its reasons and dates. The clerk
 * confirms; nothing is terminated here.
 * - Dues: a year with dues outstanding after its due date (R-D7).
 * - Inactivity: no participation (activities, meeting attendance) for 12 consecutive months since the
 *   later of the approval date and the last participation on or before `asOf`; flagged from the 12-month
 *   anniversary of that date (same day 12 months later, clamped to month end).
 */
export function autoWithdrawalCandidates(
  members: readonly AutoWithdrawalMember[],
  asOf: IsoDate,
  settings?: DuesScheduleSource,
): AutoWithdrawalCandidate[] {
  parseIsoDate(asOf, '截止日期');
  const out: AutoWithdrawalCandidate[] = [];
  for (const m of members) {
    if (!AUTO_WITHDRAWAL_STATUSES.includes(m.status)) continue;
    if (compareDates(m.approvedOn, asOf) > 0) continue;
    const reasons: AutoWithdrawalReason[] = [];
    for (const y of duesLedger(m, asOf, settings).years) {
      if (y.overdue) {
        reasons.push({
          kind: 'dues-overdue',
          rule: 'R-M7',
          year: y.year,
          dueOn: y.dueOn,
          outstanding: y.outstanding,
          message: `${y.year} 年会费应于 ${y.dueOn} 前交纳，尚欠 ${y.outstanding} 元`,
        });
      }
    }
    let last: IsoDate | null = null;
    for (const p of m.participations) {
      parseIsoDate(p, '参加活动日期');
      if (compareDates(p, asOf) <= 0 && (last === null || compareDates(p, last) > 0)) last = p;
    }
    const since = last ? maxDate(m.approvedOn, last) : m.approvedOn;
    const candidateFrom = addMonths(since, INACTIVITY_MONTHS);
    if (compareDates(asOf, candidateFrom) >= 0) {
      reasons.push({
        kind: 'inactive',
        rule: 'R-M7',
        since,
        lastParticipationOn: last,
        candidateFrom,
        message:
          last !== null && since === last
            ? `自 ${since} 最后一次参加活动起已连续 12 个月未参加联盟活动`
            : `自 ${since} 批准入会起连续 12 个月未参加联盟活动`,
      });
    }
    if (reasons.length > 0) out.push({ memberId: m.memberId, reasons });
  }
  return out;
}

/**
 * The R-M7 reasons the desk's records stand behind: a dues year before the first year the dues ledger
 * tracks (`trackedFrom`, the dues desk's 台账起始年度: see shared/report/ledger.ts `duesTrackedFrom`) was
 * settled before the desk was used — its payments were never entered — so its dues are no reason (the dues
 * desk says so for those years). Inactivity is always a reason. 首页's to-do list and the member file
 * (its 自动退会候选 and the 依据 offered by 确认自动退会) both take the reasons from here.
 */
export function trackedWithdrawalReasons(
  reasons: readonly AutoWithdrawalReason[],
  trackedFrom: number,
): AutoWithdrawalReason[] {
  assertInteger(trackedFrom, '会费台账起始年度', 1000, 9999);
  return reasons.filter((r) => r.kind !== 'dues-overdue' || r.year >= trackedFrom);
}

// ---------------------------------------------------------------------------------------------------
// Member record (R-M1) and representative / contact history (R-M5)

/** The parts of a member record R-M1 requires: an organisation with a representative and a contact. */
export interface MemberRecordCore {
  /** Organisation name (单位名称): members are organisations only (R-M1). */
  name?: string | null;
  /** 会员代表. */
  representative?: string | null;
  /** 联系人. */
  contact?: string | null;
}

/** R-M1: what is missing from a member record, in Chinese (empty when complete). */
export function memberRecordProblems(rec: MemberRecordCore): string[] {
  const blank = (s: string | null | undefined) => !s || s.trim() === '';
  const out: string[] = [];
  if (blank(rec.name)) out.push('请填写单位名称（联盟会员均为单位会员）');
  if (blank(rec.representative)) out.push('请指定会员代表');
  if (blank(rec.contact)) out.push('请指定联系人');
  return out;
}

/** R-M5: one change of representative or contact, notified in writing on `changedOn`. */
export interface ContactChange {
  role: 'representative' | 'contact';
  name: string;
  changedOn: IsoDate;
}

/**
 * R-M5: who was the representative (or contact) on `date`: the latest change on or before it (the last
 * listed wins on the same day); `undefined` before the first.
 */
export function contactOn(
  history: readonly ContactChange[],
  role: 'representative' | 'contact',
  date: IsoDate,
): ContactChange | undefined {
  parseIsoDate(date);
  let found: ContactChange | undefined;
  for (const c of history) {
    parseIsoDate(c.changedOn, '变更日期');
    if (c.role !== role || compareDates(c.changedOn, date) > 0) continue;
    if (!found || compareDates(c.changedOn, found.changedOn) >= 0) found = c;
  }
  return found;
}
