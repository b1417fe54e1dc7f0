/**
 * The member record's one owner: every write of `members` and of its history tables (`contactChanges`,
 * `tierChanges`) goes through here — the 会员 desk, admission (入会申请), elections and early ends of office
 * (会议), and the roster import. Every function is one Dexie transaction (or joins the caller's) with its audit
 * entry (field-level before/after). Leaving never deletes (R-M10): it is a status with a date.
 */
import type { DeskDB } from '../db/schema';
import { writeAudit } from '../db/audit';
import { returnMemberCertificates } from './certificates';
import type { ContactChange, Member, MemberFields, Person, TierChange } from '../../../shared/domain/records';
import type { IsoDate, MemberStatus, Tier } from '../../../shared/domain/types';
import { MEMBER_STATUS_LABEL, TIER_LABEL } from '../../../shared/domain/types';
import { buildSearchText } from '../../../shared/search/searchText';
import {
  initialContactChange,
  initialTierChange,
  type ContactRole,
} from '../../../shared/domain/initialHistory';
import {
  canTransition,
  compareDates,
  isIsoDate,
  checkTransition,
  reportDueBy,
  withdrawalEffectiveOn,
} from '../../../shared/charter';
import type { MotionOutcome } from '../../../shared/charter';

/** A rule or input problem the clerk must see (Chinese message). */
export class MemberWriteError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function nowIso(): string {
  return new Date().toISOString();
}

// ---------------------------------------------------------------------------------------------------
// History written down before the first change (shared/domain/initialHistory.ts)

/** Writes the member's implicit first tier record just before its first change (caller's transaction). */
async function ensureInitialTier(db: DeskDB, m: Member, at: string): Promise<void> {
  if ((await db.tierChanges.where('memberId').equals(m.id!).count()) === 0)
    await db.tierChanges.add(initialTierChange(m, at));
}

/** Writes the member's implicit first representative/contact record before its first change. */
async function ensureInitialContact(db: DeskDB, m: Member, role: ContactRole, at: string): Promise<void> {
  if (!m[role].name) return;
  if ((await db.contactChanges.where('[memberId+role]').equals([m.id!, role]).count()) === 0)
    await db.contactChanges.add(initialContactChange(m, role, at));
}

/** The first representative, contact (R-M5) and tier (R-D5) records of a member admitted on `on`. */
async function addAdmissionHistory(db: DeskDB, memberId: number, unit: MemberFields, on: string, at: string) {
  await db.contactChanges.bulkAdd([
    { memberId, role: 'representative', person: unit.representative, noticeOn: on, recordedAt: at },
    { memberId, role: 'contact', person: unit.contact, noticeOn: on, recordedAt: at },
  ]);
  await db.tierChanges.add({ memberId, tier: unit.tier, effectiveFrom: on, reason: '入会', recordedAt: at });
}

export interface NewMemberRecord {
  /** 入会日期: the standing council's approval (admission) or the recorded date (direct entry). */
  approvedOn: string;
  status?: MemberStatus;
  confirmedWarnings?: string[] | undefined;
  /** The audit entry's summary. */
  summary: string;
}

/**
 * Creates a member with its first representative, contact and tier records and an audit entry — the one
 * path for a new member (direct entry and admission). Joins the caller's transaction when there is one.
 */
export async function createMember(db: DeskDB, fields: MemberFields, rec: NewMemberRecord): Promise<number> {
  const at = nowIso();
  return db.transaction('rw', [db.members, db.contactChanges, db.tierChanges, db.audit], async () => {
    const member: Member = {
      ...fields,
      status: rec.status ?? 'active',
      approvedOn: rec.approvedOn,
      searchText: buildSearchText(fields),
      createdAt: at,
      updatedAt: at,
    };
    if (rec.confirmedWarnings?.length) member.confirmedWarnings = rec.confirmedWarnings;
    const id = (await db.members.add(member)) as number;
    await addAdmissionHistory(db, id, fields, rec.approvedOn, at);
    await writeAudit(db, {
      entity: 'members',
      entityId: id,
      memberId: id,
      action: 'create',
      summary: rec.summary,
      after: { ...member, id },
    });
    return id;
  });
}

