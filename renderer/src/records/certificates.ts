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
import {
  certificateNoOf,
  docNumberYear,
  highestCertificateSeq,
  MEMBER_CERTIFICATE_DIGITS,
  MEMBER_CERTIFICATE_PREFIX,
  nextCertificateNo,
  nextProgrammeCertificateNo,
  PROGRAMME_CERTIFICATE_DIGITS,
  yearOf,
} from '../../../shared/charter';
import type { DeskDB } from '../db/schema';
import { addAudited, writeAudit } from '../db/audit';
import { certificateSequence } from '../sync/counter';
import { numberServerState, NumbersNeedServer, serverNumbers } from '../sync/numbers';
import { DocumentWriteError, recordUnusedNumbers, reserveDocNumbers } from './register';

/**
 * Numbers taken from the office's server before an issuing transaction (issue 19): the first certificate
 * sequence number (the others follow it) and the 证书批次's register number. Absent without a server.
 */
export interface ReservedNumbers {
  certificateSeq: number;
  docSeq: number;
  /** The numbers as text, for the audit entry if the issuing then fails. */
  text: string;
}

const KEPT = '证书未发放，未分配编号';

async function reserve(
  db: DeskDB,
  kind: 'member' | 'programme',
  prefix: string,
  year: number,
  count: number,
  issuedOn: IsoDate,
): Promise<ReservedNumbers | undefined> {
  const issued = (await db.certificates.where('kind').equals(kind).toArray()).map((c) => c.certificateNo);
  let certificateSeq: number | undefined;
  try {
    certificateSeq = await serverNumbers(
      certificateSequence(prefix, year),
      highestCertificateSeq(issued, prefix, year),
      count,
      '发放证书',
      KEPT,
    );
  } catch (e) {
    if (e instanceof NumbersNeedServer) throw new DocumentWriteError(e.message);
    throw e;
  }
  if (certificateSeq === undefined) return undefined;
  const digits = kind === 'member' ? MEMBER_CERTIFICATE_DIGITS : PROGRAMME_CERTIFICATE_DIGITS;
  const first = certificateNoOf(prefix, year, certificateSeq, digits);
  const last = certificateNoOf(prefix, year, certificateSeq + count - 1, digits);
  const text = count === 1 ? first : `${first} 至 ${last}`;
  let docSeq: number | undefined;
  try {
    docSeq = await reserveDocNumbers(db, docNumberYear(issuedOn), '发放证书', KEPT);
  } catch (e) {
    await recordUnusedNumbers(db, `证书编号 ${text}`, e);
    throw e;
  }
  return { certificateSeq, docSeq: docSeq!, text: `证书编号 ${text}、证书批次发文序号 ${docSeq}` };
}

/**
 * With the office's server configured: the member certificate's number and its 证书批次's register
 * number, taken before the issuing transaction (R-M3 (4), R-W1); undefined without a server. Throws
 * DocumentWriteError in Chinese when the server cannot be reached (nothing is issued).
 */
export function reserveMemberCertificate(
  db: DeskDB,
  issuedOn: IsoDate,
): Promise<ReservedNumbers | undefined> {
  return reserve(db, 'member', MEMBER_CERTIFICATE_PREFIX, yearOf(issuedOn), 1, issuedOn);
}

/** The same for `count` programme certificates of a programme (R-P3) and their 证书批次. */
export function reserveProgrammeCertificates(
  db: DeskDB,
  programme: Pick<Programme, 'certificatePrefix' | 'callYear'>,
  count: number,
  on: IsoDate,
): Promise<ReservedNumbers | undefined> {
  return reserve(db, 'programme', programme.certificatePrefix, programme.callYear, count, on);
}

/** With a server configured, numbers must have been taken from it first (never numbered locally then). */
function requireReserved(reserved: ReservedNumbers | undefined): void {
  if (!reserved && numberServerState().configured)
    throw new DocumentWriteError(`已设置多人协作服务器：证书编号须从服务器取得，请重试；${KEPT}。`);
}

/** Runs an issuing write with reserved numbers; if it fails, the numbers are recorded as unused. */
export async function withReserved<T>(
  db: DeskDB,
  reserved: ReservedNumbers | undefined,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (reserved) await recordUnusedNumbers(db, reserved.text, e);
    throw e;
  }
}

/** R-M3 (4): the member certificate with the next number of the year of `issuedOn`. */
export async function issueMemberCertificate(
  db: DeskDB,
  a: { memberId: number; unitName: string; issuedOn: IsoDate },
  reserved?: ReservedNumbers,
): Promise<Certificate> {
  const at = new Date().toISOString();
  requireReserved(reserved);
  return db.transaction('rw', [db.certificates, db.audit], async () => {
    const existing = (await db.certificates.where('kind').equals('member').toArray()).map(
      (c) => c.certificateNo,
    );
    const year = yearOf(a.issuedOn);
    const c: Certificate = {
      kind: 'member',
      certificateNo: reserved
        ? certificateNoOf(MEMBER_CERTIFICATE_PREFIX, year, reserved.certificateSeq, MEMBER_CERTIFICATE_DIGITS)
        : nextCertificateNo(existing, year),
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
  reserved?: ReservedNumbers,
): Promise<Certificate[]> {
  if (units.length) requireReserved(reserved);
  return db.transaction('rw', [db.certificates, db.audit], async () => {
    const issued = (await db.certificates.where('kind').equals('programme').toArray()).map(
      (c) => c.certificateNo,
    );
    const out: Certificate[] = [];
    for (const [i, u] of units.entries()) {
      const certificateNo = reserved
        ? certificateNoOf(
            programme.certificatePrefix,
            programme.callYear,
            reserved.certificateSeq + i,
            PROGRAMME_CERTIFICATE_DIGITS,
          )
        : nextProgrammeCertificateNo(issued, programme.certificatePrefix, programme.callYear);
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
      const id = await addAudited(db, db.certificates, c, {
        memberId: u.memberId,
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
