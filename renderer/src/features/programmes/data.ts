/**
 * Writes of the 专项行动 desk (R-P1..R-P3). Every write is one transaction with its audit entry.
 */
import { checkProgrammeApplication } from '../../../../shared/charter';
import type {
  Certificate,
  Enrolment,
  Programme,
  ReceiptKey,
  StoredFile,
} from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { MEMBER_STATUS_LABEL } from '../../../../shared/domain/types';
import { readCharterSettings } from '../../records/settings';
import {
  issueProgrammeCertificates,
  reserveProgrammeCertificates,
  returnProgrammeCertificate,
  withReserved,
} from '../../records/certificates';
import { addAudited, writeAudit } from '../../db/audit';
import { changedSinceOpened } from '../../../../shared/data/followStored';
import type { DeskDB } from '../../db/schema';
import { registerCertificateBatch } from '../../records/register';
import { sha256Hex } from '../documents/logic';
import { checkEnrolment, checkReceivedFile, closedCallRefusal, receiptSpec } from './logic';

export class ProgrammeWriteError extends Error {}

export type ProgrammeFields = Omit<Programme, 'id' | 'createdAt'>;

export async function saveProgramme(
  db: DeskDB,
  id: number | undefined,
  fields: ProgrammeFields,
  /**
   * What the edit form opened with: a field the clerk left as it was keeps the stored value (another
   * workstation may have changed it meanwhile); a field the clerk cleared is removed.
   */
  opened?: ProgrammeFields,
): Promise<number> {
  if (fields.name.trim() === '') throw new ProgrammeWriteError('请填写名称');
  if (fields.certificatePrefix.trim() === '') throw new ProgrammeWriteError('请填写证书编号前缀');
  return db.transaction('rw', [db.programmes, db.audit], async () => {
    if (id === undefined) {
      return addAudited(
        db,
        db.programmes,
        { ...fields, createdAt: new Date().toISOString() },
        { summary: `新建专项行动：${fields.name}`, after: fields },
      );
    }
    const before = await db.programmes.get(id);
    if (!before) throw new ProgrammeWriteError('找不到该专项行动');
    const written: Record<string, unknown> = opened
      ? changedSinceOpened(opened, fields, before)
      : { ...fields };
    // A field cleared (征集通知) is removed: Dexie deletes a property updated to undefined.
    await db.programmes.update(id, written as Partial<Programme>);
    await writeAudit(db, {
      entity: 'programmes',
      entityId: id,
      action: 'update',
      summary: `修改专项行动：${String(written.name)}`,
      before: { ...before, createdAt: undefined },
      after: written,
    });
    return id;
  });
}

/**
 * 邀请 / 登记申请 (R-P1): members only (the engine's eligibility). Returns the refusals by member name;
 * already enrolled members are left as they are.
 */
export async function enrolMembers(
  db: DeskDB,
  programmeId: number,
  memberIds: readonly number[],
  status: 'invited' | 'applied',
  asOf: IsoDate,
): Promise<{ added: number; refused: string[] }> {
  const refused: string[] = [];
  let added = 0;
  await db.transaction('rw', [db.programmes, db.members, db.enrolments, db.audit], async () => {
    const programme = await db.programmes.get(programmeId);
    if (!programme) throw new ProgrammeWriteError('找不到该专项行动');
    // R-P1: the call has a deadline: past it, nobody is invited or registered (通过 would refuse them anyway).
    const late = closedCallRefusal(programme.deadline, asOf);
    if (late) throw new ProgrammeWriteError(late);
    for (const memberId of memberIds) {
      const m = await db.members.get(memberId);
      if (!m) continue;
      const check = checkProgrammeApplication({
        memberStatus: m.status,
        submittedOn: asOf,
        deadline: programme.deadline,
        receipts: [],
      });
      if (!check.eligible) {
        refused.push(
          `${m.name}（${MEMBER_STATUS_LABEL[m.status]}）：${check.messages[0] ?? '不符合申请条件'}`,
        );
        continue;
      }
      const existing = await db.enrolments
        .where('[programmeId+memberId]')
        .equals([programmeId, memberId])
        .first();
      if (existing && existing.status !== 'withdrawn') continue;
      const now = new Date().toISOString();
      if (existing?.id !== undefined) {
        await db.enrolments.update(existing.id, { status, updatedAt: now });
        await writeAudit(db, {
          entity: 'enrolments',
          entityId: existing.id,
          memberId,
          action: 'status',
          summary: `重新${status === 'invited' ? '邀请' : '登记申请'}：${m.name}（${programme.name}）`,
          before: { status: existing.status },
          after: { status },
        });
      } else {
        const row: Enrolment = {
          programmeId,
          memberId,
          status,
          receipts: {},
          createdAt: now,
          updatedAt: now,
        };
        await addAudited(db, db.enrolments, row, {
          memberId,
          summary: `${status === 'invited' ? '邀请' : '登记申请'}：${m.name}（${programme.name}）`,
          after: { programmeId, memberId, status },
        });
      }
      added++;
    }
  });
  return { added, refused };
}

