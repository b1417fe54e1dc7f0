/**
 * Reading the audit trail: Chinese labels, value formatting and filtering. Pure.
 */
import {
  APPLICATION_STEP_LABEL,
  type AuditAction,
  type AuditEntry,
  type FieldChange,
} from '../domain/records';
import { FIELD_LABEL, fieldChanges } from '../domain/audit';
import {
  ATTENDANCE_LABEL,
  BODY_LABEL,
  MEETING_FORM_LABEL,
  MEMBER_STATUS_LABEL,
  OFFICE_LABEL,
  TIER_LABEL,
  TIERS_HIGHEST_FIRST,
  VOTE_LABEL,
} from '../domain/types';
import { TABLE_LABEL } from './manifest';

export const ACTION_LABEL: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  status: '状态变更',
  payment: '缴费',
  vote: '表决',
  docnumber: '发文编号',
  import: '导入',
  undo: '撤销导入',
  restore: '恢复备份',
  void: '作废/撤销',
};

export const ENTITY_LABEL: Record<string, string> = {
  ...TABLE_LABEL,
  database: '数据库',
  member: '会员单位',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABEL[entity] ?? entity;
}

export function actionLabel(action: string): string {
  return (ACTION_LABEL as Record<string, string>)[action] ?? action;
}

// ------------------------------------------------------------------ fields and values (issue 16)

/** Records an audit value can point to; the screen gives their names (`AuditNames`). */
export type AuditLink =
  | 'member'
  | 'programme'
  | 'document'
  | 'meeting'
  | 'motion'
  | 'agendaItem'
  | 'activity'
  | 'certificate'
  | 'application';

/**
 * Names of linked records, built by the screen that shows the trail: member id → 单位名称, programme id →
 * 名称, document id → 发文字号 (or its title while a draft), meeting id → 会议名称, motion id → 议案标题.
 */
export type AuditNames = Partial<Record<AuditLink, ReadonlyMap<number, string>>>;

type Format =
  | 'text'
  | 'date'
  | 'instant'
  | 'money'
  | 'number'
  | 'year'
  | 'bool'
  | 'hash'
  | 'lines'
  | 'order'
  | 'subjectRef'
  | { enum: Readonly<Record<string, string>> }
  | { link: AuditLink }
  | { links: AuditLink }
  | { count: string };

interface FieldSpec {
  label: string;
  format?: Format;
  /** Shown as one value (not flattened into its parts): the format reads the whole object. */
  whole?: boolean;
}

/** The desks' labels, the same words the clerk reads there (a test compares them with the desks'). */
export const ENROLMENT_STATUS_TEXT: Record<string, string> = {
  invited: '已邀请',
  applied: '已申请',
  returned: '退回补充',
  approved: '已通过',
  withdrawn: '已撤销',
};
export const DOC_STATUS_TEXT: Record<string, string> = { draft: '草稿', final: '已定稿', void: '已作废' };
const APPLICATION_OUTCOME_TEXT = { approved: '已批准入会', rejected: '未通过', withdrawn: '已撤回' };
const DECISION_TEXT = { approved: '通过', rejected: '不通过' };
const REVIEW_TEXT = { approved: '通过', returned: '退回补充' };
const CERT_KIND_TEXT = { member: '会员证书', director: '理事单位证书', programme: '成员单位证书' };
const CERT_STATUS_TEXT = { valid: '有效', returned: '已交回' };
const LEFT_HOW_LABEL: Record<string, string> = {
  withdrawn: '退会',
  'auto-withdrawn': '自动退会',
  expelled: '除名',
};
const ROLE_TEXT = { representative: '会员代表', contact: '联系人' };
const TALLY_TEXT = { counts: '按票数', names: '记名表决' };
const SUBJECT_TEXT: Record<string, string> = { admission: '入会审议', expulsion: '除名', election: '选举' };
const DOC_NUMBER_STYLE_TEXT = {
  seed: 'CCIA 秘[2022]056 号（与原通知一致）',
  gbt9704: 'CCIA秘〔2022〕56号（GB/T 9704-2012）',
};
const FONT_SCHEME_TEXT = {
  auto: '自动（按本机已安装的字体选择）',
  gb2312: 'GB/T 9704 字体（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312）',
  windows: 'Windows 自带字体（仿宋、宋体加粗、黑体、楷体）',
};
const RECEIPT_TEXT = {
  formWord: '《申请表》WORD 版',
  formPdf: '《申请表》盖章 PDF 版',
  declarationPdf: '《宣言》盖章 PDF 版',
  paper: '纸质原件',
};
const MATERIAL_TEXT = {
  application: '入会申请书',
  introduction: '单位介绍材料',
  licence: '营业执照（统一社会信用代码证书）复印件',
  report: '网络安全工作情况书面报告',
};
const SUNSHINE_FIELD_TEXT: Record<string, string> = {
  unitName: '单位名称',
  contactName: '联系人',
  mobile: '手机',
  position: '职务',
  email: '邮箱',
  postalAddress: '通讯地址',
  serviceContent: '网络安全服务内容',
  qualifications: '网络安全服务资质',
  domainsAndClients: '服务领域及主要客户',
  staffing: '人员情况',
  financials: '经营情况',
  strengths: '服务优势',
  applicationDate: '申请日期',
};

