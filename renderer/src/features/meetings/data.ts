/**
 * Writes of the 会议 desk. Every write is one Dexie transaction with its audit entry (renderer/src/db/audit.ts).
 */
import type {
  AgendaItem,
  AttendanceRecord,
  Ballot,
  EntitledEntry,
  Meeting,
  MinuteVersion,
  Motion,
} from '../../../../shared/domain/records';
import type { Attendance, IsoDate, VoteChoice } from '../../../../shared/domain/types';
import { BODY_LABEL, VOTE_LABEL } from '../../../../shared/domain/types';
import {
  compareDates,
  parseIsoDate,
  presentVoterIds,
  type CharterSettings,
} from '../../../../shared/charter';
import type { DeskDB } from '../../db/schema';
import { addAudited, writeAudit } from '../../db/audit';
import { saveDraft, type DraftFields } from '../../records/register';
import type { MeetingRecord } from './word';
import { buildEntitled, VERSION_CAP } from './logic';
import { readCharterSettings } from '../../records/settings';

const nowIso = () => new Date().toISOString();

/** What the clerk enters for a new meeting: the record's own fields (returnBy empty: none). */
export type NewMeeting = Pick<
  Meeting,
  'body' | 'form' | 'name' | 'date' | 'place' | 'chair' | 'recorder' | 'returnBy'
>;

/** 表决票寄回截止日期: a real date, not after the meeting (the ballots count on the meeting date, R-O4). */
function checkReturnBy(returnBy: string | undefined, date: string): void {
  if (!returnBy) return;
  parseIsoDate(returnBy, '表决票寄回截止日期');
  if (compareDates(returnBy, date) > 0) throw new Error(`表决票寄回截止日期不能晚于会议日期 ${date}`);
}

/**
 * The 列席 rows of an entitled list (the secretary-general at the standing council, R-O6): added where
 * missing, the attendee kept current. Inside the caller's transaction (attendance).
 */
async function seatObservers(db: DeskDB, meetingId: number, entitled: EntitledEntry[], at: string) {
  for (const e of entitled.filter((x) => x.observer)) {
    const row = await db.attendance.where('[meetingId+memberId]').equals([meetingId, e.memberId]).first();
    if (!row)
      await db.attendance.add({
        meetingId,
        memberId: e.memberId,
        status: 'observer',
        attendee: e.representative,
        updatedAt: at,
      });
    else if (row.status === 'observer' && row.attendee !== e.representative)
      await db.attendance.update(row.id!, { attendee: e.representative, updatedAt: at });
  }
}

/** Only remote meetings keep a return date; an empty one is none. */
function normaliseReturnBy(m: Meeting): Meeting {
  const out = { ...m };
  if (!out.returnBy || out.form !== 'remote') delete out.returnBy;
  return out;
}

/**
 * Creates a meeting with its entitled list FIXED from the registry on the meeting date (R-O2, R-O4, R-O6).
 * The secretary-general's 列席 row is created at once; the others are created when marked (no row = 未登记).
 */
export async function createMeeting(db: DeskDB, input: NewMeeting): Promise<number> {
  const settings = await readCharterSettings(db);
  return db.transaction('rw', [db.meetings, db.members, db.offices, db.attendance, db.audit], async () => {
    const [members, offices] = await Promise.all([db.members.toArray(), db.offices.toArray()]);
    const entitled = buildEntitled(input.body, input.date, members, offices, settings);
    const at = nowIso();
    checkReturnBy(input.form === 'remote' ? input.returnBy : undefined, input.date);
    const meeting = normaliseReturnBy({ ...input, entitled, createdAt: at, updatedAt: at });
    const id = (await db.meetings.add(meeting)) as number;
    await seatObservers(db, id, entitled, at);
    await writeAudit(db, {
      entity: 'meetings',
      entityId: id,
      action: 'create',
      summary: `新建会议：${input.name}（${BODY_LABEL[input.body]}，应到 ${entitled.filter((e) => !e.observer).length}）`,
      after: { ...input, entitledCount: entitled.length },
    });
    return id;
  });
}

