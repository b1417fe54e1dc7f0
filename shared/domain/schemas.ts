/**
 * zod schemas of the records (one per Dexie table), written from the interfaces in ./records. Used at
 * the boundary where rows come from outside the app — a restored backup — so a row the screens could
 * not show (a member whose `name` is a number, a `representative` that is null) is refused with the
 * table, row and field named, before anything is written. Pure.
 *
 * Strict about the types of the fields the screens read; unknown extra fields are allowed (a backup
 * from an older or newer build may carry fields this one ignores) but not kept by the check: the row
 * written is the row read.
 */
import { z } from 'zod';
import type * as R from './records';
import { BODIES, MEMBER_STATUSES, TIERS } from './types';

/**
 * `YYYY-MM-DD`, or '' (a date a form left blank: the screens treat it as absent, and refusing a whole
 * backup for it would cost the clerk the restore).
 */
const isoDate = z.string().regex(/^(?:\d{4}-\d{2}-\d{2})?$/, '应为 YYYY-MM-DD 日期');
const timestamp = z.string().max(40);
/** A row's own key (≥ 1; from schema version 3 `workstation × 2³² + counter`, shared/data/ids.ts). */
const id = z.number().int().min(1);
/** A key of another row (0: none, as the secretary-general's entry on an entitled list). */
const ref = z.number().int().min(0);
const text = z.string();
const optId = ref.optional();
const year = z.number().int().min(1900).max(9999);
const yuan = z.number().int();

const tier = z.enum(TIERS);
const memberStatus = z.enum(MEMBER_STATUSES);
const body = z.enum(BODIES);
const decision = z.enum(['approved', 'rejected']);
const certKind = z.enum(['member', 'director', 'programme']);

export const personSchema = z.object({ name: text, position: text, mobile: text, email: text });

export const memberFieldsSchema = z.object({
  name: z.string().min(1, '不能为空'),
  creditCode: z.string().min(1, '不能为空'),
  region: text,
  nature: text,
  business: text,
  tier,
  representative: personSchema,
  contact: personSchema,
  postalAddress: text,
});

