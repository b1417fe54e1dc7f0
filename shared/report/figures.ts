/**
 * 年度报告: the secretariat's year in figures (charter art. 15, 27, 28: the work report to the standing
 * council and the 工作报告 / 财务报告 the general assembly reviews). Pure: records in, figures out.
 *
 * Every rule is the charter engine's (shared/charter), never re-implemented here:
 * - members on a date: `membersOn` (R-O2 denominator); tier on a date: `tierOn` (R-D5);
 * - leaving kinds: R-M6 退会, R-M7 自动退会, R-M9 除名 (the member's `left` record, R-M10);
 * - the 12-month activity picture: `autoWithdrawalCandidates` (R-M7, inactivity reasons);
 * - dues: `buildLedger` (shared/report/ledger.ts → `duesLedger`, R-D1 … R-D7);
 * - meetings held against the charter's frequency: `meetingCompliance` (R-O2, R-O4, R-O6); quorum:
 *   `presentVoterIds` + `isQuorate`; a motion's outcome: `motionTally` (the one tally function);
 * - terms: `lastDayInOffice` (R-O3, R-O9).
 *
 * The report covers 1 January of `year` to `end` = the earlier of `asOf` and 31 December.
 */
import {
  EXIT_KINDS,
  INACTIVITY_MONTHS,
  addDays,
  addMonths,
  annualDues,
  isoDate,
  TIERS,
  autoWithdrawalCandidates,
  compareDates,
  endOfYear,
  hasLeft,
  isPassedOutcome,
  isQuorate,
  lastDayInOffice,
  meetingCompliance,
  membersOn,
  minDate,
  motionTally,
  presentVoterIds,
  startOfYear,
  tierOn,
  votingIds,
  yearOf,
  type AutoWithdrawalMember,
  type CharterSettings,
  type ComplianceStatus,
  type ExitKind,
  type HeldMeeting,
  type MembershipSpan,
  type MotionOutcome,
  type OfficeTerm,
} from '../charter';
import type {
  Activity,
  AttendanceRecord,
  Ballot,
  Certificate,
  DocType,
  DuesOverride,
  Enrolment,
  Meeting,
  Member,
  Motion,
  Office,
  OutgoingDocument,
  Participation,
  Payment,
  Programme,
  TierChange,
} from '../domain/records';
import type { Body, IsoDate, MeetingForm, MemberStatus, OfficeRole, Tier } from '../domain/types';
import { arrearsOf, buildLedger, chartSeries, duesTrackedFrom, ledgerInputOf, tierHistoryOf } from './ledger';
import { groupBy } from '../data/group';

/**
 * What the report reads: the tables it needs, as stored. `participations` and `attendance` may be only what
 * the report of the year needs (the figures are the same as from the whole tables): those in the
 * `participationWindow` (attendance: of the meetings in it), those of the activities and meetings in the
 * `reportPeriod`, and every one of the members that `mayBeInactive` (renderer/src/features/report/data.ts).
 */
export interface ReportData {
  members: readonly Member[];
  tierChanges: readonly TierChange[];
  overrides: readonly DuesOverride[];
  payments: readonly Payment[];
  activities: readonly Activity[];
  participations: readonly Participation[];
  meetings: readonly Meeting[];
  attendance: readonly AttendanceRecord[];
  motions: readonly Motion[];
  ballots: readonly Ballot[];
  offices: readonly Office[];
  programmes: readonly Programme[];
  enrolments: readonly Enrolment[];
  certificates: readonly Certificate[];
  documents: readonly OutgoingDocument[];
  settings: CharterSettings;
  /** db.settings 'duesTrackedFrom' (see `duesTrackedFrom`). */
  trackedFromSetting?: unknown;
}

