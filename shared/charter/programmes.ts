/**
 * Programmes (专项行动, e.g. 网络安全服务阳光行动) from the Sunshine Action notice (R-P1 … R-P3).
 */
import type { IsoDate, MemberStatus } from '../domain/types';
import { compareDates, parseIsoDate } from './dates';

/** R-P2: the four receipts tracked separately. */
export type ProgrammeReceiptId = 'form-word' | 'form-pdf' | 'declaration-pdf' | 'paper-post';
export const PROGRAMME_RECEIPTS: readonly { id: ProgrammeReceiptId; label: string }[] = Object.freeze([
  { id: 'form-word', label: '《申请表》WORD 版（电子邮件）' },
  { id: 'form-pdf', label: '《申请表》盖章 PDF 版（电子邮件）' },
  { id: 'declaration-pdf', label: '《宣言》盖章 PDF 版（电子邮件）' },
  { id: 'paper-post', label: '《申请表》《宣言》盖章纸质版（邮寄）' },
]);

/** R-P1: statuses of a current member (approved and not yet left). */
export const PROGRAMME_ELIGIBLE_STATUSES: readonly MemberStatus[] = ['approved', 'active', 'withdrawing'];

export interface ProgrammeApplication {
  memberStatus: MemberStatus;
  /** Date the application arrived (the first receipt). */
  submittedOn: IsoDate;
  /** The yearly call's deadline, inclusive (e.g. 2022-11-30). */
  deadline: IsoDate;
  receipts: readonly ProgrammeReceiptId[];
}

export interface ProgrammeApplicationCheck {
  /** R-P1: members only. */
  eligible: boolean;
  /** R-P1: on or before the deadline. */
  onTime: boolean;
  /** R-P2: receipts still missing. */
  missingReceipts: { id: ProgrammeReceiptId; label: string }[];
  /** R-P3: eligible, on time and complete — may be reviewed and given a 成员单位证书. */
  readyForReview: boolean;
  messages: string[];
}

/** R-P1, R-P2, R-P3: checks a programme application. */
export function checkProgrammeApplication(a: ProgrammeApplication): ProgrammeApplicationCheck {
  parseIsoDate(a.submittedOn, '申请日期');
  parseIsoDate(a.deadline, '截止日期');
  const eligible = PROGRAMME_ELIGIBLE_STATUSES.includes(a.memberStatus);
  const onTime = compareDates(a.submittedOn, a.deadline) <= 0;
  const got = new Set(a.receipts);
  const missingReceipts = PROGRAMME_RECEIPTS.filter((r) => !got.has(r.id));
  const messages: string[] = [];
  if (!eligible) messages.push('专项行动仅面向联盟会员单位');
  if (!onTime) messages.push(`已过征集截止日期 ${a.deadline}`);
  for (const r of missingReceipts) messages.push(`尚未收到${r.label}`);
  return {
    eligible,
    onTime,
    missingReceipts,
    readyForReview: eligible && onTime && missingReceipts.length === 0,
    messages,
  };
}
