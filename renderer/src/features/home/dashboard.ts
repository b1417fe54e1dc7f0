/**
 * 首页: the clerk's to-do list, computed from the database as of a date. `dashboardFrom` is pure (the
 * engine decides every rule); `computeDashboard(db, asOf)` reads the tables and calls it.
 */
import {
  COMPLIANCE_STATUS_LABEL,
  STANDING_COUNCIL_ROLES,
  autoWithdrawalCandidates,
  compareDates,
  daysBetween,
  isQuorate,
  meetingCompliance,
  standingAbsenceFlags,
  startOfYear,
  termsEndingWithin,
  trackedWithdrawalReasons,
  yearOf,
  type AutoWithdrawalCandidate,
  type CharterSettings,
  type ComplianceStatus,
  type HeldMeeting,
  type OfficeTerm,
  type StandingMeetingAttendance,
} from '../../../../shared/charter';
import type {
  Application,
  ApplicationStep,
  AttendanceRecord,
  DuesOverride,
  Meeting,
  Member,
  Office,
  Participation,
  Payment,
  TierChange,
} from '../../../../shared/domain/records';
import { BODY_LABEL, OFFICE_LABEL, type Body } from '../../../../shared/domain/types';
import type { DeskDB } from '../../db/schema';
import { readCharterSettings, readTrackedFrom } from '../../records/settings';
import { buildLedger, duesTrackedFrom, ledgerInputOf, type LedgerRow } from '../dues/ledger';
import { LEDGER_TABLES, readLedgerRows } from '../../records/ledgerRows';
import { officeTerms } from '../meetings/logic';
import { groupBy } from '../../../../shared/data/group';

export const OPEN_STEPS: readonly Exclude<ApplicationStep, 'done'>[] = [
  'materials',
  'review',
  'council',
  'notify',
  'certificate',
];
export const STEP_LABEL: Record<Exclude<ApplicationStep, 'done'>, string> = {
  materials: '待收齐材料',
  review: '待秘书处审核',
  council: '待常务理事会审议',
  notify: '待通知申请单位',
  certificate: '待颁发会员证书',
};

export interface DashboardData {
  members: readonly Member[];
  applications: readonly Application[];
  tierChanges: readonly TierChange[];
  overrides: readonly DuesOverride[];
  payments: readonly Payment[];
  participations: readonly Participation[];
  meetings: readonly Meeting[];
  attendance: readonly AttendanceRecord[];
  offices: readonly Office[];
  settings: CharterSettings;
  /** db.settings 'duesTrackedFrom' (see `duesTrackedFrom`). */
  trackedFromSetting?: unknown;
}

export interface Dashboard {
  asOf: string;
  applications: {
    count: number;
    byStep: { step: Exclude<ApplicationStep, 'done'>; label: string; count: number }[];
    items: { id: number; name: string; step: Exclude<ApplicationStep, 'done'>; label: string }[];
  };
  withdrawalReports: {
    count: number;
    items: { memberId: number; name: string; reportDueBy: string; daysLeft: number }[];
  };
  duesOverdue: {
    count: number;
    year: number;
    total: number;
    items: { memberId: number; name: string; outstanding: number; dueOn: string; partial: boolean }[];
  };
  autoWithdrawal: {
    count: number;
    items: { memberId: number; name: string; reasons: string[]; kinds: string[] }[];
  };
  standingAbsences: {
    count: number;
    items: { memberId: number; name: string; dates: [string, string]; message: string }[];
  };
  meetingsBehind: {
    count: number;
    items: {
      body: Body;
      label: string;
      status: ComplianceStatus;
      statusLabel: string;
      end: string;
      message: string;
    }[];
  };
  termsEnding: {
    count: number;
    items: {
      officeId: number;
      memberId?: number;
      holderName: string;
      role: string;
      endsOn: string;
      daysLeft: number;
    }[];
  };
}

/** Offices as engine terms (the meetings desk's `officeTerms`: an early end settles the R-O6 flag at once). */
export function officeTermsOf(
  offices: readonly Office[],
  settings: Pick<CharterSettings, 'termYears'>,
): { term: OfficeTerm; office: Office }[] {
  const terms = officeTerms(offices, settings);
  return offices.map((o, i) => ({ office: o, term: terms[i]! }));
}

/**
 * What the to-do list needs of one member as of a date (issue 17: kept per member, recomputed only for the
 * members a write touched — features/home/derived.ts). Every figure is the engine's: the year's ledger row
 * (`buildLedger`, R-D1 … R-D7) and the automatic-withdrawal check (`autoWithdrawalCandidates`, R-M7), both
 * over this member's rows only — the same calls `dashboardFrom` makes for every member at once.
 */
