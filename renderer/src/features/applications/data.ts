/**
 * Writes of the 入会申请 desk (R-M3): one transaction per step, each audited. Approval creates the member
 * (or reactivates the former member with the same credit code) with approvedOn = the council's date.
 */
import type { Table } from 'dexie';
import type { DeskDB } from '../../db/schema';
import { writeAudit } from '../../db/audit';
import { readCharterSettings } from '../../records/settings';
import { registerCertificateBatch } from '../../records/register';
import type { Application, Certificate, MemberFields } from '../../../../shared/domain/records';
import { MEMBER_STATUS_LABEL } from '../../../../shared/domain/types';
import { checkTransition, hasLeft, type MotionOutcome } from '../../../../shared/charter';
import { MemberWriteError, createMember, readmitMember } from '../../records/members';
import { issueMemberCertificate, reserveMemberCertificate, withReserved } from '../../records/certificates';
import { receivedMaterials, rejoinBlockMessage, stepDateProblem, stepGates } from './logic';

/** The re-application ban of R-M8 / R-M9 is still running. */
export class RejoinBanned extends Error {}

function nowIso(): string {
  return new Date().toISOString();
}

async function load(db: DeskDB, id: number): Promise<Application> {
  const a = await db.applications.get(id);
  if (!a) throw new MemberWriteError('找不到该申请');
  return a;
}

/**
 * Checks a new application against the register: a current member cannot apply, a former member within
 * its ban is stopped with the date it may apply from (R-M8, R-M9), and one open application per unit.
 */
export async function admissionBlock(db: DeskDB, unit: MemberFields, on: string): Promise<void> {
  const byCode = await db.members.where('creditCode').equals(unit.creditCode).first();
  if (byCode) {
    if (!hasLeft(byCode.status))
      throw new MemberWriteError(
        `该单位已是会员（${byCode.name}，${MEMBER_STATUS_LABEL[byCode.status]}），无需申请入会`,
        'creditCode',
      );
    const ban = rejoinBlockMessage(byCode, on);
    if (ban) throw new RejoinBanned(ban);
  }
  const byName = (await db.members.where('name').equals(unit.name).toArray()).filter(
    (m) => m.creditCode !== unit.creditCode,
  );
  for (const m of byName) {
    if (!hasLeft(m.status))
      throw new MemberWriteError(`已有同名会员单位（${MEMBER_STATUS_LABEL[m.status]}），请核对`, 'name');
    const ban = rejoinBlockMessage(m, on);
    if (ban) throw new RejoinBanned(ban);
  }
  const open = (await db.applications.where('unit.creditCode').equals(unit.creditCode).toArray()).find(
    (a) => a.step !== 'done',
  );
  if (open) throw new MemberWriteError('该单位已有一份办理中的入会申请', 'creditCode');
}

export async function createApplication(
  db: DeskDB,
  unit: MemberFields,
  confirmedWarnings: string[],
  on: string,
): Promise<number> {
  const at = nowIso();
  return db.transaction('rw', [db.members, db.applications, db.audit], async () => {
    await admissionBlock(db, unit, on);
    const app: Application = { unit, step: 'materials', materials: {}, createdAt: at, updatedAt: at };
    if (confirmedWarnings.length) app.confirmedWarnings = confirmedWarnings;
    const id = (await db.applications.add(app)) as number;
    await writeAudit(db, {
      entity: 'applications',
      entityId: id,
      action: 'create',
      summary: `新建入会申请：${unit.name}`,
      after: { ...app, id },
    });
    return id;
  });
}

async function update(
  db: DeskDB,
  id: number,
  summary: string,
  change: (a: Application) => Application,
  extraTables: Table[] = [],
  after?: (a: Application, tx: { at: string }) => Promise<Application | void>,
): Promise<Application> {
  const at = nowIso();
  return db.transaction('rw', [db.applications, db.audit, ...extraTables], async () => {
    const before = await load(db, id);
    let next = { ...change(structuredClone(before)), updatedAt: at };
    const more = await after?.(next, { at });
    if (more) next = more;
    await db.applications.put(next);
    await writeAudit(db, {
      entity: 'applications',
      entityId: id,
      ...(next.memberId !== undefined ? { memberId: next.memberId } : {}),
      action: 'update',
      summary: `${next.unit.name}：${summary}`,
      before,
      after: next,
    });
    return next;
  });
}

/** Updates the unit's details while the application is open (same validation as the member form). */
export async function updateApplicationUnit(
  db: DeskDB,
  id: number,
  unit: MemberFields,
  confirmedWarnings: string[],
) {
  return update(db, id, '修改申请单位信息', (a) => {
    if (a.memberId !== undefined) throw new MemberWriteError('已批准入会，请在会员档案中修改');
    return { ...a, unit, confirmedWarnings };
  });
}

/** R-M3 (1): materials received; complete materials with a date move the application to review. */
export async function saveMaterials(
  db: DeskDB,
  id: number,
  materials: Application['materials'],
  receivedOn: string | undefined,
) {
  return update(db, id, '记录入会材料', (a) => {
    if (a.step !== 'materials') throw new MemberWriteError('材料已接收完毕');
    const next: Application = { ...a, materials };
    if (receivedOn) next.materialsReceivedOn = receivedOn;
    if (receivedMaterials(materials).length === 4 && receivedOn) next.step = 'review';
    return next;
  });
}

