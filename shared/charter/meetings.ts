/**
 * Meetings (R-O2, R-O4, R-O6): who is entitled on the meeting date, who counts as present (remote
 * meetings: ballots returned), and whether each body met as often as the charter requires.
 */
import type { Attendance, Body, IsoDate } from '../domain/types';
import { BODY_LABEL } from '../domain/types';
import { compareDates, endOfYear, isoDate, parseIsoDate, startOfYear, yearOf } from './dates';
import { assertCount, assertOneOf } from './errors';
import type { OfficeTerm } from './offices';
import { COUNCIL_ROLES, STANDING_COUNCIL_ROLES, holdersOn } from './offices';
import type { CharterSettings } from './settings';
import { DEFAULT_CHARTER_SETTINGS } from './settings';
import { BODIES } from './voting';

/** A member's span of membership: from approval (R-M3 (3)) up to the day before it left. */
export interface MembershipSpan {
  memberId: number;
  approvedOn: IsoDate;
  /** Date the membership ended (no longer a member from that day); absent while a member. */
  leftOn?: IsoDate | null;
}

/** Members on `date`: approved on or before it and not yet left (R-O2 denominator), ascending ids. */
export function membersOn(members: readonly MembershipSpan[], date: IsoDate): number[] {
  parseIsoDate(date, '会议日期');
  const ids = new Set<number>();
  for (const m of members) {
    assertCount(m.memberId, '会员编号');
    parseIsoDate(m.approvedOn, '批准日期');
    if (m.leftOn) parseIsoDate(m.leftOn, '退会日期');
    if (compareDates(m.approvedOn, date) <= 0 && (!m.leftOn || compareDates(date, m.leftOn) < 0))
      ids.add(m.memberId);
  }
  return [...ids].sort((a, b) => a - b);
}

export interface EntitledList {
  body: Body;
  date: IsoDate;
  /** Who may vote — the quorum denominator, fixed on the meeting date. */
  entitled: number[];
  /** Who attends without a vote (列席): the secretary-general at the standing council (R-O6). */
  observers: number[];
}

/**
 * The entitled list of a meeting, fixed on its date: members for the assembly (R-O2), directors in office
 * for the council (R-O4, standing directors and the chair included: they represent director units), standing
 * directors in office for the standing council (R-O6), where the secretary-general attends without a vote.
 */
export function entitledOn(
  body: Body,
  date: IsoDate,
  records: { members?: readonly MembershipSpan[]; terms?: readonly OfficeTerm[] },
  settings: Pick<CharterSettings, 'termYears'> = DEFAULT_CHARTER_SETTINGS,
): EntitledList {
  assertOneOf(body, BODIES, '会议机构');
  parseIsoDate(date, '会议日期');
  const terms = records.terms ?? [];
  if (body === 'assembly')
    return { body, date, entitled: membersOn(records.members ?? [], date), observers: [] };
  if (body === 'council')
    return { body, date, entitled: holdersOn(terms, COUNCIL_ROLES, date, settings), observers: [] };
  const entitled = holdersOn(terms, STANDING_COUNCIL_ROLES, date, settings);
  const observers = holdersOn(terms, ['secretary-general'], date, settings).filter(
    (id) => !entitled.includes(id),
  );
  return { body, date, entitled, observers };
}

/** A returned (or outstanding) ballot of a remote (通讯) meeting. */
export interface RemoteBallot {
  holderId: number;
  /** Date the ballot came back; absent when it did not. */
  returnedOn?: IsoDate | null;
}

/**
 * R-O4, R-O6: "present" at a remote meeting = the entitled who returned a ballot (by `closesOn`, inclusive,
 * when given). Returns their ids, ascending; ballots from people not entitled are ignored.
 */
export function remoteMeetingPresent(
  entitled: readonly number[],
  ballots: readonly RemoteBallot[],
  closesOn?: IsoDate | null,
): number[] {
  if (closesOn) parseIsoDate(closesOn, '截止日期');
  const allowed = new Set(entitled);
  const ids = new Set<number>();
  for (const b of ballots) {
    if (!b.returnedOn) continue;
    parseIsoDate(b.returnedOn, '回执日期');
    if (closesOn && compareDates(b.returnedOn, closesOn) > 0) continue;
    if (allowed.has(b.holderId)) ids.add(b.holderId);
  }
  return [...ids].sort((a, b) => a - b);
}

export interface AttendanceSummary {
  entitled: number;
  /** Entitled and present: the quorum numerator and the vote base. */
  present: number;
  absent: number;
  leave: number;
  /** Attending without a vote (not counted as present). */
  observers: number;
}