export interface MemberSummary {
  id: number;
  name: string;
  status: Member['status'];
  approvedOn?: string;
  /** A withdrawal notice not yet reported to the standing council (R-M6): its report deadline. */
  reportDueBy?: string;
  /** This member's row of the ledger of the as-of year, or why the engine refused its records. */
  row?: LedgerRow;
  problem?: string;
  /** R-M7 before the tracked-from filter (which depends on every payment: applied when composing). */
  candidate?: AutoWithdrawalCandidate;
  /** autoWithdrawalCandidates refused this member's records (the whole to-do list fails, as before). */
  error?: string;
  /** This member's payments assigned to the as-of year (the dues chart's input, `chartSeries`). */
  yearPayments: Payment[];
}

/** One member's rows (its tier history, overrides, payments, and the dates it took part in anything). */
export interface MemberRows {
  tierChanges?: readonly TierChange[] | undefined;
  overrides?: readonly DuesOverride[] | undefined;
  payments?: readonly Payment[] | undefined;
  /** Dates of its participations and of the meetings it attended (present). */
  took?: readonly string[] | undefined;
}

export function memberSummary(
  m: Member & { id: number },
  rows: MemberRows,
  asOf: string,
  settings: CharterSettings,
): MemberSummary {
  const year = yearOf(asOf);
  const s: MemberSummary = {
    id: m.id,
    name: m.name,
    status: m.status,
    yearPayments: (rows.payments ?? []).filter((p) => p.year === year),
  };
  if (m.approvedOn) s.approvedOn = m.approvedOn;
  if (m.status === 'withdrawing' && m.withdrawal && !m.withdrawal.reportedOn)
    s.reportDueBy = m.withdrawal.reportDueBy;
  const ledger = buildLedger(
    {
      members: [m],
      tierChanges: rows.tierChanges ?? [],
      overrides: rows.overrides ?? [],
      payments: rows.payments ?? [],
    },
    year,
    asOf,
    settings,
  );
  if (ledger.rows[0]) s.row = ledger.rows[0];
  if (ledger.problems[0]) s.problem = ledger.problems[0].message;
  if (m.approvedOn) {
    try {
      const [c] = autoWithdrawalCandidates(
        [
          {
            ...ledgerInputOf(
              m as Member & { approvedOn: string },
              rows.tierChanges,
              rows.overrides,
              rows.payments,
            ),
            memberId: m.id,
            status: m.status,
            participations: rows.took ?? [],
          },
        ],
        asOf,
        settings,
      );
      if (c) s.candidate = c;
    } catch (e) {
      s.error = e instanceof Error ? e.message : String(e);
    }
  }
  return s;
}

/** The dates each member took part in an activity or attended a meeting (present): R-M7's input. */
export function tookDates(
  participations: readonly Pick<Participation, 'memberId' | 'date'>[],
  attendance: readonly Pick<AttendanceRecord, 'memberId' | 'meetingId' | 'status'>[],
  meetingDate: ReadonlyMap<number, string>,
): Map<number, string[]> {
  const took = new Map<number, string[]>();
  const addDate = (id: number, date: string) => {
    const list = took.get(id);
    if (list) list.push(date);
    else took.set(id, [date]);
  };
  for (const p of participations) addDate(p.memberId, p.date);
  for (const a of attendance) {
    if (a.status !== 'present') continue;
    const date = meetingDate.get(a.meetingId);
    if (date) addDate(a.memberId, date);
  }
  return took;
}

/** Every member's summary (in the order given), from whole tables. */
export function summariesOf(
  d: Pick<
    DashboardData,
    'members' | 'tierChanges' | 'overrides' | 'payments' | 'participations' | 'attendance' | 'meetings'
  >,
  asOf: string,
  settings: CharterSettings,
): MemberSummary[] {
  return summariesFromRows(
    d.members,
    d,
    new Map(d.meetings.map((m) => [m.id ?? -1, m.date])),
    asOf,
    settings,
  );
}

/**
 * The summaries of `members` from the rows given (the whole tables, or only those members' rows on the
 * kept path, features/home/derived.ts); `meetingDate` dates the attendance.
 */
export function summariesFromRows(
  members: readonly Member[],
  rows: Pick<DashboardData, 'tierChanges' | 'overrides' | 'payments' | 'participations' | 'attendance'>,
  meetingDate: ReadonlyMap<number, string>,
  asOf: string,
  settings: CharterSettings,
): MemberSummary[] {
  const tiers = groupBy(rows.tierChanges, (t) => t.memberId);
  const overrides = groupBy(rows.overrides, (o) => o.memberId);
  const payments = groupBy(rows.payments, (p) => p.memberId);
  const took = tookDates(rows.participations, rows.attendance, meetingDate);
  const out: MemberSummary[] = [];
  for (const m of members) {
    if (m.id === undefined) continue;
    out.push(
      memberSummary(
        m as Member & { id: number },
        {
          tierChanges: tiers.get(m.id),
          overrides: overrides.get(m.id),
          payments: payments.get(m.id),
          took: took.get(m.id),
        },
        asOf,
        settings,
      ),
    );
  }
  return out;
}

