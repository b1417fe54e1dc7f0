/**
 * One result per motion (R-O2, R-O4, R-O6): the meetings desk, the 计票表, the Excel export and the pickers of
 * passed motions (入会申请, 除名, elections) all read a motion's tally from the one function in shared/charter.
 * A named ballot of a unit that is no longer present (marked 出席, voted, then marked 缺席) is not counted —
 * and is shown as not counted — on every path.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { createStandingMeeting, demoDb, motionUnder } from './demoDb';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import {
  castBallot,
  loadMeetingRecord,
  markAttendance,
  recordGuidingDecision,
} from '../../../renderer/src/features/meetings/data';
import { motionRefs, quorumOf } from '../../../renderer/src/features/meetings/logic';
import { tallySheetInput } from '../../../renderer/src/features/meetings/word';
import { meetingWorkbook } from '../../../renderer/src/io/export';
import { passedStandingMotions } from '../../../renderer/src/records/passedMotions';
import { motionTally } from '../../../shared/charter';

const ASOF = '2025-06-15';
let db: DeskDB;

beforeEach(async () => {
  db = await demoDb(generateDemo({ asOf: ASOF, members: 60 }));
});

/** Seven of nine standing directors present, a named vote of 5 for and 2 against; then the 7th leaves. */
async function meetingWithLeaver() {
  const meetingId = await createStandingMeeting(db, ASOF);
  const meeting = (await db.meetings.get(meetingId))!;
  const voters = meeting.entitled.filter((e) => !e.observer);
  expect(voters).toHaveLength(9);
  const present = voters.slice(0, 7);
  for (const v of present) await markAttendance(db, meetingId, v.memberId, 'present', v.representative);
  const motionId = await motionUnder(db, meetingId, '审议入会申请', '关于接纳新会员的议案');
  const choices = ['for', 'for', 'for', 'for', 'against', 'against', 'for'] as const;
  for (let i = 0; i < 7; i++) await castBallot(db, motionId, present[i]!.memberId, choices[i]!);
  await recordGuidingDecision(db, motionId, { decision: 'approved', on: ASOF });
  const leaver = present[6]!;
  await markAttendance(db, meetingId, leaver.memberId, 'absent', leaver.representative);
  return { meetingId, motionId, leaver };
}

function sheetRows(bytes: Uint8Array, name: string): unknown[][] {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 });
}

describe('one result per motion', () => {
  it('a named ballot of a unit no longer present counts nowhere: desk, 计票表, Excel and the passed-motion pickers agree', async () => {
    const { meetingId, motionId, leaver } = await meetingWithLeaver();
    const r = await loadMeetingRecord(db, meetingId);
    const motion = r.motions.find((m) => m.id === motionId)!;

    // The one function: 4 for, 2 against of 6 present; the leaver's ballot is listed as not counted.
    const t = motionTally(r.meeting, motion, r.attendance, r.ballots);
    expect([t.inFavour, t.against, t.abstain, t.notVoted]).toEqual([4, 2, 0, 0]);
    expect(t.uncounted.map((b) => b.memberId)).toEqual([leaver.memberId]);
    expect(t.decision?.outcome).toBe('approved');
    expect(quorumOf(r.meeting, r.attendance).present).toBe(6);

    // 计票表
    const sheet = tallySheetInput(r).motions[0]!;
    expect([sheet.for, sheet.against, sheet.abstain, sheet.notVoted]).toEqual([4, 2, 0, 0]);
    expect(sheet.result).toBe(t.decision!.label);
    const leaverRow = sheet.named!.find((n) => n.unit === leaver.name)!;
    expect(leaverRow.choice).toContain('不计入');

    // Excel export: the 合计 row has the same counts; the leaver's row says it is not counted.
    const { bytes } = await meetingWorkbook(db, meetingId);
    const rows = sheetRows(bytes, '表决');
    const total = rows.find((row) => row[1] === '（合计）')!;
    expect(total.slice(2, 5)).toEqual([4, 2, 0]);
    const excelLeaver = rows.find((row) => row[1] === leaver.name)!;
    expect(String(excelLeaver[5])).toContain('不计入');

    // The pickers of passed motions (入会申请 and 除名; elections through motionRefs).
    const passed = await passedStandingMotions(db);
    expect(passed.map((p) => p.id)).toEqual([motionId]);
    expect(passed[0]!.label).toBe(t.decision!.label);
    const refs = motionRefs([r.meeting], r.attendance, r.motions, r.ballots);
    expect(refs.map((x) => x.decision?.outcome)).toEqual([t.decision!.outcome]);
  });

  it('refuses a named ballot from a unit that is not present (R-O6: only those present vote)', async () => {
    const { motionId, leaver } = await meetingWithLeaver();
    await expect(castBallot(db, motionId, leaver.memberId, 'against')).rejects.toThrow('未出席');
    const stored = await db.ballots.where('[motionId+memberId]').equals([motionId, leaver.memberId]).first();
    expect(stored?.choice).toBe('for');
  });

  it('a remote meeting counts the ballots of units whose ballot was returned, and only those', () => {
    const meeting = {
      body: 'council' as const,
      form: 'remote' as const,
      entitled: [1, 2, 3].map((memberId) => ({
        memberId,
        name: `单位${memberId}`,
        representative: '',
        observer: false,
      })),
    };
    const attendance = [
      { meetingId: 1, memberId: 1, status: 'absent' as const, ballotReturnedOn: ASOF, updatedAt: '' },
      { meetingId: 1, memberId: 2, status: 'absent' as const, ballotReturnedOn: ASOF, updatedAt: '' },
      { meetingId: 1, memberId: 3, status: 'absent' as const, updatedAt: '' },
    ];
    const motion = { tallyMode: 'names' as const, id: 9 };
    const ballots = [1, 2, 3].map((memberId) => ({
      motionId: 9,
      memberId,
      choice: 'for' as const,
      recordedAt: '',
    }));
    const t = motionTally(meeting, motion, attendance, ballots);
    expect(t.inFavour).toBe(2);
    expect(t.uncounted.map((b) => b.memberId)).toEqual([3]);
    expect(t.decision?.outcome).toBe('adopted');
  });

  it('no counted ballot means not yet voted, even when uncounted ballots exist', () => {
    const meeting = {
      body: 'assembly' as const,
      form: 'onsite' as const,
      entitled: [{ memberId: 1, name: '甲', representative: '', observer: false }],
    };
    const t = motionTally(
      meeting,
      { tallyMode: 'names', id: 1 },
      [],
      [{ motionId: 1, memberId: 1, choice: 'for', recordedAt: '' }],
    );
    expect(t.decision).toBeNull();
    expect(t.uncounted).toHaveLength(1);
  });
});
