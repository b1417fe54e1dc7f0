/**
 * View logic of the 会议 desk: pure functions that turn the stored records into what the desk shows,
 * by calling the charter engine (shared/charter). No rule is re-implemented here.
 */
import type {
  AttendanceRecord,
  Ballot,
  EntitledEntry,
  Meeting,
  Member,
  Motion,
  Office,
} from '../../../../shared/domain/records';
import type { Attendance, Body, IsoDate, VoteChoice } from '../../../../shared/domain/types';
import { BODIES } from '../../../../shared/domain/types';
import {
  addYears,
  compareDates,
  entitledOn,
  halfYearOf,
  isQuorate,
  meetingCompliance,
  quorumNeeded,
  motionTally,
  presentVoterIds,
  startOfYear,
  termEndOn,
  yearOf,
  type CharterSettings,
  type CompliancePeriod,
  type MembershipSpan,
  type MotionDecision,
  type MotionTally,
  type OfficeTerm,
  type StandingMeetingAttendance,
  votingIds,
} from '../../../../shared/charter';
import { groupBy } from '../../../../shared/data/group';
import { EDIT_BURST_GAP_MS } from '../../../../shared/autosave';

/** The secretary-general's pseudo member id in an entitled list (R-O6: 列席, no vote). */
export const SECRETARY_GENERAL_ID = 0;

/** Members as membership spans for the engine (R-O2): approved members, with the day they left. */
export function membershipSpans(members: readonly Member[]): MembershipSpan[] {
  const out: MembershipSpan[] = [];
  for (const m of members) {
    if (m.id === undefined || !m.approvedOn) continue;
    out.push({ memberId: m.id, approvedOn: m.approvedOn, leftOn: m.left?.on ?? null });
  }
  return out;
}

/**
 * Offices as engine terms. A term whose recorded end is earlier than the full term (or that was ended)
 * carries `endedOn`; one ended by the clerk (结束任职) also carries `endRecorded`, which settles the R-O6
 * absence flag. Offices held by a person without a unit use holder id 0 (they never sit on a council).
 */
export function officeTerms(
  offices: readonly Office[],
  settings: Pick<CharterSettings, 'termYears'>,
): OfficeTerm[] {
  return offices.map((o) => {
    const full = termEndOn(o.startOn, settings.termYears);
    const endedOn = o.ended?.on ?? (o.endOn && compareDates(o.endOn, full) < 0 ? o.endOn : null);
    const term: OfficeTerm = {
      holderId: o.memberId ?? SECRETARY_GENERAL_ID,
      role: o.role,
      startOn: o.startOn,
      endedOn,
    };
    if (o.ended) term.endRecorded = true;
    return term;
  });
}

/** Whether an office covers `date` (for the secretary-general's 列席 entry). */
function officeCovers(o: Office, date: IsoDate, termYears: number): boolean {
  const [term] = officeTerms([o], { termYears });
  if (!term) return false;
  const last = term.endedOn ?? termEndOn(o.startOn, termYears);
  return compareDates(o.startOn, date) <= 0 && compareDates(date, last) <= 0;
}

/**
 * The entitled list fixed on the meeting date (R-O2, R-O4, R-O6), from the engine's `entitledOn`; names and
 * representatives from the registry. At the standing council the secretary-general in office is added as
 * 列席 (`observer`, member id 0).
 */
