/**
 * Migration v2 → v3 (issue 19): every record's id moves into this workstation's range with every reference
 * to it; the new ids of later records come from the id middleware; a collision at registration moves this
 * workstation's records to another range and leaves the other workstations' records alone.
 */
import { describe, expect, it } from 'vitest';
import { freshDb, upgradeFrom } from './harness';
import { rekeyWorkstation, SCHEMA_VERSION, type DeskDB } from '../../../renderer/src/db/schema';
import { setWorkstationNumber, workstationNumber } from '../../../renderer/src/db/ids';
import { generateDemo } from '../../../shared/demo/generate';
import { ID_RANGE, legacyIdsTo, makeId } from '../../../shared/data/ids';
import { danglingReferences, RECORD_TABLES, type RecordTable } from '../../../shared/data/references';

const N = 5;
const at = '2026-11-21T08:00:00.000Z';
const id = (legacy: number) => N * ID_RANGE + legacy;

/** Rows for every record table (a demo of 30 members and hand-made rows for the rest), at version 2. */
function fixtures() {
  const ds = generateDemo({ members: 30, asOf: '2026-11-21' });
  const [m1, m2, m3] = ds.members as [(typeof ds.members)[0], (typeof ds.members)[0], (typeof ds.members)[0]];
  const members = ds.members.map((m) =>
    m.id === m3.id
      ? {
          ...m,
          importBatchId: 1,
          left: {
            on: '2026-06-01',
            how: 'expelled' as const,
            reason: '违反章程',
            motionId: ds.motions[0]!.id,
          },
        }
      : m,
  );
  const motion = ds.motions[0]!;
  const agendaItem = ds.agendaItems[0]!;
  const activity = ds.activities[0]!;
  const unit = { ...m1, id: undefined };
  delete unit.id;
  return {
    ds,
    m1,
    m2,
    m3,
    rows: {
      ...ds,
      members,
      motions: ds.motions.map((x) =>
        x.id === motion.id ? { ...x, subject: { kind: 'expulsion' as const, refId: m3.id } } : x,
      ),
      imports: [{ id: 1, at, fileName: '名册.xlsx', count: 1 }],
      applications: [
        {
          id: 1,
          unit: { ...unit, representative: m1.representative, contact: m1.contact },
          memberId: m1.id,
          step: 'done',
          outcome: 'approved',
          materials: { application: true },
          council: {
            decision: 'approved',
            on: '2026-03-01',
            resolutionRef: '常务理事会决议',
            motionId: motion.id,
          },
          certificateId: 1,
          createdAt: at,
          updatedAt: at,
        },
      ],
      duesOverrides: [{ id: 1, memberId: m2.id, year: 2026, amount: 3000, reason: '减免', recordedAt: at }],
      minuteVersions: [{ id: 1, agendaItemId: agendaItem.id, text: '旧稿', savedAt: at }],
      ballots: [{ id: 1, motionId: motion.id, memberId: m2.id, choice: 'for', recordedAt: at }],
      programmes: [
        {
          id: 1,
          name: '阳光行动',
          description: '',
          callNoticeDocId: 2,
          callYear: 2026,
          deadline: '2026-12-31',
          certificatePrefix: 'YG',
          createdAt: at,
        },
      ],
      enrolments: [
        {
          id: 1,
          programmeId: 1,
          memberId: m2.id,
          status: 'approved',
          receipts: {},
          certificateId: 2,
          createdAt: at,
          updatedAt: at,
        },
      ],
      certificates: [
        {
          id: 1,
          kind: 'member',
          certificateNo: 'CCIA-HY-2026-0001',
          memberId: m1.id,
          issuedOn: '2026-03-02',
          status: 'valid',
          createdAt: at,
        },
        {
          id: 2,
          kind: 'programme',
          certificateNo: 'YG-2026-001',
          memberId: m2.id,
          programmeId: 1,
          issuedOn: '2026-05-02',
          status: 'valid',
          createdAt: at,
        },
      ],
      documents: [
        {
          id: 1,
          year: 2026,
          seq: 1,
          docNumber: 'CCIA 秘[2026]001 号',
          title: '证书批次',
          type: '证书批次',
          date: '2026-03-02',
          addressee: '',
          body: '',
          attachments: [],
          issuer: '中国网络安全产业联盟',
          status: 'final',
          certificateBatch: {
            kind: 'member',
            items: [{ certificateId: 1, certificateNo: 'CCIA-HY-2026-0001', unitName: m1.name }],
          },
          createdAt: at,
          updatedAt: at,
        },
        {
          id: 2,
          year: 2026,
          title: '征集通知',
          type: '通知',
          date: '2026-04-01',
          addressee: '各会员单位',
          body: '正文',
          attachments: [],
          issuer: '中国网络安全产业联盟',
          status: 'draft',
          createdAt: at,
          updatedAt: at,
        },
      ],
      files: [
        {
          id: 1,
          ownerType: 'enrolment',
          ownerId: 1,
          kind: 'formPdf',
          name: '申请表.pdf',
          mime: 'application/pdf',
          size: 3,
          sha256: 'ab',
          data: new Uint8Array([1, 2, 3]),
          receivedOn: '2026-05-01',
          createdAt: at,
        },
        {
          id: 2,
          ownerType: 'document',
          ownerId: 2,
          kind: 'paper',
          name: '通知.docx',
          mime: 'application/octet-stream',
          size: 3,
          sha256: 'cd',
          data: new Uint8Array([4, 5, 6]),
          receivedOn: '2026-04-01',
          createdAt: at,
        },
      ],
      settings: [{ key: 'charter', value: { docNumberStyle: 'seed', standingQuorum: 2 } }],
      audit: [
        {
          id: 1,
          at,
          entity: 'members',
          entityId: m3.id,
          memberId: m3.id,
          action: 'status',
          summary: '除名',
          changes: [
            {
              field: 'left',
              before: null,
              after: { on: '2026-06-01', how: 'expelled', motionId: motion.id },
            },
            { field: 'tier', before: 'member', after: 'director' },
          ],
        },
        {
          id: 2,
          at,
          entity: 'imports',
          entityId: 1,
          action: 'undo',
          summary: '撤销导入',
          changes: [
            { field: 'members', before: [{ ...m3, importBatchId: 1 }], after: null },
            {
              field: 'contactChanges',
              before: [{ id: 9, memberId: m3.id, role: 'contact' }],
              after: null,
            },
          ],
        },
        {
          id: 3,
          at,
          entity: 'activities',
          entityId: activity.id,
          action: 'update',
          summary: '活动更正',
          changes: [{ field: 'participants', before: [m1.id], after: [m1.id, m2.id] }],
        },
        {
          id: 4,
          at,
          entity: 'documents',
          entityId: 1,
          action: 'docnumber',
          summary: '证书批次',
          changes: [
            {
              field: 'certificateBatch',
              before: null,
              after: { kind: 'member', items: [{ certificateId: 1, certificateNo: 'CCIA-HY-2026-0001' }] },
            },
          ],
        },
        {
          id: 5,
          at,
          entity: 'payments',
          entityId: 1,
          memberId: m1.id,
          action: 'update',
          summary: '改金额',
          changes: [
            { field: 'amount', before: 5000, after: 6000 },
            { field: 'year', before: 2025, after: 2026 },
          ],
        },
        {
          id: 6,
          at,
          entity: 'settings',
          action: 'update',
          summary: '修改章程参数',
          changes: [{ field: 'standingQuorum', before: 1, after: 2 }],
        },
        { id: 7, at, entity: 'database', action: 'restore', summary: '从备份恢复' },
        {
          id: 8,
          at,
          entity: 'meetings',
          entityId: ds.meetings[0]!.id,
          action: 'update',
          summary: '起草会议通知',
          changes: [{ field: 'noticeDocId', before: null, after: 2 }],
        },
      ],
    } as Record<string, object[]>,
  };
}