/** What editing a meeting does to its entitled list (R-O2, R-O4, R-O6). */
export interface EntitledChange {
  /**
   * True when the stored list is replaced: the date or the body changed and the units entitled on the new
   * date differ from the stored list. When the same units are entitled, the stored list is kept as it is.
   */
  refixed: boolean;
  added: EntitledEntry[];
  removed: EntitledEntry[];
  /** Attendance rows (marks, ballot dates) of units leaving the list: kept in the record, no longer counted. */
  markedRemoved: number;
}

/** What has been recorded at a meeting: once there is any, its body (会议类型) can no longer change. */
export interface MeetingRecords {
  /** Attendance rows other than the secretary-general's automatic 列席 row (marks, ballot dates). */
  attendance: number;
  /** Motions with a recorded tally (counts) or at least one named ballot. */
  votes: number;
}

export async function meetingRecords(db: DeskDB, id: number): Promise<MeetingRecords> {
  const [attendance, motions] = await Promise.all([
    db.attendance.where('meetingId').equals(id).toArray(),
    db.motions.where('meetingId').equals(id).toArray(),
  ]);
  const ids = motions.map((m) => m.id!);
  const withBallots = new Set(
    ids.length ? (await db.ballots.where('motionId').anyOf(ids).toArray()).map((b) => b.motionId) : [],
  );
  return {
    attendance: attendance.filter((a) => a.status !== 'observer').length,
    votes: motions.filter((m) => m.counts !== undefined || withBallots.has(m.id!)).length,
  };
}

/** 已有签到或表决票记录 36 条、已表决议案 2 项 — what locks the meeting's body. */
export function recordsText(r: MeetingRecords): string {
  const parts: string[] = [];
  if (r.attendance) parts.push(`签到或表决票记录 ${r.attendance} 条`);
  if (r.votes) parts.push(`已表决议案 ${r.votes} 项`);
  return `已有${parts.join('、')}`;
}

const entryKey = (e: EntitledEntry) => `${e.memberId}:${e.observer ? 'o' : 'v'}`;

/** Drops undefined values so that `{ ...before, ...patch }` never blanks a field. */
function definedPatch(patch: Partial<NewMeeting>): Partial<NewMeeting> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<NewMeeting>;
}

function checkMeetingPatch(before: Meeting, patch: Partial<NewMeeting>, records: MeetingRecords): void {
  if (patch.name !== undefined && patch.name.trim() === '') throw new Error('会议名称不能为空');
  if (patch.date !== undefined) parseIsoDate(patch.date, '会议日期');
  const merged = { ...before, ...patch };
  if (merged.form === 'remote') checkReturnBy(merged.returnBy, merged.date);
  if (patch.body !== undefined && patch.body !== before.body && (records.attendance || records.votes))
    throw new Error(`${recordsText(records)}，不能更改会议类型`);
}

/**
 * The entitled list after an edit. R-O2, R-O4, R-O6: the list is fixed from the registry on the meeting
 * date, so when the date (or, before anything is recorded, the body) changes it is fixed again on the new
 * date — a corrected date must give the list of that date. When the same units are entitled, the stored list
 * (names and representatives as recorded) is kept.
 */
async function nextEntitled(
  db: DeskDB,
  before: Meeting,
  after: Pick<Meeting, 'body' | 'date'>,
  settings: CharterSettings,
): Promise<{ entitled: EntitledEntry[]; change: EntitledChange }> {
  const unchanged = {
    entitled: before.entitled,
    change: { refixed: false, added: [], removed: [], markedRemoved: 0 },
  };
  if (after.body === before.body && after.date === before.date) return unchanged;
  const [members, offices] = await Promise.all([db.members.toArray(), db.offices.toArray()]);
  const entitled = buildEntitled(after.body, after.date, members, offices, settings);
  const oldKeys = new Set(before.entitled.map(entryKey));
  const newKeys = new Set(entitled.map(entryKey));
  const added = entitled.filter((e) => !oldKeys.has(entryKey(e)));
  const removed = before.entitled.filter((e) => !newKeys.has(entryKey(e)));
  if (!added.length && !removed.length) return unchanged;
  const gone = new Set(removed.filter((e) => !e.observer).map((e) => e.memberId));
  const marked = (await db.attendance.where('meetingId').equals(before.id!).toArray()).filter(
    (a) => a.status !== 'observer' && gone.has(a.memberId),
  ).length;
  return { entitled, change: { refixed: true, added, removed, markedRemoved: marked } };
}

