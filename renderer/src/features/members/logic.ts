/**
 * Pure view logic of the 会员 desk: roster filtering, sorting and search, and the member form's
 * validation (R-M1, R-M2). No React, no Dexie: unit-tested in test/unit/members.
 */
import type {
  DuesOverride,
  Member,
  MemberFields,
  Payment,
  Person,
  TierChange,
} from '../../../../shared/domain/records';
import type { MemberStatus, Tier } from '../../../../shared/domain/types';
import { MEMBER_STATUS_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import { createSearchIndex, matchesSearch, normalizeQuery } from '../../../../shared/search/memberSearch';
import {
  CREDIT_CODE_CHARSET,
  autoWithdrawalCandidates,
  checkAdmission,
  duesLedger,
  explainCreditCode,
  isValidCreditCode,
  trackedWithdrawalReasons,
  type AutoWithdrawalReason,
  type DuesLedger,
  type DuesScheduleSource,
} from '../../../../shared/charter';
import { ledgerInputOf } from '../../../../shared/report/ledger';

/** Route of a member's file (other desks link here). */
export function memberPath(id: number): string {
  return `/members/${id}`;
}

// ---------------------------------------------------------------------------------------------------
// A member's file: its dues

/**
 * The member file's dues by year and its automatic-withdrawal reasons (R-D1 … R-D7, R-M7), as the other
 * desks compute them: the same engine input (`ledgerInputOf`), the clerk's 会费标准 (`schedule`, 章程参数),
 * and no dues reason for a year before the ledger's first tracked year (`trackedWithdrawalReasons`, as on
 * 首页). `participations`: the dates of its activities and of the meetings it attended. No dues without an
 * approval date.
 */
export function memberDues(
  m: Member & { id: number },
  rows: {
    tiers: readonly TierChange[];
    overrides: readonly DuesOverride[];
    payments: readonly Payment[];
    participations: readonly string[];
  },
  asOf: string,
  schedule: DuesScheduleSource,
  trackedFrom: number,
): { ledger: DuesLedger | null; autoReasons: AutoWithdrawalReason[] } {
  if (!m.approvedOn) return { ledger: null, autoReasons: [] };
  const input = ledgerInputOf(
    m as Member & { approvedOn: string },
    rows.tiers,
    rows.overrides,
    rows.payments,
  );
  const [candidate] = autoWithdrawalCandidates(
    [{ ...input, memberId: m.id, status: m.status, participations: rows.participations }],
    asOf,
    schedule,
  );
  return {
    ledger: duesLedger(input, asOf, schedule),
    autoReasons: candidate ? trackedWithdrawalReasons(candidate.reasons, trackedFrom) : [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Roster

export interface RosterFilter {
  query: string;
  tier?: Tier | undefined;
  status?: MemberStatus | undefined;
  /** 入会年份 (year of approvedOn). */
  year?: number | undefined;
}

export type RosterSortKey =
  'name' | 'tier' | 'status' | 'approvedOn' | 'representative' | 'contact' | 'mobile';

export interface RosterSort {
  key: RosterSortKey;
  order: 'ascend' | 'descend';
}

const TIER_RANK: Record<Tier, number> = { chair: 0, standing: 1, director: 2, member: 3 };
const STATUS_RANK: Record<MemberStatus, number> = {
  active: 0,
  withdrawing: 1,
  approved: 2,
  reviewing: 3,
  applying: 4,
  withdrawn: 5,
  'auto-withdrawn': 6,
  expelled: 7,
};

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** Filters the roster in memory (search-as-you-type over the stored `searchText`). */
export function filterMembers(members: readonly Member[], f: RosterFilter): Member[] {
  const q = normalizeQuery(f.query);
  const yearPrefix = f.year !== undefined ? `${f.year}-` : null;
  return members.filter(
    (m) =>
      (f.tier === undefined || m.tier === f.tier) &&
      (f.status === undefined || m.status === f.status) &&
      (yearPrefix === null || (m.approvedOn ?? '').startsWith(yearPrefix)) &&
      matchesSearch(m.searchText, q),
  );
}

/**
 * The roster's filter over one (sorted) list, for search-as-you-type: the same answer as `filterMembers`,
 * in the list's order, with the query answered by a search index built once per list (shared/search:
 * one scan of all haystacks, narrowing the previous matches while the query is extended).
 */
export function rosterFilter(members: readonly Member[]): (f: RosterFilter) => Member[] {
  const index = createSearchIndex(members.map((m) => m.searchText));
  return (f) => {
    const hits = index.search(normalizeQuery(f.query));
    const yearPrefix = f.year !== undefined ? `${f.year}-` : null;
    const out: Member[] = [];
    for (let k = 0; k < hits.length; k++) {
      const m = members[hits[k]!]!;
      if (
        (f.tier === undefined || m.tier === f.tier) &&
        (f.status === undefined || m.status === f.status) &&
        (yearPrefix === null || (m.approvedOn ?? '').startsWith(yearPrefix))
      )
        out.push(m);
    }
    return out;
  };
}

function sortValue(m: Member, key: RosterSortKey): string | number {
  switch (key) {
    case 'name':
      return m.name;
    case 'tier':
      return TIER_RANK[m.tier];
    case 'status':
      return STATUS_RANK[m.status];
    case 'approvedOn':
      return m.approvedOn ?? '';
    case 'representative':
      return m.representative.name;
    case 'contact':
      return m.contact.name;
    case 'mobile':
      return m.contact.mobile;
  }
}

/** Sorts a copy; Chinese text in pinyin order, tiers by rank (理事长单位 first), statuses active first. */
export function sortMembers(members: readonly Member[], sort: RosterSort | null): Member[] {
  if (!sort) return [...members];
  const dir = sort.order === 'ascend' ? 1 : -1;
  const textual = sort.key === 'name' || sort.key === 'representative' || sort.key === 'contact';
  return [...members].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    let c: number;
    if (typeof va === 'number' && typeof vb === 'number') c = va - vb;
    else if (textual) c = collator.compare(String(va), String(vb));
    else c = String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0;
    return c !== 0 ? dir * c : (a.id ?? 0) - (b.id ?? 0);
  });
}

/** The 入会年份 options: the years members were approved, newest first. */
export function approvalYears(members: readonly Member[]): number[] {
  const ys = new Set<number>();
  for (const m of members) if (m.approvedOn) ys.add(Number(m.approvedOn.slice(0, 4)));
  return [...ys].sort((a, b) => b - a);
}

export const TIER_OPTIONS = (['member', 'director', 'standing', 'chair'] as Tier[]).map((t) => ({
  value: t,
  label: TIER_LABEL[t],
}));
export const STATUS_OPTIONS = (Object.keys(MEMBER_STATUS_LABEL) as MemberStatus[]).map((s) => ({
  value: s,
  label: MEMBER_STATUS_LABEL[s],
}));

// ---------------------------------------------------------------------------------------------------
// Member form (R-M1, R-M2)

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MOBILE_MESSAGE = '请输入 11 位中国大陆手机号码（1 开头）';
export const EMAIL_MESSAGE = '电子邮箱格式不正确，例如 name@example.cn';

function clean(s: unknown): string {
  return typeof s === 'string' ? s.trim() : '';
}

function cleanPerson(p: Partial<Person> | undefined): Person {
  return {
    name: clean(p?.name),
    position: clean(p?.position),
    mobile: clean(p?.mobile).replace(/[\s-]/g, ''),
    email: clean(p?.email),
  };
}

/** Trims every field; the credit code is upper-cased without spaces (bad input loses nothing else). */
export function normalizeMemberFields(v: Partial<MemberFields>): MemberFields {
  return {
    name: clean(v.name),
    creditCode: clean(v.creditCode).replace(/\s+/g, '').toUpperCase(),
    region: clean(v.region),
    nature: clean(v.nature),
    business: clean(v.business),
    tier: v.tier ?? 'member',
    representative: cleanPerson(v.representative),
    contact: cleanPerson(v.contact),
    postalAddress: clean(v.postalAddress),
  };
}

/**
 * Credit-code problems that block saving: the code is not 18 characters of the GB 32100-2015 charset.
 * A wrong check digit alone is a warning the clerk must confirm (R-M2), not an error.
 */
export function creditCodeError(code: string): string | null {
  if (isValidCreditCode(code)) return null;
  const structurallyOk = code.length === 18 && [...code].every((ch) => CREDIT_CODE_CHARSET.includes(ch));
  return structurallyOk ? null : explainCreditCode(code);
}

export type FieldPath = string; // 'name', 'representative.mobile', …

export interface MemberValidation {
  /** Blocking, per field path: the form shows them under the field. */
  errors: Record<FieldPath, string>;
  /** R-M2 warnings (check digit, region outside the mainland): shown and confirmed explicitly. */
  warnings: string[];
}

const REQUIRED: [FieldPath, string][] = [
  ['name', '请填写单位名称（联盟会员均为单位会员）'],
  ['creditCode', '请填写统一社会信用代码'],
  ['region', '请填写注册地'],
  ['nature', '请填写单位性质'],
  ['business', '请填写主营业务'],
  ['representative.name', '请指定会员代表'],
  ['representative.mobile', '请填写代表手机'],
  ['contact.name', '请指定联系人'],
  ['contact.mobile', '请填写联系人手机'],
  ['postalAddress', '请填写邮寄地址'],
];

export function fieldAt(v: MemberFields, path: FieldPath): string {
  const [a, b] = path.split('.') as [keyof MemberFields, keyof Person | undefined];
  const x = v[a];
  if (b && typeof x === 'object') return (x as Person)[b];
  return typeof x === 'string' ? x : '';
}

/** Validates the (normalised) member fields: required fields, mobiles, e-mails, the credit code (R-M2). */
export function validateMemberFields(v: MemberFields): MemberValidation {
  const errors: Record<FieldPath, string> = {};
  for (const [path, msg] of REQUIRED) if (fieldAt(v, path) === '') errors[path] = msg;
  for (const role of ['representative', 'contact'] as const) {
    const p = v[role];
    if (p.mobile !== '' && !MOBILE_RE.test(p.mobile)) errors[`${role}.mobile`] = MOBILE_MESSAGE;
    if (p.email !== '' && !EMAIL_RE.test(p.email)) errors[`${role}.email`] = EMAIL_MESSAGE;
  }
  if (v.creditCode !== '') {
    const e = creditCodeError(v.creditCode);
    if (e) errors.creditCode = e;
  }
  const warnings: string[] = [];
  if (!errors.creditCode && v.creditCode !== '') {
    // R-M2: the engine's admission check gives the check-digit and region warnings.
    const check = checkAdmission({
      applyOn: '2000-01-01',
      materials: [],
      creditCode: v.creditCode,
      registrationRegion: v.region,
    });
    for (const w of check.warnings) {
      if (v.region === '' && w.message.startsWith('未填写注册地')) continue; // already a required-field error
      warnings.push(w.message);
    }
  }
  return { errors, warnings };
}

/** Whether every current warning was confirmed by the clerk. */
export function warningsConfirmed(warnings: readonly string[], confirmed: readonly string[]): boolean {
  return warnings.every((w) => confirmed.includes(w));
}