/**
 * 重新入会 (R-M8, R-M9): a former member admitted again keeps its record (and its history); it becomes
 * 正式会员 with the new approval date and the application's details, and new first contact and tier records.
 */
export async function readmitMember(
  db: DeskDB,
  former: Member,
  unit: MemberFields,
  rec: NewMemberRecord,
): Promise<number> {
  const at = nowIso();
  return db.transaction('rw', [db.members, db.contactChanges, db.tierChanges, db.audit], async () => {
    const after: Member = {
      ...former,
      ...unit,
      status: 'active',
      approvedOn: rec.approvedOn,
      searchText: buildSearchText(unit),
      updatedAt: at,
    };
    delete after.left;
    delete after.withdrawal;
    if (rec.confirmedWarnings?.length) after.confirmedWarnings = rec.confirmedWarnings;
    const memberId = former.id as number;
    await db.members.put(after);
    await writeAudit(db, {
      entity: 'members',
      entityId: memberId,
      memberId,
      action: 'status',
      summary: rec.summary,
      before: former,
      after,
    });
    await addAdmissionHistory(db, memberId, unit, rec.approvedOn, at);
    return memberId;
  });
}

/**
 * R-D1, R-D5: a change of tier, effective `effectiveFrom` (a change applies from the next year): the tier
 * held so far is written down first, then the change, the member's tier and an audit entry — the one path
 * for every tier change (the member file, elections and early ends of office). Joins the caller's
 * transaction when there is one. Returns the change's id.
 */
export async function recordTierChange(
  db: DeskDB,
  member: Member,
  change: { tier: Tier; effectiveFrom: IsoDate },
  reason: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction('rw', [db.members, db.tierChanges, db.audit], async () => {
    await ensureInitialTier(db, member, at);
    const tc: TierChange = {
      memberId: member.id!,
      tier: change.tier,
      effectiveFrom: change.effectiveFrom,
      reason,
      recordedAt: at,
    };
    const id = (await db.tierChanges.add(tc)) as number;
    const after: Member = { ...member, tier: change.tier, updatedAt: at };
    await db.members.put(after);
    await writeAudit(db, {
      entity: 'members',
      entityId: member.id,
      memberId: member.id,
      action: 'update',
      summary: `会员级别：${TIER_LABEL[member.tier]} → ${TIER_LABEL[change.tier]}，自 ${change.effectiveFrom} 起按新级别计收会费（${reason}）`,
      before: { tier: member.tier },
      after: { tier: change.tier },
    });
    return id;
  });
}

/** Duplicates of a unit's credit code or name among the members (R-M1, the unique index also guards). */
export async function findDuplicates(
  db: DeskDB,
  v: Pick<MemberFields, 'name' | 'creditCode'>,
  excludeId?: number,
): Promise<{ creditCode?: Member; name?: Member }> {
  const out: { creditCode?: Member; name?: Member } = {};
  if (v.creditCode) {
    const hit = await db.members.where('creditCode').equals(v.creditCode).first();
    if (hit && hit.id !== excludeId) out.creditCode = hit;
  }
  if (v.name) {
    const hit = (await db.members.where('name').equals(v.name).toArray()).find((m) => m.id !== excludeId);
    if (hit) out.name = hit;
  }
  return out;
}

export function duplicateMessages(d: { creditCode?: Member; name?: Member }): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.creditCode)
    out.creditCode = `该统一社会信用代码已登记为会员“${d.creditCode.name}”（${MEMBER_STATUS_LABEL[d.creditCode.status]}）`;
  if (d.name) out.name = `已有同名会员单位（${MEMBER_STATUS_LABEL[d.name.status]}），请核对`;
  return out;
}

export interface SaveMemberOptions {
  /** 入会日期 (direct entry of an existing member); the notice date of the initial contacts. */
  approvedOn: string;
  confirmedWarnings?: string[];
  status?: MemberStatus;
  /** For the audit summary. */
  source?: string;
}

/**
 * Adds a member (status active by default) with its initial representative / contact (R-M5) and tier
 * (R-D5) history and an audit entry, in one transaction. Refuses duplicates of credit code or name.
 */
