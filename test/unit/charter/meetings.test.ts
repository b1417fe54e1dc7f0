import { describe, expect, it } from 'vitest';
import type { HeldMeeting, OfficeTerm } from '../../../shared/charter';
import * as charter from '../../../shared/charter';
import { expectRangeError } from './helpers';

describe('R-O1 bodies', () => {
  it('assembly, council, standing council', () => {
    expect(charter.BODIES).toEqual(['assembly', 'council', 'standing']);
  });
});

describe('entitled list fixed on the meeting date (R-O2, R-O4, R-O6)', () => {
  const members = [
    { memberId: 1, approvedOn: '2022-01-10' },
    { memberId: 2, approvedOn: '2023-05-01', leftOn: '2024-03-01' },
    { memberId: 3, approvedOn: '2024-02-29' },
  ];
  const terms: OfficeTerm[] = [
    { holderId: 1, role: 'director', startOn: '2022-06-01' },
    { holderId: 3, role: 'director', startOn: '2024-06-01' },
    { holderId: 1, role: 'standing', startOn: '2022-06-01' },
    { holderId: 4, role: 'chair', startOn: '2022-06-01' },
    { holderId: 4, role: 'standing', startOn: '2022-06-01' },
    { holderId: 90, role: 'secretary-general', startOn: '2022-06-01' },
  ];

  it('R-O2 assembly: members approved on or before the date and not yet left', () => {
    expect(charter.membersOn(members, '2024-02-28')).toEqual([1, 2]);
    expect(charter.membersOn(members, '2024-02-29')).toEqual([1, 2, 3]);
    expect(charter.membersOn(members, '2024-03-01')).toEqual([1, 3]);
    expect(charter.entitledOn('assembly', '2024-03-01', { members })).toEqual({
      body: 'assembly',
      date: '2024-03-01',
      entitled: [1, 3],
      observers: [],
    });
  });

  it('R-O4 council: directors in office (standing directors and the chair included)', () => {
    expect(charter.entitledOn('council', '2024-05-31', { terms }).entitled).toEqual([1, 4]);
    expect(charter.entitledOn('council', '2024-06-01', { terms }).entitled).toEqual([1, 3, 4]);
  });

  it('R-O6 standing council: standing directors; the secretary-general attends without a vote', () => {
    const e = charter.entitledOn('standing', '2024-06-01', { terms });
    expect(e.entitled).toEqual([1, 4]);
    expect(e.observers).toEqual([90]);
    expect(charter.entitledOn('standing', '2025-06-01', { terms }).entitled).toEqual([]); // terms ended 2025-05-31
  });

  it('invalid body or date throws a Chinese RangeError', () => {
    expectRangeError(() => charter.entitledOn('board' as 'council', '2024-06-01', { terms }), /会议机构/);
    expectRangeError(() => charter.entitledOn('council', '2024-06-31', { terms }), /会议日期/);
  });
});

describe('R-O4, R-O6 remote (通讯) meetings: present = ballots returned', () => {
  it('counts entitled ballots returned by the closing date', () => {
    const entitled = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const ballots = [
      ...[1, 2, 3, 4, 5].map((holderId) => ({ holderId, returnedOn: '2024-05-08' })),
      { holderId: 6, returnedOn: '2024-05-11' },
      { holderId: 7, returnedOn: null },
      { holderId: 99, returnedOn: '2024-05-08' },
    ];
    const present = charter.remoteMeetingPresent(entitled, ballots, '2024-05-10');
    expect(present).toEqual([1, 2, 3, 4, 5]);
    expect(charter.isQuorate('standing', entitled.length, present.length)).toBe(false);
    const late = charter.remoteMeetingPresent(entitled, ballots, '2024-05-11');
    expect(late).toHaveLength(6);
    expect(charter.isQuorate('standing', entitled.length, late.length)).toBe(true);
    expect(charter.remoteMeetingPresent(entitled, ballots)).toHaveLength(6);
  });
});