/**
 * What `updateMeeting` would do to the entitled list, without writing: the desk asks the clerk to confirm
 * before the list is fixed again on a new date (R-O2, R-O4, R-O6). Throws the same errors as the update.
 */
export async function previewMeetingUpdate(
  db: DeskDB,
  id: number,
  patch: Partial<NewMeeting>,
): Promise<EntitledChange> {
  const settings = await readCharterSettings(db);
  return db.transaction('r', updateReads(db), async () => {
    const { before, p } = await checkedUpdate(db, id, patch);
    return (await nextEntitled(db, before, { ...before, ...p }, settings)).change;
  });
}

/** What an update of a meeting reads (the preview's transaction; the update adds the audit). */
const updateReads = (db: DeskDB) => [
  db.meetings,
  db.members,
  db.offices,
  db.attendance,
  db.motions,
  db.ballots,
];

/** The meeting and the patch as an update applies it, checked: the same for the preview and the update. */
async function checkedUpdate(db: DeskDB, id: number, patch: Partial<NewMeeting>) {
  const before = await db.meetings.get(id);
  if (!before) throw new Error('会议不存在');
  const p = definedPatch(patch);
  checkMeetingPatch(before, p, await meetingRecords(db, id));
  return { before, p };
}

/**
 * Edits a meeting's details (编辑会议信息), audited with before/after. The body cannot change once
 * attendance or a vote is recorded. When the date (or body) changes, the entitled list is fixed again from
 * the registry on the new date (R-O2, R-O4, R-O6; see `nextEntitled`): marks already recorded for units
 * that leave the list are kept (nothing is deleted) but no longer count, and the secretary-general's 列席
 * row is added when the new date has one.
 */
export async function updateMeeting(
  db: DeskDB,
  id: number,
  patch: Partial<NewMeeting>,
): Promise<EntitledChange> {
  const settings = await readCharterSettings(db);
  return db.transaction('rw', [...updateReads(db), db.audit], async () => {
    const { before, p } = await checkedUpdate(db, id, patch);
    if (p.name !== undefined) p.name = p.name.trim();
    const at = nowIso();
    const merged: Meeting = normaliseReturnBy({ ...before, ...p, updatedAt: at });
    const { entitled, change } = await nextEntitled(db, before, merged, settings);
    const after: Meeting = { ...merged, entitled };
    await db.meetings.put(after);
    if (change.refixed) await seatObservers(db, id, entitled, at);
    const voting = (l: EntitledEntry[]) => l.filter((e) => !e.observer).length;
    await writeAudit(db, {
      entity: 'meetings',
      entityId: id,
      action: 'update',
      summary: change.refixed
        ? `修改会议：${after.name}；应到名单按 ${after.date} 重新确定（应到 ${voting(before.entitled)} → ${voting(entitled)}，新增 ${change.added.length}，移出 ${change.removed.length}）`
        : `修改会议：${after.name}`,
      before,
      after,
    });
    return change;
  });
}

/**
 * 起草会议通知: the meeting's notice becomes a draft in the 发文 register, linked from the meeting
 * (`noticeDocId`), in one transaction; the number comes on 定稿 there (R-W1). A meeting already linked to a
 * notice that is not voided gets that notice back instead of a second one.
 */
export async function draftMeetingNotice(
  db: DeskDB,
  meetingId: number,
  fields: DraftFields,
): Promise<number> {
  return db.transaction('rw', [db.meetings, db.documents, db.audit], async () => {
    const before = await db.meetings.get(meetingId);
    if (!before) throw new Error('会议不存在');
    if (before.noticeDocId !== undefined) {
      const linked = await db.documents.get(before.noticeDocId);
      if (linked && linked.status !== 'void') return linked.id!;
    }
    const docId = await saveDraft(db, undefined, fields);
    const after: Meeting = { ...before, noticeDocId: docId, updatedAt: nowIso() };
    await db.meetings.put(after);
    await writeAudit(db, {
      entity: 'meetings',
      entityId: meetingId,
      action: 'update',
      summary: `起草会议通知：${before.name}（发文草稿 #${docId}）`,
      before,
      after,
    });
    return docId;
  });
}