export const BODIES_IN_ORDER: readonly Body[] = ['assembly', 'council', 'standing'];
/** R-O2, R-O4: once a year; R-O6: once every half year. */
export const REQUIRED_PER_YEAR: Readonly<Record<Body, number>> = { assembly: 1, council: 1, standing: 2 };
export const BODY_RULE: Readonly<Record<Body, string>> = {
  assembly: 'R-O2',
  council: 'R-O4',
  standing: 'R-O6',
};
export const EXIT_LABEL: Readonly<Record<ExitKind, string>> = {
  withdrawn: '退会',
  'auto-withdrawn': '自动退会',
  expelled: '除名',
};
export const EXIT_RULE: Readonly<Record<ExitKind, string>> = {
  withdrawn: 'R-M6',
  'auto-withdrawn': 'R-M7',
  expelled: 'R-M9',
};
/** The statuses a member record can hold once approved, in roster order. */
export const REPORT_STATUSES: readonly MemberStatus[] = [
  'approved',
  'active',
  'withdrawing',
  'withdrawn',
  'auto-withdrawn',
  'expelled',
];
export const DOC_TYPES: readonly DocType[] = ['通知', '会议通知', '证书批次', '其他'];

export type TierCounts = Record<Tier, number> & { total: number };
export type StatusCounts = Record<MemberStatus, number> & { total: number };

export interface MembershipFigures {
  /** Units that are members on 1 January and on `end` (R-O2: approved, not yet left), by tier (R-D5). */
  start: TierCounts;
  end: TierCounts;
  /** Member records by status on 1 January and on `end` (left ones included: nothing is deleted, R-M10). */
  startStatus: StatusCounts;
  endStatus: StatusCounts;
  /** Units a member at the end of each month (month 12 = `end` when the year is not over), by tier. */
  monthly: { month: number; date: IsoDate; counts: TierCounts }[];
  joined: { memberId: number; name: string; approvedOn: IsoDate; tier: Tier }[];
  left: { memberId: number; name: string; on: IsoDate; how: ExitKind; reason: string }[];
  leftByKind: Record<ExitKind, number>;
  tierChanges: { memberId: number; name: string; from: Tier | null; to: Tier; on: IsoDate; reason: string }[];
  /** R-M7 as of `end`: members (approved / active) that took part in the last 12 months, and those flagged. */
  activity: {
    members: number;
    active: number;
    inactive: { memberId: number; name: string; since: IsoDate; lastParticipationOn: IsoDate | null }[];
    /** Distinct units taking part (activities or meetings attended) in each month of the year. */
    byMonth: { month: number; units: number }[];
  };
}

export interface DuesTierLine {
  tier: Tier;
  units: number;
  due: number;
  collected: number;
  outstanding: number;
  arrears: number;
}

export interface DuesFigures {
  /** First year the ledger tracks (earlier years' payments were never entered). */
  trackedFrom: number;
  units: number;
  due: number;
  collected: number;
  outstanding: number;
  /** Outstanding past the due date (R-D7). */
  arrears: number;
  byTier: DuesTierLine[];
  /** Per month: due falling due and payments for the year received in the month, and the running totals. */
  byMonth: {
    month: number;
    due: number;
    collected: number;
    cumulativeDue: number;
    cumulativeCollected: number;
  }[];
  /** Payments for the year received before 1 January (counted in January) / after `end`'s year (late). */
  collectedAfterYear: number;
  /** Cash received in the year (`paidOn` from 1 January to `end`), by the dues year it was for. */
  receivedInYear: { forYear: number; amount: number; payments: number }[];
  receivedForEarlierYears: number;
  receivedTotal: number;
  overrides: { memberId: number; name: string; standard: number; amount: number; reason: string }[];
  arrearsList: {
    memberId: number;
    name: string;
    tier: Tier;
    due: number;
    paid: number;
    outstanding: number;
    dueOn: IsoDate;
  }[];
}

export interface MeetingLine {
  meetingId: number;
  body: Body;
  name: string;
  date: IsoDate;
  form: MeetingForm;
  entitled: number;
  present: number;
  /** Per cent of the entitled present, rounded down (display only; the quorum is the engine's integer test). */
  rate: number;
  quorate: boolean;
  motions: number;
  adopted: number;
}

export interface MotionLine {
  meetingId: number;
  meetingName: string;
  date: IsoDate;
  body: Body;
  title: string;
  outcome: MotionOutcome | null;
  label: string;
}