async function allRows(db: DeskDB): Promise<Record<string, object[]>> {
  const out: Record<string, object[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** Every dangling reference of a whole database, as `table.path→id`. */
function dangling(rows: Record<string, object[]>, map: (id: number) => number = (x) => x): string[] {
  const ids = new Map<string, Set<number>>();
  for (const t of RECORD_TABLES) ids.set(t, new Set((rows[t] ?? []).map((r) => (r as { id: number }).id)));
  const out: string[] = [];
  for (const t of RECORD_TABLES)
    for (const r of rows[t] ?? [])
      for (const d of danglingReferences(t as RecordTable, r, (to, v) => ids.get(to)!.has(v)))
        out.push(`${t}.${d.path}→${map(d.id)}`);
  return out.sort();
}

describe('migration v2 → v3: ids that cannot collide (issue 19)', () => {
  it('re-keys every row of every record table and every reference into this workstation’s range', async () => {
    setWorkstationNumber(N);
    const { ds, m1, m2, m3, rows } = fixtures();
    const before = dangling(rows, legacyIdsTo(N));
    const { db } = await upgradeFrom(2, rows);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const after = await allRows(db);
    // Same number of rows everywhere; every id now in range 5.
    for (const t of RECORD_TABLES) {
      expect(after[t]!.length, t).toBe(rows[t]?.length ?? 0);
      for (const r of after[t]!) expect(Math.floor((r as { id: number }).id / ID_RANGE), t).toBe(N);
    }
    // The same references resolve (and the same few dangle: the demo's rows point at tables it has no rows of).
    expect(dangling(after)).toEqual(before);

    const member = await db.members.get(id(m3.id!));
    expect(member?.name).toBe(m3.name);
    expect(member?.importBatchId).toBe(id(1));
    expect(member?.left?.motionId).toBe(id(ds.motions[0]!.id!));
    expect(await db.members.where('creditCode').equals(m1.creditCode).first()).toMatchObject({
      id: id(m1.id!),
    });

    const meeting = (await db.meetings.get(id(ds.meetings[0]!.id!)))!;
    expect(meeting.entitled.map((e) => e.memberId)).toEqual(
      ds.meetings[0]!.entitled.map((e) => (e.memberId === 0 ? 0 : id(e.memberId))),
    );
    // The secretary-general (memberId 0) stays 0 on the standing council's lists and attendance.
    const sg = after.meetings!.flatMap((m) => (m as typeof meeting).entitled).filter((e) => e.observer);
    expect(sg.length).toBeGreaterThan(0);
    expect(sg.every((e) => e.memberId === 0)).toBe(true);
    const attendance = await db.attendance.where('meetingId').equals(meeting.id!).toArray();
    expect(attendance).toHaveLength(ds.attendance.filter((a) => a.meetingId === ds.meetings[0]!.id).length);
    expect(
      await db.attendance
        .where('[meetingId+memberId]')
        .equals([meeting.id!, meeting.entitled[0]!.memberId])
        .count(),
    ).toBe(1);

    const application = (await db.applications.get(id(1)))!;
    expect(application).toMatchObject({
      memberId: id(m1.id!),
      certificateId: id(1),
      council: { motionId: id(ds.motions[0]!.id!) },
    });
    expect((await db.motions.get(id(ds.motions[0]!.id!)))?.subject).toEqual({
      kind: 'expulsion',
      refId: id(m3.id!),
    });
    expect(await db.enrolments.get(id(1))).toMatchObject({
      programmeId: id(1),
      memberId: id(m2.id!),
      certificateId: id(2),
    });
    expect(await db.programmes.get(id(1))).toMatchObject({ callNoticeDocId: id(2) });
    expect(await db.certificates.get(id(2))).toMatchObject({ memberId: id(m2.id!), programmeId: id(1) });
    expect((await db.documents.get(id(1)))?.certificateBatch?.items[0]?.certificateId).toBe(id(1));
    expect((await db.files.toArray()).map((f) => [f.ownerType, f.ownerId])).toEqual([
      ['enrolment', id(1)],
      ['document', id(2)],
    ]);
    expect(
      await db.files
        .where('[ownerType+ownerId]')
        .equals(['document', id(2)])
        .count(),
    ).toBe(1);
    expect(await db.minuteVersions.get(id(1))).toMatchObject({ agendaItemId: id(ds.agendaItems[0]!.id!) });
    expect(await db.ballots.get(id(1))).toMatchObject({
      motionId: id(ds.motions[0]!.id!),
      memberId: id(m2.id!),
    });
    expect(await db.duesOverrides.get(id(1))).toMatchObject({
      memberId: id(m2.id!),
      year: 2026,
      amount: 3000,
    });
    expect(await db.payments.where('memberId').equals(id(ds.payments[0]!.memberId)).count()).toBe(
      ds.payments.filter((p) => p.memberId === ds.payments[0]!.memberId).length,
    );

    // The audit trail: ids, entity ids, member ids and the ids inside its recorded changes.
    const audit = new Map((await db.audit.toArray()).map((e) => [e.summary, e]));
    expect(audit.get('除名')).toMatchObject({ id: id(1), entityId: id(m3.id!), memberId: id(m3.id!) });
    expect(audit.get('除名')!.changes).toEqual([
      {
        field: 'left',
        before: null,
        after: { on: '2026-06-01', how: 'expelled', motionId: id(ds.motions[0]!.id!) },
      },
      { field: 'tier', before: 'member', after: 'director' },
    ]);
    const undo = audit.get('撤销导入')!;
    expect(undo.entityId).toBe(id(1));
    expect(undo.changes![0]!.before).toEqual([{ ...m3, id: id(m3.id!), importBatchId: id(1) }]);
    expect(undo.changes![1]!.before).toEqual([{ id: id(9), memberId: id(m3.id!), role: 'contact' }]);
    expect(audit.get('活动更正')!.changes![0]).toEqual({
      field: 'participants',
      before: [id(m1.id!)],
      after: [id(m1.id!), id(m2.id!)],
    });
    expect(
      (audit.get('证书批次')!.changes![0]!.after as { items: { certificateId: number }[] }).items,
    ).toEqual([{ certificateId: id(1), certificateNo: 'CCIA-HY-2026-0001' }]);
    expect(audit.get('起草会议通知')!.changes).toEqual([
      { field: 'noticeDocId', before: null, after: id(2) },
    ]);
    // Numbers that are not ids stay: amounts, years, charter readings.
    expect(audit.get('改金额')!.changes).toEqual([
      { field: 'amount', before: 5000, after: 6000 },
      { field: 'year', before: 2025, after: 2026 },
    ]);
    expect(audit.get('修改章程参数')!.changes).toEqual([{ field: 'standingQuorum', before: 1, after: 2 }]);
    expect(audit.get('从备份恢复')).toMatchObject({ id: id(7), entity: 'database' });
    expect(audit.get('从备份恢复')!.entityId).toBeUndefined();
    // Settings keep their keys and values.
    expect(await db.settings.toArray()).toEqual(rows.settings);

    // New records continue in the range, after the highest id there; never IndexedDB's key generator.
    const newId = await db.members.add({
      ...m1,
      id: undefined,
      name: '新单位',
      creditCode: '91110000NEW0000001',
    });
    expect(newId).toBe(id(30 + 1));
    expect(await db.imports.add({ at, fileName: 'x.xlsx', count: 0 })).toBe(id(2));
    db.close();
  });
});

describe('re-key after a collision at registration (issue 19)', () => {
  it('moves this workstation’s records and the references to them; other workstations’ records stay', async () => {
    setWorkstationNumber(7);
    const db = freshDb();
    const ds = generateDemo({ members: 3, asOf: '2026-11-21' });
    const [a, b] = ds.members as [(typeof ds.members)[0], (typeof ds.members)[0]];
    const ours = (await db.members.add({ ...a, id: undefined })) as number;
    // A member replicated from workstation 11, and a payment of workstation 11 for our member.
    const theirs = makeId(11, 1);
    await db.members.add({ ...b, id: theirs });
    const theirPayment = makeId(11, 2);
    const payment = {
      memberId: ours,
      year: 2026,
      paidOn: '2026-02-01',
      amount: 5000,
      method: '银行转账',
      receiptNo: 'R1',
      recordedAt: at,
    };
    await db.payments.add({ ...payment, id: theirPayment });
    const ourPayment = (await db.payments.add({ ...payment, memberId: theirs, receiptNo: 'R2' })) as number;
    expect(ours).toBe(makeId(7, 1));
    expect(ourPayment).toBe(makeId(7, 1));

    setWorkstationNumber(9);
    const changed = await rekeyWorkstation(
      db,
      7,
      9,
      (n) => `工作站编号 7 已被占用，改用 9（${n} 条记录重新编号）`,
    );
    expect(changed).toBe(3); // our member, our payment, their payment (its memberId)
    expect((await db.members.toArray()).map((m) => m.id).sort()).toEqual([makeId(9, 1), theirs].sort());
    expect(await db.payments.get(theirPayment)).toMatchObject({ memberId: makeId(9, 1) });
    expect(await db.payments.get(makeId(9, 1))).toMatchObject({ memberId: theirs, receiptNo: 'R2' });
    expect(await db.payments.get(ourPayment)).toBeUndefined();
    const entry = (await db.audit.toArray()).at(-1)!;
    expect(entry.summary).toBe('工作站编号 7 已被占用，改用 9（3 条记录重新编号）');
    expect(Math.floor(entry.id! / ID_RANGE)).toBe(9);
    // The next record continues in the new range.
    expect(await db.members.add({ ...ds.members[2]!, id: undefined })).toBe(makeId(9, 2));
    expect(workstationNumber()).toBe(9);
    db.close();
  });
});