const enumOf = (m: Readonly<Record<string, string>>): Format => ({ enum: m });
const date = (label: string): FieldSpec => ({ label, format: 'date' });
const text = (label: string): FieldSpec => ({ label });
const link = (label: string, to: AuditLink): FieldSpec => ({ label, format: { link: to } });

const PERSON = (who: string): Record<string, FieldSpec> => ({
  name: text(who),
  position: text(`${who === '会员代表' ? '代表' : who}职务`),
  mobile: text(`${who === '会员代表' ? '代表' : who}手机`),
  email: text(`${who === '会员代表' ? '代表' : who}邮箱`),
});

function nest(prefix: string, fields: Record<string, FieldSpec>): Record<string, FieldSpec> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** A member unit's fields (the member form's words), also an application's `unit`. */
const UNIT: Record<string, FieldSpec> = {
  name: text('单位名称'),
  creditCode: text('统一社会信用代码'),
  region: text('注册地'),
  nature: text('单位性质'),
  business: text('主营业务'),
  tier: { label: '会员级别', format: enumOf(TIER_LABEL) },
  representative: { label: '会员代表', format: 'text' },
  ...nest('representative', PERSON('会员代表')),
  contact: { label: '联系人', format: 'text' },
  ...nest('contact', PERSON('联系人')),
  postalAddress: text('邮寄地址'),
};

/** Fields any record may carry. */
const COMMON: Record<string, FieldSpec> = {
  memberId: link('会员单位', 'member'),
  reason: text('原因'),
  note: text('备注'),
  createdAt: { label: '创建时间', format: 'instant' },
  updatedAt: { label: '修改时间', format: 'instant' },
  recordedAt: { label: '登记时间', format: 'instant' },
  importBatchId: { label: '导入批次', format: 'order' },
  'voided.at': { label: '作废时间', format: 'instant' },
  'voided.reason': text('作废原因'),
  voided: { label: '作废', format: 'text' },
};

