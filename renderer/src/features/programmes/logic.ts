/**
 * View logic of the 专项行动 desk (R-P1..R-P3): receipts, received-file checks, the application form's
 * fields (pre-fill from the registry and from a received Word file), certificate numbers, the overview.
 * Pure functions; the rules themselves are the engine's (checkProgrammeApplication).
 */
import {
  checkProgrammeApplication,
  compareDates,
  daysBetween,
  formatChineseDate,
  isIsoDate,
  type ProgrammeApplicationCheck,
  type ProgrammeReceiptId,
} from '../../../../shared/charter';
import type { SunshineFormValues } from '../../../../shared/documents';
import { SUNSHINE_FORM_FIELDS } from '../../../../shared/documents/sunshineFields';
import type { Enrolment, Member, ReceiptKey } from '../../../../shared/domain/records';
import type { IsoDate, MemberStatus } from '../../../../shared/domain/types';

/* --------------------------------------------------------------- receipts */

export interface ReceiptSpec {
  key: ReceiptKey;
  engineId: ProgrammeReceiptId;
  label: string;
  how: string;
  /** The file type expected for this receipt; none for the paper originals. */
  fileType?: 'docx' | 'pdf';
}

/** R-P2: the four receipts tracked separately. */
export const RECEIPTS: readonly ReceiptSpec[] = [
  { key: 'formWord', engineId: 'form-word', label: '申请表 Word 版', how: '电子邮件', fileType: 'docx' },
  { key: 'formPdf', engineId: 'form-pdf', label: '申请表盖章 PDF', how: '电子邮件', fileType: 'pdf' },
  {
    key: 'declarationPdf',
    engineId: 'declaration-pdf',
    label: '宣言盖章 PDF',
    how: '电子邮件',
    fileType: 'pdf',
  },
  { key: 'paper', engineId: 'paper-post', label: '纸质原件', how: '邮寄' },
];

export function receiptSpec(key: ReceiptKey): ReceiptSpec {
  return RECEIPTS.find((r) => r.key === key) as ReceiptSpec;
}

/** Receipt ids for the engine, from the dated receipts of an enrolment. */
export function receivedIds(receipts: Enrolment['receipts']): ProgrammeReceiptId[] {
  return RECEIPTS.filter((r) => isIsoDate(receipts[r.key])).map((r) => r.engineId);
}

/** The date the application arrived: the earliest receipt (or `asOf` when none yet). */
export function submittedOn(receipts: Enrolment['receipts'], asOf: IsoDate): IsoDate {
  const dates = RECEIPTS.map((r) => receipts[r.key]).filter((d): d is string => isIsoDate(d));
  return dates.sort()[0] ?? asOf;
}

/** R-P1, R-P2: the engine's check of one enrolment. */
export function checkEnrolment(
  e: Pick<Enrolment, 'receipts'>,
  memberStatus: MemberStatus,
  deadline: IsoDate,
  asOf: IsoDate,
): ProgrammeApplicationCheck {
  return checkProgrammeApplication({
    memberStatus,
    submittedOn: submittedOn(e.receipts, asOf),
    deadline,
    receipts: receivedIds(e.receipts),
  });
}

/** R-P2: all four receipts in. */
export function receiptsComplete(receipts: Enrolment['receipts']): boolean {
  return RECEIPTS.every((r) => isIsoDate(receipts[r.key]));
}

/** The labels of the receipts still missing. */
export function missingReceipts(receipts: Enrolment['receipts']): string[] {
  return RECEIPTS.filter((r) => !isIsoDate(receipts[r.key])).map((r) => r.label);
}

/* ----------------------------------------------------------- file checks */

export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;

