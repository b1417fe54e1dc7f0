import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import {
  changeContact,
  changeTier,
  confirmAutoWithdrawal,
  confirmWithdrawal,
  expelMember,
  markWithdrawalReported,
  registerWithdrawal,
  saveMember,
} from '../../../renderer/src/records/members';
import {
  createApplication,
  issueCertificate,
  RejoinBanned,
  saveCouncil,
  saveMaterials,
  saveNotified,
  saveReview,
} from '../../../renderer/src/features/applications/data';
import { code, fields } from './fixtures';

const ALL = { application: true, introduction: true, licence: true, report: true };

describe('member writes (transactional, audited)', () => {
  it('saveMember adds the member, initial contacts (R-M5), tier (R-D5) and audit in one go; refuses duplicates', async () => {
    const db = freshDb();
    const id = await saveMember(db, fields(), { approvedOn: '2024-05-06', confirmedWarnings: ['w'] });
    const m = await db.members.get(id);
    expect(m?.status).toBe('active');
    expect(m?.approvedOn).toBe('2024-05-06');
    expect(m?.confirmedWarnings).toEqual(['w']);
    expect(m?.searchText).toContain('szsl');
    expect(
      (await db.contactChanges.where('memberId').equals(id).toArray()).map((c) => [c.role, c.noticeOn]),
    ).toEqual([
      ['representative', '2024-05-06'],
      ['contact', '2024-05-06'],
    ]);
    expect(await db.tierChanges.where('memberId').equals(id).count()).toBe(1);
    const audit = await db.audit.where('memberId').equals(id).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    await expect(saveMember(db, fields({ name: '另一家' }), { approvedOn: '2024-05-06' })).rejects.toThrow(
      '该统一社会信用代码已登记为会员',
    );
    await expect(
      saveMember(db, fields({ creditCode: code('91110108MA01ABCDE') }), { approvedOn: '2024-05-06' }),
    ).rejects.toThrow('已有同名会员单位');
    expect(await db.members.count()).toBe(1);
  });

  it('R-M5 contact change updates searchText and history; R-D5 tier change is recorded with its date', async () => {
    const db = freshDb();
    const id = await saveMember(db, fields(), { approvedOn: '2024-05-06' });
    await changeContact(
      db,
      id,
      'contact',
      { name: '王芳', position: '', mobile: '13700137000', email: '' },
      '2025-01-10',
    );
    const m = await db.members.get(id);
    expect(m?.contact.name).toBe('王芳');
    expect(m?.searchText).toContain('wf');
    expect(await db.contactChanges.where('[memberId+role]').equals([id, 'contact']).count()).toBe(2);
    await changeTier(db, id, 'director', '2025-06-01', '理事会选举');
    expect((await db.members.get(id))?.tier).toBe('director');
    expect((await db.tierChanges.where('memberId').equals(id).toArray()).at(-1)?.effectiveFrom).toBe(
      '2025-06-01',
    );
    const audit = await db.audit.where('memberId').equals(id).toArray();
    expect(audit.at(-1)?.changes).toEqual([{ field: 'tier', before: 'member', after: 'director' }]);
  });

  it('R-M6 withdrawal: effective 30 days after the notice, report deadline, then withdrawn with the certificate returned', async () => {
    const db = freshDb();
    const id = await saveMember(db, fields(), { approvedOn: '2020-05-06' });
    await db.certificates.add({
      kind: 'member',
      certificateNo: 'CCIA-HY-2020-0001',
      memberId: id,
      issuedOn: '2020-05-10',
      status: 'valid',
      createdAt: '',
    });
    await registerWithdrawal(db, id, '2026-03-02');
    let m = await db.members.get(id);
    expect(m?.status).toBe('withdrawing');
    expect(m?.withdrawal).toEqual({
      noticeReceivedOn: '2026-03-02',
      effectiveOn: '2026-04-01',
      reportDueBy: '2026-03-09',
    });
    // Not before the standing council was informed and the 30 days elapsed.
    await expect(confirmWithdrawal(db, id, '2026-04-02')).rejects.toThrow('尚未向常务理事会通报');
    await markWithdrawalReported(db, id, '2026-03-05');
    await expect(confirmWithdrawal(db, id, '2026-03-20')).rejects.toThrow('2026-04-01 起生效');
    await confirmWithdrawal(db, id, '2026-04-01');
    m = await db.members.get(id);
    expect(m?.status).toBe('withdrawn');
    expect(m?.left).toMatchObject({ on: '2026-04-01', how: 'withdrawn' });
    expect((await db.certificates.where('memberId').equals(id).first())?.status).toBe('returned');
    // R-M10: nothing deleted.
    expect(await db.members.count()).toBe(1);
    expect(await db.contactChanges.where('memberId').equals(id).count()).toBe(2);
  });

  it('R-M7 automatic withdrawal needs a reason; R-M9 expulsion needs a dated resolution', async () => {
    const db = freshDb();
    const a = await saveMember(db, fields(), { approvedOn: '2020-05-06' });
    const b = await saveMember(db, fields({ name: '乙', creditCode: code('91110108MA01ABCDE') }), {
      approvedOn: '2020-05-06',
    });
    await expect(confirmAutoWithdrawal(db, a, '2026-03-01', ' ')).rejects.toThrow('须写明自动退会的理由');
    await confirmAutoWithdrawal(db, a, '2026-03-01', '2026 年会费逾期未交');
    expect((await db.members.get(a))?.status).toBe('auto-withdrawn');
    await expelMember(db, b, {
      on: '2026-03-10',
      reason: '严重违反章程',
      verifiedOn: '2026-03-01',
      resolutionRef: '常务理事会决议 2026-01',
      resolutionOn: '2026-03-08',
    });
    const eb = await db.members.get(b);
    expect(eb?.status).toBe('expelled');
    expect(eb?.left?.resolutionRef).toBe('常务理事会决议 2026-01（2026-03-08）');
    // Already left: no further transition.
    await expect(registerWithdrawal(db, b, '2026-04-01')).rejects.toThrow('不能从');
  });
});

