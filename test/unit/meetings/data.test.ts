import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createStandingMeeting, demoDb, meetingFields, motionUnder } from './demoDb';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import {
  addAgendaItem,
  addMotion,
  castBallot,
  createMeeting,
  markAttendance,
  recordGuidingDecision,
  restoreVersion,
  saveAttendance,
  saveCounts,
  saveDiscussion,
} from '../../../renderer/src/features/meetings/data';
import { quorumOf } from '../../../renderer/src/features/meetings/logic';
import { addOffice } from '../../../renderer/src/features/offices/data';
import {
  buildMinutesDocx,
  buildTallyDocx,
  minutesInput,
  motionResults,
} from '../../../renderer/src/features/meetings/word';
import { minutesBody } from '../../../shared/documents';
import { exportOptions } from '../../../renderer/src/features/settings/exportOptions';

/** The clerk's 公文设置 as the exports get them (the default scheme here). */
const OPTS = exportOptions({});

const ASOF = '2025-06-15';
let db: DeskDB;

beforeEach(async () => {
  db = await demoDb(generateDemo({ asOf: ASOF, members: 60 }));
});

async function record(meetingId: number) {
  const motions = await db.motions.where('meetingId').equals(meetingId).toArray();
  return {
    meeting: (await db.meetings.get(meetingId))!,
    attendance: await db.attendance.where('meetingId').equals(meetingId).toArray(),
    agenda: await db.agendaItems.where('meetingId').equals(meetingId).toArray(),
    motions,
    ballots: await db.ballots
      .where('motionId')
      .anyOf(motions.map((m) => m.id!))
      .toArray(),
  };
}

async function docText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

describe('meeting records (R-O6)', () => {
  it('creates a standing-council meeting with its entitled list fixed and the secretary-general 列席', async () => {
    const id = await createStandingMeeting(db, ASOF);
    const m = (await db.meetings.get(id))!;
    expect(m.entitled.filter((e) => !e.observer)).toHaveLength(9);
    const rows = await db.attendance.where('meetingId').equals(id).toArray();
    expect(rows).toEqual([expect.objectContaining({ memberId: 0, status: 'observer' })]);
    // Later changes to the registry do not change the stored list.
    await db.offices.clear();
    expect((await db.meetings.get(id))!.entitled).toHaveLength(10);
    expect(await db.audit.where('entity').equals('meetings').count()).toBe(1);
  });

  it('marks attendance (upsert, audited), defaulting the attendee to the representative', async () => {
    const id = await createMeeting(db, meetingFields({ body: 'standing', date: ASOF }));
    await markAttendance(db, id, 1, 'present', '代表甲');
    await markAttendance(db, id, 1, 'leave', '代表甲');
    const rows = await db.attendance.where('[meetingId+memberId]').equals([id, 1]).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'leave', attendee: '代表甲' });
    const audits = await db.audit.where('entity').equals('attendance').toArray();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audits[1]?.changes).toEqual([{ field: 'status', before: 'present', after: 'leave' }]);
  });
});

describe('minutes autosave versions', () => {
  it('keeps the previous text as a version on snapshot, restores it and keeps the current one first', async () => {
    const mid = await createMeeting(db, meetingFields({ body: 'council', date: ASOF }));
    const item = await addAgendaItem(db, mid, '议程一');
    await saveDiscussion(db, item, '第一稿', true); // nothing to keep yet (empty)
    await saveDiscussion(db, item, '第一稿，补充', false);
    await saveDiscussion(db, item, '坏的编辑', true);
    expect((await db.minuteVersions.toArray()).map((v) => v.text)).toEqual(['第一稿，补充']);
    const v = (await db.minuteVersions.toArray())[0]!;
    expect(await restoreVersion(db, item, v.id!)).toBe('第一稿，补充');
    expect((await db.agendaItems.get(item))!.discussion).toBe('第一稿，补充');
    expect((await db.minuteVersions.toArray()).map((x) => x.text)).toEqual(['第一稿，补充', '坏的编辑']);
    expect(await db.audit.where('action').equals('restore').count()).toBe(1);
  });

  it('a text another workstation wrote since the editor last stored (its base) is kept as a version before it is replaced', async () => {
    const mid = await createMeeting(db, meetingFields({ body: 'council', date: ASOF }));
    const item = await addAgendaItem(db, mid, '议程一');
    await saveDiscussion(db, item, '甲记录', true, '');
    // Another workstation's text arrives (written as the replicator does: straight into the table).
    await db.agendaItems.update(item, { discussion: '甲记录；乙补充' });
    await saveDiscussion(db, item, '甲记录，续', false, '甲记录');
    expect((await db.agendaItems.get(item))!.discussion).toBe('甲记录，续');
    expect((await db.minuteVersions.toArray()).map((v) => v.text)).toEqual(['甲记录；乙补充']);
    const audit = (await db.audit.where('entity').equals('agendaItems').toArray()).at(-1);
    expect(audit?.summary).toBe('编辑讨论记录（替换了其他工作站刚写入的内容）：议程一');
    // Its own text as base: no version within a burst.
    await saveDiscussion(db, item, '甲记录，续二', false, '甲记录，续');
    expect(await db.minuteVersions.count()).toBe(1);
  });
});

