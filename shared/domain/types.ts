/**
 * Base vocabulary of the domain, shared by the charter engine, the document builders,
 * the Dexie schema and the desks. Pure TypeScript: no electron, node, react or DOM.
 */

/** The keys of a label record, in its order, as a non-empty tuple (what `z.enum` takes). */
export const keysOf = <K extends string>(labels: Record<K, string>): readonly [K, ...K[]] =>
  Object.keys(labels) as [K, ...K[]];

/** A calendar date `YYYY-MM-DD` (no time, no time zone). */
export type IsoDate = string;

/** 会员大会 | 理事会 | 常务理事会 (R-O1). */
export type Body = 'assembly' | 'council' | 'standing';
export const BODY_LABEL: Record<Body, string> = {
  assembly: '会员大会',
  council: '理事会',
  standing: '常务理事会',
};
/** Every body, in the charter's order. */
export const BODIES = keysOf(BODY_LABEL);

/** 会员单位 | 理事单位 | 常务理事单位 | 理事长单位 (R-D1). */
export type Tier = 'member' | 'director' | 'standing' | 'chair';
export const TIER_LABEL: Record<Tier, string> = {
  member: '会员单位',
  director: '理事单位',
  standing: '常务理事单位',
  chair: '理事长单位',
};
/** Every tier, lowest first. */
export const TIERS = keysOf(TIER_LABEL);

/** The tiers from the highest (理事长单位) down: the order of 章程参数's form, the report's tables and the audit reader. */
export const TIERS_HIGHEST_FIRST: readonly Tier[] = ['chair', 'standing', 'director', 'member'];

/** Member status machine (R-M3, R-M6, R-M7, R-M9, R-M10). */
export type MemberStatus =
  | 'applying' // 申请中
  | 'reviewing' // 待审核
  | 'approved' // 已批准
  | 'active' // 正式会员
  | 'withdrawing' // 退会中
  | 'withdrawn' // 已退会
  | 'auto-withdrawn' // 自动退会
  | 'expelled'; // 已除名
export const MEMBER_STATUS_LABEL: Record<MemberStatus, string> = {
  applying: '申请中',
  reviewing: '待审核',
  approved: '已批准',
  active: '正式会员',
  withdrawing: '退会中',
  withdrawn: '已退会',
  'auto-withdrawn': '自动退会',
  expelled: '已除名',
};
/** Every status, in the machine's order. */
export const MEMBER_STATUSES = keysOf(MEMBER_STATUS_LABEL);

/** 现场 | 通讯 (R-O4, R-O6). */
export type MeetingForm = 'onsite' | 'remote';
export const MEETING_FORM_LABEL: Record<MeetingForm, string> = { onsite: '现场', remote: '通讯' };

export type Attendance = 'present' | 'absent' | 'leave' | 'observer';
export const ATTENDANCE_LABEL: Record<Attendance, string> = {
  present: '出席',
  absent: '缺席',
  leave: '请假',
  observer: '列席',
};

export type VoteChoice = 'for' | 'against' | 'abstain';
export const VOTE_LABEL: Record<VoteChoice, string> = { for: '同意', against: '反对', abstain: '弃权' };

/** Offices (R-O3..R-O10). */
export type OfficeRole = 'chair' | 'vice-chair' | 'standing' | 'director' | 'secretary-general' | 'deputy-sg';
export const OFFICE_LABEL: Record<OfficeRole, string> = {
  chair: '理事长',
  'vice-chair': '副理事长',
  standing: '常务理事',
  director: '理事',
  'secretary-general': '秘书长',
  'deputy-sg': '副秘书长',
};