export interface MeetingFigures {
  meetings: MeetingLine[];
  /** Per body: quorate meetings held, the charter's minimum, and each period's status (R-O2, R-O4, R-O6). */
  byBody: {
    body: Body;
    held: number;
    notQuorate: number;
    required: number;
    periods: { label: string; status: ComplianceStatus; message: string }[];
  }[];
  motions: MotionLine[];
  /** Adopted (standing council: and approved by the guiding unit, R-O6). */
  adopted: number;
  notAdopted: number;
  /** R-O6: standing-council resolutions adopted and awaiting the guiding unit's approval. */
  awaitingGuidingUnit: number;
  /** Not yet voted (nothing recorded) or an impossible tally. */
  undecided: number;
  /** Offices that started in the year (elections and appointments). */
  elections: { role: OfficeRole; holderName: string; startOn: IsoDate; endOn: IsoDate }[];
  /** Offices whose last day falls in the next year (R-O3, R-O9), soonest first. */
  endingNextYear: { role: OfficeRole; holderName: string; endsOn: IsoDate }[];
}

export interface ProgrammeLine {
  programmeId: number;
  name: string;
  callYear: number;
  invited: number;
  applied: number;
  approved: number;
  issued: number;
  returned: number;
}

export interface DocumentFigures {
  byType: { type: DocType; issued: number }[];
  issued: number;
  voided: { docNumber: string; title: string; reason: string }[];
  drafts: number;
  batches: { docNumber: string; title: string; date: IsoDate; certificates: number }[];
}

export interface ActivityLine {
  activityId: number;
  name: string;
  kind: string;
  date: IsoDate;
  units: number;
}

export interface AnnualReport {
  year: number;
  asOf: IsoDate;
  start: IsoDate;
  /** Last day covered: the earlier of `asOf` and 31 December. */
  end: IsoDate;
  membership: MembershipFigures;
  dues: DuesFigures;
  meetings: MeetingFigures;
  programmes: ProgrammeLine[];
  documents: DocumentFigures;
  activities: ActivityLine[];
  /** Records the engine refused (bad dates etc.), with its message: shown, never silently dropped. */
  problems: string[];
}

function inRange(date: IsoDate | undefined | null, from: IsoDate, to: IsoDate): date is IsoDate {
  return !!date && compareDates(date, from) >= 0 && compareDates(date, to) <= 0;
}

function zeroTiers(): TierCounts {
  return { member: 0, director: 0, standing: 0, chair: 0, total: 0 };
}

function zeroStatuses(): StatusCounts {
  return {
    applying: 0,
    reviewing: 0,
    approved: 0,
    active: 0,
    withdrawing: 0,
    withdrawn: 0,
    'auto-withdrawn': 0,
    expelled: 0,
    total: 0,
  };
}

/**
 * A member record's status on `date`, from its dated events: null before approval; the leaving kind from
 * the day it left (R-M6, R-M7, R-M9); 退会中 from the day a withdrawal notice was received (R-M6); else the
 * stored status when it is 已批准 / 正式会员 (正式会员 for a member that left or is leaving later).
 */
export function statusOn(m: Member, date: IsoDate): MemberStatus | null {
  if (!m.approvedOn || compareDates(m.approvedOn, date) > 0) return null;
  if (m.left && compareDates(m.left.on, date) <= 0) return m.left.how;
  if (hasLeft(m.status) && !m.left) return m.status;
  if (m.withdrawal && compareDates(m.withdrawal.noticeReceivedOn, date) <= 0)
    return m.status === 'withdrawing' || hasLeft(m.status) ? 'withdrawing' : m.status;
  return m.status === 'approved' || m.status === 'active' ? m.status : 'active';
}

/**
 * R-M7 participation dates by member: activities taken part in and meetings attended (present, or a remote
 * meeting's ballot returned), as the desks count them.
 */
export function participationDates(
  participations: readonly Participation[],
  meetings: readonly Meeting[],
  attendance: readonly AttendanceRecord[],
): Map<number, IsoDate[]> {
  const took = new Map<number, IsoDate[]>();
  const addDate = (id: number, date: IsoDate) => {
    const l = took.get(id);
    if (l) l.push(date);
    else took.set(id, [date]);
  };
  for (const p of participations) addDate(p.memberId, p.date);
  const meetingDate = new Map(meetings.map((m) => [m.id ?? -1, m]));
  for (const a of attendance) {
    const mt = meetingDate.get(a.meetingId);
    if (!mt) continue;
    if (a.status === 'present' || (mt.form === 'remote' && a.ballotReturnedOn)) addDate(a.memberId, mt.date);
  }
  return took;
}