describe('admission (R-M3) end to end on the data layer', () => {
  it('takes an application through the four steps and creates the member on the council date', async () => {
    const db = freshDb();
    const id = await createApplication(db, fields(), [], '2026-03-01');
    await saveMaterials(db, id, { application: true }, '2026-03-02');
    await expect(saveReview(db, id, '同意', '2026-03-03')).rejects.toThrow('材料不齐，不能审查');
    await saveMaterials(db, id, ALL, '2026-03-02');
    await saveReview(db, id, '同意', '2026-03-03');
    await saveCouncil(db, id, {
      decision: 'approved',
      on: '2026-07-15',
      resolutionRef: '2026 年第二次常务理事会决议',
    });
    const app = await db.applications.get(id);
    const m = await db.members.get(app!.memberId!);
    expect(m).toMatchObject({ status: 'active', approvedOn: '2026-07-15', name: fields().name });
    expect(await db.tierChanges.where('memberId').equals(m!.id!).count()).toBe(1);
    await saveNotified(db, id, '2026-07-16');
    const c1 = await issueCertificate(db, id, '2026-07-20');
    expect(c1.certificateNo).toBe('CCIA-HY-2026-0001');
    // R-W1: the certificate is entered in the 发文 register as a 证书批次 of one, with its own number.
    expect(await db.documents.toArray()).toMatchObject([
      {
        type: '证书批次',
        status: 'final',
        docNumber: 'CCIA 秘[2026]001 号',
        date: '2026-07-20',
        addressee: fields().name,
        certificateBatch: {
          kind: 'member',
          items: [{ certificateId: c1.id, certificateNo: 'CCIA-HY-2026-0001', unitName: fields().name }],
        },
      },
    ]);
    expect((await db.applications.get(id))?.step).toBe('done');
    const entries = await db.audit.toArray();
    expect(entries.filter((e) => e.entity === 'applications')).toHaveLength(7); // create, materials ×2, review, council, notify, certificate
    expect(entries.some((e) => e.entity === 'certificates' && e.summary.includes('CCIA-HY-2026-0001'))).toBe(
      true,
    );
  });

  it('R-M8: a former member within its ban is stopped; after it, approval reactivates the same record', async () => {
    const db = freshDb();
    const mid = await saveMember(db, fields(), { approvedOn: '2020-05-06' });
    await db.members.update(mid, {
      status: 'withdrawn',
      left: { on: '2026-03-01', how: 'withdrawn', reason: 'x' },
    });
    const err = await createApplication(db, fields(), [], '2026-09-01').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RejoinBanned);
    expect((err as Error).message).toBe(
      '该单位于 2026-03-01 退会，2027-03-01 起方可重新申请入会（章程第十二条）',
    );
    const id = await createApplication(db, fields(), [], '2027-03-01');
    await saveMaterials(db, id, ALL, '2027-03-02');
    await saveReview(db, id, '同意', '2027-03-03');
    await saveCouncil(db, id, { decision: 'approved', on: '2027-03-20', resolutionRef: 'R' });
    expect(await db.members.count()).toBe(1);
    const m = await db.members.get(mid);
    expect(m).toMatchObject({ status: 'active', approvedOn: '2027-03-20' });
    expect(m?.left).toBeUndefined();
    // A current member cannot apply.
    await expect(createApplication(db, fields(), [], '2027-04-01')).rejects.toThrow('该单位已是会员');
  });
});