describe('votes (audited as vote) and the papers', () => {
  it('standing council 4-1-1: pending, approved, and the minutes say so', async () => {
    const id = await createStandingMeeting(db, ASOF, {
      name: '2025年第二次常务理事会',
      chair: '王主持',
      recorder: '周梦妍',
    });
    for (const m of [1, 2, 3, 4, 5]) await markAttendance(db, id, m, 'present', '');
    let r = await record(id);
    expect(quorumOf(r.meeting, r.attendance).quorate).toBe(false);
    expect(minutesInput(r).quorate).toBe(false);
    expect(minutesBody(minutesInput(r))).toContain('未达到法定人数');
    await markAttendance(db, id, 6, 'present', '');
    const item = await addAgendaItem(db, id, '审议入会申请');
    await saveDiscussion(db, item, '讨论了三家单位。', false);
    const mo = await addMotion(db, {
      meetingId: id,
      agendaItemId: item,
      title: '入会议案',
      text: '',
      tallyMode: 'counts',
    });
    await saveCounts(db, mo, { for: 4, against: 1, abstain: 1 });
    r = await record(id);
    expect(motionResults(r)[0]?.tally.decision?.label).toBe('通过（待指导单位批准）');
    await recordGuidingDecision(db, mo, { decision: 'approved', on: '2025-06-20' });
    r = await record(id);
    const model = minutesInput(r);
    expect(model.motions[0]?.outcome).toBe('通过（指导单位已批准）');
    expect(model.motions[0]?.guidingDecision).toEqual({ decision: '批准', date: '2025-06-20' });
    expect(model.attendance.presentNames).toHaveLength(6);
    expect(model.attendance.unmarkedNames).toHaveLength(3);
    expect(model.attendance.observers).toEqual(['秘书长（周明远）']);
    expect(await db.audit.where('action').equals('vote').count()).toBe(2);
    const text = await docText(await buildMinutesDocx(r, OPTS));
    expect(text).toContain('2025年第二次常务理事会纪要');
    expect(text).toContain('讨论了三家单位。');
    expect(text).toContain('达到法定人数');
    expect(text).toContain('同意 4 票，反对 1 票，弃权 1 票，未表决 0 人');
    expect(text).toContain('通过（指导单位已批准）');
    expect(text).toContain('主持人：王主持');
  });

  it('remote council: named ballots of returned voters decide the motion', async () => {
    const id = await createMeeting(
      db,
      meetingFields({ body: 'council', form: 'remote', name: '通讯理事会', date: ASOF }),
    );
    const m = (await db.meetings.get(id))!;
    const voters = m.entitled.map((e) => e.memberId);
    const needed = Math.ceil((2 * voters.length) / 3);
    for (const v of voters.slice(0, needed))
      await saveAttendance(db, id, v, {
        ballotSentOn: '2025-06-01',
        ballotReturnedOn: '2025-06-10',
        status: 'present',
      });
    const mo = await motionUnder(db, id, '工作计划', '工作计划议案');
    for (const [i, v] of voters.slice(0, needed).entries())
      await castBallot(db, mo, v, i === 0 ? 'against' : 'for');
    // A ballot from someone who did not return theirs does not count: it cannot be recorded (R-O4).
    await expect(castBallot(db, mo, voters[voters.length - 1]!, 'against')).rejects.toThrow('尚未收回');
    const r = await record(id);
    const motion = motionResults(r)[0]!;
    expect(motion.tally.against).toBe(1);
    expect(motion.tally.inFavour).toBe(needed - 1);
    expect(motion.tally.decision?.label).toBe('通过');
    expect(motion.named).toHaveLength(needed);
    expect(await docText(await buildTallyDocx(r, OPTS))).toContain('记名表决');
  });
});

describe('offices and the fee tier (R-D5)', () => {
  it('electing a member unit director records a tier change from next 1 January, audited', async () => {
    const member = (await db.members.toArray()).find((m) => m.tier === 'member')!;
    const { note } = await addOffice(db, {
      role: 'director',
      memberId: member.id!,
      holderName: member.representative.name,
      startOn: ASOF,
      endOn: '2028-06-14',
    });
    expect(note).toContain('2026-01-01');
    expect((await db.members.get(member.id!))!.tier).toBe('director');
    const tc = await db.tierChanges.where('memberId').equals(member.id!).toArray();
    // The demo member had no tier record: the tier it held before is written first (initialHistory).
    expect(tc).toEqual([
      expect.objectContaining({ tier: 'member', effectiveFrom: member.approvedOn }),
      expect.objectContaining({ tier: 'director', effectiveFrom: '2026-01-01' }),
    ]);
    expect(await db.audit.where('entity').equals('members').count()).toBe(1);
  });
});