export const memberSchema = memberFieldsSchema.extend({
  id,
  status: memberStatus,
  approvedOn: isoDate.optional(),
  withdrawal: z
    .object({
      noticeReceivedOn: isoDate,
      effectiveOn: isoDate,
      reportDueBy: isoDate,
      reportedOn: isoDate.optional(),
    })
    .optional(),
  left: z
    .object({
      on: isoDate,
      how: z.enum(['withdrawn', 'auto-withdrawn', 'expelled']),
      reason: text,
      resolutionRef: text.optional(),
      motionId: optId,
    })
    .optional(),
  confirmedWarnings: z.array(text).optional(),
  searchText: text,
  importBatchId: optId,
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.Member>;

export const contactChangeSchema = z.object({
  id,
  memberId: ref,
  role: z.enum(['representative', 'contact']),
  person: personSchema,
  noticeOn: isoDate,
  recordedAt: timestamp,
}) satisfies z.ZodType<R.ContactChange>;

export const tierChangeSchema = z.object({
  id,
  memberId: ref,
  tier,
  effectiveFrom: isoDate,
  reason: text,
  recordedAt: timestamp,
}) satisfies z.ZodType<R.TierChange>;

const materialKey = z.enum(['application', 'introduction', 'licence', 'report']);

export const applicationSchema = z.object({
  id,
  unit: memberFieldsSchema.extend({ name: text, creditCode: text }),
  memberId: optId,
  step: z.enum(['materials', 'review', 'council', 'notify', 'certificate', 'done']),
  outcome: z.enum(['approved', 'rejected', 'withdrawn']).optional(),
  materials: z.partialRecord(materialKey, z.boolean()),
  materialsReceivedOn: isoDate.optional(),
  reviewOpinion: text.optional(),
  reviewedOn: isoDate.optional(),
  council: z.object({ decision, on: isoDate, resolutionRef: text, motionId: optId }).optional(),
  notifiedOn: isoDate.optional(),
  certificateId: optId,
  confirmedWarnings: z.array(text).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.Application>;

export const duesOverrideSchema = z.object({
  id,
  memberId: ref,
  year,
  amount: yuan,
  reason: text,
  recordedAt: timestamp,
}) satisfies z.ZodType<R.DuesOverride>;

export const paymentSchema = z.object({
  id,
  memberId: ref,
  year,
  paidOn: isoDate,
  amount: yuan,
  method: text,
  receiptNo: text,
  note: text.optional(),
  voided: z.object({ at: timestamp, reason: text }).optional(),
  recordedAt: timestamp,
}) satisfies z.ZodType<R.Payment>;

export const activitySchema = z.object({
  id,
  name: text,
  kind: text,
  date: isoDate,
  place: text.optional(),
  note: text.optional(),
  createdAt: timestamp,
}) satisfies z.ZodType<R.Activity>;

export const participationSchema = z.object({
  id,
  activityId: ref,
  memberId: ref,
  date: isoDate,
}) satisfies z.ZodType<R.Participation>;

export const meetingSchema = z.object({
  id,
  body,
  form: z.enum(['onsite', 'remote']),
  name: text,
  date: isoDate,
  place: text,
  chair: text,
  recorder: text,
  entitled: z.array(
    z.object({
      memberId: z.number().int().min(0),
      name: text,
      representative: text,
      observer: z.boolean().optional(),
    }),
  ),
  returnBy: isoDate.optional(),
  noticeDocId: optId,
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.Meeting>;

export const attendanceSchema = z.object({
  id,
  meetingId: ref,
  memberId: z.number().int().min(0),
  status: z.enum(['present', 'absent', 'leave', 'observer']),
  attendee: text.optional(),
  ballotSentOn: isoDate.optional(),
  ballotReturnedOn: isoDate.optional(),
  updatedAt: timestamp,
}) satisfies z.ZodType<R.AttendanceRecord>;

export const agendaItemSchema = z.object({
  id,
  meetingId: ref,
  order: z.number().int(),
  title: text,
  discussion: text,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.AgendaItem>;

export const minuteVersionSchema = z.object({
  id,
  agendaItemId: ref,
  text,
  savedAt: timestamp,
}) satisfies z.ZodType<R.MinuteVersion>;

const count = z.number().int().min(0);

export const motionSchema = z.object({
  id,
  meetingId: ref,
  agendaItemId: ref,
  title: text,
  text,
  tallyMode: z.enum(['counts', 'names']),
  counts: z.object({ for: count, against: count, abstain: count }).optional(),
  guidingDecision: z.object({ decision, on: isoDate }).optional(),
  subject: z.object({ kind: z.enum(['admission', 'expulsion', 'election']), refId: optId }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.Motion>;

export const ballotSchema = z.object({
  id,
  motionId: ref,
  memberId: ref,
  choice: z.enum(['for', 'against', 'abstain']),
  returnedOn: isoDate.optional(),
  recordedAt: timestamp,
}) satisfies z.ZodType<R.Ballot>;

export const officeSchema = z.object({
  id,
  role: z.enum(['chair', 'vice-chair', 'standing', 'director', 'secretary-general', 'deputy-sg']),
  memberId: optId,
  holderName: text,
  startOn: isoDate,
  endOn: isoDate,
  ended: z.object({ on: isoDate, reason: text }).optional(),
  motionId: optId,
  createdAt: timestamp,
}) satisfies z.ZodType<R.Office>;

export const programmeSchema = z.object({
  id,
  name: text,
  description: text,
  callNoticeDocId: optId,
  callYear: year,
  deadline: isoDate,
  certificatePrefix: text,
  createdAt: timestamp,
}) satisfies z.ZodType<R.Programme>;

const receiptKey = z.enum(['formWord', 'formPdf', 'declarationPdf', 'paper']);

export const enrolmentSchema = z.object({
  id,
  programmeId: ref,
  memberId: ref,
  status: z.enum(['invited', 'applied', 'returned', 'approved', 'withdrawn']),
  receipts: z.partialRecord(receiptKey, isoDate),
  // (a form field left empty may be stored as undefined)
  form: z.record(z.string(), text.optional()).optional(),
  review: z
    .object({ decision: z.enum(['approved', 'returned']), on: isoDate, reason: text.optional() })
    .optional(),
  certificateId: optId,
  withdrawn: z.object({ on: isoDate, reason: text }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Omit<R.Enrolment, 'form'> & { form?: Record<string, string | undefined> }>;

export const storedFileSchema = z.object({
  id,
  ownerType: z.enum(['enrolment', 'application', 'document']),
  ownerId: ref,
  kind: text,
  name: text,
  mime: text,
  size: z.number().int().min(0),
  sha256: text,
  data: z.instanceof(Blob, { message: '应为文件内容' }),
  receivedOn: isoDate,
  createdAt: timestamp,
}) satisfies z.ZodType<R.StoredFile>;

export const outgoingDocumentSchema = z.object({
  id,
  year,
  seq: z.number().int().min(1).optional(),
  docNumber: text.optional(),
  title: text,
  type: z.enum(['通知', '会议通知', '证书批次', '其他']),
  date: isoDate,
  addressee: text,
  body: text,
  attachments: z.array(text),
  issuer: text,
  template: text.optional(),
  letterhead: z.object({ mark: text }).optional(),
  colophon: z.object({ cc: text.optional(), printDate: text.optional() }).optional(),
  status: z.enum(['draft', 'final', 'void']),
  certificateBatch: z
    .object({
      kind: certKind,
      programmeName: text.optional(),
      items: z.array(z.object({ certificateId: ref, certificateNo: text, unitName: text })),
    })
    .optional(),
  sha256: text.optional(),
  voided: z.object({ at: timestamp, reason: text }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<R.OutgoingDocument>;

export const certificateSchema = z.object({
  id,
  kind: certKind,
  certificateNo: z.string().min(1, '不能为空'),
  memberId: ref,
  programmeId: optId,
  issuedOn: isoDate,
  status: z.enum(['valid', 'returned']),
  returned: z.object({ on: isoDate, reason: text }).optional(),
  createdAt: timestamp,
}) satisfies z.ZodType<R.Certificate>;

export const settingSchema = z.object({
  key: z.string().min(1, '不能为空'),
  value: z.unknown(),
}) satisfies z.ZodType<R.Setting>;

export const auditEntrySchema = z.object({
  id,
  at: timestamp,
  entity: text,
  entityId: z.number().int().optional(),
  memberId: z.number().int().optional(),
  action: z.enum([
    'create',
    'update',
    'status',
    'payment',
    'vote',
    'docnumber',
    'import',
    'undo',
    'restore',
    'void',
  ]),
  summary: text,
  changes: z.array(z.object({ field: text, before: z.unknown(), after: z.unknown() })).optional(),
  workstation: text.optional(),
  clerk: text.optional(),
}) satisfies z.ZodType<R.AuditEntry>;

export const importBatchSchema = z.object({
  id,
  at: timestamp,
  fileName: text,
  count: z.number().int().min(0),
  undone: z.object({ at: timestamp }).optional(),
}) satisfies z.ZodType<R.ImportBatch>;

/** The schema of every table's rows, by table name (the tables of renderer/src/db/schema.ts). */
export const TABLE_SCHEMAS = {
  members: memberSchema,
  contactChanges: contactChangeSchema,
  tierChanges: tierChangeSchema,
  applications: applicationSchema,
  duesOverrides: duesOverrideSchema,
  payments: paymentSchema,
  activities: activitySchema,
  participations: participationSchema,
  meetings: meetingSchema,
  attendance: attendanceSchema,
  agendaItems: agendaItemSchema,
  minuteVersions: minuteVersionSchema,
  motions: motionSchema,
  ballots: ballotSchema,
  offices: officeSchema,
  programmes: programmeSchema,
  enrolments: enrolmentSchema,
  files: storedFileSchema,
  documents: outgoingDocumentSchema,
  certificates: certificateSchema,
  settings: settingSchema,
  audit: auditEntrySchema,
  imports: importBatchSchema,
} as const satisfies Record<string, z.ZodType>;

export type SchemaTable = keyof typeof TABLE_SCHEMAS;

export interface RowProblem {
  table: string;
  /** 1-based position of the row in its table. */
  row: number;
  /** The row's primary key when it has one. */
  key?: unknown;
  /** Dotted path of the first bad field ('' for the row itself). */
  field: string;
  message: string;
}

/**
 * Checks each row of a table against its schema; returns the first problem or undefined. Tables with
 * no schema are a problem themselves (`field` ''). Stops at the first bad row (a clear message, fast).
 */
export function checkTableRows(table: string, rows: readonly unknown[]): RowProblem | undefined {
  const schema = (TABLE_SCHEMAS as Record<string, z.ZodType>)[table];
  if (!schema) return { table, row: 0, field: '', message: '未知的数据表' };
  for (let i = 0; i < rows.length; i++) {
    const r = schema.safeParse(rows[i]);
    if (r.success) continue;
    const issue = r.error.issues[0]!;
    const row = rows[i] as { id?: unknown; key?: unknown } | null;
    return {
      table,
      row: i + 1,
      key: row && typeof row === 'object' ? (table === 'settings' ? row.key : row.id) : undefined,
      field: issue.path.map(String).join('.'),
      message: issueText(issue, valueAt(rows[i], issue.path)),
    };
  }
  return undefined;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let v = row;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? '缺少此项'
        : `类型不对（应为${typeName(issue.expected)}，实为${value === null ? '空值' : typeName(Array.isArray(value) ? 'array' : typeof value)}）`;
    case 'invalid_value':
      return '取值不在允许的范围内';
    case 'too_small':
    case 'too_big':
      return issue.message.startsWith('Too') ? '数值或长度超出范围' : issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? '格式不对' : issue.message;
    default:
      return issue.message.startsWith('Invalid') ? '内容有误' : issue.message;
  }
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    boolean: '是/否',
    object: '对象',
    array: '列表',
  };
  return names[t] ?? t;
}