async function getEnrolment(db: DeskDB, id: number): Promise<Enrolment> {
  const e = await db.enrolments.get(id);
  if (!e) throw new ProgrammeWriteError('找不到该成员单位的申请');
  return e;
}

/** R-P2: ticks (date) or clears (undefined) one receipt; the first receipt turns an invitation into an application. */
export async function setReceipt(
  db: DeskDB,
  id: number,
  key: ReceiptKey,
  date: IsoDate | undefined,
): Promise<void> {
  await db.transaction('rw', [db.enrolments, db.audit], async () => {
    const e = await getEnrolment(db, id);
    if (e.status === 'withdrawn') throw new ProgrammeWriteError('已撤销的成员单位不能再登记材料');
    await writeReceipt(db, e, key, date, `${date ? '收到' : '取消'}${receiptSpec(key).label}`);
  });
}

/**
 * Dates (or, with no date, undates) one receipt of an enrolment, audited; a first receipt turns 已邀请 into
 * 已申报. Inside the caller's transaction (enrolments, audit).
 */
async function writeReceipt(
  db: DeskDB,
  e: Enrolment,
  key: ReceiptKey,
  date: IsoDate | undefined,
  summary: string,
  also: Record<string, unknown> = {},
): Promise<void> {
  const receipts = { ...e.receipts };
  if (date) receipts[key] = date;
  else delete receipts[key];
  const status = e.status === 'invited' && date ? 'applied' : e.status;
  await db.enrolments.update(e.id!, { receipts, status, updatedAt: new Date().toISOString() });
  await writeAudit(db, {
    entity: 'enrolments',
    entityId: e.id!,
    memberId: e.memberId,
    action: 'update',
    summary,
    before: { [key]: e.receipts[key] ?? null, status: e.status },
    after: { [key]: date ?? null, status, ...also },
  });
}

/**
 * Stores a received file (checked by extension and content) and dates its receipt if not yet dated. The same
 * content already kept for this receipt is not stored twice: the earlier file is returned as `duplicateOf`.
 */