/** Upserts one attendance row (unique [meetingId+memberId]) and audits the change. */
export async function saveAttendance(
  db: DeskDB,
  meetingId: number,
  memberId: number,
  patch: Partial<Pick<AttendanceRecord, 'status' | 'attendee' | 'ballotSentOn' | 'ballotReturnedOn'>>,
  defaults: { attendee?: string } = {},
): Promise<void> {
  await db.transaction('rw', [db.attendance, db.audit], async () => {
    const before = await db.attendance.where('[meetingId+memberId]').equals([meetingId, memberId]).first();
    const at = nowIso();
    const base: AttendanceRecord = before ?? { meetingId, memberId, status: 'absent', updatedAt: at };
    const after: AttendanceRecord = { ...base, ...patch, updatedAt: at };
    if (patch.status === 'present' && !after.attendee && defaults.attendee)
      after.attendee = defaults.attendee;
    // A row created only to hold ballot dates is not yet a roll-call mark.
    if (!before && patch.status === undefined) after.status = 'absent';
    for (const k of ['ballotSentOn', 'ballotReturnedOn', 'attendee'] as const)
      if (after[k] === undefined) delete after[k];
    const id = (await db.attendance.put(after)) as number;
    await writeAudit(db, {
      entity: 'attendance',
      entityId: id,
      memberId: memberId || undefined,
      action: before ? 'update' : 'create',
      summary: `签到：会议 ${meetingId}，单位 ${memberId}`,
      before: before ?? {},
      after,
    });
  });
}

/** Marks a roll-call status (出席 / 缺席 / 请假). */
export function markAttendance(
  db: DeskDB,
  meetingId: number,
  memberId: number,
  status: Exclude<Attendance, 'observer'>,
  representative: string,
): Promise<void> {
  return saveAttendance(db, meetingId, memberId, { status }, { attendee: representative });
}

// ------------------------------------------------------------------ agenda and minutes

export async function addAgendaItem(db: DeskDB, meetingId: number, title: string): Promise<number> {
  return db.transaction('rw', [db.agendaItems, db.audit], async () => {
    const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
    const order = items.reduce((m, i) => Math.max(m, i.order), 0) + 1;
    const item: AgendaItem = { meetingId, order, title, discussion: '', updatedAt: nowIso() };
    return addAudited(db, db.agendaItems, item, { summary: `新增议程：${title}`, after: item });
  });
}

export async function renameAgendaItem(db: DeskDB, id: number, title: string): Promise<void> {
  await db.transaction('rw', [db.agendaItems, db.audit], async () => {
    const before = await db.agendaItems.get(id);
    if (!before || before.title === title) return;
    const after = { ...before, title, updatedAt: nowIso() };
    await db.agendaItems.put(after);
    await writeAudit(db, {
      entity: 'agendaItems',
      entityId: id,
      action: 'update',
      summary: `议程改名：${title}`,
      before,
      after,
    });
  });
}

/** Swaps an agenda item with its neighbour (up: -1, down: +1). */
export async function moveAgendaItem(db: DeskDB, id: number, dir: -1 | 1): Promise<void> {
  await db.transaction('rw', [db.agendaItems, db.audit], async () => {
    const item = await db.agendaItems.get(id);
    if (!item) return;
    const items = (await db.agendaItems.where('meetingId').equals(item.meetingId).toArray()).sort(
      (a, b) => a.order - b.order,
    );
    const i = items.findIndex((x) => x.id === id);
    const other = items[i + dir];
    if (!other) return;
    const at = nowIso();
    await db.agendaItems.update(id, { order: other.order, updatedAt: at });
    await db.agendaItems.update(other.id!, { order: item.order, updatedAt: at });
    await writeAudit(db, {
      entity: 'agendaItems',
      entityId: id,
      action: 'update',
      summary: `议程排序：${item.title}${dir < 0 ? '上移' : '下移'}`,
      before: { order: item.order },
      after: { order: other.order },
    });
  });
}