describe('attendance summary', () => {
  it('observers do not count as present; entitled without a record are absent', () => {
    const s = charter.summariseAttendance(
      [1, 2, 3, 4],
      [
        { holderId: 1, attendance: 'present' },
        { holderId: 2, attendance: 'leave' },
        { holderId: 90, attendance: 'observer' },
      ],
    );
    expect(s).toEqual({ entitled: 4, present: 1, absent: 2, leave: 1, observers: 1 });
    expect(
      charter.decideMotion({ body: 'standing', entitled: s.entitled, present: s.present, inFavour: 1 })
        .reason,
    ).toBe('not-quorate');
  });
});

describe('meeting frequency (R-O2 assembly yearly, R-O4 council yearly, R-O6 standing council each half-year)', () => {
  it('labels and half-years', () => {
    expect(charter.COMPLIANCE_STATUS_LABEL).toEqual({
      met: '已召开',
      missed: '未按期召开',
      open: '尚未召开',
    });
    expect(charter.halfYearOf('2024-06-30')).toMatchObject({ half: 1, end: '2024-06-30' });
    expect(charter.halfYearOf('2024-07-01')).toMatchObject({
      half: 2,
      start: '2024-07-01',
      end: '2024-12-31',
    });
  });

  const meetings: HeldMeeting[] = [
    { body: 'assembly', date: '2023-12-31' },
    { body: 'council', date: '2023-04-10' },
    { body: 'council', date: '2024-02-10', quorate: false },
    { body: 'standing', date: '2023-06-30' },
    { body: 'standing', date: '2023-07-01' },
    { body: 'standing', date: '2024-03-01' },
    { body: 'standing', date: '2024-07-15' },
  ];

  it('R-O2 assembly: 2023 met on 12-31; 2024 missed once the year is over', () => {
    const r = charter.meetingCompliance(meetings, { from: '2023-01-01', asOf: '2025-01-01' }, ['assembly']);
    expect(r.map((p) => [p.label, p.status])).toEqual([
      ['2023 年', 'met'],
      ['2024 年', 'missed'],
      ['2025 年', 'open'],
    ]);
    expect(r[1]?.message).toMatch(/每年至少召开一次/);
    expect(r[2]?.message).toMatch(/须于 2025-12-31 前召开/);
  });

  it('R-O4 council: a meeting without quorum does not count; 12-31 is still in time', () => {
    const r = charter.meetingCompliance(meetings, { from: '2023-01-01', asOf: '2024-12-31' }, ['council']);
    expect(r.map((p) => p.status)).toEqual(['met', 'open']);
    const r2 = charter.meetingCompliance(meetings, { from: '2023-01-01', asOf: '2025-01-01' }, ['council']);
    expect(r2[1]?.status).toBe('missed');
  });

  it('R-O6 standing council: each calendar half-year, boundaries 06-30 / 07-01', () => {
    const r = charter.meetingCompliance(meetings, { from: '2023-01-01', asOf: '2025-07-01' }, ['standing']);
    expect(r.map((p) => [p.label, p.status, p.meetings])).toEqual([
      ['2023 年上半年', 'met', ['2023-06-30']],
      ['2023 年下半年', 'met', ['2023-07-01']],
      ['2024 年上半年', 'met', ['2024-03-01']],
      ['2024 年下半年', 'met', ['2024-07-15']],
      ['2025 年上半年', 'missed', []],
      ['2025 年下半年', 'open', []],
    ]);
    expect(r[4]?.message).toMatch(/至少半年召开一次/);
  });

  it('meetings after asOf do not count; periods start at the one containing `from`', () => {
    const r = charter.meetingCompliance(meetings, { from: '2023-08-01', asOf: '2024-02-01' }, ['standing']);
    expect(r.map((p) => [p.label, p.status])).toEqual([
      ['2023 年下半年', 'met'],
      ['2024 年上半年', 'open'],
    ]);
    expect(charter.meetingCompliance(meetings, { from: '2025-01-01', asOf: '2024-01-01' })).toEqual([]);
  });
});