export async function saveMember(db: DeskDB, fields: MemberFields, opts: SaveMemberOptions): Promise<number> {
  return db.transaction('rw', [db.members, db.contactChanges, db.tierChanges, db.audit], async () => {
    const dup = duplicateMessages(await findDuplicates(db, fields));
    const first = Object.entries(dup)[0];
    if (first) throw new MemberWriteError(first[1], first[0]);
    return createMember(db, fields, {
      approvedOn: opts.approvedOn,
      ...(opts.status ? { status: opts.status } : {}),
      confirmedWarnings: opts.confirmedWarnings,
      summary: `${opts.source ?? '新增会员'}：${fields.name}（入会日期 ${opts.approvedOn}）${
        opts.confirmedWarnings?.length ? `；已确认提示：${opts.confirmedWarnings.join('；')}` : ''
      }`,
    });
  });
}

async function loadMember(db: DeskDB, id: number): Promise<Member> {
  const m = await db.members.get(id);
  if (!m) throw new MemberWriteError('找不到该会员');
  return m;
}

const ROLE_LABEL = { representative: '会员代表', contact: '联系人' } as const;

/** R-M5: change of representative or contact, with the date of the written notice. */
export async function changeContact(
  db: DeskDB,
  id: number,
  role: 'representative' | 'contact',
  person: Person,
  noticeOn: string,
): Promise<void> {
  const at = nowIso();
  await db.transaction('rw', [db.members, db.contactChanges, db.audit], async () => {
    const before = await loadMember(db, id);
    await ensureInitialContact(db, before, role, at);
    const after: Member = { ...before, [role]: person, updatedAt: at };
    after.searchText = buildSearchText(after);
    await db.members.put(after);
    await db.contactChanges.add({ memberId: id, role, person, noticeOn, recordedAt: at });
    await writeAudit(db, {
      entity: 'members',
      entityId: id,
      memberId: id,
      action: 'update',
      summary: `变更${ROLE_LABEL[role]}：${before[role].name} → ${person.name}（书面通知日期 ${noticeOn}）`,
      before,
      after,
    });
  });
}

/** R-D5: a tier change; the dues follow the tier held on 1 January, i.e. from the next year. */
export async function changeTier(db: DeskDB, id: number, tier: Tier, effectiveFrom: string, reason: string) {
  await db.transaction('rw', [db.members, db.tierChanges, db.audit], async () => {
    const before = await loadMember(db, id);
    if (before.tier === tier) throw new MemberWriteError(`该会员已是${TIER_LABEL[tier]}`, 'tier');
    await recordTierChange(db, before, { tier, effectiveFrom }, reason);
  });
}

/**
 * 补填入会日期: a member recorded without its approval date (a roster imported without 入会日期) gets it.
 * Without it the dues ledger cannot compute the member's dues (R-D2..R-D4) and the one-year condition for
 * director units (R-M4) cannot be judged. Only a missing date is filled here; the date must be a real
 * calendar date, not after `today` and not after the member was recorded as leaving. The member's first
 * tier record, if it was already written down with the record's creation day (shared/domain/initialHistory),
 * moves to the approval date, so the tier held in the years before stays right (R-D5).
 */
export async function setApprovedOn(db: DeskDB, id: number, on: string, today: string): Promise<void> {
  if (!isIsoDate(on)) throw new MemberWriteError('请填写有效的入会日期（如 2024-05-01）', 'approvedOn');
  if (compareDates(on, today) > 0) throw new MemberWriteError('入会日期不能晚于今天', 'approvedOn');
  const at = nowIso();
  await db.transaction('rw', [db.members, db.tierChanges, db.audit], async () => {
    const before = await loadMember(db, id);
    if (before.approvedOn)
      throw new MemberWriteError(`该会员的入会日期已登记为 ${before.approvedOn}，不能在此修改`, 'approvedOn');
    if (before.left && compareDates(on, before.left.on) > 0)
      throw new MemberWriteError(`入会日期不能晚于退会日期 ${before.left.on}`, 'approvedOn');
    const after: Member = { ...before, approvedOn: on, updatedAt: at };
    await db.members.put(after);
    const first = (await db.tierChanges.where('memberId').equals(id).sortBy('effectiveFrom'))[0];
    const written = initialTierChange(before, at);
    if (first && first.reason === written.reason && first.effectiveFrom === written.effectiveFrom)
      await db.tierChanges.update(first.id!, { effectiveFrom: on });
    await writeAudit(db, {
      entity: 'members',
      entityId: id,
      memberId: id,
      action: 'update',
      summary: `补填入会日期：${on}`,
      before,
      after,
    });
  });
}

