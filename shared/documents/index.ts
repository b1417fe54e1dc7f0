/**
 * Word document builders: data in, .docx bytes out (Promise<Uint8Array>), in the renderer and in Node.
 * GB/T 9704-2012 layout for notices; rules cited by id from ../shared/docs/charter-rules.md.
 */
export { buildNotice, buildNoticeWithAttachments, noticeContent, attachmentContent } from './notice';
export type { NoticeInput } from './notice';

export {
  buildSunshineApplicationForm,
  buildSunshineDeclaration,
  SUNSHINE_FORM_TITLE,
  SUNSHINE_FORM_ROWS,
  SUNSHINE_OPINION,
  SUNSHINE_DECLARATION_TITLE,
  SUNSHINE_DECLARATION,
  SUNSHINE_CODE_TITLE,
  SUNSHINE_CODE,
  SUNSHINE_PROGRAMME,
} from './sunshine';
export type { SunshineFormValues } from './sunshine';

export {
  buildMembershipApplication,
  MEMBERSHIP_TITLE,
  MEMBERSHIP_DECLARATION,
  MEMBERSHIP_MATERIAL_LABEL,
} from './membership';
export type { MembershipApplicationValues, MembershipMaterial, PersonDetails } from './membership';

export {
  buildCertificate,
  buildCertificatesBatch,
  certificateTitle,
  certificateStatement,
} from './certificate';
export type { CertificateInput, CertificateKind } from './certificate';
export { certificateBatchText } from './certificateBatch';
export type { BatchCertificate, CertificateBatchInput, CertificateBatchText } from './certificateBatch';

export {
  buildMeetingNotice,
  meetingNoticeInput,
  buildSignInSheet,
  buildBallot,
  buildTallySheet,
  buildMinutes,
  minutesBody,
  entitledWord,
} from './meeting';
export type {
  MeetingInfo,
  MotionRef,
  MeetingNoticeInput,
  SignInSheetInput,
  BallotInput,
  TallyRow,
  TallySheetInput,
  MinutesInput,
  MinutesMotion,
  NamedVote,
} from './meeting';

export { buildDuesNotice, buildDuesNoticesBatch, duesNoticeInput, duesNoticeTitle } from './dues';
export type { DuesNoticeInput } from './dues';

export { DEFAULT_ISSUER, ALLIANCE_NAME, FONT_SCHEMES } from './options';
export { ccText, letterheadMarkPt, LETTERHEAD_RED } from './letterhead';
export type { ColophonOptions, LetterheadOptions } from './letterhead';
export type {
  DocOptions,
  FontScheme,
  FontSet,
  ContactBlock,
  BankDetails,
  SealImage,
  AttachmentPart,
} from './options';

export {
  sanitizeText,
  sanitizeLine,
  formatCnDate,
  styleDocNumber,
  formatYuan,
  rmbUpper,
  cnNumeral,
  BLANK_DATE,
} from './text';
export type { DocNumberBrackets } from './text';

export { mmToTwip, A4, GB_MARGIN, LINE_PITCH, SIZE } from './geometry';

export {
  SUNSHINE_SEED_NOTICE,
  SUNSHINE_SEED_ATTACHMENTS,
  buildSunshineCallNotice,
} from './templates/sunshine-seed';

export { buildAnnualReport, annualReportContent, columnTwips } from './annualReport';
export type { AnnualReportInput } from './annualReport';
