import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import {
  enrolMembers,
  issueCertificates,
  reviewEnrolment,
  saveProgramme,
  setReceipt,
  withdrawEnrolment,
  attachReceivedFile,
} from '../../../renderer/src/features/programmes/data';
import type { Member } from '../../../shared/domain/records';

const person = { name: '张三', position: '总监', mobile: '13800000000', email: 'a@b.cn' };
function member(name: string, status: Member['status'], creditCode: string): Member {
  return {
    name,
    creditCode,
    region: '北京',
    nature: '企业',
    business: '安全',
    tier: 'member',
    representative: person,
    contact: person,
    postalAddress: '北京',
    status,
    searchText: name,
    createdAt: '',
    updatedAt: '',
  };
}

describe('专项行动 writes (R-P1..R-P3)', () => {
  it('enrols members only, tracks receipts, approves complete ones, numbers certificates, withdraws', async () => {
    const db = freshDb();
    const a = (await db.members.add(member('甲公司', 'active', '1'))) as number;
    const b = (await db.members.add(member('乙公司', 'active', '2'))) as number;
    const c = (await db.members.add(member('丙公司', 'expelled', '3'))) as number;
    const p = await saveProgramme(db, undefined, {
      name: '网络安全服务阳光行动',
      description: '',
      callYear: 2022,
      deadline: '2022-11-30',
      certificatePrefix: 'YGXD',
    });
    const r = await enrolMembers(db, p, [a, b, c], 'invited', '2022-10-01');
    expect(r.added).toBe(2);
    expect(r.refused).toEqual(['丙公司（已除名）：专项行动仅面向联盟会员单位']);
    const [ea, eb] = await db.enrolments.orderBy('id').toArray();
    for (const key of ['formWord', 'formPdf', 'declarationPdf', 'paper'] as const)
      await setReceipt(db, ea?.id as number, key, '2022-10-09');
    expect((await db.enrolments.get(ea?.id as number))?.status).toBe('applied');
    await expect(reviewEnrolment(db, eb?.id as number, 'approved', '2022-10-10')).rejects.toThrow('尚未收到');
    await expect(reviewEnrolment(db, eb?.id as number, 'returned', '2022-10-10')).rejects.toThrow('原因');
    await reviewEnrolment(db, eb?.id as number, 'returned', '2022-10-10', '缺盖章');
    await reviewEnrolment(db, ea?.id as number, 'approved', '2022-12-01');
    const certs = await issueCertificates(db, p, '2022-12-05');
    expect(certs.map((x) => x.certificateNo)).toEqual(['YGXD-2022-001']);
    expect(await issueCertificates(db, p, '2022-12-05')).toEqual([]);
    await withdrawEnrolment(db, ea?.id as number, '违反成员守则', '2023-03-01');
    const cert = await db.certificates.get(certs[0]?.id as number);
    expect(cert).toMatchObject({
      status: 'returned',
      returned: { on: '2023-03-01', reason: '违反成员守则' },
    });
    expect((await db.enrolments.get(ea?.id as number))?.status).toBe('withdrawn');
    expect(await db.audit.where('entity').equals('enrolments').count()).toBeGreaterThan(6);
  });

  it('stores a received file after checking it, and dates the receipt', async () => {
    const db = freshDb();
    const a = (await db.members.add(member('甲公司', 'active', '1'))) as number;
    const p = await saveProgramme(db, undefined, {
      name: 'X',
      description: '',
      callYear: 2022,
      deadline: '2022-11-30',
      certificatePrefix: 'X',
    });
    await enrolMembers(db, p, [a], 'invited', '2022-10-01');
    const e = await db.enrolments.toCollection().first();
    await expect(
      attachReceivedFile(
        db,
        e?.id as number,
        'formPdf',
        { name: 'x.pdf', bytes: new Uint8Array([1, 2, 3, 4, 5]) },
        '2022-10-02',
      ),
    ).rejects.toThrow('扩展名与内容不符');
    await attachReceivedFile(
      db,
      e?.id as number,
      'formPdf',
      { name: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.4 x') },
      '2022-10-02',
    );
    expect((await db.enrolments.get(e?.id as number))?.receipts.formPdf).toBe('2022-10-02');
    const files = await db.files
      .where('[ownerType+ownerId]')
      .equals(['enrolment', e?.id as number])
      .toArray();
    expect(files).toHaveLength(1);
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
