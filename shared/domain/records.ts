/**
 * The records kept in the local database (one interface per Dexie table). Pure types only.
 * Dates are `YYYY-MM-DD` calendar strings; timestamps (`…At`) are ISO 8601 instants; money is integer yuan.
 * Nothing is ever hard-deleted (R-M10): leaving, voiding and undoing are status changes.
 */
import type {
  Attendance,
  Body,
  IsoDate,
  MeetingForm,
  MemberStatus,
  OfficeRole,
  Tier,
  VoteChoice,
} from './types';

export interface Person {
  name: string;
  position: string;
  mobile: string;
  email: string;
}

/** The fields the clerk types on the member form (and the admission application form). */
export interface MemberFields {
  name: string; // 单位名称
  creditCode: string; // 统一社会信用代码 (R-M2)
  region: string; // 注册地 (R-M2: mainland)
  nature: string; // 单位性质
  business: string; // 主营业务
  tier: Tier; // 会员级别
  representative: Person; // 会员代表 (R-M1)
  contact: Person; // 联系人 (R-M1)
  postalAddress: string; // 邮寄地址
}

export type LeaveHow = 'withdrawn' | 'auto-withdrawn' | 'expelled';

/** A member unit (R-M1). */
export interface Member extends MemberFields {
  id?: number;
  status: MemberStatus;
  /** 被批准之日: fixes the first-year dues (R-D3, R-D4) and director eligibility (R-M4). */
  approvedOn?: IsoDate;
  /** Voluntary withdrawal in progress (R-M6). */
  withdrawal?: {
    noticeReceivedOn: IsoDate;
    effectiveOn: IsoDate;
    reportDueBy: IsoDate;
    reportedOn?: IsoDate;
  };
  /** How and when it left (R-M6, R-M7, R-M9); the record stays (R-M10). */
  left?: { on: IsoDate; how: LeaveHow; reason: string; resolutionRef?: string; motionId?: number };
  /** Warnings the clerk explicitly confirmed when saving (R-M2). */
  confirmedWarnings?: string[];
  /** Lower-case haystack for search-as-you-type: name, pinyin, initials, credit code, people. */
  searchText: string;
  importBatchId?: number;
  createdAt: string;
  updatedAt: string;
}

/** Representative / contact history (R-M5): each change with the date of the written notice. */
export interface ContactChange {
  id?: number;
  memberId: number;
  role: 'representative' | 'contact';
  person: Person;
  /** Date of the member's written notice of change. */
  noticeOn: IsoDate;
  recordedAt: string;
}

/** Tier history (R-D5: the tier held on 1 January fixes the year's dues). */
export interface TierChange {
  id?: number;
  memberId: number;
  tier: Tier;
  effectiveFrom: IsoDate;
  reason: string;
  recordedAt: string;
}

export type MaterialKey = 'application' | 'introduction' | 'licence' | 'report';

export type ApplicationStep = 'materials' | 'review' | 'council' | 'notify' | 'certificate' | 'done';
/** The admission steps as the clerk reads them (R-M3), in order. */
export const APPLICATION_STEP_LABEL: Record<ApplicationStep, string> = {
  materials: '材料接收',
  review: '秘书处审查',
  council: '常务理事会审议',
  notify: '通知办理手续',
  certificate: '发放会员证书',
  done: '已办结',
};

/** An admission application (R-M3). */
export interface Application {
  id?: number;
  unit: MemberFields;
  memberId?: number; // set on approval (new or reactivated member)
  step: ApplicationStep;
  outcome?: 'approved' | 'rejected' | 'withdrawn';
  materials: Partial<Record<MaterialKey, boolean>>;
  materialsReceivedOn?: IsoDate;
  reviewOpinion?: string;
  reviewedOn?: IsoDate;
  council?: { decision: 'approved' | 'rejected'; on: IsoDate; resolutionRef: string; motionId?: number };
  notifiedOn?: IsoDate;
  certificateId?: number;
  /** R-M2 warnings the clerk explicitly confirmed when entering the applicant's details. */
  confirmedWarnings?: string[];
  createdAt: string;
  updatedAt: string;
}

/** A year's dues assessment override (R-D5: clerk overrides with a reason). Amounts otherwise come from the engine. */
export interface DuesOverride {
  id?: number;
  memberId: number;
  year: number;
  amount: number;
  reason: string;
  recordedAt: string;
}

export interface Payment {
  id?: number;
  memberId: number;
  year: number;
  paidOn: IsoDate;
  amount: number;
  method: string; // 银行转账 / 现金 / 其他
  receiptNo: string;
  note?: string;
  /** Voided by mistake-correction; never deleted. */
  voided?: { at: string; reason: string };
  recordedAt: string;
}

/** Alliance activities (conferences, training, research) — participation counts for R-M7. */
export interface Activity {
  id?: number;
  name: string;
  kind: string;
  date: IsoDate;
  place?: string;
  note?: string;
  createdAt: string;
}

export interface Participation {
  id?: number;
  activityId: number;
  memberId: number;
  date: IsoDate;
}

/** A member entitled at a meeting, fixed from the registry on the meeting date (R-O2, R-O4, R-O6). */
export interface EntitledEntry {
  /** 0 for the secretary-general, who attends the standing council as a person, not a member unit. */
  memberId: number;
  name: string;
  representative: string;
  /** true for the secretary-general at the standing council: 列席, no vote (R-O6). */
  observer?: boolean;
}