/** The meetings' and offices' part of the to-do list (R-O2 … R-O9); holders by id (names when composing). */
export interface MeetingsPart {
  standing: { holderId: number; dates: [string, string]; message: string }[];
  behind: Dashboard['meetingsBehind']['items'];
  termsEnding: Dashboard['termsEnding']['items'];
}

export function meetingsPartOf(
  d: Pick<DashboardData, 'meetings' | 'attendance' | 'offices' | 'settings'>,
  asOf: string,
): MeetingsPart {
  const year = yearOf(asOf);
  // Standing directors absent from two consecutive standing-council meetings (R-O6).
  const terms = officeTermsOf(d.offices, d.settings);
  const attendanceByMeeting = groupBy(d.attendance, (a) => a.meetingId);
  const standingMeetings: StandingMeetingAttendance[] = d.meetings
    .filter((m) => m.body === 'standing' && m.id !== undefined)
    .map((m) => ({
      meetingId: m.id!,
      date: m.date,
      attendance: (attendanceByMeeting.get(m.id!) ?? []).map((a) => ({
        holderId: a.memberId,
        // Remote meeting: a returned ballot is taking part.
        attendance: m.form === 'remote' && a.ballotReturnedOn ? 'present' : a.status,
      })),
    }));
  const flags = standingAbsenceFlags(
    standingMeetings,
    terms.map((t) => t.term).filter((t) => STANDING_COUNCIL_ROLES.includes(t.role)),
    asOf,
    d.settings,
  );

  // Bodies behind their meeting frequency (R-O2, R-O4, R-O6); meetings without quorum do not count.
  const held: HeldMeeting[] = d.meetings
    .filter((m) => compareDates(m.date, asOf) <= 0)
    .map((m) => {
      const entitled = m.entitled.filter((e) => !e.observer);
      const ids = new Set(entitled.map((e) => e.memberId));
      const present = (attendanceByMeeting.get(m.id ?? -1) ?? []).filter(
        (a) =>
          ids.has(a.memberId) && (a.status === 'present' || (m.form === 'remote' && !!a.ballotReturnedOn)),
      ).length;
      return {
        body: m.body,
        date: m.date,
        quorate: isQuorate(m.body, entitled.length, Math.min(present, entitled.length)),
      };
    });
  const firstMeeting = held.reduce<string | null>(
    (min, m) => (min === null || m.date < min ? m.date : min),
    null,
  );
  const lastYearStart = startOfYear(year - 1);
  const from =
    firstMeeting === null
      ? startOfYear(year)
      : compareDates(firstMeeting, lastYearStart) < 0
        ? lastYearStart
        : firstMeeting;
  const behind = meetingCompliance(held, { from, asOf }).filter((p) => p.status !== 'met');

  // Terms ending within 90 days (R-O3, R-O9).
  const ending = termsEndingWithin(
    terms.map((t) => t.term),
    asOf,
    90,
    d.settings,
  );
  const officeOf = new Map(terms.map((t) => [t.term, t.office]));
  return {
    standing: flags.map((f) => ({ holderId: f.holderId, dates: f.dates, message: f.message })),
    behind: behind.map((p) => ({
      body: p.body,
      label: `${BODY_LABEL[p.body]} · ${p.label}`,
      status: p.status,
      statusLabel: COMPLIANCE_STATUS_LABEL[p.status],
      end: p.end,
      message: p.message,
    })),
    termsEnding: ending.map((e) => {
      const o = officeOf.get(e.term);
      const item: Dashboard['termsEnding']['items'][number] = {
        officeId: o?.id ?? 0,
        holderName: o?.holderName ?? '',
        role: OFFICE_LABEL[e.term.role],
        endsOn: e.endsOn,
        daysLeft: e.daysLeft,
      };
      if (o?.memberId !== undefined) item.memberId = o.memberId;
      return item;
    }),
  };
}

/**
 * The to-do list from its parts: the open applications, every member's summary (in member order), the
 * meetings' part, and the first tracked dues year (`duesTrackedFrom`).
 */
