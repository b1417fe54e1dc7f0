/**
 * 年度报告 on a small hand-built year (2025): every figure written out below by hand, from the records in
 * this file — not from the functions under test. Rules cited: R-M6/R-M7/R-M9 (leaving), R-M7 (12 months
 * without activity), R-D1..R-D7 (dues; R-D4 half for a July approval, R-D5 the tier on 1 January and an
 * override, R-D6 leavers still owe), R-O2/R-O4/R-O6 (meetings, quorum, frequency; R-O6 guiding unit),
 * R-O3/R-O9 (terms), R-W1 (voided numbers).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_CHARTER_SETTINGS, yearOf } from '../../../shared/charter';
import type {
  Activity,
  AttendanceRecord,
  Ballot,
  Certificate,
  DuesOverride,
  Enrolment,
  Meeting,
  Member,
  Motion,
  Office,
  OutgoingDocument,
  Participation,
  Payment,
  Programme,
  TierChange,
} from '../../../shared/domain/records';
import type { MemberStatus, Tier } from '../../../shared/domain/types';
import { annualReport, statusOn, type ReportData } from '../../../shared/report/figures';
import { computeReport } from '../../../renderer/src/features/report/data';
import { freshDb } from '../db/harness';
import { periodText, reportSections, reportTitle } from '../../../shared/report/tables';
import { buildAnnualReport } from '../../../shared/documents/annualReport';
import { reportWorkbook } from '../../../renderer/src/features/report/excel';

const T = '2025-01-01T00:00:00.000Z';
const person = { name: '张三', position: '总经理', mobile: '13800000000', email: 'a@b.cn' };

function member(
  id: number,
  name: string,
  tier: Tier,
  approvedOn: string,
  status: MemberStatus = 'active',
  extra: Partial<Member> = {},
): Member {
  return {
    id,
    name,
    creditCode: `CODE${id}`,
    region: '北京市',
    nature: '企业',
    business: '网络安全',
    tier,
    representative: person,
    contact: person,
    postalAddress: '北京',
    status,
    approvedOn,
    searchText: name,
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

// A chair, B standing, C director → standing from 2025-07-01, D withdrew 2025-04-30 (R-M6), E automatically
// withdrawn 2025-09-15 (R-M7), F expelled 2025-10-08 (R-M9), G new 2025-03-18, H new 2025-08-05 (R-D4 half),
// I withdrawal notice 2025-12-10 (退会中 at the year end), J approved in 2026, K left 2024-12-31.
const members: Member[] = [
  member(1, '甲单位', 'chair', '2019-03-01'),
  member(2, '乙单位', 'standing', '2020-05-10'),
  member(3, '丙单位', 'standing', '2021-02-01'),
  member(4, '丁单位', 'member', '2022-06-15', 'withdrawn', {
    withdrawal: { noticeReceivedOn: '2025-03-20', effectiveOn: '2025-04-30', reportDueBy: '2025-03-27' },
    left: { on: '2025-04-30', how: 'withdrawn', reason: '书面申请退会' },
  }),
  member(5, '戊单位', 'member', '2023-01-10', 'auto-withdrawn', {
    left: { on: '2025-09-15', how: 'auto-withdrawn', reason: '逾期未缴会费' },
  }),
  member(6, '己单位', 'member', '2024-11-20', 'expelled', {
    left: { on: '2025-10-08', how: 'expelled', reason: '严重违反章程' },
  }),
  member(7, '庚单位', 'member', '2025-03-18'),
  member(8, '辛单位', 'member', '2025-08-05'),
  member(9, '壬单位', 'member', '2024-02-02', 'withdrawing', {
    withdrawal: { noticeReceivedOn: '2025-12-10', effectiveOn: '2026-01-09', reportDueBy: '2025-12-17' },
  }),
  member(10, '癸单位', 'member', '2026-01-05'),
  member(11, '子单位', 'director', '2018-01-01', 'withdrawn', {
    left: { on: '2024-12-31', how: 'withdrawn', reason: '书面申请退会' },
  }),
];

const tc = (memberId: number, tier: Tier, effectiveFrom: string, reason: string): TierChange => ({
  memberId,
  tier,
  effectiveFrom,
  reason,
  recordedAt: T,
});
const tierChanges: TierChange[] = [
  ...members.map((m) => tc(m.id!, m.id === 3 ? 'director' : m.tier, m.approvedOn!, '入会')),
  tc(3, 'standing', '2025-07-01', '理事会选举为常务理事单位'),
];

const overrides: DuesOverride[] = [
  { memberId: 2, year: 2025, amount: 20000, reason: '常务理事会决议减免', recordedAt: T },
];

let pid = 1;
const pay = (memberId: number, year: number, paidOn: string, amount: number, voided = false): Payment => ({
  id: pid++,
  memberId,
  year,
  paidOn,
  amount,
  method: '银行转账',
  receiptNo: `R${pid}`,
  recordedAt: T,
  ...(voided ? { voided: { at: T, reason: '录错' } } : {}),
});
const payments: Payment[] = [
  pay(1, 2025, '2025-01-20', 30000),
  pay(2, 2025, '2025-02-10', 20000),
  pay(3, 2025, '2025-01-24', 10000, true),
  pay(3, 2025, '2025-01-25', 10000),
  pay(5, 2025, '2025-03-01', 2000),
  pay(5, 2024, '2025-02-15', 5000),
  pay(6, 2025, '2025-01-30', 5000),
  pay(7, 2025, '2025-04-10', 5000),
  pay(9, 2025, '2024-12-20', 5000),
];

const meeting = (
  id: number,
  body: Meeting['body'],
  form: Meeting['form'],
  date: string,
  ids: number[],
  sg = false,
): Meeting => ({
  id,
  body,
  form,
  name: `会议${id}`,
  date,
  place: '北京',
  chair: '张三',
  recorder: '李四',
  entitled: [
    ...ids.map((memberId) => ({ memberId, name: `会员${memberId}`, representative: '代表' })),
    ...(sg ? [{ memberId: 0, name: '秘书长', representative: '周', observer: true }] : []),
  ],
  createdAt: T,
  updatedAt: T,
});
const meetings: Meeting[] = [
  meeting(10, 'assembly', 'onsite', '2024-05-01', [1, 2]),
  meeting(1, 'standing', 'onsite', '2025-03-10', [1, 2], true),
  meeting(2, 'assembly', 'onsite', '2025-06-20', [1, 2, 3, 5, 6, 7, 9]),
  meeting(3, 'council', 'remote', '2025-11-05', [1, 2, 3]),
  meeting(4, 'standing', 'onsite', '2025-12-20', [1, 2, 3], true),
  meeting(11, 'assembly', 'onsite', '2026-03-01', [1, 2]),
];
let aid = 1;
const att = (
  meetingId: number,
  memberId: number,
  status: AttendanceRecord['status'],
  ballotReturnedOn?: string,
): AttendanceRecord => ({
  id: aid++,
  meetingId,
  memberId,
  status,
  updatedAt: T,
  ...(ballotReturnedOn ? { ballotReturnedOn } : {}),
});
const attendance: AttendanceRecord[] = [
  att(1, 1, 'present'),
  att(1, 2, 'present'),
  att(1, 0, 'observer'),
  ...[1, 2, 5, 7, 9].map((id) => att(2, id, 'present')),
  att(2, 3, 'absent'),
  att(2, 6, 'leave'),
  att(3, 1, 'present', '2025-11-01'),
  att(3, 2, 'present', '2025-11-02'),
  att(3, 3, 'absent'),
  att(4, 1, 'present'),
  att(4, 2, 'absent'),
  att(4, 3, 'absent'),
  att(4, 0, 'observer'),
];
const motion = (id: number, meetingId: number, title: string, extra: Partial<Motion>): Motion => ({
  id,
  meetingId,
  agendaItemId: id,
  title,
  text: '',
  tallyMode: 'counts',
  createdAt: T,
  updatedAt: T,
  ...extra,
});
const motions: Motion[] = [
  motion(1, 1, '议案一', {
    counts: { for: 2, against: 0, abstain: 0 },
    guidingDecision: { decision: 'approved', on: '2025-03-20' },
  }),
  motion(2, 1, '议案二', { counts: { for: 2, against: 0, abstain: 0 } }),
  motion(3, 2, '议案三', { counts: { for: 3, against: 2, abstain: 0 } }),
  motion(4, 2, '议案四', { counts: { for: 2, against: 3, abstain: 0 } }),
  motion(7, 2, '议案七', {}),
  motion(5, 3, '议案五', { tallyMode: 'names' }),
  motion(6, 4, '议案六', { counts: { for: 1, against: 0, abstain: 0 } }),
];
const ballot = (memberId: number): Ballot => ({ motionId: 5, memberId, choice: 'for', recordedAt: T });
// C's ballot is kept but not counted: C returned no ballot, so it is not present (motionTally).
const ballots: Ballot[] = [ballot(1), ballot(2), ballot(3)];

const office = (
  id: number,
  role: Office['role'],
  memberId: number | undefined,
  startOn: string,
  endOn: string,
  extra: Partial<Office> = {},
): Office => ({
  id,
  role,
  ...(memberId !== undefined ? { memberId } : {}),
  holderName: `任职者${id}`,
  startOn,
  endOn,
  createdAt: T,
  ...extra,
});
const offices: Office[] = [
  office(1, 'chair', 1, '2023-04-01', '2026-03-31'),
  office(2, 'standing', 3, '2025-07-01', '2028-06-30'),
  office(3, 'secretary-general', undefined, '2022-01-10', '2025-01-09'),
  office(4, 'director', 2, '2023-06-01', '2026-05-31', { ended: { on: '2025-05-01', reason: '辞任' } }),
  office(5, 'standing', 2, '2023-06-01', '2026-05-31'),
];

const activity = (id: number, date: string, name: string): Activity => ({
  id,
  name,
  kind: '会议',
  date,
  createdAt: T,
});
const activities: Activity[] = [
  activity(1, '2024-11-01', '2024 年论坛'),
  activity(2, '2025-02-15', '2025 年论坛'),
  activity(3, '2025-09-20', '2025 年培训'),
];
const part = (activityId: number, memberId: number, date: string): Participation => ({
  activityId,
  memberId,
  date,
});
const participations: Participation[] = [
  part(1, 3, '2024-11-01'),
  part(2, 1, '2025-02-15'),
  part(2, 1, '2025-02-15'),
  part(2, 2, '2025-02-15'),
  part(3, 7, '2025-09-20'),
  part(3, 8, '2025-09-20'),
];

const programmes: Programme[] = [
  {
    id: 1,
    name: '网络安全服务阳光行动',
    description: '',
    callYear: 2025,
    deadline: '2025-11-30',
    certificatePrefix: 'YG',
    createdAt: T,
  },
  {
    id: 2,
    name: '旧专项',
    description: '',
    callYear: 2024,
    deadline: '2024-11-30',
    certificatePrefix: 'JZ',
    createdAt: T,
  },
];
const enrol = (
  id: number,
  memberId: number,
  status: Enrolment['status'],
  receipts: Enrolment['receipts'] = {},
): Enrolment => ({
  id,
  programmeId: 1,
  memberId,
  status,
  receipts,
  createdAt: T,
  updatedAt: T,
});
const enrolments: Enrolment[] = [
  enrol(1, 1, 'approved', { formWord: '2025-10-01' }),
  enrol(2, 2, 'applied', { formWord: '2025-10-02' }),
  enrol(3, 7, 'invited'),
  enrol(4, 8, 'withdrawn'),
  enrol(5, 6, 'withdrawn'),
];
const certificates: Certificate[] = [
  {
    id: 1,
    kind: 'programme',
    certificateNo: 'YG-2025-001',
    memberId: 1,
    programmeId: 1,
    issuedOn: '2025-12-01',
    status: 'valid',
    createdAt: T,
  },
  {
    id: 2,
    kind: 'programme',
    certificateNo: 'YG-2025-002',
    memberId: 6,
    programmeId: 1,
    issuedOn: '2025-02-01',
    status: 'returned',
    returned: { on: '2025-10-10', reason: '除名' },
    createdAt: T,
  },
  {
    id: 3,
    kind: 'member',
    certificateNo: 'HY-2025-001',
    memberId: 7,
    issuedOn: '2025-03-25',
    status: 'valid',
    createdAt: T,
  },
];
const doc = (
  id: number,
  year: number,
  seq: number | undefined,
  type: OutgoingDocument['type'],
  status: OutgoingDocument['status'],
  extra: Partial<OutgoingDocument> = {},
): OutgoingDocument => ({
  id,
  year,
  ...(seq !== undefined ? { seq, docNumber: `CCIA 秘[${year}]${String(seq).padStart(3, '0')} 号` } : {}),
  title: `文件${id}`,
  type,
  date: `${year}-06-01`,
  addressee: '各会员单位',
  body: '',
  attachments: [],
  issuer: '秘书处',
  status,
  createdAt: T,
  updatedAt: T,
  ...extra,
});
const documents: OutgoingDocument[] = [
  doc(1, 2025, 1, '通知', 'final'),
  doc(2, 2025, 2, '会议通知', 'final'),
  doc(3, 2025, 3, '通知', 'void', { voided: { at: T, reason: '标题错误' } }),
  doc(4, 2025, 4, '证书批次', 'final', {
    certificateBatch: {
      kind: 'programme',
      items: [
        { certificateId: 1, certificateNo: 'YG-2025-001', unitName: '甲单位' },
        { certificateId: 2, certificateNo: 'YG-2025-002', unitName: '己单位' },
      ],
    },
  }),
  doc(5, 2025, undefined, '其他', 'draft'),
  doc(6, 2024, 9, '通知', 'final'),
];

const data: ReportData = {
  members,
  tierChanges,
  overrides,
  payments,
  activities,
  participations,
  meetings,
  attendance,
  motions,
  ballots,
  offices,
  programmes,
  enrolments,
  certificates,
  documents,
  settings: { ...DEFAULT_CHARTER_SETTINGS },
};

describe('年度报告, a hand-built year (2025 as of 2025-12-31)', () => {
  const r = annualReport(data, 2025, '2025-12-31');

  it('covers 1 January to 31 December; no record refused', () => {
    expect([r.start, r.end]).toEqual(['2025-01-01', '2025-12-31']);
    expect(r.problems).toEqual([]);
  });

  it('会员: start and end by tier and status, joined, left by kind (R-M6, R-M7, R-M9), tier changes', () => {
    const m = r.membership;
    // 1 January: A B C D E F I (K left 2024-12-31); C still a director (R-D5 history).
    expect(m.start).toEqual({ chair: 1, standing: 1, director: 1, member: 4, total: 7 });
    // 31 December: A B C G H I.
    expect(m.end).toEqual({ chair: 1, standing: 2, director: 0, member: 3, total: 6 });
    expect(m.startStatus).toMatchObject({ active: 7, withdrawn: 1, total: 8 });
    expect(m.endStatus).toMatchObject({
      active: 5,
      withdrawing: 1,
      withdrawn: 2,
      'auto-withdrawn': 1,
      expelled: 1,
      total: 10,
    });
    expect(m.joined.map((j) => [j.name, j.approvedOn, j.tier])).toEqual([
      ['庚单位', '2025-03-18', 'member'],
      ['辛单位', '2025-08-05', 'member'],
    ]);
    expect(m.left.map((l) => [l.name, l.on, l.how])).toEqual([
      ['丁单位', '2025-04-30', 'withdrawn'],
      ['戊单位', '2025-09-15', 'auto-withdrawn'],
      ['己单位', '2025-10-08', 'expelled'],
    ]);
    expect(m.leftByKind).toEqual({ withdrawn: 1, 'auto-withdrawn': 1, expelled: 1 });
    expect(m.tierChanges.map((c) => [c.name, c.from, c.to, c.on])).toEqual([
      ['丙单位', 'director', 'standing', '2025-07-01'],
    ]);
    // Month ends: G joins in March, D gone from 30 April, H joins in August, E gone in September, F in October.
    expect(m.monthly.map((x) => x.counts.total)).toEqual([7, 7, 8, 7, 7, 7, 7, 8, 7, 6, 6, 6]);
    expect(m.monthly[5]!.counts.standing).toBe(1);
    expect(m.monthly[6]!.counts.standing).toBe(2);
  });

  it('会员: the 12-month activity picture (R-M7)', () => {
    const a = r.membership.activity;
    // Checked: A B C G H (approved or active on 31 December; I is leaving). C's last participation was
    // 2024-11-01 (absent from every 2025 meeting): 12 months passed on 2025-11-01.
    expect(a.members).toBe(5);
    expect(a.active).toBe(4);
    expect(a.inactive).toEqual([
      { memberId: 3, name: '丙单位', since: '2024-11-01', lastParticipationOn: '2024-11-01' },
    ]);
    // Feb: A B (forum); Mar: A B (standing); Jun: A B E G I (assembly); Sep: G H (training); Nov: A B
    // (remote council, ballots returned); Dec: A (standing).
    expect(a.byMonth.map((x) => x.units)).toEqual([0, 2, 2, 0, 0, 5, 0, 0, 2, 0, 2, 1]);
  });

  it('会费: due, collected, arrears by tier; by month; earlier years; overrides; the arrears list', () => {
    const d = r.dues;
    // Billed 2025: A 30,000; B 20,000 (override of 30,000); C 10,000 (a director on 1 January, R-D5); D E F
    // 5,000 each (leavers owe the year, R-D6); G 5,000 (approved before July); H 2,500 (R-D4); I 5,000.
    expect(d.units).toBe(9);
    expect(d.due).toBe(87500);
    // Paid: A 30,000, B 20,000, C 10,000 (the voided 10,000 ignored), E 2,000, F 5,000, G 5,000, I 5,000
    // (paid 2024-12-20 for 2025).
    expect(d.collected).toBe(77000);
    expect(d.outstanding).toBe(10500);
    expect(d.arrears).toBe(10500);
    expect(d.byTier).toEqual([
      { tier: 'member', units: 6, due: 27500, collected: 17000, outstanding: 10500, arrears: 10500 },
      { tier: 'director', units: 1, due: 10000, collected: 10000, outstanding: 0, arrears: 0 },
      { tier: 'standing', units: 1, due: 20000, collected: 20000, outstanding: 0, arrears: 0 },
      { tier: 'chair', units: 1, due: 30000, collected: 30000, outstanding: 0, arrears: 0 },
    ]);
    expect(d.byMonth.map((x) => [x.month, x.due, x.collected])).toEqual([
      [1, 80000, 50000],
      [2, 0, 20000],
      [3, 0, 2000],
      [4, 5000, 5000],
      [5, 0, 0],
      [6, 0, 0],
      [7, 0, 0],
      [8, 0, 0],
      [9, 2500, 0],
      [10, 0, 0],
      [11, 0, 0],
      [12, 0, 0],
    ]);
    expect(d.byMonth[11]).toMatchObject({ cumulativeDue: 87500, cumulativeCollected: 77000 });
    const byMonth = reportSections(r)
      .flatMap((s) => s.tables)
      .find((t) => t.id === 'dues-by-month')!;
    // 累计未缴 at the end of January, April and December: 80,000 − 50,000; 85,000 − 77,000; 87,500 − 77,000.
    expect([byMonth.rows[0]![5], byMonth.rows[3]![5], byMonth.rows[11]![5]]).toEqual([30000, 8000, 10500]);
    expect(d.receivedInYear).toEqual([
      { forYear: 2024, amount: 5000, payments: 1 },
      { forYear: 2025, amount: 72000, payments: 6 },
    ]);
    expect(d.receivedForEarlierYears).toBe(5000);
    expect(d.receivedTotal).toBe(77000);
    expect(d.overrides).toEqual([
      { memberId: 2, name: '乙单位', standard: 30000, amount: 20000, reason: '常务理事会决议减免' },
    ]);
    expect(d.arrearsList.map((a) => [a.name, a.outstanding, a.dueOn])).toEqual([
      ['丁单位', 5000, '2025-01-31'],
      ['戊单位', 3000, '2025-01-31'],
      ['辛单位', 2500, '2025-09-05'],
    ]);
  });

  it('会议: held per body against R-O2/R-O4/R-O6, attendance, motions (motionTally), elections, terms ending next year', () => {
    const g = r.meetings;
    expect(
      g.meetings.map((x) => [x.meetingId, x.entitled, x.present, x.rate, x.quorate, x.motions, x.adopted]),
    ).toEqual([
      [1, 2, 2, 100, true, 2, 2],
      [2, 7, 5, 71, true, 3, 1],
      // Remote: present = ballots returned (A, B).
      [3, 3, 2, 66, true, 1, 1],
      // 1 of 3: no quorum (R-O6).
      [4, 3, 1, 33, false, 1, 0],
    ]);
    expect(g.byBody.map((b) => [b.body, b.held, b.notQuorate, b.required])).toEqual([
      ['assembly', 1, 0, 1],
      ['council', 1, 0, 1],
      ['standing', 1, 1, 2],
    ]);
    // The second half-year's standing council had no quorum: not held; due by 31 December (still open on it).
    expect(g.byBody[2]!.periods.map((p) => [p.label, p.status])).toEqual([
      ['2025 年上半年', 'met'],
      ['2025 年下半年', 'open'],
    ]);
    // 一 approved by the guiding unit; 二 awaiting it; 三 2·3 ≥ 5; 四 2·2 < 5; 七 not voted; 五 3·2 ≥ 2·2 (C's
    // ballot not counted); 六 no quorum.
    expect(g.motions.map((x) => [x.title, x.outcome])).toEqual([
      ['议案一', 'approved'],
      ['议案二', 'pending-approval'],
      ['议案三', 'adopted'],
      ['议案四', 'not-adopted'],
      ['议案七', null],
      ['议案五', 'adopted'],
      ['议案六', 'not-adopted'],
    ]);
    expect([g.adopted, g.awaitingGuidingUnit, g.notAdopted, g.undecided]).toEqual([3, 1, 2, 1]);
    expect(g.elections.map((e) => [e.role, e.startOn])).toEqual([['standing', '2025-07-01']]);
    expect(g.endingNextYear.map((e) => [e.role, e.endsOn])).toEqual([
      ['chair', '2026-03-31'],
      ['standing', '2026-05-31'],
    ]);
  });

  it('专项行动, 发文, 活动', () => {
    expect(r.programmes).toEqual([
      {
        programmeId: 1,
        name: '网络安全服务阳光行动',
        callYear: 2025,
        invited: 3,
        applied: 2,
        approved: 1,
        issued: 2,
        returned: 1,
      },
    ]);
    expect(r.documents.byType).toEqual([
      { type: '通知', issued: 1 },
      { type: '会议通知', issued: 1 },
      { type: '证书批次', issued: 1 },
      { type: '其他', issued: 0 },
    ]);
    expect(r.documents.issued).toBe(3);
    expect(r.documents.voided).toEqual([
      { docNumber: 'CCIA 秘[2025]003 号', title: '文件3', reason: '标题错误' },
    ]);
    expect(r.documents.drafts).toBe(1);
    expect(r.documents.batches.map((b) => [b.docNumber, b.certificates])).toEqual([
      ['CCIA 秘[2025]004 号', 2],
    ]);
    expect(r.activities.map((a) => [a.name, a.units])).toEqual([
      ['2025 年论坛', 2],
      ['2025 年培训', 2],
    ]);
  });

  it('an override of a half-year amount shows the engine’s half as the standard (R-D4, R-D5)', () => {
    const withH = annualReport(
      {
        ...data,
        overrides: [...overrides, { memberId: 8, year: 2025, amount: 1000, reason: '减免', recordedAt: T }],
      },
      2025,
      '2025-12-31',
    );
    expect(withH.dues.overrides.map((o) => [o.name, o.standard, o.amount])).toEqual([
      ['乙单位', 30000, 20000],
      ['辛单位', 2500, 1000],
    ]);
    expect(withH.dues.due).toBe(87500 - 1500);
  });

  it('as of a mid-year date the figures stop there (payments and leavers after it are not counted)', () => {
    const mid = annualReport(data, 2025, '2025-06-30');
    expect(mid.end).toBe('2025-06-30');
    // 30 June: A B C E F G I.
    expect(mid.membership.end.total).toBe(7);
    expect(mid.membership.left.map((l) => l.name)).toEqual(['丁单位']);
    expect(mid.membership.monthly).toHaveLength(6);
    // H not yet approved: 9 − 1 billed; every payment was made by April.
    expect(mid.dues.due).toBe(85000);
    expect(mid.dues.collected).toBe(77000);
    expect(mid.meetings.meetings.map((x) => x.meetingId)).toEqual([1, 2]);
    expect(statusOn(members[8]!, '2025-06-30')).toBe('active');
    expect(statusOn(members[8]!, '2025-12-10')).toBe('withdrawing');
  });

  it('summaries state the figures in words; Word and Excel carry every table', async () => {
    const sections = reportSections(r);
    const text = sections.flatMap((s) => s.summary).join('\n');
    expect(text).toContain('联盟共有会员单位 6 家，较年初（7 家）减少 1 家');
    expect(text).toContain('新入会 2 家；离开联盟 3 家，其中退会 1 家、自动退会 1 家、除名 1 家');
    expect(text).toContain('应收会费 9 家、人民币 87,500 元');
    expect(text).toContain('已逾期欠缴 10,500 元（3 家');
    expect(text).toContain('补缴以前年度会费 5,000 元（2024 年度 5,000 元）');
    expect(text).toContain('通过 3 项，未通过 2 项，待指导单位批准 1 项，尚未表决 1 项');
    const tables = sections.flatMap((s) => s.tables);
    // What the clerk reads cites the charter's articles, never rule ids (R-M6 → 章程第十二条).
    const everything = JSON.stringify(sections);
    expect(everything).not.toMatch(/R-[A-Z]\d/);
    const left = tables.find((t) => t.id === 'members-left')!;
    expect(left.rows.map((row) => row[2])).toEqual([
      '退会（章程第十二条）',
      '自动退会（章程第十二条）',
      '除名（章程第十三条）',
    ]);
    const docx = await buildAnnualReport(
      { title: reportTitle(2025), period: periodText(r), asOf: r.end, sections },
      { date: '2025-12-31' },
    );
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('中国网络安全产业联盟秘书处2025年度工作报告（统计部分）');
    expect(plain).toContain('（2025 年全年）');
    for (const t of tables) expect(plain).toContain(t.title);
    // Fixed layout; every non-empty table repeats its header row.
    const nonEmpty = tables.filter((t) => t.rows.length > 0).length;
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(nonEmpty);
    expect((xml.match(/<w:tblLayout w:type="fixed"\/>/g) ?? []).length).toBe(nonEmpty);
    const wb = XLSX.read(reportWorkbook(r, sections), { type: 'array' });
    expect(wb.SheetNames).toHaveLength(tables.length);
    for (const name of wb.SheetNames) {
      const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[name]!, { header: 1 });
      expect(rows[0]).toEqual(['截至 2025-12-31（统计期间：2025 年全年）']);
    }
    const arrears = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['欠缴名单']!, { header: 1 });
    expect(arrears.slice(3)).toEqual([
      [1, '丁单位', '会员单位', 5000, 0, 5000, '2025-01-31'],
      [2, '戊单位', '会员单位', 5000, 2000, 3000, '2025-01-31'],
      [3, '辛单位', '会员单位', 2500, 0, 2500, '2025-09-05'],
    ]);
  });
});

describe('年度报告 of the hand-built year read from the database (features/report/data.ts)', () => {
  it('gives the same figures as from the records above (only what the year needs read, each row once)', async () => {
    const db = freshDb();
    await db.transaction('rw', db.tables, async () => {
      await db.members.bulkAdd(members);
      await db.tierChanges.bulkAdd(tierChanges);
      await db.duesOverrides.bulkAdd(overrides);
      await db.payments.bulkAdd(payments);
      await db.activities.bulkAdd(activities);
      await db.participations.bulkAdd(participations);
      await db.meetings.bulkAdd(meetings);
      await db.attendance.bulkAdd(attendance);
      await db.motions.bulkAdd(motions);
      await db.ballots.bulkAdd(ballots);
      await db.offices.bulkAdd(offices);
      await db.programmes.bulkAdd(programmes);
      await db.enrolments.bulkAdd(enrolments);
      await db.certificates.bulkAdd(certificates);
      await db.documents.bulkAdd(documents);
    });
    for (const asOf of ['2025-12-31', '2025-06-30', '2025-03-01']) {
      const read = await computeReport(db, 2025, asOf);
      expect(read.report).toEqual(annualReport(data, 2025, asOf));
      expect(read.firstYear).toBe(
        Math.min(...data.members.flatMap((m) => (m.approvedOn ? [yearOf(m.approvedOn)] : []))),
      );
    }
  });
});