/**
 * Writes an agenda item's discussion text (autosave). With `snapshot`, the stored text is first kept as a
 * version (capped at VERSION_CAP per item) and the burst is audited with its before/after text.
 */
export async function saveDiscussion(
  db: DeskDB,
  id: number,
  text: string,
  snapshot: boolean,
  /**
   * The text the editor last stored or showed. A stored text other than it was written meanwhile by
   * another workstation (through the office's server): it is kept as a version before it is replaced.
   */
  base?: string,
): Promise<void> {
  await db.transaction('rw', [db.agendaItems, db.minuteVersions, db.audit], async () => {
    const before = await db.agendaItems.get(id);
    if (!before || before.discussion === text) return;
    const at = nowIso();
    const overOthers = base !== undefined && before.discussion !== base;
    if (snapshot || overOthers) {
      await keepVersion(db, id, before.discussion, at);
      await writeAudit(db, {
        entity: 'agendaItems',
        entityId: id,
        action: 'update',
        summary: `${overOthers ? '编辑讨论记录（替换了其他工作站刚写入的内容）' : '编辑讨论记录'}：${before.title}`,
        before: { discussion: before.discussion },
        after: { discussion: text },
      });
    }
    await db.agendaItems.update(id, { discussion: text, updatedAt: at });
  });
}

async function keepVersion(db: DeskDB, agendaItemId: number, text: string, at: string): Promise<void> {
  if (text.trim() === '') return;
  const versions = await db.minuteVersions.where('agendaItemId').equals(agendaItemId).sortBy('savedAt');
  if (versions.at(-1)?.text === text) return;
  const v: MinuteVersion = { agendaItemId, text, savedAt: at };
  await db.minuteVersions.add(v);
  const excess = versions.length + 1 - VERSION_CAP;
  if (excess > 0) await db.minuteVersions.bulkDelete(versions.slice(0, excess).map((x) => x.id!));
}

/** Restores an earlier version; the current text is kept as a version first, so the restore can be undone. */
export async function restoreVersion(db: DeskDB, agendaItemId: number, versionId: number): Promise<string> {
  return db.transaction('rw', [db.agendaItems, db.minuteVersions, db.audit], async () => {
    const item = await db.agendaItems.get(agendaItemId);
    const v = await db.minuteVersions.get(versionId);
    if (!item || !v) throw new Error('版本不存在');
    const at = nowIso();
    await keepVersion(db, agendaItemId, item.discussion, at);
    await db.agendaItems.update(agendaItemId, { discussion: v.text, updatedAt: at });
    await writeAudit(db, {
      entity: 'agendaItems',
      entityId: agendaItemId,
      action: 'restore',
      summary: `恢复讨论记录历史版本（${v.savedAt}）：${item.title}`,
      before: { discussion: item.discussion },
      after: { discussion: v.text },
    });
    return v.text;
  });
}

// ------------------------------------------------------------------ motions and votes

export async function addMotion(
  db: DeskDB,
  m: Pick<Motion, 'meetingId' | 'agendaItemId' | 'title' | 'text' | 'tallyMode'>,
): Promise<number> {
  return db.transaction('rw', [db.motions, db.audit], async () => {
    const at = nowIso();
    const motion: Motion = { ...m, createdAt: at, updatedAt: at };
    return addAudited(db, db.motions, motion, { summary: `新增议案：${m.title}`, after: motion });
  });
}

export async function updateMotion(
  db: DeskDB,
  id: number,
  patch: Partial<Pick<Motion, 'title' | 'text' | 'tallyMode'>>,
): Promise<void> {
  await db.transaction('rw', [db.motions, db.audit], async () => {
    const before = await db.motions.get(id);
    if (!before) return;
    const after = { ...before, ...patch, updatedAt: nowIso() };
    await db.motions.put(after);
    await writeAudit(db, {
      entity: 'motions',
      entityId: id,
      action: 'update',
      summary: `修改议案：${after.title}`,
      before,
      after,
    });
  });
}