/** Per audited record type (the `entity` of an entry): each field's label and how its value reads. */
const FIELDS: Record<string, Record<string, FieldSpec>> = {
  members: {
    ...UNIT,
    status: { label: '状态', format: enumOf(MEMBER_STATUS_LABEL) },
    approvedOn: date('入会日期'),
    'withdrawal.noticeReceivedOn': date('退会通知收到日期'),
    'withdrawal.effectiveOn': date('退会生效日期'),
    'withdrawal.reportDueBy': date('通报截止日期'),
    'withdrawal.reportedOn': date('通报常务理事会日期'),
    'left.on': date('离会日期'),
    'left.how': { label: '离会方式', format: enumOf(LEFT_HOW_LABEL) },
    'left.reason': text('离会原因'),
    'left.resolutionRef': text('决议'),
    'left.motionId': link('关联决议', 'motion'),
    confirmedWarnings: { label: '已确认的提示', format: 'lines' },
    searchText: { label: '检索文字', format: { count: '（自动生成）' } },
  },
  contactChanges: {
    role: { label: '变更对象', format: enumOf(ROLE_TEXT) },
    ...nest('person', PERSON('会员代表')),
    'person.name': text('姓名'),
    'person.position': text('职务'),
    'person.mobile': text('手机'),
    'person.email': text('邮箱'),
    noticeOn: date('书面通知日期'),
  },
  tierChanges: {
    tier: { label: '会员级别', format: enumOf(TIER_LABEL) },
    effectiveFrom: date('生效日期'),
  },
  applications: {
    ...nest('unit', UNIT),
    unit: { label: '申请单位', format: 'text' },
    step: { label: '办理环节', format: enumOf(APPLICATION_STEP_LABEL) },
    outcome: { label: '办理结果', format: enumOf(APPLICATION_OUTCOME_TEXT) },
    ...Object.fromEntries(
      Object.entries(MATERIAL_TEXT).map(([k, v]) => [
        `materials.${k}`,
        { label: `已收：${v}`, format: 'bool' },
      ]),
    ),
    materials: { label: '入会材料', format: 'text' },
    materialsReceivedOn: date('材料收到日期'),
    reviewOpinion: text('秘书处审查意见'),
    reviewedOn: date('审查日期'),
    'council.decision': { label: '常务理事会审议结果', format: enumOf(DECISION_TEXT) },
    'council.on': date('常务理事会审议日期'),
    'council.resolutionRef': text('决议文号'),
    'council.motionId': link('关联决议', 'motion'),
    notifiedOn: date('通知日期'),
    certificateId: link('会员证书', 'certificate'),
    confirmedWarnings: { label: '已确认的提示', format: 'lines' },
  },
  duesOverrides: {
    year: { label: '会费年度', format: 'year' },
    amount: { label: '调整后金额', format: 'money' },
  },
  payments: {
    year: { label: '会费年度', format: 'year' },
    paidOn: date('缴费日期'),
    amount: { label: '金额', format: 'money' },
    method: text('缴费方式'),
    receiptNo: text('收据号'),
  },
  activities: {
    name: text('活动名称'),
    kind: text('活动类型'),
    date: date('活动日期'),
    place: text('地点'),
    participants: { label: '参加单位', format: { links: 'member' } },
  },
  participations: {
    activityId: link('活动', 'activity'),
    date: date('参加日期'),
  },
  meetings: {
    body: { label: '会议机构', format: enumOf(BODY_LABEL) },
    form: { label: '会议形式', format: enumOf(MEETING_FORM_LABEL) },
    name: text('会议名称'),
    date: date('会议日期'),
    place: text('地点'),
    chair: text('主持人'),
    recorder: text('记录人'),
    entitled: { label: '应到名单', format: { count: '家单位' } },
    entitledCount: { label: '应到单位数', format: 'number' },
    returnBy: date('表决票寄回截止日期'),
    noticeDocId: link('会议通知', 'document'),
  },
  attendance: {
    meetingId: link('会议', 'meeting'),
    status: { label: '出席情况', format: enumOf(ATTENDANCE_LABEL) },
    attendee: text('出席人'),
    ballotSentOn: date('表决票发出日期'),
    ballotReturnedOn: date('表决票收回日期'),
  },
  agendaItems: {
    meetingId: link('会议', 'meeting'),
    order: { label: '议程序号', format: 'order' },
    title: text('议题'),
    discussion: text('讨论内容'),
  },
  minuteVersions: {
    agendaItemId: link('议题', 'agendaItem'),
    text: text('纪要内容'),
    savedAt: { label: '保存时间', format: 'instant' },
  },
  motions: {
    meetingId: link('会议', 'meeting'),
    agendaItemId: link('议题', 'agendaItem'),
    title: text('议案标题'),
    text: text('议案内容'),
    tallyMode: { label: '计票方式', format: enumOf(TALLY_TEXT) },
    counts: { label: '票数', format: 'text' },
    'counts.for': { label: '同意票数', format: 'number' },
    'counts.against': { label: '反对票数', format: 'number' },
    'counts.abstain': { label: '弃权票数', format: 'number' },
    guidingDecision: { label: '指导单位批复', format: 'text' },
    'guidingDecision.decision': { label: '指导单位批复', format: enumOf(DECISION_TEXT) },
    'guidingDecision.on': date('指导单位批复日期'),
    subject: { label: '审议事项', whole: true },
    'subject.kind': { label: '审议事项', format: enumOf(SUBJECT_TEXT) },
    'subject.refId': { label: '审议对象', format: 'subjectRef' },
  },
  ballots: {
    motionId: link('议案', 'motion'),
    choice: { label: '表决意见', format: enumOf(VOTE_LABEL) },
    returnedOn: date('收回日期'),
  },
  offices: {
    role: { label: '职务', format: enumOf(OFFICE_LABEL) },
    holderName: text('任职人'),
    startOn: date('任期开始'),
    endOn: date('任期届满'),
    'ended.on': date('提前结束日期'),
    'ended.reason': text('提前结束原因'),
    ended: { label: '提前结束', format: 'text' },
    motionId: link('选举决议', 'motion'),
  },
  programmes: {
    name: text('行动名称'),
    description: text('简介'),
    callNoticeDocId: link('征集通知', 'document'),
    callYear: { label: '征集年度', format: 'year' },
    deadline: date('征集截止日期'),
    certificatePrefix: text('证书编号前缀'),
  },
  enrolments: {
    programmeId: link('专项行动', 'programme'),
    status: { label: '状态', format: enumOf(ENROLMENT_STATUS_TEXT) },
    receipts: { label: '材料接收', format: 'text' },
    ...Object.fromEntries(Object.entries(RECEIPT_TEXT).map(([k, v]) => [`receipts.${k}`, date(`收到${v}`)])),
    ...Object.fromEntries(Object.entries(RECEIPT_TEXT).map(([k, v]) => [k, date(`收到${v}`)])),
    form: { label: '申请表内容', format: 'text' },
    ...Object.fromEntries(
      Object.entries(SUNSHINE_FIELD_TEXT).map(([k, v]) => [`form.${k}`, text(`申请表：${v}`)]),
    ),
    ...Object.fromEntries(Object.entries(SUNSHINE_FIELD_TEXT).map(([k, v]) => [k, text(`申请表：${v}`)])),
    applicationDate: date('申请表：申请日期'),
    'form.applicationDate': date('申请表：申请日期'),
    'review.decision': { label: '审核结果', format: enumOf(REVIEW_TEXT) },
    'review.on': date('审核日期'),
    'review.reason': text('退回原因'),
    review: { label: '审核', format: 'text' },
    certificateId: link('成员单位证书', 'certificate'),
    'withdrawn.on': date('撤销日期'),
    'withdrawn.reason': text('撤销原因'),
    withdrawn: { label: '撤销', format: 'text' },
    file: text('收到的文件'),
    sha256: { label: '文件校验值', format: 'hash' },
  },
  files: {
    ownerType: {
      label: '所属',
      format: enumOf({ enrolment: '专项行动报名', application: '入会申请', document: '发文' }),
    },
    ownerId: { label: '所属记录', format: 'order' },
    kind: { label: '文件类别', format: enumOf(RECEIPT_TEXT) },
    name: text('文件名'),
    mime: text('文件类型'),
    size: { label: '大小（字节）', format: 'number' },
    sha256: { label: '文件校验值', format: 'hash' },
    data: { label: '文件内容', format: { count: '（文件）' } },
    receivedOn: date('收到日期'),
  },
  documents: {
    year: { label: '发文年度', format: 'year' },
    seq: { label: '年度序号', format: 'order' },
    docNumber: text('发文字号'),
    title: text('标题'),
    type: text('文种'),
    date: date('成文日期'),
    addressee: text('主送'),
    body: text('正文'),
    attachments: { label: '附件', format: 'lines' },
    issuer: text('发文机关'),
    template: {
      label: '模板',
      format: enumOf({
        sunshine: '征集通知（网络安全服务阳光行动）',
        meeting: '会议通知',
        dues: '会费缴纳通知',
        general: '一般通知',
      }),
    },
    letterhead: { label: '版头', format: 'text' },
    'letterhead.mark': text('发文机关标志'),
    colophon: { label: '版记', format: 'text' },
    'colophon.cc': text('抄送'),
    'colophon.printDate': date('印发日期'),
    status: { label: '状态', format: enumOf(DOC_STATUS_TEXT) },
    certificateBatch: { label: '证书批次', format: 'text' },
    'certificateBatch.kind': { label: '证书类别', format: enumOf(CERT_KIND_TEXT) },
    'certificateBatch.programmeName': text('专项行动'),
    'certificateBatch.items': { label: '所发证书', whole: true },
    sha256: { label: '导出文件校验值', format: 'hash' },
  },
  certificates: {
    kind: { label: '证书类别', format: enumOf(CERT_KIND_TEXT) },
    certificateNo: text('证书编号'),
    programmeId: link('专项行动', 'programme'),
    issuedOn: date('发证日期'),
    status: { label: '状态', format: enumOf(CERT_STATUS_TEXT) },
    'returned.on': date('交回日期'),
    'returned.reason': text('交回原因'),
    returned: { label: '交回', format: 'text' },
  },
  settings: {
    ...Object.fromEntries(
      Object.entries(TIER_LABEL).map(([k, v]) => [
        `duesSchedule.${k}`,
        { label: `${v}年会费`, format: 'money' },
      ]),
    ),
    duesSchedule: { label: '会费标准', format: 'text' },
    earlierDuesSchedules: { label: '此前各年度的会费标准', whole: true },
    termYears: { label: '任期（年）', format: 'number' },
    chairMaxConsecutiveTerms: { label: '理事长最多连任届数', format: 'number' },
    docNumberStyle: { label: '发文字号括号样式', format: enumOf(DOC_NUMBER_STYLE_TEXT) },
    leaveCountsAsAbsence: { label: '请假计为缺席', format: 'bool' },
    fontScheme: { label: '字体方案', format: enumOf(FONT_SCHEME_TEXT) },
    letterheadDefault: { label: '新发文默认带版头', format: 'bool' },
    letterheadMark: text('发文机关标志'),
    accountName: text('户名'),
    bank: text('开户行'),
    accountNo: text('账号'),
    duesTrackedFrom: { label: '会费台账起始年度', format: 'year' },
  },
  imports: {
    fileName: text('文件名'),
    count: { label: '导入单位数', format: 'number' },
    members: { label: '会员单位', format: { count: '家会员单位' } },
    contactChanges: { label: '代表/联系人变更记录', format: { count: '条' } },
    tierChanges: { label: '级别记录', format: { count: '条' } },
    'undone.at': { label: '撤销时间', format: 'instant' },
  },
  database: {},
};
FIELDS.member = FIELDS.members!;

