/**
 * 起草会议通知: the meeting's notice is a draft of the 发文 register, linked from the meeting; it gets its
 * number on 定稿 there like every outgoing notice (R-W1).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoDb, meetingFields } from './demoDb';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import {
  addAgendaItem,
  createMeeting,
  draftMeetingNotice,
  loadMeetingRecord,
  updateMeeting,
} from '../../../renderer/src/features/meetings/data';
import { meetingNoticeDraft } from '../../../renderer/src/features/meetings/word';
import { finalizeDocument, voidDocument } from '../../../renderer/src/records/register';

const demo = generateDemo({ asOf: '2025-06-15', members: 40 });
let db: DeskDB;

beforeEach(async () => {
  db = await demoDb(demo);
});

async function council() {
  const id = await createMeeting(
    db,
    meetingFields({
      body: 'council',
      name: '2025年第一次理事会',
      date: '2025-06-20',
      place: '北京',
      chair: '王主持',
      recorder: '周记录',
    }),
  );
  await addAgendaItem(db, id, '审议年度工作报告');
  return id;
}

describe('起草会议通知 (R-W1)', () => {
  it('the draft carries the notice text; the meeting links it; asking again returns the same draft', async () => {
    const id = await council();
    const fields = meetingNoticeDraft(await loadMeetingRecord(db, id), '2025-06-01');
    expect(fields).toMatchObject({
      title: '关于召开2025年第一次理事会的通知',
      type: '会议通知',
      date: '2025-06-01',
      addressee: '各理事单位',
      template: 'meeting',
    });
    expect(fields.body).toContain('1. 审议年度工作报告。');
    const docId = await draftMeetingNotice(db, id, fields);
    expect((await db.meetings.get(id))?.noticeDocId).toBe(docId);
    expect(await db.documents.get(docId)).toMatchObject({ status: 'draft', title: fields.title });
    expect(await draftMeetingNotice(db, id, fields)).toBe(docId);
    expect(await db.documents.count()).toBe(1);
    expect(await finalizeDocument(db, docId, 'seed')).toBe('CCIA 秘[2025]001 号');
    const audit = await db.audit.where('entity').equals('meetings').toArray();
    expect(audit.some((a) => a.summary === `起草会议通知：2025年第一次理事会（发文草稿 #${docId}）`)).toBe(
      true,
    );
  });

  it('a voided notice is replaced by a new draft; its number stays in the register', async () => {
    const id = await council();
    const fields = meetingNoticeDraft(await loadMeetingRecord(db, id), '2025-06-01');
    const first = await draftMeetingNotice(db, id, fields);
    await finalizeDocument(db, first, 'seed');
    await voidDocument(db, first, '会议改期');
    const second = await draftMeetingNotice(db, id, fields);
    expect(second).not.toBe(first);
    expect((await db.meetings.get(id))?.noticeDocId).toBe(second);
    expect(await finalizeDocument(db, second, 'seed')).toBe('CCIA 秘[2025]002 号');
  });

  it('表决票寄回截止日期: kept for remote meetings only, never after the meeting date', async () => {
    const base = {
      body: 'council' as const,
      form: 'remote' as const,
      name: '通讯理事会',
      date: '2025-06-20',
      place: '通讯方式',
      chair: '',
      recorder: '',
    };
    await expect(createMeeting(db, { ...base, returnBy: '2025-06-21' })).rejects.toThrow(
      '表决票寄回截止日期不能晚于会议日期 2025-06-20',
    );
    const id = await createMeeting(db, { ...base, returnBy: '2025-06-18' });
    expect((await db.meetings.get(id))?.returnBy).toBe('2025-06-18');
    await expect(updateMeeting(db, id, { date: '2025-06-15' })).rejects.toThrow(
      '不能晚于会议日期 2025-06-15',
    );
    await updateMeeting(db, id, { returnBy: '' });
    expect((await db.meetings.get(id))?.returnBy).toBeUndefined();
    await updateMeeting(db, id, { returnBy: '2025-06-19' });
    await updateMeeting(db, id, { form: 'onsite' });
    expect((await db.meetings.get(id))?.returnBy).toBeUndefined();
  });
});
