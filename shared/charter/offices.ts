/**
 * Offices and terms (R-O3, R-O5, R-O6, R-O8, R-O9): who holds which seat on a date, term end dates, the
 * cap of 9 standing directors, chair eligibility and re-election limit, and standing directors absent
 * from two consecutive standing-council meetings.
 *
 * Term end (documented choice): a term of N years starting on S ends on the day before its N-th
 * anniversary, `addYears(S, N) − 1 day` (2022-06-01 → 2025-05-31), so the next term starting on the
 * anniversary does not overlap. A term starting on 29 February has its anniversary on 28 February.
 */
import type { Attendance, Body, IsoDate, OfficeRole } from '../domain/types';
import { BODY_LABEL, OFFICE_LABEL } from '../domain/types';
import { addDays, addYears, compareDates, daysBetween, parseIsoDate } from './dates';
import { assertCount, assertInteger, assertOneOf } from './errors';
import type { CharterSettings } from './settings';
import { DEFAULT_CHARTER_SETTINGS } from './settings';
import type { MotionOutcome } from './voting';
import { isPassedOutcome } from './voting';

export const OFFICE_ROLES: readonly OfficeRole[] = [
  'chair',
  'vice-chair',
  'standing',
  'director',
  'secretary-general',
  'deputy-sg',
];

/**
 * Roles that sit on the standing council. The chair is elected from among the standing directors (R-O5);
 * vice-chairs are read as standing directors too. Counted once per holder.
 */
export const STANDING_COUNCIL_ROLES: readonly OfficeRole[] = ['chair', 'vice-chair', 'standing'];
/** Roles that sit on the council: every standing director represents a director unit (R-O5). */
export const COUNCIL_ROLES: readonly OfficeRole[] = ['chair', 'vice-chair', 'standing', 'director'];
/** R-O5: at most 9 standing directors. */
export const STANDING_SEAT_CAP = 9;

/** One term of office. */
export interface OfficeTerm {
  /** The member unit's id for council seats; for the secretary-general and deputies, the person's id. */
  holderId: number;
  role: OfficeRole;
  startOn: IsoDate;
  /** Last day in office when the term ended early (resignation, seat lost under R-O6, …). */
  endedOn?: IsoDate | null;
  /**
   * True when the clerk recorded the early end (resignation, seat lost under R-O6, unit left), as opposed to
   * a term recorded shorter than the full length (e.g. elected for the rest of a council's term). A recorded
   * end settles the R-O6 absence flag at once, even while `endedOn` (the last day in office) is still ahead.
   */
  endRecorded?: boolean;
}

/** Last day of a term that runs its full length: `addYears(startOn, years) − 1 day` (R-O3, R-O9). */
export function termEndOn(startOn: IsoDate, years: number = DEFAULT_CHARTER_SETTINGS.termYears): IsoDate {
  parseIsoDate(startOn, '任期开始日期');
  assertInteger(years, '任期年数', 1, 100);
  return addDays(addYears(startOn, years), -1);
}

function checkTerm(t: OfficeTerm): void {
  assertCount(t.holderId, '任职者编号');
  assertOneOf(t.role, OFFICE_ROLES, '职务');
  parseIsoDate(t.startOn, '任期开始日期');
  if (t.endedOn) parseIsoDate(t.endedOn, '任期结束日期');
}

/** The last day in office: `endedOn` when the term ended early, otherwise the full term's end. */
export function lastDayInOffice(
  t: OfficeTerm,
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): IsoDate {
  checkTerm(t);
  return t.endedOn ?? termEndOn(t.startOn, settings.termYears);
}

/** Whether the term covers `date` (start and last day inclusive). */
export function isInOffice(
  t: OfficeTerm,
  date: IsoDate,
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): boolean {
  parseIsoDate(date);
  return compareDates(t.startOn, date) <= 0 && compareDates(date, lastDayInOffice(t, settings)) <= 0;
}

/** Distinct holders of any of `roles` on `date`, ascending. */
export function holdersOn(
  terms: readonly OfficeTerm[],
  roles: readonly OfficeRole[],
  date: IsoDate,
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): number[] {
  const ids = new Set<number>();
  for (const t of terms) if (roles.includes(t.role) && isInOffice(t, date, settings)) ids.add(t.holderId);
  return [...ids].sort((a, b) => a - b);
}