/**
 * The first day of the months in which any participation makes a member certainly active on `end` (R-M7:
 * flagged only after 12 months without any; the last INACTIVITY_MONTHS − 1 months are safe whatever the day).
 */
export function surelyActiveFrom(end: IsoDate): IsoDate {
  return addMonths(end, -(INACTIVITY_MONTHS - 1));
}

/**
 * The participation days every member's figures need (the rest is needed only for members that
 * `mayBeInactive`): the months of the year (活跃度 by month) and the R-M7 window before `end`.
 */
export function participationWindow(year: number, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const { start, end } = reportPeriod(year, asOf);
  return { from: minDate(start, surelyActiveFrom(end)), to: end };
}

/**
 * Whether the engine must be asked about a member (R-M7) on `end`: a member (已批准 / 正式会员 on `end`)
 * approved before the window that took no part in it, judging by `datesInWindow` (its participation dates;
 * any outside the window are ignored). Only these members need their whole participation history; the
 * others are certainly active and skip the engine's per-member dues ledger. The engine decides every flag.
 */
export function mayBeInactive(end: IsoDate): (m: Member, datesInWindow: readonly IsoDate[]) => boolean {
  const from = surelyActiveFrom(end);
  return (m, datesInWindow) => {
    if (m.id === undefined || !m.approvedOn) return false;
    const status = statusOn(m, end);
    if (status !== 'approved' && status !== 'active') return false;
    return (
      compareDates(m.approvedOn, from) < 0 &&
      !datesInWindow.some((x) => compareDates(x, from) >= 0 && compareDates(x, end) <= 0)
    );
  };
}

/** Last day of a month. */
function monthEnd(year: number, month: number): IsoDate {
  return month === 12 ? endOfYear(year) : addDays(isoDate(year, month + 1, 1), -1);
}