function assertTransition(from: MemberStatus, to: MemberStatus) {
  if (!canTransition(from, to))
    throw new MemberWriteError(
      `会员状态不能从“${MEMBER_STATUS_LABEL[from]}”变为“${MEMBER_STATUS_LABEL[to]}”`,
    );
}

async function statusChange(
  db: DeskDB,
  id: number,
  summary: string,
  change: (m: Member) => Member,
  extra?: (m: Member) => Promise<void>,
) {
  const at = nowIso();
  await db.transaction('rw', [db.members, db.certificates, db.audit], async () => {
    const before = await loadMember(db, id);
    const after = { ...change(structuredClone(before)), updatedAt: at };
    await db.members.put(after);
    await writeAudit(db, {
      entity: 'members',
      entityId: id,
      memberId: id,
      action: 'status',
      summary,
      before,
      after,
    });
    await extra?.(after);
  });
}

/** R-M6: the withdrawal dates for a notice received on `receivedOn` (engine). */
export function withdrawalDates(receivedOn: string) {
  return { effectiveOn: withdrawalEffectiveOn(receivedOn), reportDueBy: reportDueBy(receivedOn) };
}

/** R-M6: registers the written withdrawal notice → status 'withdrawing'. */
export async function registerWithdrawal(db: DeskDB, id: number, noticeReceivedOn: string) {
  const dates = withdrawalDates(noticeReceivedOn);
  const m = await loadMember(db, id);
  assertTransition(m.status, 'withdrawing');
  await statusChange(
    db,
    id,
    `登记退会申请：书面通知 ${noticeReceivedOn} 收到，${dates.effectiveOn} 生效，应于 ${dates.reportDueBy} 前向常务理事会通报（章程第十二条）`,
    (x) => {
      assertTransition(x.status, 'withdrawing');
      return { ...x, status: 'withdrawing', withdrawal: { noticeReceivedOn, ...dates } };
    },
  );
}

/** R-M6: the secretariat reported the notice to the standing council. */
export async function markWithdrawalReported(db: DeskDB, id: number, reportedOn: string) {
  await statusChange(db, id, `已向常务理事会通报退会申请（${reportedOn}）`, (x) => {
    if (!x.withdrawal) throw new MemberWriteError('尚未登记退会申请');
    return { ...x, withdrawal: { ...x.withdrawal, reportedOn } };
  });
}

/** R-M6: the member revoked its notice in writing → back to 'active'. */
export async function revokeWithdrawal(db: DeskDB, id: number, revokedOn: string) {
  await statusChange(db, id, `会员书面撤回退会通知（${revokedOn}）`, (x) => {
    const check = checkTransition(x.status, 'active', {
      on: revokedOn,
      noticeRevokedOn: revokedOn,
    });
    if (!check.allowed) throw new MemberWriteError(check.messages.join('；'));
    const next = { ...x, status: 'active' as const };
    delete next.withdrawal;
    return next;
  });
}

/** R-M6: withdrawal takes effect → 'withdrawn', left; the member certificate is marked returned. */
export async function confirmWithdrawal(db: DeskDB, id: number, on: string) {
  const m = await loadMember(db, id);
  const w = m.withdrawal;
  if (!w) throw new MemberWriteError('尚未登记退会申请');
  const check = checkTransition(m.status, 'withdrawn', {
    on,
    withdrawalNoticeReceivedOn: w.noticeReceivedOn,
    standingCouncilInformedOn: w.reportedOn ?? null,
  });
  if (!check.allowed) throw new MemberWriteError(check.messages.join('；'));
  await statusChange(
    db,
    id,
    `退会生效（${w.effectiveOn}）；${check.notes.join('；')}`,
    (x) => ({
      ...x,
      status: 'withdrawn',
      left: { on: w.effectiveOn, how: 'withdrawn', reason: `书面通知退会（${w.noticeReceivedOn} 收到）` },
    }),
    (x) => returnMemberCertificates(db, x.id as number, w.effectiveOn, '退会，交回会员证书（章程第十二条）'),
  );
}