/** The label and format of a field of a record type (undefined: not labelled — the unit test fails on it). */
export function fieldSpec(field: string, entity = ''): FieldSpec | undefined {
  return FIELDS[entity]?.[field] ?? COMMON[field] ?? (entity === '' ? anyEntitySpec(field) : undefined);
}

/** Without a record type (older callers): the first record type that knows the field. */
function anyEntitySpec(field: string): FieldSpec | undefined {
  for (const fields of Object.values(FIELDS)) if (fields[field]) return fields[field];
  return undefined;
}

export function fieldLabel(field: string, entity = ''): string {
  return fieldSpec(field, entity)?.label ?? FIELD_LABEL[field] ?? field;
}

function isPlainObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Blob);
}

/** Field changes with nested objects (representative, withdrawal, left …) flattened to labelled fields. */
export function flattenChanges(changes: readonly FieldChange[], entity = ''): FieldChange[] {
  return changes.flatMap((c) =>
    (isPlainObject(c.before) || isPlainObject(c.after)) && !fieldSpec(c.field, entity)?.whole
      ? flattenChanges(
          fieldChanges(
            isPlainObject(c.before) ? c.before : {},
            isPlainObject(c.after) ? c.after : {},
            c.field,
          ),
          entity,
        )
      : [c],
  );
}