/** Checks a received file by extension AND content (.docx is a zip: PK\x03\x04; .pdf starts %PDF-). */
export function checkReceivedFile(
  name: string,
  bytes: Uint8Array,
  expected: 'docx' | 'pdf',
  maxBytes = MAX_RECEIPT_BYTES,
): string | null {
  const label = expected === 'docx' ? 'Word 文件（.docx）' : 'PDF 文件（.pdf）';
  if (bytes.byteLength === 0) return '文件是空的，请重新选择';
  if (bytes.byteLength > maxBytes) {
    return `文件过大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB），不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`;
  }
  const ext = /\.([^.]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  if (ext !== expected) {
    if (expected === 'docx' && ext === 'doc')
      return '这是旧版 Word 文件（.doc），请让对方另存为 .docx 后再发送';
    return `请选择${label}，所选文件是 .${ext ?? '（无扩展名）'}`;
  }
  const b = bytes;
  const ok =
    expected === 'docx'
      ? b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
      : b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;
  if (!ok) return `文件内容不是${label}（扩展名与内容不符，可能已损坏或被改名）`;
  return null;
}

/* ---------------------------------------------------------- the form */

/** What the registry knows about the applicant, for a pre-filled form (contact person of the member). */
export function formFromMember(
  m: Pick<Member, 'name' | 'contact' | 'postalAddress'>,
): Partial<SunshineFormValues> {
  return {
    unitName: m.name,
    contactName: m.contact.name,
    mobile: m.contact.mobile,
    position: m.contact.position,
    email: m.contact.email,
    postalAddress: m.postalAddress,
  };
}

/** The stored form merged over the registry's values (what the clerk entered wins). */
export function mergedForm(
  m: Pick<Member, 'name' | 'contact' | 'postalAddress'>,
  form: Record<string, string> | undefined,
): Partial<SunshineFormValues> {
  const out: Partial<SunshineFormValues> = { ...formFromMember(m) };
  for (const f of SUNSHINE_FORM_FIELDS) {
    const v = form?.[f.key];
    if (typeof v === 'string' && v.trim() !== '') out[f.key] = v;
  }
  return out;
}

/* ------------------------------------------------------- certificates */

/**
 * R-P3: programme certificate number `<prefix>-<year>-<seq 3 digits>`, the next after the highest issued
 * for that prefix and year (returned certificates keep their numbers).
 * TODO(charter): the engine has no rule for programme certificate numbers; move it there if one is added.
 */
export function nextProgrammeCertificateNo(issued: readonly string[], prefix: string, year: number): string {
  const p = prefix.trim();
  const re = new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${year}-(\\d+)$`);
  let max = 0;
  for (const no of issued) {
    const m = re.exec(no);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${p}-${year}-${String(max + 1).padStart(3, '0')}`;
}

/* ----------------------------------------------------------- overview */

export const ENROLMENT_STATUS_LABEL: Record<Enrolment['status'], string> = {
  invited: '已邀请',
  applied: '已申请',
  returned: '退回补充',
  approved: '已通过',
  withdrawn: '已撤销',
};

/** R-M6, R-M7, R-M9: member statuses after leaving the alliance. */
export const LEFT_STATUSES: readonly MemberStatus[] = ['withdrawn', 'auto-withdrawn', 'expelled'];

export interface ProgrammeOverview {
  invited: number;
  applied: number;
  complete: number;
  approved: number;
  certificates: number;
}

export function overview(enrolments: readonly Enrolment[]): ProgrammeOverview {
  const live = enrolments.filter((e) => e.status !== 'withdrawn');
  return {
    invited: live.length,
    applied: live.filter((e) => e.status !== 'invited' || Object.keys(e.receipts).length > 0).length,
    complete: live.filter((e) => receiptsComplete(e.receipts)).length,
    approved: live.filter((e) => e.status === 'approved').length,
    certificates: live.filter((e) => e.certificateId !== undefined).length,
  };
}

export interface MissingRow {
  enrolmentId: number;
  memberId: number;
  missing: string[];
  /** Days from `asOf` to the deadline (negative: past). */
  daysLeft: number;
}

/** Who is missing what before the deadline (enrolments still open, not yet approved). */
export function missingBeforeDeadline(
  enrolments: readonly Enrolment[],
  deadline: IsoDate,
  asOf: IsoDate,
): MissingRow[] {
  const days = daysBetween(asOf, deadline);
  return enrolments
    .filter((e) => e.status !== 'withdrawn' && e.status !== 'approved')
    .map((e) => ({
      enrolmentId: e.id ?? 0,
      memberId: e.memberId,
      missing: missingReceipts(e.receipts),
      daysLeft: days,
    }))
    .filter((r) => r.missing.length > 0);
}

/** R-P3: enrolled members that have left the alliance and must be withdrawn from the programme. */
export function leftButEnrolled(
  enrolments: readonly Enrolment[],
  status: (memberId: number) => MemberStatus | undefined,
): Enrolment[] {
  return enrolments.filter((e) => {
    const s = status(e.memberId);
    return e.status !== 'withdrawn' && s !== undefined && LEFT_STATUSES.includes(s);
  });
}

/**
 * R-P1: after the call's deadline no member is invited or registered: the refusal, with the date (null while
 * the call is open, the deadline day included).
 */
export function closedCallRefusal(deadline: IsoDate, asOf: IsoDate): string | null {
  if (!isIsoDate(deadline) || compareDates(asOf, deadline) <= 0) return null;
  return `征集已于 ${formatChineseDate(deadline)}截止，不能再邀请或登记申请；如确需延期，请先在“编辑”中修改截止日期`;
}

/** A new programme's deadline already past (R-P1): the warning shown as the clerk creates it. */
export function pastDeadlineWarning(deadline: string | undefined, asOf: IsoDate): string | null {
  if (!deadline || !isIsoDate(deadline) || compareDates(deadline, asOf) >= 0) return null;
  return `截止日期 ${formatChineseDate(deadline)}已过（今天 ${formatChineseDate(asOf)}）：保存后不能再邀请或登记申请`;
}

export function deadlineLabel(deadline: IsoDate): string {
  return isIsoDate(deadline) ? formatChineseDate(deadline) : deadline;
}

export function daysLeftLabel(days: number): string {
  if (days > 0) return `距截止还有 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已过截止日期 ${-days} 天`;
}