export function dashboardFromParts(p: {
  asOf: string;
  applications: readonly Application[];
  summaries: readonly MemberSummary[];
  meetings: MeetingsPart;
  trackedFrom: number;
}): Dashboard {
  const { asOf } = p;
  const names = new Map(p.summaries.map((m) => [m.id, m.name]));
  const nameOf = (id: number) => names.get(id) ?? `会员 ${id}`;

  // Applications waiting at each step (R-M3).
  const open = p.applications.filter(
    (a): a is Application & { id: number; step: Exclude<ApplicationStep, 'done'> } =>
      a.id !== undefined && a.step !== 'done' && !a.outcome,
  );
  const applications: Dashboard['applications'] = {
    count: open.length,
    byStep: OPEN_STEPS.map((step) => ({
      step,
      label: STEP_LABEL[step],
      count: open.filter((a) => a.step === step).length,
    })),
    items: open
      .map((a) => ({ id: a.id, name: a.unit.name, step: a.step, label: STEP_LABEL[a.step] }))
      .sort((a, b) => OPEN_STEPS.indexOf(a.step) - OPEN_STEPS.indexOf(b.step) || a.id - b.id),
  };

  // Withdrawal notices not yet reported to the standing council (R-M6).
  const wItems = p.summaries
    .filter((m) => m.reportDueBy !== undefined)
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      reportDueBy: m.reportDueBy!,
      daysLeft: daysBetween(asOf, m.reportDueBy!),
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft);

  // This year's dues past due and not fully paid (R-D2, R-D3, R-D7).
  const year = yearOf(asOf);
  const overdueRows = p.summaries
    .map((m) => m.row)
    .filter((r): r is LedgerRow => r !== undefined && r.overdue && r.outstanding > 0)
    .sort((a, b) => b.outstanding - a.outstanding || a.memberId - b.memberId);

  // Automatic-withdrawal candidates (R-M7): dues overdue, or 12 months without any activity or meeting;
  // dues years before the ledger's first tracked year are no reason (trackedWithdrawalReasons).
  const failed = p.summaries.find((m) => m.error !== undefined);
  if (failed) throw new RangeError(failed.error);
  const candidates = p.summaries
    .map((m) => m.candidate)
    .filter((c): c is AutoWithdrawalCandidate => c !== undefined)
    .map((c) => ({
      ...c,
      reasons: trackedWithdrawalReasons(c.reasons, p.trackedFrom),
    }))
    .filter((c) => c.reasons.length > 0);

  return {
    asOf,
    applications,
    withdrawalReports: { count: wItems.length, items: wItems },
    duesOverdue: {
      count: overdueRows.length,
      year,
      total: overdueRows.reduce((s, r) => s + r.outstanding, 0),
      items: overdueRows.map((r) => ({
        memberId: r.memberId,
        name: r.name,
        outstanding: r.outstanding,
        dueOn: r.dueOn,
        partial: r.paid > 0,
      })),
    },
    autoWithdrawal: {
      count: candidates.length,
      items: candidates.map((c) => ({
        memberId: c.memberId,
        name: nameOf(c.memberId),
        reasons: c.reasons.map((r) => r.message),
        kinds: c.reasons.map((r) => r.kind),
      })),
    },
    standingAbsences: {
      count: p.meetings.standing.length,
      items: p.meetings.standing.map((f) => ({
        memberId: f.holderId,
        name: nameOf(f.holderId),
        dates: f.dates,
        message: f.message,
      })),
    },
    meetingsBehind: { count: p.meetings.behind.length, items: p.meetings.behind },
    termsEnding: { count: p.meetings.termsEnding.length, items: p.meetings.termsEnding },
  };
}

/** The to-do list from whole tables (what the kept parts must always equal). */
export function dashboardFrom(d: DashboardData, asOf: string): Dashboard {
  return dashboardFromParts({
    asOf,
    applications: d.applications,
    summaries: summariesOf(d, asOf, d.settings),
    meetings: meetingsPartOf(d, asOf),
    trackedFrom: duesTrackedFrom(d.payments, asOf, d.trackedFromSetting),
  });
}

/** The tables the dashboard reads (its session cache is stale when one of them changes). */
export const DASHBOARD_TABLES = [
  ...LEDGER_TABLES,
  ...(['applications', 'participations', 'meetings', 'attendance', 'offices', 'settings'] as const),
] as const;

/** Reads what the dashboard needs in one read transaction and computes it as of `asOf`. */
export async function computeDashboard(db: DeskDB, asOf: string): Promise<Dashboard> {
  const data = await db.transaction(
    'r',
    DASHBOARD_TABLES.map((t) => db.table(t)),
    async () => {
      const [rows, applications, participations, meetings, attendance, offices] = await Promise.all([
        readLedgerRows(db),
        db.applications.toArray(),
        db.participations.toArray(),
        db.meetings.toArray(),
        db.attendance.toArray(),
        db.offices.toArray(),
      ]);
      const settings = await readCharterSettings(db);
      const tracked = await readTrackedFrom(db);
      return {
        ...rows,
        applications,
        participations,
        meetings,
        attendance,
        offices,
        settings,
        trackedFromSetting: tracked,
      };
    },
  );
  return dashboardFrom(data, asOf);
}