function gate(a: Application, step: 'review' | 'council' | 'notify' | 'certificate', on: string) {
  const g = stepGates(a)[step];
  if (!g.enabled) throw new MemberWriteError(g.reason ?? '该步骤已办理');
  const p = stepDateProblem(a, step, on);
  if (p) throw new MemberWriteError(p);
}

/** R-M3 (2): the secretariat's review opinion. */
export async function saveReview(db: DeskDB, id: number, opinion: string, on: string) {
  return update(db, id, `秘书处审查意见（${on}）`, (a) => {
    gate(a, 'review', on);
    return { ...a, reviewOpinion: opinion, reviewedOn: on, step: 'council' };
  });
}

export interface CouncilInput {
  decision: 'approved' | 'rejected';
  on: string;
  resolutionRef: string;
  motion?: { id: number; outcome: MotionOutcome } | undefined;
}

/**
 * R-M3 (3): the standing council's decision. Approval must point to a passed resolution (engine check);
 * it creates the member, or reactivates the former member with the same credit code, status 正式会员 and
 * approvedOn = the council date (R-D3, R-D4), with contact/tier history and audit — one transaction.
 */
export async function saveCouncil(db: DeskDB, id: number, input: CouncilInput) {
  return update(
    db,
    id,
    `常务理事会审议${input.decision === 'approved' ? '通过' : '未通过'}（${input.on}，${input.resolutionRef}）`,
    (a) => {
      gate(a, 'council', input.on);
      const council: NonNullable<Application['council']> = {
        decision: input.decision,
        on: input.on,
        resolutionRef: input.resolutionRef,
      };
      if (input.motion) council.motionId = input.motion.id;
      if (input.decision === 'rejected') return { ...a, council, step: 'done', outcome: 'rejected' };
      const check = checkTransition('reviewing', 'approved', {
        on: input.on,
        secretariatOpinionOn: a.reviewedOn ?? null,
        standingResolution: { outcome: input.motion?.outcome ?? 'adopted', decidedOn: input.on },
      });
      if (!check.allowed) throw new MemberWriteError(check.messages.join('；'));
      return { ...a, council, step: 'notify' };
    },
    [db.members, db.contactChanges, db.tierChanges],
    async (a) => {
      if (input.decision !== 'approved') return;
      const memberId = await admitMember(db, a, input.on);
      return { ...a, memberId };
    },
  );
}

/** R-M3 (3): the approved unit becomes a member — a new record, or the former member's own (R-M8, R-M9). */
async function admitMember(db: DeskDB, a: Application, on: string): Promise<number> {
  const unit = a.unit;
  const resolution = a.council?.resolutionRef ?? '';
  const former = await db.members.where('creditCode').equals(unit.creditCode).first();
  if (former) {
    if (!hasLeft(former.status))
      throw new MemberWriteError(`该单位已是会员（${MEMBER_STATUS_LABEL[former.status]}）`);
    const ban = rejoinBlockMessage(former, on);
    if (ban) throw new MemberWriteError(ban);
    return readmitMember(db, former, unit, {
      approvedOn: on,
      confirmedWarnings: a.confirmedWarnings,
      summary: `重新入会：常务理事会 ${on} 审议通过（${resolution}），原${MEMBER_STATUS_LABEL[former.status]}记录保留`,
    });
  }
  const sameName = await db.members.where('name').equals(unit.name).first();
  if (sameName && !hasLeft(sameName.status)) throw new MemberWriteError('已有同名会员单位，请核对');
  return createMember(db, unit, {
    approvedOn: on,
    confirmedWarnings: a.confirmedWarnings,
    summary: `入会：常务理事会 ${on} 审议通过（${resolution}）`,
  });
}

/** R-M3 (3): the secretariat notified the applicant. */
export async function saveNotified(db: DeskDB, id: number, on: string) {
  return update(db, id, `已通知办理入会手续（${on}）`, (a) => {
    gate(a, 'notify', on);
    return { ...a, notifiedOn: on, step: 'certificate' };
  });
}

/**
 * R-M3 (4): issues the member certificate with the next number of the year (unique index guards), and
 * enters it in the 发文 register as a 证书批次 of one with its own number (R-W1), in the same transaction.
 */
export async function issueCertificate(db: DeskDB, id: number, issuedOn: string): Promise<Certificate> {
  const { docNumberStyle } = await readCharterSettings(db);
  const before = await db.applications.get(id);
  if (before) gate(before, 'certificate', issuedOn); // checked before any number is taken from the server
  // With the office's server configured the numbers come from it (issue 19); offline: refused, nothing issued.
  const reserved = await reserveMemberCertificate(db, issuedOn);
  let cert: Certificate | null = null;
  await withReserved(db, reserved, () =>
    update(
      db,
      id,
      `发放会员证书（${issuedOn}）`,
      (a) => {
        gate(a, 'certificate', issuedOn);
        return a;
      },
      [db.certificates, db.documents],
      async (a) => {
        const issued = await issueMemberCertificate(
          db,
          { memberId: a.memberId as number, unitName: a.unit.name, issuedOn },
          reserved,
        );
        cert = issued;
        const certificateId = issued.id as number;
        await registerCertificateBatch(
          db,
          {
            kind: 'member',
            issuedOn,
            certificates: [{ certificateId, certificateNo: issued.certificateNo, unitName: a.unit.name }],
          },
          docNumberStyle,
          reserved?.docSeq,
        );
        return { ...a, certificateId, step: 'done', outcome: 'approved' };
      },
    ),
  );
  return cert as unknown as Certificate;
}