/** Records a tally by counts (audited as a vote). */
export async function saveCounts(
  db: DeskDB,
  id: number,
  counts: { for: number; against: number; abstain: number },
): Promise<void> {
  await db.transaction('rw', [db.motions, db.audit], async () => {
    const before = await db.motions.get(id);
    if (!before) throw new Error('议案不存在');
    const after: Motion = { ...before, tallyMode: 'counts', counts, updatedAt: nowIso() };
    await db.motions.put(after);
    await writeAudit(db, {
      entity: 'motions',
      entityId: id,
      action: 'vote',
      summary: `表决结果：${before.title}（同意 ${counts.for}，反对 ${counts.against}，弃权 ${counts.abstain}）`,
      before: { counts: before.counts ?? null },
      after: { counts },
    });
  });
}

/** Records one voter's choice on a motion (vote by name; remote ballots), audited as a vote. */
export async function castBallot(
  db: DeskDB,
  motionId: number,
  memberId: number,
  choice: VoteChoice,
  returnedOn?: IsoDate,
): Promise<void> {
  await db.transaction('rw', [db.ballots, db.audit, db.motions, db.meetings, db.attendance], async () => {
    // R-O2, R-O4, R-O6: only units present (remote: whose ballot was returned) vote.
    const motion = await db.motions.get(motionId);
    const meeting = motion ? await db.meetings.get(motion.meetingId) : undefined;
    if (!motion || !meeting) throw new Error('议案不存在');
    const attendance = await db.attendance.where('meetingId').equals(meeting.id!).toArray();
    const attendanceNow = returnedOn
      ? attendance.map((a) => (a.memberId === memberId ? { ...a, ballotReturnedOn: returnedOn } : a))
      : attendance;
    if (!presentVoterIds(meeting, attendanceNow).includes(memberId))
      throw new Error(
        meeting.form === 'remote'
          ? '该单位的表决票尚未收回（未出席），不能记录其表决意见'
          : '该单位未出席，不能记录其表决意见',
      );
    const before = await db.ballots.where('[motionId+memberId]').equals([motionId, memberId]).first();
    const after: Ballot = { ...(before ?? { motionId, memberId }), choice, recordedAt: nowIso() } as Ballot;
    if (returnedOn) after.returnedOn = returnedOn;
    const id = (await db.ballots.put(after)) as number;
    await writeAudit(db, {
      entity: 'ballots',
      entityId: id,
      memberId,
      action: 'vote',
      summary: `记名表决：议案 ${motionId}，单位 ${memberId}：${VOTE_LABEL[choice]}`,
      before: before ? { choice: before.choice } : {},
      after: { choice },
    });
  });
}

/** R-O6: the guiding unit's decision on a standing-council resolution, as its own dated step (audited). */
export async function recordGuidingDecision(
  db: DeskDB,
  motionId: number,
  decision: { decision: 'approved' | 'rejected'; on: IsoDate },
): Promise<void> {
  await db.transaction('rw', [db.motions, db.audit], async () => {
    const before = await db.motions.get(motionId);
    if (!before) throw new Error('议案不存在');
    const after: Motion = { ...before, guidingDecision: decision, updatedAt: nowIso() };
    await db.motions.put(after);
    await writeAudit(db, {
      entity: 'motions',
      entityId: motionId,
      action: 'vote',
      summary: `指导单位意见：${before.title}：${decision.decision === 'approved' ? '批准' : '不批准'}（${decision.on}）`,
      before: { guidingDecision: before.guidingDecision ?? null },
      after: { guidingDecision: decision },
    });
  });
}

// ------------------------------------------------------------------ papers

/** Everything recorded about one meeting, for the papers. */
export async function loadMeetingRecord(d: DeskDB, id: number): Promise<MeetingRecord> {
  return d.transaction('r', [d.meetings, d.attendance, d.agendaItems, d.motions, d.ballots], async () => {
    const meeting = await d.meetings.get(id);
    if (!meeting) throw new Error('会议不存在');
    const motions = await d.motions.where('meetingId').equals(id).toArray();
    const ballots = motions.length
      ? await d.ballots
          .where('motionId')
          .anyOf(motions.map((m) => m.id!))
          .toArray()
      : [];
    return {
      meeting,
      attendance: await d.attendance.where('meetingId').equals(id).toArray(),
      agenda: await d.agendaItems.where('meetingId').equals(id).toArray(),
      motions,
      ballots,
    };
  });
}
