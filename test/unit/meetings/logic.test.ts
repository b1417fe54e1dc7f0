import { describe, expect, it } from 'vitest';
import type {
  AttendanceRecord,
  Ballot,
  Meeting,
  Member,
  Motion,
  Office,
} from '../../../shared/domain/records';
import { DEFAULT_CHARTER_SETTINGS, motionTally, tierChangeFor } from '../../../shared/charter';
import { generateDemo } from '../../../shared/demo/generate';
import { EDIT_BURST_GAP_MS } from '../../../shared/autosave';
import {
  buildEntitled,
  caretAfterReplace,
  complianceOf,
  officeTerms,
  quorumOf,
  quorumStatement,
  rollKey,
  shouldSnapshot,
  removedChars,
  standingAttendance,
  tallyError,
  VERSION_EVERY_MS,
} from '../../../renderer/src/features/meetings/logic';
import { electionCheck } from '../../../renderer/src/features/offices/logic';

const S = DEFAULT_CHARTER_SETTINGS;
const ASOF = '2025-06-15';
const demo = generateDemo({ asOf: ASOF });

function meeting(body: Meeting['body'], form: Meeting['form'], n: number, observer = false): Meeting {
  const entitled = Array.from({ length: n }, (_, i) => ({
    memberId: i + 1,
    name: `单位${i + 1}`,
    representative: `代表${i + 1}`,
  }));
  if (observer)
    entitled.push({ memberId: 0, name: '秘书长', representative: '周明远', observer: true } as never);
  return {
    id: 1,
    body,
    form,
    name: 'm',
    date: ASOF,
    place: '',
    chair: '',
    recorder: '',
    entitled,
    createdAt: '',
    updatedAt: '',
  };
}

function att(
  memberId: number,
  status: AttendanceRecord['status'],
  extra: Partial<AttendanceRecord> = {},
): AttendanceRecord {
  return { meetingId: 1, memberId, status, updatedAt: '', ...extra };
}