/** An entry's changes as lines the clerk reads: `会员级别：会员单位 → 理事单位`. */
export function readableChanges(
  changes: readonly FieldChange[],
  entity = '',
  names: AuditNames = {},
): string[] {
  return flattenChanges(changes, entity).map((c) => describeChange(c, entity, names));
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) + '…' : s);
const yuanText = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

function nameOf(to: AuditLink, id: unknown, names: AuditNames): string {
  if (typeof id !== 'number') return '（空）';
  const n = names[to]?.get(id);
  if (n) return n;
  // Never the raw id: the record is named by its kind when the screen has no name for it.
  return {
    member: '（未知会员单位）',
    programme: '（未知专项行动）',
    document: '（未知发文）',
    meeting: '（未知会议）',
    motion: '（未知议案）',
    agendaItem: '（未知议题）',
    activity: '（未知活动）',
    certificate: '（证书）',
    application: '（入会申请）',
  }[to];
}

/** A value shown whole: a motion's 审议事项, a 证书批次's certificates, the earlier 会费标准. */
function wholeValue(field: string, value: unknown, names: AuditNames, max: number): string {
  if (field === 'earlierDuesSchedules' && Array.isArray(value)) {
    if (value.length === 0) return '（空）';
    const periods = value.map((x) => {
      const e = (isPlainObject(x) ? x : {}) as { until?: unknown; schedule?: Record<string, unknown> };
      const amounts = TIERS_HIGHEST_FIRST.map((k) => {
        const v = e.schedule?.[k];
        return `${TIER_LABEL[k]} ${typeof v === 'number' ? yuanText(v) : '—'}`;
      });
      return `${String(e.until)} 年以前：${amounts.join('、')}`;
    });
    return clip(periods.join('；'), max);
  }
  if (field === 'subject' && isPlainObject(value)) {
    const s = value as { kind?: string; refId?: number };
    const kind = SUBJECT_TEXT[s.kind ?? ''] ?? '审议事项';
    const ref =
      s.kind === 'admission' ? nameOf('application', s.refId, names) : nameOf('member', s.refId, names);
    return s.refId === undefined ? kind : `${kind}：${ref}`;
  }
  if (Array.isArray(value)) {
    const nos = value.map((x) =>
      isPlainObject(x) ? String((x as { certificateNo?: unknown }).certificateNo ?? '') : '',
    );
    return clip(`${value.length} 份：${nos.filter(Boolean).join('、')}`, max);
  }
  return '（已记录）';
}