function membership(
  d: OtherData,
  start: IsoDate,
  end: IsoDate,
  year: number,
  problems: string[],
): MembershipFigures {
  const spans: MembershipSpan[] = [];
  const histories = new Map<number, ReturnType<typeof tierHistoryOf>>();
  const tierChangesBy = groupBy(d.tierChanges, (t) => t.memberId);
  const byId = new Map<number, Member>();
  for (const m of d.members) {
    if (m.id === undefined) continue;
    byId.set(m.id, m);
    histories.set(m.id, tierHistoryOf(m, tierChangesBy.get(m.id)));
    if (m.approvedOn) spans.push({ memberId: m.id, approvedOn: m.approvedOn, leftOn: m.left?.on ?? null });
  }
  const tierCounts = (date: IsoDate): TierCounts => {
    const c = zeroTiers();
    for (const id of membersOn(spans, date)) {
      const h = histories.get(id)!;
      // One period: its tier (tierOn, or its first period before it starts, as below).
      const t = h.length === 1 ? h[0]!.tier : (tierOn(h, date) ?? h[0]!.tier);
      c[t]++;
      c.total++;
    }
    return c;
  };
  const statusCounts = (date: IsoDate): StatusCounts => {
    const c = zeroStatuses();
    for (const m of d.members) {
      const s = statusOn(m, date);
      if (s === null) continue;
      c[s]++;
      c.total++;
    }
    return c;
  };
  const lastMonth = Number(end.slice(5, 7));
  const monthly: MembershipFigures['monthly'] = [];
  for (let month = 1; month <= lastMonth; month++) {
    const date = month === lastMonth ? end : monthEnd(year, month);
    monthly.push({ month, date, counts: tierCounts(date) });
  }
  const joined = d.members
    .filter((m) => m.id !== undefined && inRange(m.approvedOn, start, end))
    .map((m) => {
      const h = histories.get(m.id!)!;
      return {
        memberId: m.id!,
        name: m.name,
        approvedOn: m.approvedOn!,
        tier: tierOn(h, m.approvedOn!) ?? h[0]!.tier,
      };
    })
    .sort((a, b) => compareDates(a.approvedOn, b.approvedOn) || a.memberId - b.memberId);
  const left = d.members
    .filter((m) => m.id !== undefined && m.left && inRange(m.left.on, start, end))
    .map((m) => ({ memberId: m.id!, name: m.name, on: m.left!.on, how: m.left!.how, reason: m.left!.reason }))
    .sort((a, b) => compareDates(a.on, b.on) || a.memberId - b.memberId);
  const leftByKind = { withdrawn: 0, 'auto-withdrawn': 0, expelled: 0 } as Record<ExitKind, number>;
  for (const l of left) leftByKind[l.how]++;
  // Tier changes: each dated change after a member's first tier record, in the year (R-D5: the tier held
  // the day before is the one left).
  const tierChanges: MembershipFigures['tierChanges'] = [];
  for (const [memberId, list] of tierChangesBy) {
    const m = byId.get(memberId);
    if (!m) continue;
    const sorted = [...list].sort(
      (a, b) => compareDates(a.effectiveFrom, b.effectiveFrom) || (a.id ?? 0) - (b.id ?? 0),
    );
    sorted.forEach((c, i) => {
      if (i === 0 || !inRange(c.effectiveFrom, start, end)) return;
      const from = tierOn(
        sorted.map((x) => ({ tier: x.tier, from: x.effectiveFrom })),
        addDays(c.effectiveFrom, -1),
      );
      if (from === c.tier) return;
      tierChanges.push({
        memberId,
        name: m.name,
        from: from ?? null,
        to: c.tier,
        on: c.effectiveFrom,
        reason: c.reason,
      });
    });
  }
  tierChanges.sort((a, b) => compareDates(a.on, b.on) || a.memberId - b.memberId);

  // R-M7 activity: participation dates are activities taken part in and meetings attended (as the desks do).
  const took = participationDates(d.participations, d.meetings, d.attendance);
  const candidate = mayBeInactive(end);
  const awInput: AutoWithdrawalMember[] = [];
  let checked = 0;
  for (const m of d.members) {
    if (m.id === undefined || !m.approvedOn) continue;
    const status = statusOn(m, end);
    if (status !== 'approved' && status !== 'active') continue;
    checked++;
    const dates = took.get(m.id) ?? [];
    if (!candidate(m, dates)) continue;
    awInput.push({
      ...ledgerInputOf(m as Member & { approvedOn: string }, tierChangesBy.get(m.id), [], []),
      memberId: m.id,
      status,
      participations: dates,
    });
  }
  let inactive: MembershipFigures['activity']['inactive'] = [];
  try {
    inactive = autoWithdrawalCandidates(awInput, end, d.settings)
      .flatMap((c) => c.reasons.filter((r) => r.kind === 'inactive').map((r) => ({ c, r })))
      .map(({ c, r }) => ({
        memberId: c.memberId,
        name: byId.get(c.memberId)?.name ?? `会员 ${c.memberId}`,
        since: r.kind === 'inactive' ? r.since : end,
        lastParticipationOn: r.kind === 'inactive' ? r.lastParticipationOn : null,
      }));
  } catch (e) {
    problems.push(`活跃度（R-M7）：${e instanceof Error ? e.message : String(e)}`);
  }
  const byMonth: { month: number; units: number }[] = [];
  const monthUnits = Array.from({ length: 13 }, () => new Set<number>());
  for (const [id, dates] of took)
    for (const date of dates) if (inRange(date, start, end)) monthUnits[Number(date.slice(5, 7))]!.add(id);
  for (let month = 1; month <= lastMonth; month++) byMonth.push({ month, units: monthUnits[month]!.size });
  return {
    start: tierCounts(start),
    end: tierCounts(end),
    startStatus: statusCounts(start),
    endStatus: statusCounts(end),
    monthly,
    joined,
    left,
    leftByKind,
    tierChanges,
    activity: { members: checked, active: checked - inactive.length, inactive, byMonth },
  };
}