export interface SeatCapCheck {
  ok: boolean;
  cap: number;
  /** The most standing directors seated at once during the candidate's term, the candidate included. */
  maxSeated: number;
  /** A day on which that maximum is reached. */
  peakOn: IsoDate;
  message: string | null;
}

/**
 * R-O5: whether seating `candidate` (a standing-council term) keeps the standing directors at 9 or fewer
 * on every day of its term.
 */
export function checkStandingSeatCap(
  terms: readonly OfficeTerm[],
  candidate: OfficeTerm,
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): SeatCapCheck {
  checkTerm(candidate);
  const all = [...terms, candidate];
  const end = lastDayInOffice(candidate, settings);
  const points = new Set<IsoDate>([candidate.startOn]);
  for (const t of terms) {
    if (
      STANDING_COUNCIL_ROLES.includes(t.role) &&
      compareDates(t.startOn, candidate.startOn) > 0 &&
      compareDates(t.startOn, end) <= 0
    ) {
      points.add(t.startOn);
    }
  }
  let maxSeated = 0;
  let peakOn = candidate.startOn;
  for (const d of points) {
    const n = holdersOn(all, STANDING_COUNCIL_ROLES, d, settings).length;
    if (n > maxSeated) {
      maxSeated = n;
      peakOn = d;
    }
  }
  const ok = maxSeated <= STANDING_SEAT_CAP;
  return {
    ok,
    cap: STANDING_SEAT_CAP,
    maxSeated,
    peakOn,
    message: ok
      ? null
      : `常务理事不超过 ${STANDING_SEAT_CAP} 个，${peakOn} 将有 ${maxSeated} 个（章程第二十一条）`,
  };
}

function hasFullStandingTerm(
  terms: readonly OfficeTerm[],
  holderId: number,
  before: IsoDate,
  termYears: number,
): boolean {
  return terms.some((t) => {
    if (t.holderId !== holderId || !STANDING_COUNCIL_ROLES.includes(t.role)) return false;
    const fullEnd = termEndOn(t.startOn, termYears);
    const servedFull = !t.endedOn || compareDates(t.endedOn, fullEnd) >= 0;
    return servedFull && compareDates(fullEnd, before) < 0;
  });
}

/**
 * R-O9: the holder's chair terms in a row that started before `before` — the trailing run of the holder's
 * chair terms in the chronological list of all chair terms, i.e. not interrupted by another chair.
 */
export function consecutiveChairTerms(
  terms: readonly OfficeTerm[],
  holderId: number,
  before: IsoDate,
): number {
  parseIsoDate(before);
  const chairs = terms
    .filter((t) => t.role === 'chair' && compareDates(t.startOn, before) < 0)
    .sort((a, b) => compareDates(a.startOn, b.startOn));
  let run = 0;
  for (let i = chairs.length - 1; i >= 0; i--) {
    if ((chairs[i] as OfficeTerm).holderId !== holderId) break;
    run++;
  }
  return run;
}

export interface ChairEligibility {
  eligible: boolean;
  /** R-O8: at least one full standing-director term completed before `startOn`. */
  hasFullStandingTerm: boolean;
  /** R-O9: chair terms in a row before `startOn`. */
  consecutiveTerms: number;
  /** Why not, in Chinese. */
  reasons: string[];
  /** R-O5: the chair is elected from among the standing directors — warned when not seated on `startOn`. */
  warnings: string[];
}

/** R-O8, R-O9 (and R-O5 as a warning): may `holderId` start a chair term on `startOn`? */
export function chairEligibility(
  terms: readonly OfficeTerm[],
  holderId: number,
  startOn: IsoDate,
  settings: Pick<CharterSettings, 'termYears' | 'chairMaxConsecutiveTerms'> = DEFAULT_CHARTER_SETTINGS,
): ChairEligibility {
  parseIsoDate(startOn, '任期开始日期');
  terms.forEach(checkTerm);
  const full = hasFullStandingTerm(terms, holderId, startOn, settings.termYears);
  const run = consecutiveChairTerms(terms, holderId, startOn);
  const reasons: string[] = [];
  if (!full) reasons.push('理事长须至少有一届常务理事工作经验（章程第二十四条）');
  if (run >= settings.chairMaxConsecutiveTerms) {
    reasons.push(
      `理事长已连续任职 ${run} 届，连任不得超过 ${settings.chairMaxConsecutiveTerms - 1} 届（章程第二十五条）`,
    );
  }
  const warnings: string[] = [];
  const seated = terms.some(
    (t) =>
      t.holderId === holderId &&
      (t.role === 'standing' || t.role === 'vice-chair') &&
      isInOffice(t, startOn, settings),
  );
  if (!seated)
    warnings.push('理事长应在常务理事中选举产生（章程第二十一条），该单位在任期开始日不是常务理事');
  return {
    eligible: reasons.length === 0,
    hasFullStandingTerm: full,
    consecutiveTerms: run,
    reasons,
    warnings,
  };
}

