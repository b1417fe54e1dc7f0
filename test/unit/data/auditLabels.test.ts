/**
 * Issue 16.1: every field of every audited record type has a Chinese label for the audit reader, and its
 * values read as the desks show them — never JSON, an internal value or a raw id. The samples are typed
 * `Required<…>`: a field added to a record without a sample here fails to compile, one without a label fails.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_LABEL,
  DOC_STATUS_TEXT,
  ENROLMENT_STATUS_TEXT,
  actionLabel,
  fieldSpec,
  flattenChanges,
  formatValue,
  readableChanges,
  type AuditNames,
} from '../../../shared/data/auditView';
import { fieldChanges } from '../../../shared/domain/audit';
import type * as R from '../../../shared/domain/records';
import { TABLE_LABEL } from '../../../shared/data/manifest';
import { DEFAULT_CHARTER_SETTINGS } from '../../../shared/charter';
import { ENROLMENT_STATUS_LABEL } from '../../../renderer/src/features/programmes/logic';
import { DOC_STATUS_LABEL } from '../../../renderer/src/features/documents/logic';
import { STEPS } from '../../../renderer/src/features/applications/logic';
import type { SunshineFormValues } from '../../../shared/documents';

const AT = '2026-11-20T02:03:04.000Z';
const person = { name: '张伟', position: '总经理', mobile: '13800138000', email: 'zw@example.cn' };
const unit: Required<R.MemberFields> = {
  name: '深圳示例网络安全科技有限公司',
  creditCode: '91440300MA5G1B2C3X',
  region: '广东省深圳市',
  nature: '企业',
  business: '网络安全服务',
  tier: 'director',
  representative: person,
  contact: { ...person, name: '李娜' },
  postalAddress: '深圳市南山区',
};
const form: Required<SunshineFormValues> = {
  unitName: unit.name,
  contactName: '李娜',
  mobile: '13900139000',
  position: '市场总监',
  email: 'ln@example.cn',
  postalAddress: '深圳市南山区',
  serviceContent: '安全运维',
  qualifications: 'CCRC',
  domainsAndClients: '金融',
  staffing: '50 人',
  financials: '良好',
  strengths: '响应快',
  applicationDate: '2026-11-01',
};

// Ids used below, each named by the screen's lookup.
const NAMES: AuditNames = {
  member: new Map([[194, unit.name]]),
  programme: new Map([[7, '网络安全服务阳光行动']]),
  document: new Map([[31, 'CCIA 秘[2026]012 号']]),
  meeting: new Map([[5, '第三届常务理事会第二次会议']]),
  motion: new Map([[9, '关于吸收新会员的决议']]),
  agendaItem: new Map([[11, '审议入会申请']]),
  activity: new Map([[3, '2026 网络安全年会']]),
  certificate: new Map([[21, 'CCIA-HY-2026-001']]),
  application: new Map([[4, unit.name]]),
};

/** One complete record of every table that is audited, every optional field filled. */
const SAMPLES: Record<string, object> = {
  members: {
    ...unit,
    id: 194,
    status: 'withdrawing',
    approvedOn: '2024-03-01',
    withdrawal: {
      noticeReceivedOn: '2026-11-01',
      effectiveOn: '2026-12-01',
      reportDueBy: '2026-11-07',
      reportedOn: '2026-11-05',
    },
    left: {
      on: '2026-12-01',
      how: 'withdrawn',
      reason: '业务调整',
      resolutionRef: '常务理事会决议',
      motionId: 9,
    },
    confirmedWarnings: ['注册地不在中国大陆境内'],
    searchText: 'szsl shenzhen',
    importBatchId: 2,
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<R.Member>,
  contactChanges: {
    id: 1,
    memberId: 194,
    role: 'contact',
    person,
    noticeOn: '2026-10-01',
    recordedAt: AT,
  } satisfies Required<R.ContactChange>,
  tierChanges: {
    id: 1,
    memberId: 194,
    tier: 'standing',
    effectiveFrom: '2027-01-01',
    reason: '当选常务理事单位',
    recordedAt: AT,
  } satisfies Required<R.TierChange>,
  applications: {
    id: 4,
    unit,
    memberId: 194,
    step: 'council',
    outcome: 'approved',
    materials: { application: true, introduction: true, licence: true, report: false },
    materialsReceivedOn: '2026-09-01',
    reviewOpinion: '材料齐全',
    reviewedOn: '2026-09-05',
    council: { decision: 'approved', on: '2026-09-20', resolutionRef: '常务理事会决议', motionId: 9 },
    notifiedOn: '2026-09-25',
    certificateId: 21,
    confirmedWarnings: ['统一社会信用代码校验位不符'],
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<R.Application>,
  duesOverrides: {
    id: 1,
    memberId: 194,
    year: 2026,
    amount: 2500,
    reason: '理事会决议减免',
    recordedAt: AT,
  } satisfies Required<R.DuesOverride>,
  payments: {
    id: 1,
    memberId: 194,
    year: 2026,
    paidOn: '2026-01-20',
    amount: 10000,
    method: '银行转账',
    receiptNo: 'SJ-001',
    note: '',
    voided: { at: AT, reason: '重复登记' },
    recordedAt: AT,
  } satisfies Required<R.Payment>,
  activities: {
    ...({
      id: 3,
      name: '2026 网络安全年会',
      kind: '会议',
      date: '2026-09-10',
      place: '北京',
      note: '',
      createdAt: AT,
    } satisfies Required<R.Activity>),
    participants: [194],
  },
  participations: {
    id: 1,
    activityId: 3,
    memberId: 194,
    date: '2026-09-10',
  } satisfies Required<R.Participation>,
  meetings: {
    ...({
      id: 5,
      body: 'standing',
      form: 'remote',
      name: '第三届常务理事会第二次会议',
      date: '2026-11-10',
      place: '北京',
      chair: '王强',
      recorder: '赵敏',
      entitled: [{ memberId: 194, name: unit.name, representative: '张伟' }],
      returnBy: '2026-11-17',
      noticeDocId: 31,
      createdAt: AT,
      updatedAt: AT,
    } satisfies Required<R.Meeting>),
    entitledCount: 1,
  },
  attendance: {
    id: 1,
    meetingId: 5,
    memberId: 194,
    status: 'leave',
    attendee: '张伟',
    ballotSentOn: '2026-11-10',
    ballotReturnedOn: '2026-11-12',
    updatedAt: AT,
  } satisfies Required<R.AttendanceRecord>,
  agendaItems: {
    id: 11,
    meetingId: 5,
    order: 1,
    title: '审议入会申请',
    discussion: '同意',
    updatedAt: AT,
  } satisfies Required<R.AgendaItem>,
  minuteVersions: { id: 1, agendaItemId: 11, text: '同意', savedAt: AT } satisfies Required<R.MinuteVersion>,
  motions: {
    id: 9,
    meetingId: 5,
    agendaItemId: 11,
    title: '关于吸收新会员的决议',
    text: '同意吸收',
    tallyMode: 'counts',
    counts: { for: 7, against: 1, abstain: 0 },
    guidingDecision: { decision: 'approved', on: '2026-11-20' },
    subject: { kind: 'admission', refId: 4 },
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<R.Motion>,
  ballots: {
    id: 1,
    motionId: 9,
    memberId: 194,
    choice: 'abstain',
    returnedOn: '2026-11-12',
    recordedAt: AT,
  } satisfies Required<R.Ballot>,
  offices: {
    id: 1,
    role: 'vice-chair',
    memberId: 194,
    holderName: '张伟',
    startOn: '2024-01-01',
    endOn: '2026-12-31',
    ended: { on: '2026-06-30', reason: '辞职' },
    motionId: 9,
    createdAt: AT,
  } satisfies Required<R.Office>,
  programmes: {
    id: 7,
    name: '网络安全服务阳光行动',
    description: '',
    callNoticeDocId: 31,
    callYear: 2026,
    deadline: '2026-11-30',
    certificatePrefix: 'YGXD',
    createdAt: AT,
  } satisfies Required<R.Programme>,
  enrolments: {
    ...({
      id: 1,
      programmeId: 7,
      memberId: 194,
      status: 'approved',
      receipts: {
        formWord: '2026-10-01',
        formPdf: '2026-10-01',
        declarationPdf: '2026-10-02',
        paper: '2026-10-09',
      },
      form,
      review: { decision: 'returned', on: '2026-10-10', reason: '缺盖章' },
      certificateId: 21,
      withdrawn: { on: '2026-11-01', reason: '违反行为准则' },
      createdAt: AT,
      updatedAt: AT,
    } satisfies Required<R.Enrolment>),
    file: '申请表.pdf',
    sha256: 'ab'.repeat(32),
  },
  documents: {
    id: 31,
    year: 2026,
    seq: 12,
    docNumber: 'CCIA 秘[2026]012 号',
    title: '关于召开年会的通知',
    type: '会议通知',
    date: '2026-11-01',
    addressee: '各会员单位',
    body: '一、时间',
    attachments: ['参会回执'],
    issuer: '中国网络安全产业联盟',
    template: 'meeting',
    letterhead: { mark: '中国网络安全产业联盟文件' },
    colophon: { cc: '指导单位', printDate: '2026-11-02' },
    status: 'final',
    certificateBatch: {
      kind: 'programme',
      programmeName: '网络安全服务阳光行动',
      items: [{ certificateId: 21, certificateNo: 'YGXD-2026-001', unitName: unit.name }],
    },
    sha256: 'cd'.repeat(32),
    voided: { at: AT, reason: '标题有误' },
    createdAt: AT,
    updatedAt: AT,
  } satisfies Required<R.OutgoingDocument>,
  certificates: {
    id: 21,
    kind: 'programme',
    certificateNo: 'YGXD-2026-001',
    memberId: 194,
    programmeId: 7,
    issuedOn: '2026-11-20',
    status: 'returned',
    returned: { on: '2026-11-25', reason: '退出专项行动' },
    createdAt: AT,
  } satisfies Required<R.Certificate>,
  files: {
    id: 1,
    ownerType: 'enrolment',
    ownerId: 1,
    kind: 'formPdf',
    name: '申请表.pdf',
    mime: 'application/pdf',
    size: 1024,
    sha256: 'ef'.repeat(32),
    data: new Blob(['%PDF-']),
    receivedOn: '2026-10-01',
    createdAt: AT,
  } satisfies Required<R.StoredFile>,
  // The settings the desks audit: 章程参数, 公文设置, 收款账户, 会费台账起始年度.
  settings: {
    ...DEFAULT_CHARTER_SETTINGS,
    docNumberStyle: 'gbt9704',
    fontScheme: 'windows',
    letterheadDefault: true,
    letterheadMark: '中国网络安全产业联盟文件',
    accountName: '中国网络安全产业联盟',
    bank: '中国银行',
    accountNo: '1234',
    duesTrackedFrom: 2024,
  },
  // An import batch's undo lists what it took back.
  imports: {
    fileName: '名册.xlsx',
    count: 2,
    members: [{ name: unit.name }],
    contactChanges: [],
    tierChanges: [],
    undone: { at: AT },
  } satisfies Omit<Required<R.ImportBatch>, 'id' | 'at'> & Record<string, unknown>,
};

/** A changed copy of a record: every leaf value different (so an update lists every field). */
function changed(v: unknown): unknown {
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? '2025-01-02' : v + '（改）';
  if (typeof v === 'number')
    return v === 194 ? null : v === 7 || v === 31 || v === 5 || v === 9 ? null : v + 1;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return [];
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, changed(x)]));
  return v;
}