function dues(d: DuesData, year: number, start: IsoDate, end: IsoDate, problems: string[]): DuesFigures {
  const payments = d.payments.filter((p) => compareDates(p.paidOn, end) <= 0);
  const ledger = buildLedger({ ...d, payments }, year, end, d.settings);
  for (const p of ledger.problems) problems.push(`会费（${p.name}）：${p.message}`);
  const rows = ledger.rows;
  const arrears = arrearsOf(rows);
  const byTier: DuesTierLine[] = TIERS.map((tier) => {
    const own = rows.filter((r) => r.tier === tier);
    return {
      tier,
      units: own.length,
      due: own.reduce((s, r) => s + r.amount, 0),
      collected: own.reduce((s, r) => s + r.paid, 0),
      outstanding: own.reduce((s, r) => s + r.outstanding, 0),
      arrears: own.reduce((s, r) => s + (r.overdue ? r.outstanding : 0), 0),
    };
  });
  const series = chartSeries(rows, payments, year);
  const lastMonth = Number(end.slice(5, 7));
  const byMonth: DuesFigures['byMonth'] = [];
  let prevDue = 0;
  let prevPaid = 0;
  for (const p of series.points) {
    if (p.month > lastMonth) break;
    byMonth.push({
      month: p.month,
      due: p.due - prevDue,
      collected: p.paid - prevPaid,
      cumulativeDue: p.due,
      cumulativeCollected: p.paid,
    });
    prevDue = p.due;
    prevPaid = p.paid;
  }
  const received = new Map<number, { amount: number; payments: number }>();
  for (const p of payments) {
    if (p.voided || !inRange(p.paidOn, start, end)) continue;
    const r = received.get(p.year) ?? { amount: 0, payments: 0 };
    r.amount += p.amount;
    r.payments++;
    received.set(p.year, r);
  }
  const receivedInYear = [...received.entries()]
    .map(([forYear, r]) => ({ forYear, ...r }))
    .sort((a, b) => a.forYear - b.forYear);
  const names = new Map(d.members.map((m) => [m.id ?? -1, m.name]));
  const approvedOn = new Map(d.members.map((m) => [m.id ?? -1, m.approvedOn]));
  return {
    trackedFrom: duesTrackedFrom(d.payments, end, d.trackedFromSetting),
    units: rows.length,
    due: rows.reduce((s, r) => s + r.amount, 0),
    collected: rows.reduce((s, r) => s + r.paid, 0),
    outstanding: rows.reduce((s, r) => s + r.outstanding, 0),
    arrears: arrears.total,
    byTier,
    byMonth,
    collectedAfterYear: series.paidAfterYear,
    receivedInYear,
    receivedForEarlierYears: receivedInYear.filter((r) => r.forYear < year).reduce((s, r) => s + r.amount, 0),
    receivedTotal: receivedInYear.reduce((s, r) => s + r.amount, 0),
    overrides: rows
      .filter((r) => r.override)
      .map((r) => ({
        memberId: r.memberId,
        name: names.get(r.memberId) ?? r.name,
        // The amount before the override: the engine's (R-D1, R-D4 half for a July approval).
        standard: annualDues(
          { tier: r.tier, year, approvedOn: approvedOn.get(r.memberId) ?? startOfYear(year) },
          d.settings,
        ).amount,
        amount: r.amount,
        reason: r.override!.reason,
      })),
    arrearsList: arrears.rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      tier: r.tier,
      due: r.amount,
      paid: r.paid,
      outstanding: r.outstanding,
      dueOn: r.dueOn,
    })),
  };
}