/** R-M7: the clerk confirms an automatic withdrawal, with its reason. */
export async function confirmAutoWithdrawal(db: DeskDB, id: number, on: string, reason: string) {
  const m = await loadMember(db, id);
  const check = checkTransition(m.status, 'auto-withdrawn', {
    on,
    autoWithdrawalReason: reason,
    clerkConfirmedOn: on,
  });
  if (!check.allowed) throw new MemberWriteError(check.messages.join('；'));
  await statusChange(
    db,
    id,
    `确认自动退会（${on}）：${reason}`,
    (x) => ({ ...x, status: 'auto-withdrawn', left: { on, how: 'auto-withdrawn', reason } }),
    (x) => returnMemberCertificates(db, x.id as number, on, '自动退会，会员证书收回（章程第十二条）'),
  );
}

export interface ExpelInput {
  on: string;
  reason: string;
  /** 秘书处核实日期. */
  verifiedOn: string;
  resolutionRef: string;
  resolutionOn: string;
  /** A passed standing-council motion, when picked. */
  motion?: { id: number; outcome: MotionOutcome } | undefined;
}

/** R-M9: expulsion after the secretariat's verification and a passed standing-council resolution. */
export async function expelMember(db: DeskDB, id: number, input: ExpelInput) {
  const m = await loadMember(db, id);
  const check = checkTransition(m.status, 'expelled', {
    on: input.on,
    verifiedOn: input.verifiedOn,
    // A typed reference is the clerk's record of a passed resolution; a picked motion carries its outcome.
    standingResolution: { outcome: input.motion?.outcome ?? 'adopted', decidedOn: input.resolutionOn },
  });
  if (!check.allowed) throw new MemberWriteError(check.messages.join('；'));
  await statusChange(
    db,
    id,
    `除名（${input.on}）：${input.reason}；依据 ${input.resolutionRef}（${input.resolutionOn}）`,
    (x) => {
      const left: NonNullable<Member['left']> = {
        on: input.on,
        how: 'expelled',
        reason: input.reason,
        resolutionRef: `${input.resolutionRef}（${input.resolutionOn}）`,
      };
      if (input.motion) left.motionId = input.motion.id;
      return { ...x, status: 'expelled', left };
    },
    (x) => returnMemberCertificates(db, x.id as number, input.on, '除名，会员证书收回（章程第十三条）'),
  );
}

// ---------------------------------------------------------------------------------------------------
// Roster import (io/importRoster.ts): a batch of members, and undoing it

/**
 * Adds a chunk of imported member records (the import's transaction; their first tier and people are their
 * own fields, dated from approval: shared/domain/initialHistory.ts). The batch's audit entry names them all.
 */
export function addImportedMembers(db: DeskDB, members: Member[]): Promise<unknown> {
  return db.members.bulkAdd(members);
}

/**
 * Removes the members of an import batch and the contact and tier history written for them (undoing an
 * import, in the caller's transaction, which keeps every removed row in its audit entry). Returns the rows.
 */
export async function removeImportedMembers(
  db: DeskDB,
  members: readonly Member[],
): Promise<{ contacts: ContactChange[]; tiers: TierChange[] }> {
  const ids = members.map((m) => m.id!);
  const contacts = await db.contactChanges.where('memberId').anyOf(ids).toArray();
  const tiers = await db.tierChanges.where('memberId').anyOf(ids).toArray();
  await db.members.bulkDelete(ids);
  await db.contactChanges.bulkDelete(contacts.map((c) => c.id!));
  await db.tierChanges.bulkDelete(tiers.map((c) => c.id!));
  return { contacts, tiers };
}