/** A standing-council meeting with its attendance (R-O6). For a remote meeting, 'present' = ballot returned. */
export interface StandingMeetingAttendance {
  meetingId: number;
  date: IsoDate;
  attendance: readonly { holderId: number; attendance: Attendance }[];
}

export interface AbsenceFlag {
  holderId: number;
  rule: 'R-O6';
  meetingIds: [number, number];
  dates: [IsoDate, IsoDate];
  message: string;
}

/**
 * R-O6: standing directors in office on `asOf` who missed two consecutive standing-council meetings
 * held while they were in office (their current unbroken tenure). Missing means 'absent', no record, or —
 * when `leaveCountsAsAbsence` (default) — 'leave'. The first such pair is reported; the clerk decides.
 * A holder whose every standing-council term covering `asOf` has a recorded early end (`endRecorded`) is not
 * flagged: the clerk has already ended the seat, and its last day in office may be today or later.
 */
export function standingAbsenceFlags(
  meetings: readonly StandingMeetingAttendance[],
  terms: readonly OfficeTerm[],
  asOf: IsoDate,
  settings: Pick<CharterSettings, 'termYears' | 'leaveCountsAsAbsence'> = DEFAULT_CHARTER_SETTINGS,
): AbsenceFlag[] {
  parseIsoDate(asOf, '截止日期');
  terms.forEach(checkTerm);
  const held = meetings
    .filter((m) => {
      parseIsoDate(m.date, '会议日期');
      return compareDates(m.date, asOf) <= 0;
    })
    .sort((a, b) => compareDates(a.date, b.date) || a.meetingId - b.meetingId);
  const flags: AbsenceFlag[] = [];
  const open = terms.filter((t) => !t.endRecorded);
  for (const holderId of holdersOn(open, STANDING_COUNCIL_ROLES, asOf, settings)) {
    const own = terms
      .filter((t) => t.holderId === holderId && STANDING_COUNCIL_ROLES.includes(t.role))
      .map((t) => ({ start: t.startOn, end: lastDayInOffice(t, settings) }))
      .sort((a, b) => compareDates(a.start, b.start));
    // The unbroken tenure containing asOf: chain terms that start at most one day after the previous end.
    let tenureStart: IsoDate | null = null;
    let chainEnd: IsoDate | null = null;
    for (const t of own) {
      if (chainEnd === null || compareDates(t.start, addDays(chainEnd, 1)) > 0) {
        tenureStart = t.start;
        chainEnd = t.end;
      } else if (compareDates(t.end, chainEnd) > 0) chainEnd = t.end;
      if (compareDates(t.start, asOf) <= 0 && compareDates(asOf, t.end) <= 0) break;
    }
    if (tenureStart === null) continue;
    const start = tenureStart;
    const attended = (m: StandingMeetingAttendance): boolean => {
      const rec = m.attendance.find((a) => a.holderId === holderId);
      if (!rec) return false;
      if (rec.attendance === 'absent') return false;
      if (rec.attendance === 'leave') return !settings.leaveCountsAsAbsence;
      return true;
    };
    const entitledMeetings = held.filter(
      (m) =>
        compareDates(m.date, start) >= 0 &&
        terms.some(
          (t) =>
            t.holderId === holderId &&
            STANDING_COUNCIL_ROLES.includes(t.role) &&
            isInOffice(t, m.date, settings),
        ),
    );
    for (let i = 1; i < entitledMeetings.length; i++) {
      const a = entitledMeetings[i - 1] as StandingMeetingAttendance;
      const b = entitledMeetings[i] as StandingMeetingAttendance;
      if (!attended(a) && !attended(b)) {
        flags.push({
          holderId,
          rule: 'R-O6',
          meetingIds: [a.meetingId, b.meetingId],
          dates: [a.date, b.date],
          message: `连续两次未出席常务理事会会议（${a.date}、${b.date}），应取消常务理事资格（章程第二十二条）`,
        });
        break;
      }
    }
  }
  return flags;
}