/** An entry's change lines and the problems in them: no label, JSON, an internal value or a raw id. */
function problemsOf(entity: string, before: object | undefined, after: object | undefined): string[] {
  const changes = flattenChanges(fieldChanges(before, after), entity);
  const problems: string[] = [];
  for (const c of changes) {
    const line = readableChanges([c], entity, NAMES)[0]!;
    const [label, values] = [line.slice(0, line.indexOf('：')), line.slice(line.indexOf('：') + 1)];
    if (!/[\u4e00-\u9fff]/.test(label)) problems.push(`no label: ${line}`);
    if (/[{}]|\[\{|"\w+":/.test(values)) problems.push(`JSON: ${line}`);
    if (/Id$|^participants$/.test(c.field) && /(^|→ )\d+( →|$)/.test(values))
      problems.push(`raw id: ${line}`);
    if (/(^|→ )[a-z][a-zA-Z-]+( →|$)/.test(values)) problems.push(`internal value: ${line}`);
  }
  return problems;
}

describe('the audit reader labels every field of every record (issue 16.1)', () => {
  it('covers every audited table of the schema', () => {
    const audited = Object.keys(TABLE_LABEL).filter((t) => t !== 'audit');
    expect(audited.filter((t) => !(t in SAMPLES))).toEqual([]);
  });

  for (const [entity, sample] of Object.entries(SAMPLES)) {
    it(`${entity}: created, changed in every field, and undone — every line labelled and readable`, () => {
      const problems = [
        ...problemsOf(entity, undefined, sample),
        ...problemsOf(entity, sample, changed(sample) as object),
        ...problemsOf(entity, sample, undefined),
      ];
      expect(problems.join('\n')).toBe('');
      for (const c of flattenChanges(fieldChanges(undefined, sample), entity))
        if (!['id', 'searchText', 'createdAt', 'updatedAt', 'recordedAt'].includes(c.field))
          expect(fieldSpec(c.field, entity), `${entity}.${c.field}`).toBeDefined();
    });
  }

  it('every action has its label, and an entry of each action reads without a raw field name', () => {
    for (const action of Object.keys(ACTION_LABEL)) expect(actionLabel(action)).not.toBe(action);
    // The writes' own shapes, one per action.
    const cases: [R.AuditAction, string, object, object][] = [
      ['create', 'enrolments', {}, { programmeId: 7, memberId: 194, status: 'applied' }],
      ['update', 'programmes', SAMPLES.programmes!, { ...SAMPLES.programmes, name: '数据安全行动' }],
      ['status', 'enrolments', { status: 'applied' }, { status: 'approved' }],
      ['payment', 'payments', {}, SAMPLES.payments!],
      ['vote', 'motions', { counts: null }, { counts: { for: 7, against: 1, abstain: 0 } }],
      [
        'docnumber',
        'documents',
        { status: 'draft', docNumber: null },
        { status: 'final', docNumber: 'CCIA 秘[2026]012 号', year: 2026, seq: 12 },
      ],
      ['import', 'imports', {}, { fileName: '名册.xlsx', count: 2 }],
      ['undo', 'imports', { members: [{ name: 'x' }] }, { members: null }],
      ['restore', 'database', {}, {}],
      ['void', 'documents', { status: 'final' }, { status: 'void', reason: '标题有误' }],
    ];
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(Object.keys(ACTION_LABEL)));
    for (const [, entity, before, after] of cases) expect(problemsOf(entity, before, after)).toEqual([]);
  });

  it('reads as the desks do: the programme’s name, 已通过, dates, money and linked names', () => {
    const lines = (entity: string, before: object, after: object) =>
      readableChanges(fieldChanges(before, after), entity, NAMES);
    expect(
      lines('programmes', {}, { name: '网络安全服务阳光行动', deadline: '2026-11-30', callYear: 2026 }),
    ).toEqual([
      '行动名称：（空） → 网络安全服务阳光行动',
      '征集截止日期：（空） → 2026-11-30',
      '征集年度：（空） → 2026 年',
    ]);
    expect(lines('enrolments', { status: 'applied' }, { status: 'approved' })).toEqual([
      '状态：已申请 → 已通过',
    ]);
    expect(lines('enrolments', {}, { programmeId: 7, memberId: 194 })).toEqual([
      '专项行动：（空） → 网络安全服务阳光行动',
      `会员单位：（空） → ${unit.name}`,
    ]);
    expect(lines('documents', { status: 'draft' }, { status: 'final', seq: 12 })).toEqual([
      '状态：草稿 → 已定稿',
      '年度序号：（空） → 第 12 号',
    ]);
    expect(lines('payments', {}, { amount: 10000 })).toEqual(['金额：（空） → 10,000 元']);
    expect(
      lines('members', { representative: person }, { representative: { ...person, name: '王芳' } }),
    ).toEqual(['会员代表：张伟 → 王芳']);
    // Without a name for it, a linked record is named by its kind, never by its id.
    expect(readableChanges([{ field: 'memberId', before: null, after: 999 }], 'ballots', {})).toEqual([
      '会员单位：（空） → （未知会员单位）',
    ]);
  });

  it('uses the desks’ own words for statuses and steps', () => {
    expect(ENROLMENT_STATUS_TEXT).toEqual(ENROLMENT_STATUS_LABEL);
    expect(DOC_STATUS_TEXT).toEqual(DOC_STATUS_LABEL);
    // The audit reader's format of applications.step names each step as the applications desk does.
    const steps = (fieldSpec('step', 'applications')?.format as { enum: Record<string, string> }).enum;
    for (const { key, title } of STEPS) expect(steps[key]).toBe(title);
  });

  it('reads the earlier 会费标准 of 章程参数 by period (R-D1), not as “1 项”', () => {
    const earlier = [
      { until: 2027, schedule: { chair: 30000, standing: 30000, director: 10000, member: 5000 } },
    ];
    expect(formatValue('earlierDuesSchedules', earlier, 'settings')).toBe(
      '2027 年以前：理事长单位 30,000 元、常务理事单位 30,000 元、理事单位 10,000 元、会员单位 5,000 元',
    );
    expect(formatValue('earlierDuesSchedules', [], 'settings')).toBe('（空）');
  });
});