export async function attachReceivedFile(
  db: DeskDB,
  id: number,
  key: ReceiptKey,
  file: { name: string; bytes: Uint8Array },
  receivedOn: IsoDate,
): Promise<{ duplicateOf?: Pick<StoredFile, 'name' | 'receivedOn'> }> {
  const spec = receiptSpec(key);
  if (!spec.fileType) throw new ProgrammeWriteError('纸质原件无需上传文件');
  const problem = checkReceivedFile(file.name, file.bytes, spec.fileType);
  if (problem) throw new ProgrammeWriteError(problem);
  const sha256 = await sha256Hex(file.bytes);
  const data = new Blob([file.bytes as BlobPart], {
    type:
      spec.fileType === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  return db.transaction('rw', [db.enrolments, db.files, db.audit], async () => {
    const e = await getEnrolment(db, id);
    const kept = await db.files
      .where('[ownerType+ownerId]')
      .equals(['enrolment', id])
      .filter((f) => f.kind === key && f.sha256 === sha256)
      .first();
    if (kept) {
      // Kept already; the receipt is dated again if it was cleared since.
      if (!e.receipts[key])
        await writeReceipt(
          db,
          e,
          key,
          receivedOn,
          `收到${spec.label}文件：${file.name}（与 #${kept.id} 内容相同，未重复保存）`,
          {
            file: file.name,
            sha256,
          },
        );
      return { duplicateOf: { name: kept.name, receivedOn: kept.receivedOn } };
    }
    const row: StoredFile = {
      ownerType: 'enrolment',
      ownerId: id,
      kind: key,
      name: file.name,
      mime: data.type,
      size: file.bytes.byteLength,
      sha256,
      data,
      receivedOn,
      createdAt: new Date().toISOString(),
    };
    const fileId = (await db.files.add(row)) as number;
    await writeReceipt(
      db,
      e,
      key,
      e.receipts[key] || receivedOn,
      `收到${spec.label}文件：${file.name}（#${fileId}）`,
      {
        file: file.name,
        sha256,
      },
    );
    return {};
  });
}

/** Saves the application form's content (enrolment.form). */
export async function saveForm(db: DeskDB, id: number, form: Record<string, string>): Promise<void> {
  await db.transaction('rw', [db.enrolments, db.audit], async () => {
    const e = await getEnrolment(db, id);
    await db.enrolments.update(id, { form, updatedAt: new Date().toISOString() });
    await writeAudit(db, {
      entity: 'enrolments',
      entityId: id,
      memberId: e.memberId,
      action: 'update',
      summary: '保存申请表内容',
      before: e.form ?? {},
      after: form,
    });
  });
}

/** Review (R-P3): 通过 needs the engine's readyForReview; 退回补充 needs a reason. */
export async function reviewEnrolment(
  db: DeskDB,
  id: number,
  decision: 'approved' | 'returned',
  on: IsoDate,
  reason?: string,
): Promise<void> {
  if (decision === 'returned' && !reason?.trim()) throw new ProgrammeWriteError('请填写退回补充的原因');
  await db.transaction('rw', [db.programmes, db.members, db.enrolments, db.audit], async () => {
    const e = await getEnrolment(db, id);
    if (e.status === 'withdrawn') throw new ProgrammeWriteError('已撤销的成员单位不能审核');
    const p = await db.programmes.get(e.programmeId);
    const m = await db.members.get(e.memberId);
    if (!p || !m) throw new ProgrammeWriteError('找不到专项行动或会员单位');
    if (decision === 'approved') {
      const check = checkEnrolment(e, m.status, p.deadline, on);
      if (!check.readyForReview) throw new ProgrammeWriteError(`不能通过：${check.messages.join('；')}`);
    }
    const review: Enrolment['review'] = {
      decision,
      on,
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
    };
    await db.enrolments.update(id, { status: decision, review, updatedAt: new Date().toISOString() });
    await writeAudit(db, {
      entity: 'enrolments',
      entityId: id,
      memberId: e.memberId,
      action: 'status',
      summary: `${decision === 'approved' ? '审核通过' : '退回补充'}：${m.name}${reason?.trim() ? `（${reason.trim()}）` : ''}`,
      before: { status: e.status },
      after: { status: decision, reason: reason?.trim() ?? null },
    });
  });
}

/**
 * R-P3: issues 成员单位证书 to approved enrolments without one, and enters the batch in the 发文 register
 * with its own number (证书批次, R-W1), in the same transaction. Returns the new certificates and that number
 * (null when there was nothing to issue).
 */
export async function issueCertificates(
  db: DeskDB,
  programmeId: number,
  on: IsoDate,
): Promise<{ certificates: Certificate[]; docNumber: string | null }> {
  const { docNumberStyle } = await readCharterSettings(db);
  const dueOf = async () =>
    (await db.enrolments.where('programmeId').equals(programmeId).toArray()).filter(
      (e) => e.status === 'approved' && e.certificateId === undefined,
    );
  // With the office's server configured the numbers come from it, before the transaction (issue 19).
  const programme = await db.programmes.get(programmeId);
  const count = (await dueOf()).length;
  const reserved =
    programme && count ? await reserveProgrammeCertificates(db, programme, count, on) : undefined;
  return withReserved(db, reserved, () =>
    db.transaction(
      'rw',
      [db.programmes, db.enrolments, db.certificates, db.members, db.documents, db.audit],
      async () => {
        const p = await db.programmes.get(programmeId);
        if (!p) throw new ProgrammeWriteError('找不到该专项行动');
        const due = await dueOf();
        if (reserved && due.length !== count)
          throw new ProgrammeWriteError('待发证书的单位刚有变化，请重新发放');
        const units: string[] = [];
        for (const e of due) units.push((await db.members.get(e.memberId))?.name ?? '');
        const out = await issueProgrammeCertificates(
          db,
          p,
          due.map((e, i) => ({ memberId: e.memberId, unitName: units[i]! })),
          on,
          reserved,
        );
        for (const [i, e] of due.entries())
          await db.enrolments.update(e.id as number, {
            certificateId: out[i]!.id as number,
            updatedAt: new Date().toISOString(),
          });
        if (out.length === 0) return { certificates: out, docNumber: null };
        const { docNumber } = await registerCertificateBatch(
          db,
          {
            kind: 'programme',
            programmeName: p.name,
            issuedOn: on,
            certificates: out.map((c, i) => ({
              certificateId: c.id as number,
              certificateNo: c.certificateNo,
              unitName: units[i]!,
            })),
          },
          docNumberStyle,
          reserved?.docSeq,
        );
        return { certificates: out, docNumber };
      },
    ),
  );
}

/** R-P3: 撤销成员资格 — the enrolment is withdrawn and its certificate marked returned. */
export async function withdrawEnrolment(db: DeskDB, id: number, reason: string, on: IsoDate): Promise<void> {
  const r = reason.trim();
  if (r === '') throw new ProgrammeWriteError('请填写撤销原因');
  await db.transaction('rw', [db.enrolments, db.certificates, db.audit], async () => {
    const e = await getEnrolment(db, id);
    if (e.status === 'withdrawn') throw new ProgrammeWriteError('已撤销');
    await db.enrolments.update(id, {
      status: 'withdrawn',
      withdrawn: { on, reason: r },
      updatedAt: new Date().toISOString(),
    });
    await writeAudit(db, {
      entity: 'enrolments',
      entityId: id,
      memberId: e.memberId,
      action: 'status',
      summary: `撤销专项行动成员资格（${r}）`,
      before: { status: e.status },
      after: { status: 'withdrawn', reason: r },
    });
    if (e.certificateId !== undefined) await returnProgrammeCertificate(db, e.certificateId, on, r);
  });
}