function meetings(
  d: OtherData,
  year: number,
  start: IsoDate,
  end: IsoDate,
  problems: string[],
): MeetingFigures {
  const attendanceBy = groupBy(d.attendance, (a) => a.meetingId);
  const motionsBy = groupBy(d.motions, (m) => m.meetingId);
  const ballotsBy = groupBy(d.ballots, (b) => b.motionId);
  const lines: MeetingLine[] = [];
  const motionLines: MotionLine[] = [];
  const held: HeldMeeting[] = [];
  const inYear = d.meetings
    .filter((m) => m.id !== undefined && inRange(m.date, start, end))
    .sort((a, b) => compareDates(a.date, b.date) || a.id! - b.id!);
  for (const m of inYear) {
    const att = attendanceBy.get(m.id!) ?? [];
    const present = presentVoterIds(m, att);
    const entitled = votingIds(m).length;
    const quorate = isQuorate(m.body, entitled, Math.min(present.length, entitled));
    held.push({ body: m.body, date: m.date, quorate });
    let adopted = 0;
    const motions = (motionsBy.get(m.id!) ?? []).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    for (const mo of motions) {
      const t = motionTally(m, mo, att, ballotsBy.get(mo.id ?? -1) ?? [], present);
      if (t.error) problems.push(`议案“${mo.title}”：${t.error}`);
      const outcome = t.decision?.outcome ?? null;
      if (t.decision?.adopted) adopted++;
      motionLines.push({
        meetingId: m.id!,
        meetingName: m.name,
        date: m.date,
        body: m.body,
        title: mo.title,
        outcome,
        label: t.decision?.label ?? (t.error ? '计票有误' : '尚未表决'),
      });
    }
    lines.push({
      meetingId: m.id!,
      body: m.body,
      name: m.name,
      date: m.date,
      form: m.form,
      entitled,
      present: present.length,
      rate: entitled > 0 ? Math.floor((present.length * 100) / entitled) : 0,
      quorate,
      motions: motions.length,
      adopted,
    });
  }
  const periods = meetingCompliance(held, { from: start, asOf: end });
  const byBody = BODIES_IN_ORDER.map((body) => ({
    body,
    held: held.filter((h) => h.body === body && h.quorate).length,
    notQuorate: held.filter((h) => h.body === body && !h.quorate).length,
    required: REQUIRED_PER_YEAR[body],
    periods: periods
      .filter((p) => p.body === body)
      .map((p) => ({ label: p.label, status: p.status, message: p.message })),
  }));
  const count = (f: (o: MotionOutcome | null) => boolean) => motionLines.filter((l) => f(l.outcome)).length;
  const terms: { office: Office; term: OfficeTerm }[] = d.offices.map((o) => {
    const full = lastDayInOffice({ holderId: o.memberId ?? 0, role: o.role, startOn: o.startOn }, d.settings);
    const endedOn = o.ended?.on ?? (o.endOn && compareDates(o.endOn, full) < 0 ? o.endOn : null);
    return { office: o, term: { holderId: o.memberId ?? 0, role: o.role, startOn: o.startOn, endedOn } };
  });
  const endingNextYear = terms
    .map((t) => ({ ...t, endsOn: lastDayInOffice(t.term, d.settings) }))
    .filter((t) => yearOf(t.endsOn) === year + 1 && !t.office.ended)
    .sort((a, b) => compareDates(a.endsOn, b.endsOn) || (a.office.id ?? 0) - (b.office.id ?? 0))
    .map((t) => ({ role: t.office.role, holderName: t.office.holderName, endsOn: t.endsOn }));
  const elections = d.offices
    .filter((o) => inRange(o.startOn, start, end))
    .sort((a, b) => compareDates(a.startOn, b.startOn) || (a.id ?? 0) - (b.id ?? 0))
    .map((o) => ({ role: o.role, holderName: o.holderName, startOn: o.startOn, endOn: o.endOn }));
  return {
    meetings: lines,
    byBody,
    motions: motionLines,
    adopted: count((o) => o !== null && isPassedOutcome(o) && o !== 'pending-approval'),
    notAdopted: count((o) => o !== null && !isPassedOutcome(o)),
    awaitingGuidingUnit: count((o) => o === 'pending-approval'),
    undecided: count((o) => o === null),
    elections,
    endingNextYear,
  };
}

function programmes(d: OtherData, year: number, start: IsoDate, end: IsoDate): ProgrammeLine[] {
  const byProgramme = groupBy(d.enrolments, (e) => e.programmeId);
  const certs = groupBy(
    d.certificates.filter((c) => c.kind === 'programme' && c.programmeId !== undefined),
    (c) => c.programmeId!,
  );
  return d.programmes
    .filter((p) => p.id !== undefined)
    .filter(
      (p) => p.callYear === year || (certs.get(p.id!) ?? []).some((c) => inRange(c.issuedOn, start, end)),
    )
    .sort((a, b) => a.callYear - b.callYear || a.id! - b.id!)
    .map((p) => {
      // As the programmes desk counts them (renderer/src/features/programmes/logic.ts `overview`).
      const live = (byProgramme.get(p.id!) ?? []).filter((e) => e.status !== 'withdrawn');
      const own = certs.get(p.id!) ?? [];
      return {
        programmeId: p.id!,
        name: p.name,
        callYear: p.callYear,
        invited: live.length,
        applied: live.filter((e) => e.status !== 'invited' || Object.keys(e.receipts).length > 0).length,
        approved: live.filter((e) => e.status === 'approved').length,
        issued: own.filter((c) => inRange(c.issuedOn, start, end)).length,
        returned: own.filter((c) => inRange(c.returned?.on, start, end)).length,
      };
    });
}