/**
 * An audit value as text, with the labels the desks use: enums by their Chinese names, dates as dates, money in
 * 元, linked records by their names (`names`), 「（空）」 for nothing; never JSON or a raw id.
 */
export function formatValue(
  field: string,
  value: unknown,
  entity = '',
  names: AuditNames = {},
  max = 120,
): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const spec = fieldSpec(field, entity);
  const format = spec?.format ?? 'text';
  if (spec?.whole) return wholeValue(field, value, names, max);
  if (typeof format === 'object') {
    if ('enum' in format) return typeof value === 'string' ? (format.enum[value] ?? value) : String(value);
    if ('link' in format) return nameOf(format.link, value, names);
    if ('links' in format) {
      if (!Array.isArray(value)) return nameOf(format.links, value, names);
      const all = value.map((id) => nameOf(format.links, id, names));
      return clip(`${all.length} 家：${all.join('、')}`, max);
    }
    if ('count' in format) return Array.isArray(value) ? `${value.length} ${format.count}` : format.count;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (format === 'subjectRef') {
    const n =
      typeof value === 'number' ? (names.application?.get(value) ?? names.member?.get(value)) : undefined;
    return n ?? '（审议对象）';
  }
  if (typeof value === 'number') {
    if (format === 'money') return yuanText(value);
    if (format === 'year') return `${value} 年`;
    if (format === 'order')
      return `第 ${value} 项`.replace('项', field === 'seq' ? '号' : field === 'importBatchId' ? '批' : '项');
    return String(value);
  }
  if (typeof value === 'string') {
    if (format === 'instant') return formatAuditTime(value);
    if (format === 'hash') return `${value.slice(0, 12)}…`;
    return clip(value, max);
  }
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x === 'string')) return clip(value.join('；'), max);
    return `${value.length} 项`;
  }
  // An object left whole (a record type the reader does not flatten): its parts, labelled.
  if (isPlainObject(value)) {
    const parts = fieldChanges({}, value, field).map(
      (c) => `${fieldLabel(c.field, entity)} ${formatValue(c.field, c.after, entity, names, max)}`,
    );
    return clip(parts.join('，'), max);
  }
  return clip(String(value), max);
}

export function describeChange(c: FieldChange, entity = '', names: AuditNames = {}): string {
  return `${fieldLabel(c.field, entity)}：${formatValue(c.field, c.before, entity, names)} → ${formatValue(c.field, c.after, entity, names)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-21 17:05:09` in the clerk's local time. */
export function formatAuditTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The local calendar date of an instant. */
export function localDateOf(iso: string): string {
  return formatAuditTime(iso).slice(0, 10);
}

export interface AuditFilter {
  action?: string;
  entity?: string;
  /** Local calendar dates, inclusive. */
  from?: string;
  to?: string;
  text?: string;
  memberId?: number;
}

export function matchesAudit(e: AuditEntry, f: AuditFilter, names: AuditNames = {}): boolean {
  if (f.action && e.action !== f.action) return false;
  if (f.entity && e.entity !== f.entity) return false;
  if (f.memberId !== undefined && e.memberId !== f.memberId) return false;
  if (f.from || f.to) {
    const d = localDateOf(e.at);
    if (f.from && d < f.from) return false;
    if (f.to && d > f.to) return false;
  }
  const q = f.text?.trim().toLowerCase();
  if (q) {
    const hay = [
      e.summary,
      e.workstation ?? '',
      e.clerk ?? '',
      ...readableChanges(e.changes ?? [], e.entity, names),
    ]
      .join('\n')
      .toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Newest first. */
export function filterAudit(
  entries: readonly AuditEntry[],
  f: AuditFilter,
  names: AuditNames = {},
): AuditEntry[] {
  return entries
    .filter((e) => matchesAudit(e, f, names))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.id ?? 0) - (a.id ?? 0)));
}