export interface Meeting {
  id?: number;
  body: Body;
  form: MeetingForm;
  name: string;
  date: IsoDate;
  place: string;
  chair: string;
  recorder: string;
  entitled: EntitledEntry[];
  /** Remote (通讯) meetings: the date by which ballots are to be returned (on the notice and the ballots). */
  returnBy?: IsoDate;
  noticeDocId?: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttendanceRecord {
  id?: number;
  meetingId: number;
  memberId: number;
  status: Attendance;
  /** The representative who came. */
  attendee?: string;
  /** Remote meetings: ballots sent / returned (R-O4, R-O6). */
  ballotSentOn?: IsoDate;
  ballotReturnedOn?: IsoDate;
  updatedAt: string;
}

export interface AgendaItem {
  id?: number;
  meetingId: number;
  order: number;
  title: string;
  discussion: string;
  updatedAt: string;
}

/** Earlier versions of an agenda item's discussion text, so a bad edit can be undone. */
export interface MinuteVersion {
  id?: number;
  agendaItemId: number;
  text: string;
  savedAt: string;
}

export interface Motion {
  id?: number;
  meetingId: number;
  agendaItemId: number;
  title: string;
  text: string;
  tallyMode: 'counts' | 'names';
  counts?: { for: number; against: number; abstain: number };
  /** Standing council: the guiding unit's decision, its own dated step (R-O6). */
  guidingDecision?: { decision: 'approved' | 'rejected'; on: IsoDate };
  /** What the motion decides, when linked from elsewhere. */
  subject?: { kind: 'admission' | 'expulsion' | 'election'; refId?: number };
  createdAt: string;
  updatedAt: string;
}

/** A vote by name (required for remote meetings). */
export interface Ballot {
  id?: number;
  motionId: number;
  memberId: number;
  choice: VoteChoice;
  returnedOn?: IsoDate;
  recordedAt: string;
}

/** Offices and terms (R-O3..R-O10). */
export interface Office {
  id?: number;
  role: OfficeRole;
  memberId?: number;
  holderName: string;
  startOn: IsoDate;
  endOn: IsoDate;
  /** Ended early (seat lost, resignation); never deleted. */
  ended?: { on: IsoDate; reason: string };
  motionId?: number;
  createdAt: string;
}

/** A programme (专项行动, R-P1). */
export interface Programme {
  id?: number;
  name: string;
  description: string;
  callNoticeDocId?: number;
  callYear: number;
  deadline: IsoDate;
  certificatePrefix: string;
  createdAt: string;
}

export type ReceiptKey = 'formWord' | 'formPdf' | 'declarationPdf' | 'paper';

/** A member's enrolment in a programme (R-P1..R-P3). */
export interface Enrolment {
  id?: number;
  programmeId: number;
  memberId: number;
  status: 'invited' | 'applied' | 'returned' | 'approved' | 'withdrawn';
  /** The four receipts, each dated (R-P2). */
  receipts: Partial<Record<ReceiptKey, IsoDate>>;
  form?: Record<string, string>;
  review?: { decision: 'approved' | 'returned'; on: IsoDate; reason?: string };
  certificateId?: number;
  withdrawn?: { on: IsoDate; reason: string };
  createdAt: string;
  updatedAt: string;
}

/** A received or exported file kept locally (size-limited, type-checked at the boundary). */
export interface StoredFile {
  id?: number;
  ownerType: 'enrolment' | 'application' | 'document';
  ownerId: number;
  kind: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Blob;
  receivedOn: IsoDate;
  createdAt: string;
}

export type DocType = '通知' | '会议通知' | '证书批次' | '其他';

/** The outgoing-document register (R-W1..R-W3). */
export interface OutgoingDocument {
  id?: number;
  year: number;
  /** Assigned on 定稿 by the engine; never reused (R-W1). */
  seq?: number;
  docNumber?: string;
  title: string;
  type: DocType;
  date: IsoDate;
  addressee: string;
  body: string;
  attachments: string[];
  issuer: string;
  template?: string;
  /** 版头 (GB/T 9704-2012 §7.2) printed with this document: its 发文机关标志. Absent: none (as the seed). */
  letterhead?: { mark: string };
  /** 版记 (§7.4) at the foot of the last page: 抄送, and 印发日期 (default the document's date). */
  colophon?: { cc?: string; printDate?: string };
  status: 'draft' | 'final' | 'void';
  /**
   * 证书批次: what this entry issued, as issued (unit names as printed), so its Word file — the
   * certificates themselves — is reproduced byte for byte on every export.
   */
  certificateBatch?: {
    kind: 'member' | 'director' | 'programme';
    programmeName?: string;
    items: { certificateId: number; certificateNo: string; unitName: string }[];
  };
  sha256?: string;
  voided?: { at: string; reason: string };
  createdAt: string;
  updatedAt: string;
}

export interface Certificate {
  id?: number;
  kind: 'member' | 'director' | 'programme';
  certificateNo: string;
  memberId: number;
  programmeId?: number;
  issuedOn: IsoDate;
  status: 'valid' | 'returned';
  returned?: { on: IsoDate; reason: string };
  createdAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type AuditAction =
  'create' | 'update' | 'status' | 'payment' | 'vote' | 'docnumber' | 'import' | 'undo' | 'restore' | 'void';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The audit trail: who did what when, field level (issue: data safety). */
export interface AuditEntry {
  id?: number;
  at: string;
  entity: string;
  entityId?: number;
  memberId?: number;
  action: AuditAction;
  summary: string;
  changes?: FieldChange[];
  /** The workstation that wrote the entry, by the name set in 设置 (issue 19; absent when not set). */
  workstation?: string;
  /** The clerk at that workstation (设置 → 本工作站 → 经办人; absent when not set). */
  clerk?: string;
}

export interface ImportBatch {
  id?: number;
  at: string;
  fileName: string;
  count: number;
  undone?: { at: string };
}
