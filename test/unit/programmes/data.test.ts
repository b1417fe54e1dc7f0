import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../db/harness';
import {
  enrolMembers,
  issueCertificates,
  reviewEnrolment,
  saveProgramme,
  setReceipt,
  withdrawEnrolment,
  attachReceivedFile,
  type ProgrammeFields,
} from '../../../renderer/src/features/programmes/data';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { finalizeDocument, saveDraft } from '../../../renderer/src/records/register';
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

/** A programme called in 2022 with its deadline on 30 November (R-P1), named X unless given. */
function sunshine2022(db: DeskDB, fields: Partial<ProgrammeFields> = {}): Promise<number> {
  return saveProgramme(db, undefined, {
    name: 'X',
    description: '',
    callYear: 2022,
    deadline: '2022-11-30',
    certificatePrefix: 'X',
    ...fields,
  });
}

/** A fresh database where 甲公司 (active) is enrolled in the 2022 阳光行动 with `status` on 2022-10-01. */
async function oneEnrolment(status: 'applied' | 'invited') {
  const db = freshDb();
  const a = (await db.members.add(member('甲公司', 'active', '1'))) as number;
  const p = await sunshine2022(db);
  await enrolMembers(db, p, [a], status, '2022-10-01');
  const e = await db.enrolments.toCollection().first();
  return { db, p, e };
}

describe('编辑专项行动 writes what the clerk changed', () => {
  it('a field another workstation changed while the form was open keeps its value; a field cleared is removed', async () => {
    const db = freshDb();
    const p = await sunshine2022(db, { description: '原简介', callNoticeDocId: 7 });
    const opened = { ...(await db.programmes.get(p))! } as ProgrammeFields & {
      id?: number;
      createdAt?: string;
    };
    delete opened.id;
    delete opened.createdAt;
    await db.programmes.update(p, { description: '另一工作站改的简介' }); // as the replication writes it
    const { callNoticeDocId: _cleared, ...typed } = { ...opened, deadline: '2022-12-15' };
    await saveProgramme(db, p, typed, opened);
    const after = await db.programmes.get(p);
    expect(after).toMatchObject({ description: '另一工作站改的简介', deadline: '2022-12-15' });
    expect(after).not.toHaveProperty('callNoticeDocId');
  });
});

