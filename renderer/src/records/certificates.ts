/**
 * The certificates table's one owner: member certificates issued at admission (R-M3 (4)), programme-member
 * certificates issued after review (R-P3), and their return (退会, 自动退会, 除名, a withdrawn programme
 * membership). Numbers come from the engine (shared/charter/certificates.ts); the unique index on the number
 * guards a race. Each function joins the caller's transaction (which must include certificates and audit) —
 * issuing also enters a 证书批次 in the register there (records/register.ts). Never deleted: a returned
 * certificate keeps its number.
 */
import type { Certificate, Programme } from '../../../shared/domain/records';
import type { IsoDate } from '../../../shared/domain/types';
import { nextCertificateNo, nextProgrammeCertificateNo, yearOf } from '../../../shared/charter';
import type { DeskDB } from '../db/schema';
import { writeAudit } from '../db/audit';

/** R-M3 (4): the member certificate with the next number of the year of `issuedOn`. */
export async function issueMemberCertificate(
  db: DeskDB,
  a: { memberId: number; unitName: string; issuedOn: IsoDate },
): Promise<Certificate> {
  const at = new Date().toISOString();
  return db.transaction('rw', [db.certificates, db.audit], async () => {
    const existing = (await db.certificates.where('kind').equals('member').toArray()).map(
      (c) => c.certificateNo,
    );
    const c: Certificate = {
      kind: 'member',
      certificateNo: nextCertificateNo(existing, yearOf(a.issuedOn)),
      memberId: a.memberId,
      issuedOn: a.issuedOn,
      status: 'valid',
      createdAt: at,
    };
    const id = (await db.certificates.add(c)) as number;
    const cert = { ...c, id };
    await writeAudit(db, {
      entity: 'certificates',
      entityId: id,
      memberId: a.memberId,
      action: 'docnumber',
      summary: `发放会员证书 ${c.certificateNo}：${a.unitName}`,
      after: cert,
    });
    return cert;
  });
}

/** R-P3: 成员单位证书 for each unit, numbered in order with the programme's prefix and call year. */
export async function issueProgrammeCertificates(
  db: DeskDB,
  programme: Pick<Programme, 'id' | 'name' | 'certificatePrefix' | 'callYear'>,
  units: readonly { memberId: number; unitName: string }[],
  on: IsoDate,
): Promise<Certificate[]> {
  return db.transaction('rw', [db.certificates, db.audit], async () => {
    const issued = (await db.certificates.where('kind').equals('programme').toArray()).map(
      (c) => c.certificateNo,
    );
    const out: Certificate[] = [];
    for (const u of units) {
      const certificateNo = nextProgrammeCertificateNo(
        issued,
        programme.certificatePrefix,
        programme.callYear,
      );
      issued.push(certificateNo);
      const c: Certificate = {
        kind: 'programme',
        certificateNo,
        memberId: u.memberId,
        programmeId: programme.id as number,
        issuedOn: on,
        status: 'valid',
        createdAt: new Date().toISOString(),
      };
      const id = (await db.certificates.add(c)) as number;
      await writeAudit(db, {
        entity: 'certificates',
        entityId: id,
        memberId: u.memberId,
        action: 'create',
        summary: `颁发${programme.name}成员单位证书 ${certificateNo}：${u.unitName}`,
        after: { certificateNo, issuedOn: on },
      });
      out.push({ ...c, id });
    }
    return out;
  });
}

/** R-P3: a programme certificate marked returned (the membership was withdrawn); nothing when not valid. */
export async function returnProgrammeCertificate(
  db: DeskDB,
  certificateId: number,
  on: IsoDate,
  reason: string,
): Promise<void> {
  await db.transaction('rw', [db.certificates, db.audit], async () => {
    const c = await db.certificates.get(certificateId);
    if (!c || c.status !== 'valid') return;
    await db.certificates.update(certificateId, { status: 'returned', returned: { on, reason } });
    await writeAudit(db, {
      entity: 'certificates',
      entityId: certificateId,
      memberId: c.memberId,
      action: 'status',
      summary: `成员单位证书 ${c.certificateNo} 标记为已退回（${reason}）`,
      before: { status: 'valid' },
      after: { status: 'returned' },
    });
  });
}

/** R-M6, R-M7, R-M9: the unit's valid member certificates are marked returned when it leaves. */
export async function returnMemberCertificates(
  db: DeskDB,
  memberId: number,
  on: IsoDate,
  reason: string,
): Promise<void> {
  await db.transaction('rw', [db.certificates, db.audit], async () => {
    const certs = await db.certificates.where('memberId').equals(memberId).toArray();
    for (const c of certs) {
      if (c.status !== 'valid' || c.kind === 'programme') continue;
      const after: Certificate = { ...c, status: 'returned', returned: { on, reason } };
      await db.certificates.put(after);
      await writeAudit(db, {
        entity: 'certificates',
        entityId: c.id as number,
        memberId,
        action: 'status',
        summary: `证书 ${c.certificateNo} 交回`,
        before: c,
        after,
      });
    }
  });
}
