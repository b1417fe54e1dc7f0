/**
 * The meeting papers (.docx): 会议纪要, 会议通知, 签到表, 表决票, 计票表. This module only maps the recorded data
 * (meeting, attendance, agenda, motions, ballots) to the inputs of the shared builders (shared/documents),
 * which do the layout. Quorum and outcomes come from the charter engine through logic.ts (R-O2, R-O4, R-O6);
 * the builders print what they are given.
 */
import type {
  AgendaItem,
  AttendanceRecord,
  Ballot,
  Meeting,
  Motion,
} from '../../../../shared/domain/records';
import { VOTE_LABEL } from '../../../../shared/domain/types';
import {
  DEFAULT_ISSUER,
  buildBallot,
  buildMinutes,
  buildSignInSheet,
  buildTallySheet,
  entitledWord,
  meetingNoticeInput,
  type BallotInput,
  type MeetingInfo,
  type MeetingNoticeInput,
  type MinutesInput,
  type MinutesMotion,
  type NamedVote,
  type SignInSheetInput,
  type TallySheetInput,
} from '../../../../shared/documents';
import { today } from '../../ui/today';
import type { DraftFields } from '../../records/register';
import { motionTally, UNCOUNTED_REASON, type MotionTally } from '../../../../shared/charter';
import { quorumOf, type QuorumView } from './logic';
import type { ExportOptions } from '../settings/exportOptions';

export interface MeetingRecord {
  meeting: Meeting;
  attendance: AttendanceRecord[];
  agenda: AgendaItem[];
  motions: Motion[];
  ballots: Ballot[];
}

function meetingInfo(m: Meeting): MeetingInfo {
  return { name: m.name, body: m.body, form: m.form, date: m.date, place: m.place };
}

function agendaInOrder(r: MeetingRecord): AgendaItem[] {
  return [...r.agenda].sort((a, b) => a.order - b.order);
}

/** The motions in the order of their agenda items, then as recorded; a motion of no listed item comes last. */
function motionsInOrder(r: MeetingRecord): Motion[] {
  const rank = new Map(agendaInOrder(r).map((a, i) => [a.id, i]));
  const at = (m: Motion) => rank.get(m.agendaItemId) ?? rank.size;
  return [...r.motions].sort((a, b) => at(a) - at(b) || (a.id ?? 0) - (b.id ?? 0));
}

/**
 * A motion with its tally and outcome (engine, R-O2, R-O4, R-O6) and, when voted by name, each unit's vote;
 * a ballot of a unit no longer present is listed as not counted (`motionTally`).
 */
export interface MotionResult {
  motion: Motion;
  tally: MotionTally;
  named: NamedVote[];
}

export function motionResults(
  r: MeetingRecord,
  q: QuorumView = quorumOf(r.meeting, r.attendance),
): MotionResult[] {
  const names = new Map(r.meeting.entitled.map((e) => [e.memberId, e.name]));
  const unit = (memberId: number) => names.get(memberId) ?? String(memberId);
  return motionsInOrder(r).map((motion) => {
    const tally = motionTally(r.meeting, motion, r.attendance, r.ballots, q.presentIds);
    const named =
      motion.tallyMode === 'names'
        ? [
            ...tally.counted.map((b) => ({ unit: unit(b.memberId), choice: VOTE_LABEL[b.choice] })),
            ...tally.uncounted.map((b) => ({
              unit: unit(b.memberId),
              choice: `${VOTE_LABEL[b.choice]}，${UNCOUNTED_REASON}`,
            })),
          ]
        : [];
    return { motion, tally, named };
  });
}

/** Who came, from the entitled list fixed on the meeting date; remote: a returned ballot is presence (R-O4). */
export function attendanceLists(r: MeetingRecord, q: QuorumView = quorumOf(r.meeting, r.attendance)) {
  const { meeting } = r;
  const present = new Set(q.presentIds);
  const byMember = new Map(r.attendance.map((a) => [a.memberId, a]));
  const out = {
    present: [] as string[],
    leave: [] as string[],
    absent: [] as string[],
    unmarked: [] as string[],
    observers: [] as string[],
  };
  for (const e of meeting.entitled) {
    const a = byMember.get(e.memberId);
    if (e.observer) {
      out.observers.push(`${e.name}${e.representative ? `（${e.representative}）` : ''}`);
      continue;
    }
    const who = a?.attendee || e.representative;
    if (present.has(e.memberId)) out.present.push(who ? `${e.name}（${who}）` : e.name);
    else if (meeting.form === 'remote') out.absent.push(e.name);
    else if (!a) out.unmarked.push(e.name);
    else if (a.status === 'leave') out.leave.push(e.name);
    else out.absent.push(e.name);
  }
  return out;
}

function minutesMotion({ motion, tally, named }: MotionResult): MinutesMotion {
  const out: MinutesMotion = {
    title: motion.title,
    text: motion.text,
    outcome: tally.decision
      ? tally.decision.label
      : tally.error
        ? `表决数据有误：${tally.error}`
        : '尚未表决',
    named,
  };
  if (tally.decision)
    out.tally = {
      for: tally.inFavour,
      against: tally.against,
      abstain: tally.abstain,
      notVoted: tally.notVoted,
    };
  if (motion.guidingDecision)
    out.guidingDecision = {
      decision: motion.guidingDecision.decision === 'approved' ? '批准' : '不批准',
      date: motion.guidingDecision.on,
    };
  return out;
}