describe('专项行动 writes (R-P1..R-P3)', () => {
  it('enrols members only, tracks receipts, approves complete ones, numbers certificates, withdraws', async () => {
    const db = freshDb();
    const a = (await db.members.add(member('甲公司', 'active', '1'))) as number;
    const b = (await db.members.add(member('乙公司', 'active', '2'))) as number;
    const c = (await db.members.add(member('丙公司', 'expelled', '3'))) as number;
    const p = await sunshine2022(db, { name: '网络安全服务阳光行动', certificatePrefix: 'YGXD' });
    // R-P1: past the deadline nobody is invited or registered, and the refusal names the date.
    await expect(enrolMembers(db, p, [a], 'applied', '2022-12-01')).rejects.toThrow(
      '征集已于 2022 年 11 月 30 日截止，不能再邀请或登记申请',
    );
    expect(await db.enrolments.count()).toBe(0);
    const r = await enrolMembers(db, p, [a, b, c], 'invited', '2022-11-30');
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
    const { certificates: certs } = await issueCertificates(db, p, '2022-12-05');
    expect(certs.map((x) => x.certificateNo)).toEqual(['YGXD-2022-001']);
    expect(await issueCertificates(db, p, '2022-12-05')).toEqual({ certificates: [], docNumber: null });
    await withdrawEnrolment(db, ea?.id as number, '违反成员守则', '2023-03-01');
    const cert = await db.certificates.get(certs[0]?.id as number);
    expect(cert).toMatchObject({
      status: 'returned',
      returned: { on: '2023-03-01', reason: '违反成员守则' },
    });
    expect((await db.enrolments.get(ea?.id as number))?.status).toBe('withdrawn');
    expect(await db.audit.where('entity').equals('enrolments').count()).toBeGreaterThan(6);
  });

  it("R-W1: each batch of certificates is one 证书批次 entry in the 发文 register, numbered in the year's sequence", async () => {
    const db = freshDb();
    const ids = [
      (await db.members.add(member('甲公司', 'active', '1'))) as number,
      (await db.members.add(member('乙公司', 'active', '2'))) as number,
    ];
    const p = await sunshine2022(db, { name: '网络安全服务阳光行动', certificatePrefix: 'YGXD' });
    await enrolMembers(db, p, ids, 'applied', '2022-10-01');
    const notice = await saveDraft(db, undefined, {
      title: '征集通知',
      type: '通知',
      date: '2022-09-16',
      addressee: '各会员单位',
      body: '正文',
      attachments: [],
      issuer: '中国网络安全产业联盟秘书处',
    });
    expect(await finalizeDocument(db, notice, 'seed')).toBe('CCIA 秘[2022]001 号');
    for (const e of await db.enrolments.toArray()) {
      for (const key of ['formWord', 'formPdf', 'declarationPdf', 'paper'] as const)
        await setReceipt(db, e.id as number, key, '2022-10-09');
      await reviewEnrolment(db, e.id as number, 'approved', '2022-12-01');
    }
    const { certificates, docNumber } = await issueCertificates(db, p, '2022-12-05');
    expect(docNumber).toBe('CCIA 秘[2022]002 号');
    const entry = (await db.documents.toArray()).find((d) => d.docNumber === docNumber);
    expect(entry).toMatchObject({
      type: '证书批次',
      status: 'final',
      year: 2022,
      seq: 2,
      date: '2022-12-05',
      title: '颁发“网络安全服务阳光行动”成员单位证书（2 份）',
      addressee: '甲公司等 2 家单位',
      certificateBatch: {
        kind: 'programme',
        programmeName: '网络安全服务阳光行动',
        items: [
          { certificateId: certificates[0]?.id, certificateNo: 'YGXD-2022-001', unitName: '甲公司' },
          { certificateId: certificates[1]?.id, certificateNo: 'YGXD-2022-002', unitName: '乙公司' },
        ],
      },
    });
    expect(entry?.body.split('\n')).toEqual([
      '2022 年 12 月 5 日颁发“网络安全服务阳光行动”成员单位证书 2 份，证书编号及单位如下：',
      '1. YGXD-2022-001　甲公司',
      '2. YGXD-2022-002　乙公司',
    ]);
    expect(
      (await db.audit.where('entity').equals('documents').toArray()).some((a) =>
        a.summary.includes(`登记证书批次并分配发文字号 ${docNumber}`),
      ),
    ).toBe(true);
  });

  it('R-W1: when the register entry cannot be written, no certificate is issued either (one transaction)', async () => {
    const { db, p, e } = await oneEnrolment('applied');
    for (const key of ['formWord', 'formPdf', 'declarationPdf', 'paper'] as const)
      await setReceipt(db, e?.id as number, key, '2022-10-09');
    await reviewEnrolment(db, e?.id as number, 'approved', '2022-12-01');
    const add = vi.spyOn(db.documents, 'add').mockRejectedValueOnce(new Error('磁盘已满'));
    await expect(issueCertificates(db, p, '2022-12-05')).rejects.toThrow('磁盘已满');
    add.mockRestore();
    expect(await db.certificates.count()).toBe(0);
    expect((await db.enrolments.get(e?.id as number))?.certificateId).toBeUndefined();
    expect(await db.documents.count()).toBe(0);
  });

  it('stores a received file after checking it, and dates the receipt', async () => {
    const { db, e } = await oneEnrolment('invited');
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

  it('the same content received again for the same receipt is not stored twice (the earlier file named)', async () => {
    const { db, e } = await oneEnrolment('invited');
    const id = e?.id as number;
    const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4 ${text}`);
    expect(
      await attachReceivedFile(db, id, 'formPdf', { name: '申请表.pdf', bytes: pdf('a') }, '2022-10-02'),
    ).toEqual({});
    const audits = await db.audit.count();
    expect(
      await attachReceivedFile(
        db,
        id,
        'formPdf',
        { name: '申请表（重发）.pdf', bytes: pdf('a') },
        '2022-10-05',
      ),
    ).toEqual({ duplicateOf: { name: '申请表.pdf', receivedOn: '2022-10-02' } });
    expect(await db.audit.count()).toBe(audits);
    // Cleared since: the same file dates the receipt again, still stored once.
    await setReceipt(db, id, 'formPdf', undefined);
    await attachReceivedFile(db, id, 'formPdf', { name: '申请表.pdf', bytes: pdf('a') }, '2022-10-07');
    expect((await db.enrolments.get(id))?.receipts.formPdf).toBe('2022-10-07');
    // Other content, or the same content as another receipt, is stored.
    expect(
      await attachReceivedFile(db, id, 'formPdf', { name: '修改版.pdf', bytes: pdf('b') }, '2022-10-06'),
    ).toEqual({});
    expect(
      await attachReceivedFile(db, id, 'declarationPdf', { name: '宣言.pdf', bytes: pdf('a') }, '2022-10-06'),
    ).toEqual({});
    const files = await db.files.where('[ownerType+ownerId]').equals(['enrolment', id]).toArray();
    expect(files.map((f) => [f.kind, f.name])).toEqual([
      ['formPdf', '申请表.pdf'],
      ['formPdf', '修改版.pdf'],
      ['declarationPdf', '宣言.pdf'],
    ]);
  });
});
