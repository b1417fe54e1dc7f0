/**
 * Corrections at the 会议 desk: ending an office early (结束任职, R-O6 seat loss), editing a meeting's details
 * with its entitled list fixed again on a new date (R-O2, R-O4, R-O6), and correcting an activity's
 * participants (R-M7). Every write is one transaction with an audit entry that keeps the before state.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoDb, motionUnder } from './demoDb';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import { standingAbsenceFlags } from '../../../shared/charter';
import {
  createMeeting,
  markAttendance,
  meetingRecords,
  previewMeetingUpdate,
  updateMeeting,
} from '../../../renderer/src/features/meetings/data';
import { addOffice, endOffice, endOffices } from '../../../renderer/src/features/offices/data';
import { addActivity, updateActivity } from '../../../renderer/src/features/activities/data';
import {
  officeTerms,
  quorumOf,
  standingAttendance,
  votingIds,
} from '../../../renderer/src/features/meetings/logic';
import { DEFAULT_CHARTER_SETTINGS } from '../../../shared/charter';

const ASOF = '2025-06-15';
const demo = generateDemo({ asOf: ASOF, members: 60 });
let db: DeskDB;

beforeEach(async () => {
  db = await demoDb(demo);
});

const standingOfficeOf = async (memberId: number) =>
  (await db.offices.where('memberId').equals(memberId).toArray()).find((o) => o.role === 'standing')!;

describe('结束任职: endOffice / endOffices (R-O6 seat loss, resignation)', () => {
  it('records the early end with its reason, audited with the before state; never deleted', async () => {
    const o = await standingOfficeOf(9);
    await endOffice(db, o.id!, ASOF, '  连续两次未出席常务理事会（章程第二十二条）  ');
    const after = (await db.offices.get(o.id!))!;
    expect(after.ended).toEqual({ on: ASOF, reason: '连续两次未出席常务理事会（章程第二十二条）' });
    expect(await db.offices.count()).toBe(demo.offices.length);
    const audit = await db.audit.where('entity').equals('offices').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'status', entityId: o.id, memberId: 9 });
    expect(audit[0]!.summary).toContain('任职结束：常务理事');
    expect(audit[0]!.changes).toEqual([
      {
        field: 'ended',
        before: null,
        after: { on: ASOF, reason: '连续两次未出席常务理事会（章程第二十二条）' },
      },
    ]);
  });

  it('rejects an unknown office, one already ended, a date before the start or after the end, no reason', async () => {
    const o = await standingOfficeOf(8);
    await expect(endOffice(db, 99_999, ASOF, '辞职')).rejects.toThrow('任职记录不存在（编号 99999）');
    await expect(endOffice(db, o.id!, '2020-01-01', '辞职')).rejects.toThrow(
      `结束日期 2020-01-01 早于常务理事 ${o.holderName}的任期开始日期 ${o.startOn}`,
    );
    await expect(endOffice(db, o.id!, '2030-01-01', '辞职')).rejects.toThrow(
      `晚于常务理事 ${o.holderName}的任期结束日期 ${o.endOn}`,
    );
    await expect(endOffice(db, o.id!, ASOF, '   ')).rejects.toThrow('请填写结束任职的原因');
    await expect(endOffice(db, o.id!, '2025-02-30', '辞职')).rejects.toThrow(/结束日期不存在/);
    expect((await db.offices.get(o.id!))!.ended).toBeUndefined();
    await endOffice(db, o.id!, o.startOn, '辞职'); // the start day itself is allowed
    await expect(endOffice(db, o.id!, ASOF, '辞职')).rejects.toThrow(
      `常务理事 ${o.holderName}的任职已于 ${o.startOn} 结束，不能再次结束`,
    );
    expect(await db.audit.where('entity').equals('offices').count()).toBe(1);
  });

  it('ends several offices in one transaction: all or none', async () => {
    // The chair unit (member 1) sits on the standing council twice: 常务理事 and 理事长.
    const seats = (await db.offices.where('memberId').equals(1).toArray()).filter(
      (o) => o.role === 'standing' || o.role === 'chair',
    );
    expect(seats).toHaveLength(2);
    const ids = seats.map((o) => o.id!);
    await expect(endOffices(db, [...ids, 99_999], ASOF, '辞职')).rejects.toThrow('任职记录不存在');
    expect((await db.offices.bulkGet(ids)).map((o) => o?.ended)).toEqual([undefined, undefined]);
    await endOffices(db, ids, ASOF, '辞职');
    expect((await db.offices.bulkGet(ids)).map((o) => o?.ended?.on)).toEqual([ASOF, ASOF]);
    expect(await db.audit.where('entity').equals('offices').count()).toBe(2);
  });

  it('R-O6: the seat ended today settles the flag at once; the holder is still entitled today, not after', async () => {
    await db.meetings.bulkAdd(demo.meetings);
    await db.attendance.bulkAdd(demo.attendance);
    const flags = async () =>
      standingAbsenceFlags(
        standingAttendance(await db.meetings.toArray(), await db.attendance.toArray()),
        officeTerms(await db.offices.toArray(), DEFAULT_CHARTER_SETTINGS),
        ASOF,
      ).map((f) => f.holderId);
    expect(await flags()).toEqual([9]);
    await endOffice(db, (await standingOfficeOf(9)).id!, ASOF, '连续两次未出席常务理事会（章程第二十二条）');
    expect(await flags()).toEqual([]);
    // The end date is the last day in office: a meeting that day still lists the unit, the next day's does not.
    const today = await createMeeting(db, meetingInput('standing', ASOF));
    const tomorrow = await createMeeting(db, meetingInput('standing', '2025-06-16'));
    expect(votingIds((await db.meetings.get(today))!)).toContain(9);
    expect(votingIds((await db.meetings.get(tomorrow))!)).not.toContain(9);
  });
});

function meetingInput(body: 'assembly' | 'council' | 'standing', date: string) {
  return { body, form: 'onsite' as const, name: '测试会议', date, place: '北京', chair: '', recorder: '' };
}

describe('编辑会议信息: updateMeeting (R-O2, R-O4, R-O6: the entitled list is that of the meeting date)', () => {
  it('edits place, chair and name; the entitled list is untouched; audited with before/after', async () => {
    const id = await createMeeting(db, meetingInput('council', ASOF));
    const before = (await db.meetings.get(id))!;
    const change = await updateMeeting(db, id, {
      place: '上海市',
      chair: '王主持',
      name: ' 理事会（更正） ',
    });
    expect(change).toEqual({ refixed: false, added: [], removed: [], markedRemoved: 0 });
    const after = (await db.meetings.get(id))!;
    expect(after).toMatchObject({ place: '上海市', chair: '王主持', name: '理事会（更正）' });
    expect(after.entitled).toEqual(before.entitled);
    const audit = (await db.audit.where('entity').equals('meetings').toArray()).at(-1)!;
    expect(audit.action).toBe('update');
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: 'place', before: '北京', after: '上海市' },
        { field: 'chair', before: '', after: '王主持' },
      ]),
    );
    expect(audit.changes?.some((c) => c.field === 'entitled')).toBe(false);
  });

  it('a new date with the same units entitled keeps the stored list as recorded', async () => {
    const id = await createMeeting(db, meetingInput('standing', ASOF));
    const before = (await db.meetings.get(id))!;
    await db.members.update(1, { representative: { ...demo.members[0]!.representative, name: '新代表' } });
    expect(await previewMeetingUpdate(db, id, { date: '2025-06-10' })).toMatchObject({ refixed: false });
    await updateMeeting(db, id, { date: '2025-06-10' });
    const after = (await db.meetings.get(id))!;
    expect(after.date).toBe('2025-06-10');
    expect(after.entitled).toEqual(before.entitled); // not re-read from today's registry
  });

  it('a new date that changes who is entitled fixes the list again; earlier marks are kept but no longer count', async () => {
    // On 2025-06-20 unit A's director term ends early and unit B becomes a director.
    const directorIds = new Set(demo.offices.filter((o) => o.role === 'director').map((o) => o.memberId));
    const b = demo.members.find(
      (m) => !directorIds.has(m.id!) && !m.left && m.approvedOn! < '2024-01-01' && m.id! > 20,
    )!;
    const aOffice = (await db.offices.where('memberId').equals(15).toArray()).find(
      (o) => o.role === 'director',
    )!;
    await endOffice(db, aOffice.id!, '2025-06-20', '辞职');
    await addOffice(db, {
      role: 'director',
      memberId: b.id!,
      holderName: b.representative.name,
      startOn: '2025-06-21',
      endOn: '2028-06-20',
    });
    const id = await createMeeting(db, meetingInput('council', ASOF));
    const m0 = (await db.meetings.get(id))!;
    expect(votingIds(m0)).toContain(15);
    expect(votingIds(m0)).not.toContain(b.id);
    await markAttendance(db, id, 15, 'present', '');
    await markAttendance(db, id, 16, 'present', '');

    const preview = await previewMeetingUpdate(db, id, { date: '2025-06-25' });
    expect(preview.refixed).toBe(true);
    expect(preview.added.map((e) => e.memberId)).toEqual([b.id]);
    expect(preview.removed.map((e) => e.memberId)).toEqual([15]);
    expect(preview.markedRemoved).toBe(1);
    // The preview writes nothing.
    expect((await db.meetings.get(id))!.date).toBe(ASOF);

    const change = await updateMeeting(db, id, { date: '2025-06-25' });
    expect(change).toEqual(preview);
    const m1 = (await db.meetings.get(id))!;
    expect(votingIds(m1)).toContain(b.id);
    expect(votingIds(m1)).not.toContain(15);
    expect(votingIds(m1)).toHaveLength(votingIds(m0).length);
    // Unit 15's mark is kept in the record but no longer counts towards the quorum.
    const attendance = await db.attendance.where('meetingId').equals(id).toArray();
    expect(attendance.map((a) => a.memberId).sort((x, y) => x - y)).toEqual([15, 16]);
    expect(quorumOf(m1, attendance).presentIds).toEqual([16]);
    const audit = (await db.audit.where('entity').equals('meetings').toArray()).at(-1)!;
    expect(audit.summary).toContain('应到名单按 2025-06-25 重新确定');
    const entitledChange = audit.changes?.find((c) => c.field === 'entitled');
    expect(entitledChange?.before).toEqual(m0.entitled);
    expect(entitledChange?.after).toEqual(m1.entitled);
  });

  it('the body changes only while nothing is recorded; the 列席 row follows the standing council', async () => {
    const id = await createMeeting(db, meetingInput('council', ASOF));
    expect(await db.attendance.where('meetingId').equals(id).count()).toBe(0);
    const change = await updateMeeting(db, id, { body: 'standing' });
    expect(change.refixed).toBe(true);
    const m = (await db.meetings.get(id))!;
    expect(votingIds(m)).toHaveLength(9);
    expect(await db.attendance.where('meetingId').equals(id).toArray()).toEqual([
      expect.objectContaining({ memberId: 0, status: 'observer', attendee: '周明远' }),
    ]);
    // The automatic 列席 row is not a roll-call mark: the body can still change.
    expect(await meetingRecords(db, id)).toEqual({ attendance: 0, votes: 0 });
    await markAttendance(db, id, 1, 'present', '');
    expect(await meetingRecords(db, id)).toEqual({ attendance: 1, votes: 0 });
    await expect(updateMeeting(db, id, { body: 'council' })).rejects.toThrow(
      '已有签到或表决票记录 1 条，不能更改会议类型',
    );
    await expect(previewMeetingUpdate(db, id, { body: 'council' })).rejects.toThrow('不能更改会议类型');
    // The same body in the patch is not a change.
    await updateMeeting(db, id, { body: 'standing', place: '杭州' });
    expect((await db.meetings.get(id))!.place).toBe('杭州');
  });

  it('a named ballot also locks the body; bad input is rejected in Chinese', async () => {
    const id = await createMeeting(db, meetingInput('council', ASOF));
    const mo = await motionUnder(db, id, '议程', '议案');
    // A ballot on record (kept even when its unit is no longer present) locks the type too.
    await db.ballots.add({ motionId: mo, memberId: 1, choice: 'for', recordedAt: '2025-01-01T00:00:00Z' });
    expect(await meetingRecords(db, id)).toEqual({ attendance: 0, votes: 1 });
    await expect(updateMeeting(db, id, { body: 'assembly' })).rejects.toThrow('不能更改会议类型');
    await expect(updateMeeting(db, id, { name: '  ' })).rejects.toThrow('会议名称不能为空');
    await expect(updateMeeting(db, id, { date: '2025-13-01' })).rejects.toThrow(/会议日期不存在/);
    await expect(updateMeeting(db, 99_999, { place: 'x' })).rejects.toThrow('会议不存在');
    expect((await db.meetings.get(id))!.body).toBe('council');
  });
});

describe('更正参加单位: updateActivity (R-M7 participation)', () => {
  it('rewrites name, date, place and the participation rows in one go, audited with before/after', async () => {
    const id = await addActivity(
      db,
      { name: '研讨会', kind: '研讨', date: '2025-05-10', place: '北京' },
      [1, 2, 3],
    );
    const kept = (await db.participations.where('activityId').equals(id).toArray()).find(
      (p) => p.memberId === 2,
    )!;
    await updateActivity(
      db,
      id,
      { name: ' 数据安全研讨会 ', kind: '研讨', date: '2025-05-12', place: '' },
      [4, 2, 3, 3],
    );
    const a = (await db.activities.get(id))!;
    expect(a).toMatchObject({ name: '数据安全研讨会', kind: '研讨', date: '2025-05-12' });
    expect(a.place).toBeUndefined();
    const rows = await db.participations.where('activityId').equals(id).toArray();
    expect(rows.map((r) => [r.memberId, r.date]).sort()).toEqual([
      [2, '2025-05-12'],
      [3, '2025-05-12'],
      [4, '2025-05-12'],
    ]);
    expect(rows.find((r) => r.memberId === 2)!.id).toBe(kept.id); // a kept row is updated, not replaced
    const audit = (await db.audit.where('entity').equals('activities').toArray()).at(-1)!;
    expect(audit).toMatchObject({ action: 'update', entityId: id });
    expect(audit.summary).toContain('参加单位 3 → 3 家');
    expect(audit.summary).toContain(`新增：${demo.members[3]!.name}`);
    expect(audit.summary).toContain(`移出：${demo.members[0]!.name}`);
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: '研讨会', after: '数据安全研讨会' },
        { field: 'date', before: '2025-05-10', after: '2025-05-12' },
        { field: 'place', before: '北京', after: null },
        { field: 'participants', before: [1, 2, 3], after: [2, 3, 4] },
      ]),
    );
  });

  it('with what the dialog opened with, writes only what the clerk changed: another workstation’s changes stay', async () => {
    const id = await addActivity(
      db,
      { name: '研讨会', kind: '研讨', date: '2025-05-10', place: '北京' },
      [1, 2, 3],
    );
    const opened = {
      activity: { name: '研讨会', kind: '研讨', date: '2025-05-10', place: '北京' },
      memberIds: [1, 2, 3],
    };
    // Meanwhile, as the replication writes it: the place corrected and unit 5 added on another workstation.
    await db.activities.update(id, { place: '上海' });
    await db.participations.add({ activityId: id, memberId: 5, date: '2025-05-10' });
    // The clerk renames it, takes unit 1 out and adds unit 4 (the form still shows 北京 and 1, 2, 3).
    await updateActivity(db, id, { ...opened.activity, name: '数据安全研讨会' }, [2, 3, 4], opened);
    expect(await db.activities.get(id)).toMatchObject({ name: '数据安全研讨会', place: '上海' });
    const rows = await db.participations.where('activityId').equals(id).toArray();
    expect(rows.map((r) => r.memberId).sort()).toEqual([2, 3, 4, 5]);
    const audit = (await db.audit.where('entity').equals('activities').toArray()).at(-1)!;
    expect(audit.summary).toContain('参加单位 4 → 4 家');
    expect(audit.summary).toContain(`新增：${demo.members[3]!.name}`);
    expect(audit.summary).toContain(`移出：${demo.members[0]!.name}`);
  });

  it('an unchanged activity writes nothing; bad input is rejected and nothing changes', async () => {
    const id = await addActivity(
      db,
      { name: '培训', kind: '培训', date: '2025-05-10', place: '北京' },
      [1, 2],
    );
    const count = await db.audit.count();
    await updateActivity(db, id, { name: '培训', kind: '培训', date: '2025-05-10', place: '北京' }, [2, 1]);
    expect(await db.audit.count()).toBe(count);
    await expect(updateActivity(db, 99_999, { name: 'x', kind: '培训', date: ASOF }, [])).rejects.toThrow(
      '活动不存在',
    );
    await expect(updateActivity(db, id, { name: ' ', kind: '培训', date: ASOF }, [])).rejects.toThrow(
      '活动名称不能为空',
    );
    await expect(updateActivity(db, id, { name: 'x', kind: '培训', date: '2025-02-29' }, [])).rejects.toThrow(
      /活动日期不存在/,
    );
    await expect(
      updateActivity(db, id, { name: 'x', kind: '培训', date: ASOF }, [1, 99_999]),
    ).rejects.toThrow('参加单位不存在（编号 99999）');
    expect((await db.activities.get(id))!.name).toBe('培训');
    expect((await db.participations.where('activityId').equals(id).toArray()).map((p) => p.memberId)).toEqual(
      [1, 2],
    );
    expect(await db.audit.count()).toBe(count);
  });

  it('removing every participant keeps the before list in the audit', async () => {
    const id = await addActivity(db, { name: '走访', kind: '调研', date: '2025-05-10' }, [5, 6]);
    await updateActivity(db, id, { name: '走访', kind: '调研', date: '2025-05-10' }, []);
    expect(await db.participations.where('activityId').equals(id).count()).toBe(0);
    const audit = (await db.audit.where('entity').equals('activities').toArray()).at(-1)!;
    expect(audit.changes).toEqual([{ field: 'participants', before: [5, 6], after: [] }]);
  });
});