describe('entitled list fixed on the meeting date (R-O2, R-O4, R-O6)', () => {
  it('standing council: the 9 standing directors, plus the secretary-general 列席 with member id 0', () => {
    const list = buildEntitled('standing', ASOF, demo.members, demo.offices, S);
    expect(list.filter((e) => !e.observer).map((e) => e.memberId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list.filter((e) => e.observer)).toEqual([
      { memberId: 0, name: '秘书长', representative: '周明远', observer: true },
    ]);
  });

  it('council: every director in office (standing directors included)', () => {
    const list = buildEntitled('council', ASOF, demo.members, demo.offices, S);
    const directors = new Set(demo.offices.filter((o) => o.role === 'director').map((o) => o.memberId));
    expect(list.length).toBe(directors.size);
    expect(list.every((e) => !e.observer)).toBe(true);
  });

  it('assembly: members approved on or before the date and not yet left', () => {
    const list = buildEntitled('assembly', ASOF, demo.members, demo.offices, S);
    const expected = demo.members.filter((m) => m.approvedOn! <= ASOF && (!m.left || m.left.on > ASOF));
    expect(list.length).toBe(expected.length);
    const later = buildEntitled('assembly', '2010-01-01', demo.members, demo.offices, S);
    expect(later).toEqual([]);
  });

  it('a term ended early no longer entitles', () => {
    const offices: Office[] = demo.offices.map((o) =>
      o.memberId === 9 && o.role === 'standing'
        ? { ...o, ended: { on: '2025-01-01', reason: '连续两次缺席' } }
        : o,
    );
    const list = buildEntitled('standing', ASOF, demo.members, offices, S);
    expect(list.filter((e) => !e.observer).map((e) => e.memberId)).not.toContain(9);
  });
});

describe('roll call and quorum (R-O6: 2/3 inclusive, observers excluded)', () => {
  it('keys: 1/Y present, 2/N absent, 3/L leave', () => {
    expect(['1', 'y', 'Y', '2', 'n', '3', 'L', 'x'].map(rollKey)).toEqual([
      'present',
      'present',
      'present',
      'absent',
      'absent',
      'leave',
      'leave',
      null,
    ]);
  });

  it('5 of 9 is not quorate, 6 of 9 is; the observer never counts', () => {
    const m = meeting('standing', 'onsite', 9, true);
    const five = [1, 2, 3, 4, 5].map((id) => att(id, 'present')).concat(att(0, 'observer'));
    const q5 = quorumOf(m, five);
    expect(q5).toMatchObject({ entitled: 9, present: 5, needed: 6, quorate: false, unmarked: 4 });
    expect(q5.text).toBe('出席 5 / 应到 9');
    expect(q5.threshold).toBe('法定人数：6（三分之二）');
    expect(q5.label).toBe('未达法定人数');
    const q6 = quorumOf(m, [...five, att(6, 'present'), att(7, 'leave'), att(8, 'absent')]);
    expect(q6).toMatchObject({
      present: 6,
      quorate: true,
      leave: 1,
      absent: 1,
      unmarked: 1,
      label: '已达法定人数',
    });
  });

  it('remote meetings: present = ballots returned, whatever the status says (R-O4)', () => {
    const m = meeting('council', 'remote', 6);
    const rows = [
      att(1, 'absent', { ballotSentOn: '2025-06-01', ballotReturnedOn: '2025-06-05' }),
      att(2, 'present', { ballotSentOn: '2025-06-01' }),
      att(3, 'present', { ballotReturnedOn: '2025-06-06' }),
      att(4, 'present', { ballotReturnedOn: '2025-06-07' }),
      att(5, 'present', { ballotReturnedOn: '2025-06-07' }),
    ];
    const q = quorumOf(m, rows);
    expect(q.presentIds).toEqual([1, 3, 4, 5]);
    expect(q.quorate).toBe(true);
    expect(quorumStatement(q)).toContain('达到法定人数');
    expect(quorumStatement(quorumOf(m, rows.slice(0, 2)))).toContain('未达到法定人数');
  });
});

describe('motion tally and outcome (R-O2, R-O4, R-O6)', () => {
  const motion = (p: Partial<Motion>): Motion => ({
    id: 1,
    meetingId: 1,
    agendaItemId: 1,
    title: 't',
    text: '',
    tallyMode: 'counts',
    createdAt: '',
    updatedAt: '',
    ...p,
  });
  const present6 = [1, 2, 3, 4, 5, 6];
  // The one tally (shared/charter/motionTally.ts), given those present.
  const tallyOf = (m: Meeting, mo: Motion, presentIds: number[], ballots: Ballot[]) =>
    motionTally(m, mo, [], ballots, presentIds);

  it('standing council 4-1-1 of 6 present: 通过（待指导单位批准）, then the approval label', () => {
    const m = meeting('standing', 'onsite', 9, true);
    const counts = { for: 4, against: 1, abstain: 1 };
    const t = tallyOf(m, motion({ counts }), present6, []);
    expect(t.decision?.label).toBe('通过（待指导单位批准）');
    expect(t.notVoted).toBe(0);
    const decided = (decision: 'approved' | 'rejected') =>
      tallyOf(m, motion({ counts, guidingDecision: { decision, on: ASOF } }), present6, []);
    expect(decided('approved').decision?.label).toBe('通过（指导单位已批准）');
    expect(decided('rejected').decision?.label).toBe('指导单位未批准');
  });

  it('3-2-1 of 6 is not adopted (2/3 needed); remainder shows as 未表决', () => {
    const m = meeting('council', 'onsite', 9);
    expect(
      tallyOf(m, motion({ counts: { for: 3, against: 2, abstain: 1 } }), present6, []).decision?.label,
    ).toBe('未通过');
    const t = tallyOf(m, motion({ counts: { for: 4, against: 0, abstain: 0 } }), present6, []);
    expect(t.notVoted).toBe(2);
    expect(t.decision?.label).toBe('通过');
  });

  it('a meeting without quorum adopts nothing', () => {
    const m = meeting('council', 'onsite', 9);
    expect(
      tallyOf(m, motion({ counts: { for: 5, against: 0, abstain: 0 } }), [1, 2, 3, 4, 5], []).decision
        ?.reason,
    ).toBe('not-quorate');
  });

  it('tallies cannot exceed those present', () => {
    expect(tallyError(6, { for: 5, against: 1, abstain: 1 })).toBe(
      '同意、反对、弃权合计 7 票，多于出席人数 6',
    );
    expect(tallyError(6, { for: 4, against: 1, abstain: 1 })).toBeNull();
    const m = meeting('council', 'onsite', 9);
    expect(tallyOf(m, motion({ counts: { for: 7, against: 0, abstain: 0 } }), present6, []).error).toMatch(
      /多于实到人数/,
    );
  });

  it('by name: only ballots of present voters count', () => {
    const m = meeting('council', 'remote', 6);
    const b = (memberId: number, choice: Ballot['choice']): Ballot => ({
      motionId: 1,
      memberId,
      choice,
      recordedAt: '',
    });
    const t = tallyOf(
      m,
      motion({ tallyMode: 'names' }),
      [1, 2, 3, 4],
      [b(1, 'for'), b(2, 'for'), b(3, 'for'), b(4, 'against'), b(5, 'for')],
    );
    expect([t.inFavour, t.against, t.abstain, t.notVoted]).toEqual([3, 1, 0, 0]);
    expect(t.decision?.label).toBe('通过');
  });
});

describe('minutes versions', () => {
  it('snapshots at the start of a burst and every few minutes while typing, never empty or unchanged text', () => {
    const base = { storedText: '旧', newText: '新', now: 1_000_000 };
    expect(shouldSnapshot({ ...base, lastWriteAt: null, lastSnapshotAt: null })).toBe(true);
    expect(shouldSnapshot({ ...base, lastWriteAt: base.now - 500, lastSnapshotAt: base.now - 1000 })).toBe(
      false,
    );
    expect(
      shouldSnapshot({ ...base, lastWriteAt: base.now - EDIT_BURST_GAP_MS, lastSnapshotAt: base.now - 1000 }),
    ).toBe(true);
    expect(
      shouldSnapshot({ ...base, lastWriteAt: base.now - 500, lastSnapshotAt: base.now - VERSION_EVERY_MS }),
    ).toBe(true);
    expect(shouldSnapshot({ ...base, storedText: '  ', lastWriteAt: null, lastSnapshotAt: null })).toBe(
      false,
    );
    expect(shouldSnapshot({ ...base, newText: '旧', lastWriteAt: null, lastSnapshotAt: null })).toBe(false);
  });

  it('also snapshots, mid-burst, before an edit that removes or replaces a large part of the text', () => {
    const text = '会议听取了秘书处关于二〇二六年工作的报告，与会代表进行了充分讨论，一致同意该报告。';
    const mid = { now: 1_000_000, lastWriteAt: 1_000_000 - 500, lastSnapshotAt: 1_000_000 - 1000 };
    expect(removedChars(text, text + '补充')).toBe(0);
    expect(removedChars('甲乙丙丁', '甲X丁')).toBe(2);
    // Typing a character or two more: no version (the burst rule applies).
    expect(shouldSnapshot({ ...mid, storedText: text, newText: text + '补' })).toBe(false);
    expect(shouldSnapshot({ ...mid, storedText: text, newText: text.slice(0, -1) })).toBe(false);
    // Select all and retype: the old text is kept.
    expect(shouldSnapshot({ ...mid, storedText: text, newText: '新' })).toBe(true);
    // A deleted sentence (≥ 20 characters), or a third of a short text replaced.
    expect(shouldSnapshot({ ...mid, storedText: text, newText: text.slice(0, 5) + text.slice(30) })).toBe(
      true,
    );
    expect(shouldSnapshot({ ...mid, storedText: '同意本议案并报指导单位。', newText: '同意。' })).toBe(true);
  });
});

describe('offices (R-O5, R-O8, R-M4) and fee tier (R-D1, R-D5)', () => {
  const member = (id: number, approvedOn: string): Member =>
    ({ id, name: `单位${id}`, approvedOn, tier: 'member', representative: { name: `代表${id}` } }) as Member;

  it('a tenth standing director is refused (R-O5)', () => {
    const c = electionCheck({ role: 'standing', memberId: 20, startOn: ASOF }, demo.offices, demo.members, S);
    expect(c.errors.join()).toMatch(/常务理事不超过 9 个/);
  });

  it('a unit with less than a year of membership cannot be a director (R-M4)', () => {
    const c = electionCheck(
      { role: 'director', memberId: 500, startOn: ASOF },
      [],
      [member(500, '2025-01-01')],
      S,
    );
    expect(c.errors.join()).toMatch(/入会未满一年/);
    expect(
      electionCheck(
        { role: 'director', memberId: 500, startOn: '2026-01-01' },
        [],
        [member(500, '2025-01-01')],
        S,
      ).errors,
    ).toEqual([]);
  });

  it('chair without a full standing-director term is refused (R-O8)', () => {
    const c = electionCheck(
      { role: 'chair', memberId: 500, startOn: ASOF },
      [],
      [member(500, '2015-01-01')],
      S,
    );
    expect(c.errors.join()).toMatch(/至少有一届常务理事/);
  });

  it('the secretary-general needs no unit', () => {
    expect(
      electionCheck({ role: 'secretary-general', startOn: ASOF }, demo.offices, demo.members, S).errors,
    ).toEqual([]);
  });

  it('tier rises from 1 January of the next year, never falls', () => {
    expect(tierChangeFor('member', 'director', '2025-06-15')).toEqual({
      tier: 'director',
      effectiveFrom: '2026-01-01',
    });
    expect(tierChangeFor('director', 'chair', '2025-12-31')).toEqual({
      tier: 'chair',
      effectiveFrom: '2026-01-01',
    });
    expect(tierChangeFor('standing', 'director', '2025-06-15')).toBeNull();
    expect(tierChangeFor('member', 'secretary-general', '2025-06-15')).toBeNull();
  });

  it('recorded early ends become endedOn', () => {
    const [t] = officeTerms(
      [
        {
          role: 'director',
          memberId: 3,
          holderName: 'x',
          startOn: '2023-01-01',
          endOn: '2024-06-30',
          createdAt: '',
        },
      ],
      S,
    );
    expect(t?.endedOn).toBe('2024-06-30');
  });
});

describe('standing absence flag input and compliance (R-O2, R-O4, R-O6)', () => {
  it('the demo standing director 9 missed the last two standing-council meetings', () => {
    const sa = standingAttendance(demo.meetings, demo.attendance);
    const last = sa.sort((a, b) => a.date.localeCompare(b.date)).slice(-2);
    for (const m of last) expect(m.attendance.find((a) => a.holderId === 9)?.attendance).toBe('absent');
  });

  it('per body: last meeting, this year, this half, current period status', () => {
    const rows = complianceOf(
      [
        { body: 'standing', date: '2025-02-10', quorate: true },
        { body: 'standing', date: '2024-08-10', quorate: true },
        { body: 'council', date: '2024-04-10', quorate: true },
        { body: 'assembly', date: '2025-03-10', quorate: false },
      ],
      '2025-06-15',
    );
    const by = Object.fromEntries(rows.map((r) => [r.body, r]));
    expect(by.standing).toMatchObject({ lastMeeting: '2025-02-10', thisYear: 1, thisHalf: 1 });
    expect(by.standing?.current?.status).toBe('met');
    expect(by.council?.current?.status).toBe('open');
    // A meeting without quorum does not count.
    expect(by.assembly?.thisYear).toBe(0);
    expect(by.assembly?.current?.status).toBe('open');
  });
});

describe('caretAfterReplace (the minutes follow another workstation’s text under the caret)', () => {
  it('stays before the changed part, moves with the text after it, goes to the end of a part it was in', () => {
    const before = '一、会议时间。二、会议地点。';
    // Another workstation added at the end: a caret in the middle stays.
    expect(caretAfterReplace(before, `${before}三、参加人员。`, 3)).toBe(3);
    // … inserted at the start: a caret after it moves by its length.
    expect(caretAfterReplace(before, `议程：${before}`, 7)).toBe(10);
    // … rewrote the part the caret was in: the caret goes to the end of the new part.
    expect(caretAfterReplace('甲乙丙丁', '甲戊戊戊丁', 2)).toBe(4);
    expect(caretAfterReplace('', '新', 0)).toBe(0);
    expect(caretAfterReplace('甲乙', '甲', 2)).toBe(1);
  });
});