export interface EndingTerm {
  term: OfficeTerm;
  endsOn: IsoDate;
  /** Days from `asOf` to the last day (0 = ends today). */
  daysLeft: number;
}

/** Terms whose last day falls between `asOf` and `asOf + days` (inclusive), soonest first (R-O3, R-O9). */
export function termsEndingWithin(
  terms: readonly OfficeTerm[],
  asOf: IsoDate,
  days: number,
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): EndingTerm[] {
  parseIsoDate(asOf, '截止日期');
  assertCount(days, '天数');
  const out: EndingTerm[] = [];
  for (const term of terms) {
    const endsOn = lastDayInOffice(term, settings);
    const daysLeft = daysBetween(asOf, endsOn);
    if (daysLeft >= 0 && daysLeft <= days && compareDates(term.startOn, asOf) <= 0)
      out.push({ term, endsOn, daysLeft });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.term.holderId - b.term.holderId);
}

/** How an office is filled (R-O3, R-O5, R-O7, R-O10; art. 15 (4), 18 (4)). */
export interface AppointmentRule {
  role: OfficeRole;
  nominatedBy: string;
  /** The body whose resolution elects or agrees. */
  decidedBy: Body;
  /** Whether the guiding unit must then approve (R-O7, R-O10; every standing-council resolution, R-O6). */
  needsGuidingUnit: boolean;
  rule: string;
}

export const APPOINTMENT_RULES: Readonly<Record<OfficeRole, AppointmentRule>> = Object.freeze({
  director: {
    role: 'director',
    nominatedBy: '会员自愿申请（入会满一年）',
    decidedBy: 'assembly',
    needsGuidingUnit: false,
    rule: 'R-O3, R-M4',
  },
  standing: {
    role: 'standing',
    nominatedBy: '理事单位推荐本单位代表',
    decidedBy: 'council',
    needsGuidingUnit: false,
    rule: 'R-O5',
  },
  chair: {
    role: 'chair',
    nominatedBy: '在常务理事中选举产生',
    decidedBy: 'council',
    needsGuidingUnit: false,
    rule: 'R-O5, R-O8',
  },
  'vice-chair': {
    role: 'vice-chair',
    nominatedBy: '在常务理事中选举产生',
    decidedBy: 'council',
    needsGuidingUnit: false,
    rule: 'R-O5',
  },
  'secretary-general': {
    role: 'secretary-general',
    nominatedBy: '秘书处挂靠单位或常务理事所在单位推荐',
    decidedBy: 'standing',
    needsGuidingUnit: true,
    rule: 'R-O7',
  },
  'deputy-sg': {
    role: 'deputy-sg',
    nominatedBy: '秘书长提名',
    decidedBy: 'standing',
    needsGuidingUnit: true,
    rule: 'R-O10',
  },
});

/**
 * Whether an appointment is complete: a resolution of the right body that passed and, where required,
 * was approved by the guiding unit (R-O5, R-O7, R-O10). Returns the reason in Chinese when not.
 */
export function appointmentStatus(
  role: OfficeRole,
  resolution: { body: Body; outcome: MotionOutcome } | null | undefined,
): { complete: boolean; message: string | null } {
  assertOneOf(role, OFFICE_ROLES, '职务');
  const r = APPOINTMENT_RULES[role];
  const who = OFFICE_LABEL[role];
  if (!resolution) return { complete: false, message: `${who}须经${BODY_LABEL[r.decidedBy]}决议` };
  if (resolution.body !== r.decidedBy) {
    return {
      complete: false,
      message: `${who}应由${BODY_LABEL[r.decidedBy]}决定，不是${BODY_LABEL[resolution.body]}`,
    };
  }
  if (!isPassedOutcome(resolution.outcome))
    return { complete: false, message: `${BODY_LABEL[r.decidedBy]}决议未通过` };
  if (r.needsGuidingUnit && resolution.outcome !== 'approved') {
    return { complete: false, message: `${who}须报指导单位批准，尚未批准` };
  }
  return { complete: true, message: null };
}