function documents(d: OtherData, year: number): DocumentFigures {
  const own = d.documents.filter((x) => x.year === year);
  const numbered = own.filter((x) => x.docNumber);
  const final = numbered.filter((x) => x.status === 'final');
  return {
    byType: DOC_TYPES.map((type) => ({ type, issued: final.filter((x) => x.type === type).length })),
    issued: final.length,
    voided: numbered
      .filter((x) => x.status === 'void')
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      .map((x) => ({ docNumber: x.docNumber!, title: x.title, reason: x.voided?.reason ?? '' })),
    drafts: own.filter((x) => x.status === 'draft').length,
    batches: final
      .filter((x) => x.type === '证书批次')
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      .map((x) => ({
        docNumber: x.docNumber!,
        title: x.title,
        date: x.date,
        certificates: x.certificateBatch?.items.length ?? 0,
      })),
  };
}

function activities(d: OtherData, start: IsoDate, end: IsoDate): ActivityLine[] {
  const units = new Map<number, Set<number>>();
  for (const p of d.participations) {
    const s = units.get(p.activityId) ?? new Set<number>();
    s.add(p.memberId);
    units.set(p.activityId, s);
  }
  return d.activities
    .filter((a) => a.id !== undefined && inRange(a.date, start, end))
    .sort((a, b) => compareDates(a.date, b.date) || a.id! - b.id!)
    .map((a) => ({
      activityId: a.id!,
      name: a.name,
      kind: a.kind,
      date: a.date,
      units: units.get(a.id!)?.size ?? 0,
    }));
}

/** The days the report of `year` as of `asOf` covers: 1 January to the earlier of `asOf` and 31 December. */
export function reportPeriod(year: number, asOf: IsoDate): { start: IsoDate; end: IsoDate } {
  const start = startOfYear(year);
  if (compareDates(asOf, start) < 0) throw new RangeError(`截止日期 ${asOf} 早于 ${year} 年`);
  return { start, end: minDate(asOf, endOfYear(year)) };
}

/** What the dues figures read: the dues desk's ledger data and the settings. */
export type DuesData = Pick<
  ReportData,
  'members' | 'tierChanges' | 'overrides' | 'payments' | 'settings' | 'trackedFromSetting'
>;

/** What every other figure reads. */
export type OtherData = Omit<ReportData, 'overrides' | 'payments' | 'trackedFromSetting'>;

/** The dues figures of the report (会费, R-D1 … R-D7) and the records the engine refused while computing them. */
export interface DuesPart {
  dues: DuesFigures;
  problems: string[];
}

/** The 会费 part of `annualReport` on its own (`assembleReport` puts it together with the rest). */
export function duesPart(d: DuesData, year: number, asOf: IsoDate): DuesPart {
  const { start, end } = reportPeriod(year, asOf);
  const problems: string[] = [];
  return { dues: dues(d, year, start, end, problems), problems };
}

/**
 * The annual report from the other records and its 会费 part (`duesPart` of the same year and date): the
 * same as `annualReport` of all of them, the refused records in the same order.
 */
export function assembleReport(d: OtherData, year: number, asOf: IsoDate, duesDone: DuesPart): AnnualReport {
  const { start, end } = reportPeriod(year, asOf);
  const problems: string[] = [];
  const membershipFigures = membership(d, start, end, year, problems);
  problems.push(...duesDone.problems);
  const meetingFigures = meetings(d, year, start, end, problems);
  return {
    year,
    asOf,
    start,
    end,
    membership: membershipFigures,
    dues: duesDone.dues,
    meetings: meetingFigures,
    programmes: programmes(d, year, start, end),
    documents: documents(d, year),
    activities: activities(d, start, end),
    problems,
  };
}

/** The annual report of `year` as of `asOf` (covering 1 January to the earlier of `asOf` and 31 December). */
export function annualReport(d: ReportData, year: number, asOf: IsoDate): AnnualReport {
  return assembleReport(d, year, asOf, duesPart(d, year, asOf));
}

/** The default as-of date for a year: 31 December, or `today` for the current (or a later) year. */
export function defaultAsOf(year: number, today: IsoDate): IsoDate {
  return year >= yearOf(today) ? today : endOfYear(year);
}

export { EXIT_KINDS };
