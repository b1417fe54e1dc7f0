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
  yearOf,
  type AutoWithdrawalMember,
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
import { buildLedger, duesTrackedFrom, ledgerInputOf } from '../dues/ledger';
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

export function dashboardFrom(d: DashboardData, asOf: string): Dashboard {
  const names = new Map(d.members.map((m) => [m.id ?? -1, m.name]));
  const nameOf = (id: number) => names.get(id) ?? `会员 ${id}`;

  // Applications waiting at each step (R-M3).
  const open = d.applications.filter(
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
  const wItems = d.members
    .filter(
      (m) => m.id !== undefined && m.status === 'withdrawing' && m.withdrawal && !m.withdrawal.reportedOn,
    )
    .map((m) => ({
      memberId: m.id!,
      name: m.name,
      reportDueBy: m.withdrawal!.reportDueBy,
      daysLeft: daysBetween(asOf, m.withdrawal!.reportDueBy),
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft);

  // This year's dues past due and not fully paid (R-D2, R-D3, R-D7).
  const year = yearOf(asOf);
  const ledger = buildLedger(d, year, asOf, d.settings.duesSchedule);
  const overdueRows = ledger.rows
    .filter((r) => r.overdue && r.outstanding > 0)
    .sort((a, b) => b.outstanding - a.outstanding || a.memberId - b.memberId);

  // Automatic-withdrawal candidates (R-M7): dues overdue, or 12 months without any activity or meeting.
  const tiers = groupBy(d.tierChanges, (t) => t.memberId);
  const overrides = groupBy(d.overrides, (o) => o.memberId);
  const payments = groupBy(d.payments, (p) => p.memberId);
  const took = new Map<number, string[]>();
  const addDate = (id: number, date: string) => {
    const list = took.get(id);
    if (list) list.push(date);
    else took.set(id, [date]);
  };
  for (const p of d.participations) addDate(p.memberId, p.date);
  const meetingDate = new Map(d.meetings.map((m) => [m.id ?? -1, m.date]));
  for (const a of d.attendance) {
    if (a.status !== 'present') continue;
    const date = meetingDate.get(a.meetingId);
    if (date) addDate(a.memberId, date);
  }
  const awInput: AutoWithdrawalMember[] = [];
  for (const m of d.members) {
    if (m.id === undefined || !m.approvedOn) continue;
    awInput.push({
      ...ledgerInputOf(
        m as Member & { approvedOn: string },
        tiers.get(m.id),
        overrides.get(m.id),
        payments.get(m.id),
      ),
      memberId: m.id,
      status: m.status,
      participations: took.get(m.id) ?? [],
    });
  }
  // Dues years before the ledger's first tracked year were settled before the desk was used: their
  // "overdue" reasons are dropped (TODO(charter): a tracked-from year in the engine).
  const trackedFrom = duesTrackedFrom(d.payments, asOf, d.trackedFromSetting);
  const candidates = autoWithdrawalCandidates(awInput, asOf, d.settings.duesSchedule)
    .map((c) => ({
      ...c,
      reasons: c.reasons.filter((r) => r.kind !== 'dues-overdue' || r.year >= trackedFrom),
    }))
    .filter((c) => c.reasons.length > 0);

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
      count: flags.length,
      items: flags.map((f) => ({
        memberId: f.holderId,
        name: nameOf(f.holderId),
        dates: f.dates,
        message: f.message,
      })),
    },
    meetingsBehind: {
      count: behind.length,
      items: behind.map((p) => ({
        body: p.body,
        label: `${BODY_LABEL[p.body]} · ${p.label}`,
        status: p.status,
        statusLabel: COMPLIANCE_STATUS_LABEL[p.status],
        end: p.end,
        message: p.message,
      })),
    },
    termsEnding: {
      count: ending.length,
      items: ending.map((e) => {
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
    },
  };
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