export function buildEntitled(
  body: Body,
  date: IsoDate,
  members: readonly Member[],
  offices: readonly Office[],
  settings: Pick<CharterSettings, 'termYears'>,
): EntitledEntry[] {
  const list = entitledOn(
    body,
    date,
    { members: membershipSpans(members), terms: officeTerms(offices, settings) },
    settings,
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  const out: EntitledEntry[] = [];
  for (const id of list.entitled) {
    const m = byId.get(id);
    if (!m) continue;
    out.push({ memberId: id, name: m.name, representative: m.representative.name });
  }
  if (body === 'standing') {
    const sg = offices.find(
      (o) => o.role === 'secretary-general' && officeCovers(o, date, settings.termYears),
    );
    if (sg)
      out.push({
        memberId: SECRETARY_GENERAL_ID,
        name: '秘书长',
        representative: sg.holderName,
        observer: true,
      });
  }
  return out;
}

/** The roll-call status shown for an entitled entry: a record's status, or 未登记 (no record yet). */
export type RollStatus = Attendance | 'unmarked';
export const ROLL_STATUS_LABEL: Record<RollStatus, string> = {
  present: '出席',
  absent: '缺席',
  leave: '请假',
  observer: '列席',
  unmarked: '未登记',
};

/** One key per row in the roll call: 1/Y 出席, 2/N 缺席, 3/L 请假. */
export function rollKey(key: string): Exclude<Attendance, 'observer'> | null {
  const k = key.toLowerCase();
  if (k === '1' || k === 'y') return 'present';
  if (k === '2' || k === 'n') return 'absent';
  if (k === '3' || k === 'l') return 'leave';
  return null;
}

export interface QuorumView {
  /** Voting entitled (observers excluded). */
  entitled: number;
  present: number;
  needed: number;
  quorate: boolean;
  /** 出席 X / 应到 Y */
  text: string;
  /** 法定人数：Z（三分之二） */
  threshold: string;
  /** 已达法定人数 / 未达法定人数 */
  label: string;
  /** Present voter ids (remote: ballots returned). */
  presentIds: number[];
  unmarked: number;
  absent: number;
  leave: number;
}

/** Voting entitled ids (observers excluded) — the engine's (shared/charter/motionTally.ts). */
export { votingIds };

/**
 * Live quorum of a meeting (R-O2, R-O4, R-O6) from the engine: onsite, those marked 出席; remote (通讯), those
 * who returned a ballot (`presentVoterIds`). Observers never count.
 */
export function quorumOf(
  meeting: Pick<Meeting, 'body' | 'form' | 'entitled'>,
  attendance: readonly AttendanceRecord[],
): QuorumView {
  const { ids, idSet, unique } = votingOf(meeting);
  const presentIds = presentVoterIds(meeting, attendance);
  const entitled = ids.length;
  const marked = new Set<number>();
  let absent = 0;
  let leave = 0;
  for (const a of attendance) {
    if (!idSet.has(a.memberId)) continue;
    marked.add(a.memberId);
    if (a.status === 'absent') absent++;
    else if (a.status === 'leave') leave++;
  }
  // Each voting id once (the usual case): the unmarked are those without a record.
  const unmarked = unique ? entitled - marked.size : ids.filter((id) => !marked.has(id)).length;
  return {
    ...quorumView(meeting.body, { entitled, present: presentIds.length, absent, leave, unmarked }),
    presentIds,
  };
}

/** The attendance with the roll call's marks not yet delivered laid over it (what the quorum counts). */
export function markedAttendance(
  live: readonly AttendanceRecord[],
  marks: ReadonlyMap<number, { record: AttendanceRecord }>,
): readonly AttendanceRecord[] {
  if (marks.size === 0) return live;
  const out = live.filter((a) => !marks.has(a.memberId));
  for (const p of marks.values()) out.push(p.record);
  return out;
}

/** What the quorum bar counts: voting entitled, and how many of them are 出席, 缺席, 请假 and 未登记. */
export interface RollCounts {
  entitled: number;
  present: number;
  absent: number;
  leave: number;
  unmarked: number;
}

/** The quorum of counts, by the engine (quorumNeeded, isQuorate: R-O2, R-O4, R-O6). */
function quorumView(body: Body, c: RollCounts): Omit<QuorumView, 'presentIds'> {
  const needed = quorumNeeded(body, c.entitled);
  const quorate = isQuorate(body, c.entitled, c.present);
  return {
    ...c,
    needed,
    quorate,
    text: `出席 ${c.present} / 应到 ${c.entitled}`,
    threshold: `法定人数：${needed}（三分之二）`,
    label: quorate ? '已达法定人数' : '未达法定人数',
  };
}

/**
 * The roll call's counts of an onsite meeting from its stored attendance, in one pass without
 * allocation; null where they cannot be kept incrementally (a remote meeting counts returned ballots;
 * an entitled list naming a unit twice): there the caller uses quorumOf.
 */
export function rollCountsOf(
  meeting: Pick<Meeting, 'form' | 'entitled'>,
  attendance: readonly AttendanceRecord[],
): RollCounts | null {
  if (meeting.form === 'remote') return null;
  const { ids, idSet, unique } = votingOf(meeting);
  if (!unique) return null;
  const c: RollCounts = { entitled: ids.length, present: 0, absent: 0, leave: 0, unmarked: ids.length };
  for (const a of attendance) {
    if (!idSet.has(a.memberId)) continue;
    c.unmarked--;
    if (a.status === 'present') c.present++;
    else if (a.status === 'absent') c.absent++;
    else if (a.status === 'leave') c.leave++;
  }
  return c;
}

/**
 * The counts after one member's record changes from `before` to `after` (undefined: no record), from
 * the counts before (rollCountsOf): a keystroke of the roll call costs O(1), not a pass over 10,000
 * records. A member not entitled to vote changes nothing.
 */
export function rollCountsStep(
  counts: RollCounts,
  meeting: Pick<Meeting, 'entitled'>,
  memberId: number,
  before: AttendanceRecord['status'] | undefined,
  after: AttendanceRecord['status'] | undefined,
): RollCounts {
  if (before === after || !votingOf(meeting).idSet.has(memberId)) return counts;
  const c = { ...counts };
  const move = (s: AttendanceRecord['status'] | undefined, by: number) => {
    if (s === undefined) c.unmarked += by;
    else if (s === 'present') c.present += by;
    else if (s === 'absent') c.absent += by;
    else if (s === 'leave') c.leave += by;
  };
  move(before, -1);
  move(after, 1);
  return c;
}

/**
 * The quorum bar's view of counts (rollCountsOf / rollCountsStep), by the same engine rules as quorumOf
 * (test/unit/meetings/rollCounts proves the same view on every step). Without the present ids, which the
 * bar does not show.
 */
export function quorumOfCounts(
  meeting: Pick<Meeting, 'body'>,
  counts: RollCounts,
): Omit<QuorumView, 'presentIds'> {
  return quorumView(meeting.body, counts);
}

/**
 * A meeting's voting ids and their set, kept per entitled list (it is fixed when the meeting is made): the
 * roll call asks for the quorum on every keystroke, at 10,000 entitled.
 */
const votingCache = new WeakMap<
  readonly EntitledEntry[],
  { ids: number[]; idSet: Set<number>; unique: boolean }
>();
function votingOf(meeting: Pick<Meeting, 'entitled'>) {
  let v = votingCache.get(meeting.entitled);
  if (!v) {
    const ids = votingIds(meeting);
    const idSet = new Set(ids);
    v = { ids, idSet, unique: idSet.size === ids.length };
    votingCache.set(meeting.entitled, v);
  }
  return v;
}

/** Checks a typed tally against those present before it is saved: the engine's message, or null. */
export function tallyError(
  present: number,
  counts: { for: number; against: number; abstain: number },
): string | null {
  const cast = counts.for + counts.against + counts.abstain;
  if ([counts.for, counts.against, counts.abstain].some((n) => !Number.isInteger(n) || n < 0))
    return '票数必须是非负整数';
  if (cast > present) return `同意、反对、弃权合计 ${cast} 票，多于出席人数 ${present}`;
  return null;
}

/** A one-line vote summary for papers: 同意 4 票，反对 1 票，弃权 1 票，未表决 0 人. */
export function tallyText(t: Pick<MotionTally, 'inFavour' | 'against' | 'abstain' | 'notVoted'>): string {
  return `同意 ${t.inFavour} 票，反对 ${t.against} 票，弃权 ${t.abstain} 票，未表决 ${t.notVoted} 人`;
}

export const VOTE_CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

// ------------------------------------------------------------------ minutes autosave and versions

/** While typing without pause, a version is kept at least this often. */
export const VERSION_EVERY_MS = 120_000;
/** Versions kept per agenda item (oldest dropped first). */
export const VERSION_CAP = 50;

/** An edit that removes or replaces at least this many characters of the stored text is a large one… */
export const LARGE_EDIT_CHARS = 20;
/** …or at least this share of it (in percent) and at least LARGE_EDIT_MIN_CHARS: the text before it is kept as a version. */
export const LARGE_EDIT_PERCENT = 30;
export const LARGE_EDIT_MIN_CHARS = 4;

/**
 * How many characters of `before` an edit removes or replaces: what lies between the longest common
 * start and the longest common end of the two texts.
 */
export function removedChars(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return before.length - start - end;
}

/**
 * Whether to snapshot the stored text before writing new text: at the start of a new editing burst, when
 * the last snapshot is old, or before an edit that removes or replaces a large part of the text (select
 * all and retype, a pasted replacement, a deleted paragraph), and only when the stored text is not empty
 * and actually changes.
 */
export function shouldSnapshot(a: {
  storedText: string;
  newText: string;
  now: number;
  lastWriteAt: number | null;
  lastSnapshotAt: number | null;
}): boolean {
  if (a.storedText.trim() === '' || a.storedText === a.newText) return false;
  if (a.lastWriteAt === null || a.now - a.lastWriteAt >= EDIT_BURST_GAP_MS) return true;
  const removed = removedChars(a.storedText, a.newText);
  if (removed >= LARGE_EDIT_CHARS) return true;
  if (removed >= LARGE_EDIT_MIN_CHARS && removed * 100 >= a.storedText.length * LARGE_EDIT_PERCENT)
    return true;
  return a.lastSnapshotAt === null || a.now - a.lastSnapshotAt >= VERSION_EVERY_MS;
}

// ------------------------------------------------------------------ compliance

export interface BodyCompliance {
  body: Body;
  lastMeeting: IsoDate | null;
  thisYear: number;
  thisHalf: number;
  /** The period containing `asOf` (year, or half-year for the standing council). */
  current: CompliancePeriod | null;
  /** Earlier periods that were missed. */
  missed: CompliancePeriod[];
  periods: CompliancePeriod[];
}

/**
 * Per body: last meeting, meetings this year / this half year, and whether the frequency is met
 * (R-O2, R-O4: once a year; R-O6: once every half year), from the engine's `meetingCompliance`.
 * A meeting without quorum does not count.
 */
export function complianceOf(
  meetings: readonly { body: Body; date: IsoDate; quorate: boolean }[],
  asOf: IsoDate,
): BodyCompliance[] {
  const held = meetings.filter((m) => compareDates(m.date, asOf) <= 0);
  const first = held.map((m) => m.date).sort()[0] ?? asOf;
  const from = compareDates(first, addYears(asOf, -3)) < 0 ? startOfYear(yearOf(asOf) - 3) : first;
  const periods = meetingCompliance(held, { from, asOf });
  const half = halfYearOf(asOf);
  return BODIES.map((body) => {
    const own = held.filter((m) => m.body === body && m.quorate);
    const ps = periods.filter((p) => p.body === body);
    const current =
      ps.find((p) => compareDates(p.start, asOf) <= 0 && compareDates(asOf, p.end) <= 0) ?? null;
    return {
      body,
      lastMeeting:
        held
          .filter((m) => m.body === body)
          .map((m) => m.date)
          .sort()
          .at(-1) ?? null,
      thisYear: own.filter((m) => yearOf(m.date) === yearOf(asOf)).length,
      thisHalf: own.filter(
        (m) => compareDates(m.date, half.start) >= 0 && compareDates(m.date, half.end) <= 0,
      ).length,
      current,
      missed: ps.filter((p) => p.status === 'missed'),
      periods: ps,
    };
  });
}

/** The meeting's minutes statement on quorum (a meeting without quorum can still be minuted, and says so). */
export function quorumStatement(q: Pick<QuorumView, 'entitled' | 'present' | 'needed' | 'quorate'>): string {
  return q.quorate
    ? `应到 ${q.entitled} 人，实到 ${q.present} 人，达到法定人数（${q.needed} 人，三分之二），会议有效。`
    : `应到 ${q.entitled} 人，实到 ${q.present} 人，未达到法定人数（${q.needed} 人，三分之二），会议不能形成有效决议。`;
}

// ------------------------------------------------------------------ flags and motion lookups

/** Standing-council meetings as the engine's attendance input (R-O6); remote: ballot returned = attended. */
export function standingAttendance(
  meetings: readonly Meeting[],
  attendance: readonly AttendanceRecord[],
): StandingMeetingAttendance[] {
  const byMeeting = groupBy(attendance, (a) => a.meetingId);
  return meetings
    .filter((m) => m.body === 'standing' && m.id !== undefined)
    .map((m) => {
      const q = quorumOf(m, byMeeting.get(m.id!) ?? []);
      const present = new Set(q.presentIds);
      return {
        meetingId: m.id!,
        date: m.date,
        attendance: (byMeeting.get(m.id!) ?? [])
          .filter((a) => a.status !== 'observer')
          .map((a) => ({
            holderId: a.memberId,
            attendance: present.has(a.memberId)
              ? ('present' as const)
              : a.status === 'leave'
                ? ('leave' as const)
                : ('absent' as const),
          })),
      };
    });
}

export interface MotionRef {
  motion: Motion;
  meeting: Meeting;
  decision: MotionDecision | null;
  label: string;
}

/** Every motion with its meeting and the engine's outcome; `passed` ones can elect (R-O5, R-O7, R-O10). */
export function motionRefs(
  meetings: readonly Meeting[],
  attendance: readonly AttendanceRecord[],
  motions: readonly Motion[],
  ballots: readonly Ballot[],
): MotionRef[] {
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const attendanceBy = groupBy(attendance, (a) => a.meetingId);
  const ballotsBy = groupBy(ballots, (b) => b.motionId);
  const out: MotionRef[] = [];
  for (const motion of motions) {
    const meeting = meetingById.get(motion.meetingId);
    if (!meeting) continue;
    const t = motionTally(
      meeting,
      motion,
      attendanceBy.get(meeting.id!) ?? [],
      ballotsBy.get(motion.id!) ?? [],
    );
    out.push({
      motion,
      meeting,
      decision: t.decision,
      label: `${meeting.date} ${meeting.name}：${motion.title}（${t.decision?.label ?? '未表决'}）`,
    });
  }
  return out.sort((a, b) => b.meeting.date.localeCompare(a.meeting.date));
}

/**
 * Where the caret goes when the text under it is replaced by another workstation's (the minutes follow it):
 * before the changed part it stays, after it it moves with the text after it, inside it it goes to the
 * end of the new part.
 */
export function caretAfterReplace(before: string, after: string, caret: number): number {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  if (caret <= prefix) return caret;
  if (caret >= before.length - suffix) return Math.min(after.length, caret + after.length - before.length);
  return after.length - suffix;
}