/** Counts an onsite meeting's attendance against its entitled list; entitled without a record count as absent. */
export function summariseAttendance(
  entitled: readonly number[],
  records: readonly { holderId: number; attendance: Attendance }[],
): AttendanceSummary {
  const byId = new Map(records.map((r) => [r.holderId, r.attendance]));
  const s: AttendanceSummary = { entitled: entitled.length, present: 0, absent: 0, leave: 0, observers: 0 };
  const ent = new Set(entitled);
  for (const id of ent) {
    const a = byId.get(id);
    if (a === 'present') s.present++;
    else if (a === 'leave') s.leave++;
    else s.absent++;
  }
  for (const r of records) if (!ent.has(r.holderId) && r.attendance === 'observer') s.observers++;
  return s;
}

/** A meeting held (or attempted). */
export interface HeldMeeting {
  body: Body;
  date: IsoDate;
  /** `false` when it could not be held for lack of quorum; such a meeting does not count. */
  quorate?: boolean;
}

export type ComplianceStatus = 'met' | 'missed' | 'open';
export const COMPLIANCE_STATUS_LABEL: Record<ComplianceStatus, string> = {
  met: '已召开',
  missed: '未按期召开',
  open: '尚未召开',
};

/** One period in which a body must meet at least once. */
export interface CompliancePeriod {
  body: Body;
  /** '2024 年' or '2024 年上半年' / '2024 年下半年'. */
  label: string;
  start: IsoDate;
  /** Last day of the period: the meeting is due by then. */
  end: IsoDate;
  /** Dates of the counted meetings in the period (on or before `asOf`). */
  meetings: IsoDate[];
  /** met; missed (period over, none held); open (current period, none held yet). */
  status: ComplianceStatus;
  message: string;
}

/** R-O6 reading: "至少半年召开一次" = at least once in each calendar half-year (1 Jan–30 Jun, 1 Jul–31 Dec). */
export function halfYearOf(date: IsoDate): { year: number; half: 1 | 2; start: IsoDate; end: IsoDate } {
  const p = parseIsoDate(date);
  return p.month <= 6
    ? { year: p.year, half: 1, start: isoDate(p.year, 1, 1), end: isoDate(p.year, 6, 30) }
    : { year: p.year, half: 2, start: isoDate(p.year, 7, 1), end: isoDate(p.year, 12, 31) };
}

function periodsOf(
  body: Body,
  from: IsoDate,
  asOf: IsoDate,
): { label: string; start: IsoDate; end: IsoDate }[] {
  const out: { label: string; start: IsoDate; end: IsoDate }[] = [];
  for (let y = yearOf(from); y <= yearOf(asOf); y++) {
    if (body === 'standing') {
      for (const half of [1, 2] as const) {
        const start = half === 1 ? isoDate(y, 1, 1) : isoDate(y, 7, 1);
        const end = half === 1 ? isoDate(y, 6, 30) : isoDate(y, 12, 31);
        if (compareDates(end, from) < 0 || compareDates(start, asOf) > 0) continue;
        out.push({ label: `${y} 年${half === 1 ? '上' : '下'}半年`, start, end });
      }
    } else out.push({ label: `${y} 年`, start: startOfYear(y), end: endOfYear(y) });
  }
  return out;
}

/**
 * Whether each body met as required, period by period, from the period containing `from` to the one
 * containing `asOf`: the assembly (R-O2) and the council (R-O4) at least once per calendar year, the
 * standing council at least once per calendar half-year (R-O6). Meetings after `asOf` and meetings
 * without quorum do not count.
 */
export function meetingCompliance(
  meetings: readonly HeldMeeting[],
  range: { from: IsoDate; asOf: IsoDate },
  bodies: readonly Body[] = BODIES,
): CompliancePeriod[] {
  parseIsoDate(range.from, '起始日期');
  parseIsoDate(range.asOf, '截止日期');
  for (const m of meetings) {
    assertOneOf(m.body, BODIES, '会议机构');
    parseIsoDate(m.date, '会议日期');
  }
  const out: CompliancePeriod[] = [];
  if (compareDates(range.from, range.asOf) > 0) return out;
  for (const body of bodies) {
    assertOneOf(body, BODIES, '会议机构');
    for (const p of periodsOf(body, range.from, range.asOf)) {
      const dates = meetings
        .filter(
          (m) =>
            m.body === body &&
            m.quorate !== false &&
            compareDates(m.date, p.start) >= 0 &&
            compareDates(m.date, p.end) <= 0 &&
            compareDates(m.date, range.asOf) <= 0,
        )
        .map((m) => m.date)
        .sort((a, b) => compareDates(a, b));
      const status: ComplianceStatus =
        dates.length > 0 ? 'met' : compareDates(range.asOf, p.end) > 0 ? 'missed' : 'open';
      const name = BODY_LABEL[body];
      const message =
        status === 'met'
          ? `${p.label}${name}已召开 ${dates.length} 次`
          : status === 'missed'
            ? `${p.label}未召开${name}（${body === 'standing' ? '章程要求至少半年召开一次' : '章程要求每年至少召开一次'}）`
            : `${p.label}尚未召开${name}，须于 ${p.end} 前召开`;
      out.push({ body, ...p, meetings: dates, status, message });
    }
  }
  return out;
}