/** 会议纪要: attendance, the quorum (engine), the agenda with its discussion, each motion's tally and outcome. */
export function minutesInput(r: MeetingRecord): MinutesInput {
  const { meeting } = r;
  const q = quorumOf(meeting, r.attendance);
  const l = attendanceLists(r, q);
  return {
    meeting: meetingInfo(meeting),
    chair: meeting.chair,
    recorder: meeting.recorder,
    attendance: {
      entitled: q.entitled,
      present: q.present,
      leave: l.leave.length,
      absent: l.absent.length,
      unmarked: l.unmarked.length,
      presentNames: l.present,
      leaveNames: l.leave,
      absentNames: l.absent,
      unmarkedNames: l.unmarked,
      observers: l.observers,
    },
    quorate: q.quorate,
    quorumRequired: q.needed,
    agenda: agendaInOrder(r).map((a) => ({ title: a.title, discussion: a.discussion })),
    motions: motionResults(r, q).map(minutesMotion),
    date: meeting.date,
  };
}

/**
 * 会议通知 (R-W2 layout; the number is assigned in 发文). Remote meetings list the ballot as 附件. Dated the
 * day it is written (`on`), and never later than the meeting itself: one drafted after the meeting keeps
 * the meeting's date.
 */
export function meetingNoticeOf(r: MeetingRecord, on: string = today()): MeetingNoticeInput {
  const { meeting } = r;
  const remote = meeting.form === 'remote';
  return {
    meeting: meetingInfo(meeting),
    docNumber: '',
    addressee: `各${entitledWord(meeting.body)}`,
    agenda: agendaInOrder(r).map((a) => a.title),
    // With a return date (remote meetings only keep one) the builder writes the dated request itself.
    ...(meeting.returnBy ? { returnBy: meeting.returnBy } : {}),
    requirements: remote
      ? meeting.returnBy
        ? []
        : ['请于收到表决票后及时签署并寄回联盟秘书处。']
      : ['请各单位接到通知后确认参会人员，不能参会的请提前向秘书处请假。'],
    attachments: remote ? ['表决票'] : [],
    issuer: DEFAULT_ISSUER,
    date: on < meeting.date ? on : meeting.date,
  };
}

/**
 * The 会议通知 as a draft of the 发文 register: every outgoing notice gets its number there on 定稿 (R-W1),
 * and the register's editor previews, numbers and exports it. Same text as `meetingNoticeOf`.
 */
export function meetingNoticeDraft(r: MeetingRecord, on: string = today()): DraftFields {
  const n = meetingNoticeInput(meetingNoticeOf(r, on));
  return {
    title: n.title,
    type: '会议通知',
    date: n.date,
    addressee: n.addressee,
    body: n.body,
    attachments: [...n.attachments],
    issuer: n.issuer || DEFAULT_ISSUER,
    template: 'meeting',
  };
}

/** 签到表: every entitled unit (the secretary-general 列席), with who attends for it when recorded. */
export function signInSheetInput(r: MeetingRecord): SignInSheetInput {
  const byMember = new Map(r.attendance.map((a) => [a.memberId, a]));
  return {
    meeting: meetingInfo(r.meeting),
    entitled: r.meeting.entitled.map((e) => ({
      unitName: e.name,
      representative: byMember.get(e.memberId)?.attendee || e.representative,
      ...(e.observer ? { observer: true } : {}),
    })),
  };
}

/** 表决票: a sheet for each voting unit with every motion (observers have no vote, R-O6). */
export function ballotInput(r: MeetingRecord): BallotInput {
  return {
    meeting: meetingInfo(r.meeting),
    motions: motionsInOrder(r).map((m) => ({ title: m.title })),
    voterUnits: r.meeting.entitled.filter((e) => !e.observer).map((e) => e.name),
    ...(r.meeting.returnBy ? { returnBy: r.meeting.returnBy } : {}),
  };
}

/** 计票表: each motion's tally and outcome (engine); a motion not yet voted is left blank to fill in by hand. */
export function tallySheetInput(r: MeetingRecord): TallySheetInput {
  const q = quorumOf(r.meeting, r.attendance);
  return {
    meeting: meetingInfo(r.meeting),
    attendance: { entitled: q.entitled, present: q.present, quorate: q.quorate },
    motions: motionResults(r, q).map(({ motion, tally, named }) => {
      const row = { title: motion.title, entitled: q.entitled, present: q.present, named };
      if (!tally.decision && !tally.error) return row;
      return {
        ...row,
        for: tally.inFavour,
        against: tally.against,
        abstain: tally.abstain,
        notVoted: tally.notVoted,
        result: tally.decision?.label ?? '数据有误',
      };
    }),
  };
}

/** 会议纪要 .docx (each paper with `options`: the clerk's 公文设置). */
export function buildMinutesDocx(r: MeetingRecord, options: ExportOptions): Promise<Uint8Array> {
  return buildMinutes(minutesInput(r), options);
}

/** 签到表 .docx. */
export function buildSignInDocx(r: MeetingRecord, options: ExportOptions): Promise<Uint8Array> {
  return buildSignInSheet(signInSheetInput(r), options);
}

/** 表决票 .docx. */
export function buildBallotsDocx(r: MeetingRecord, options: ExportOptions): Promise<Uint8Array> {
  return buildBallot(ballotInput(r), options);
}

/** 计票表 .docx. */
export function buildTallyDocx(r: MeetingRecord, options: ExportOptions): Promise<Uint8Array> {
  return buildTallySheet(tallySheetInput(r), options);
}
