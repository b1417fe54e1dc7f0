/**
 * Two records of one unit made one (db/schema.ts `mergeMemberRecords`; the same unit added on two
 * workstations offline, issue 19): every reference moves to the kept member, a slot the kept member already
 * holds keeps its row, the merged record's own history and row go.
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from './harness';
import { mergeMemberRecords } from '../../../renderer/src/db/schema';

describe('mergeMemberRecords', () => {
  it('moves payments, attendance, participations and meeting entries; keeps the kept member’s rows of the same slot', async () => {
    const db = freshDb();
    const keep = 1;
    const merged = 2;
    await db.members.bulkAdd([
      { id: keep, name: '甲公司', creditCode: 'A' },
      { id: merged, name: '甲公司（重复）', creditCode: 'B' },
      { id: 3, name: '乙公司', creditCode: 'C' },
    ] as never);
    await db.payments.bulkAdd([
      {
        id: 10,
        memberId: merged,
        year: 2026,
        paidOn: '2026-03-01',
        amount: 5000,
        method: '现金',
        receiptNo: 'R1',
        recordedAt: 'x',
      },
      {
        id: 11,
        memberId: 3,
        year: 2026,
        paidOn: '2026-03-01',
        amount: 5000,
        method: '现金',
        receiptNo: 'R2',
        recordedAt: 'x',
      },
    ] as never);
    await db.attendance.bulkAdd([
      { id: 20, meetingId: 7, memberId: keep, status: 'present' },
      { id: 21, meetingId: 7, memberId: merged, status: 'absent' }, // the same meeting: the kept row stays
      { id: 22, meetingId: 8, memberId: merged, status: 'present' },
    ] as never);
    await db.duesOverrides.add({
      id: 30,
      memberId: merged,
      year: 2025,
      amount: 0,
      reason: '减免',
      recordedAt: 'x',
    } as never);
    await db.contactChanges.add({
      id: 40,
      memberId: merged,
      role: 'contact',
      person: { name: '李' },
      noticeOn: '2026-01-01',
      recordedAt: 'x',
    } as never);
    await db.meetings.add({
      id: 7,
      name: '理事会',
      entitled: [{ memberId: keep }, { memberId: merged }, { memberId: 3 }],
    } as never);

    await db.motions.add({
      id: 50,
      meetingId: 7,
      title: '除名',
      subject: { kind: 'expulsion', refId: merged },
    } as never);
    const r = await db.transaction('rw', db.tables, () =>
      mergeMemberRecords((n) => db.table(n), merged, keep),
    );

    expect((await db.payments.get(10))?.memberId).toBe(keep);
    expect((await db.payments.get(11))?.memberId).toBe(3);
    expect(await db.attendance.get(21)).toBeUndefined();
    expect((await db.attendance.get(20))?.status).toBe('present');
    expect((await db.attendance.get(22))?.memberId).toBe(keep);
    expect((await db.duesOverrides.get(30))?.memberId).toBe(keep);
    expect(await db.contactChanges.get(40)).toBeUndefined();
    expect((await db.meetings.get(7))?.entitled.map((e) => e.memberId)).toEqual([keep, 3]);
    expect((await db.motions.get(50))?.subject).toEqual({ kind: 'expulsion', refId: keep }); // not by memberId
    expect(await db.members.get(merged)).toBeUndefined();
    expect(r.moved).toMatchObject({ payments: 1, attendance: 1, duesOverrides: 1, meetings: 1 });
    expect(r.dropped.attendance).toEqual([expect.objectContaining({ id: 21 })]);
    expect(r.dropped.contactChanges).toEqual([expect.objectContaining({ id: 40 })]);
    expect(r.member).toMatchObject({ name: '甲公司（重复）' });
  });
});
