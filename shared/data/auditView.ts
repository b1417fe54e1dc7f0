/**
 * Reading the audit trail: Chinese labels, value formatting and filtering. Pure.
 */
import type { AuditAction, AuditEntry, FieldChange } from '../domain/records';
import { FIELD_LABEL, fieldChanges } from '../domain/audit';
import { MEMBER_STATUS_LABEL, TIER_LABEL } from '../domain/types';
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

/** Labels of nested fields (a record's sub-objects flattened by `readableChanges`). */
const NESTED_LABEL: Record<string, string> = {
  'withdrawal.noticeReceivedOn': '退会通知收到日期',
  'withdrawal.effectiveOn': '退会生效日期',
  'withdrawal.reportDueBy': '通报截止日期',
  'withdrawal.reportedOn': '通报常务理事会日期',
  'left.on': '离会日期',
  'left.how': '离会方式',
  'left.reason': '离会原因',
  'left.resolutionRef': '决议',
  'left.motionId': '关联决议',
  confirmedWarnings: '已确认的提示',
  'returned.on': '交回日期',
  'returned.reason': '交回原因',
  certificateNo: '证书编号',
  issuedOn: '发证日期',
};

const LEFT_HOW_LABEL: Record<string, string> = {
  withdrawn: '退会',
  'auto-withdrawn': '自动退会',
  expelled: '除名',
};

export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? NESTED_LABEL[field] ?? field;
}

function isPlainObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Field changes with nested objects (representative, withdrawal, left …) flattened to labelled fields. */
export function flattenChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.flatMap((c) =>
    isPlainObject(c.before) || isPlainObject(c.after)
      ? fieldChanges(isPlainObject(c.before) ? c.before : {}, isPlainObject(c.after) ? c.after : {}, c.field)
      : [c],
  );
}

/** An entry's changes as lines the clerk reads: `会员级别：会员单位 → 理事单位`. */
export function readableChanges(changes: readonly FieldChange[]): string[] {
  return flattenChanges(changes).map(describeChange);
}

/** An audit value as text: labels for tiers and statuses, 「（空）」 for nothing, JSON (shortened) for the rest. */
export function formatValue(field: string, value: unknown, max = 120): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'string') {
    if (field === 'tier' && value in TIER_LABEL) return TIER_LABEL[value as keyof typeof TIER_LABEL];
    if (field === 'status' && value in MEMBER_STATUS_LABEL) {
      return MEMBER_STATUS_LABEL[value as keyof typeof MEMBER_STATUS_LABEL];
    }
    if (field === 'left.how' && value in LEFT_HOW_LABEL) return LEFT_HOW_LABEL[value]!;
    return value.length > max ? value.slice(0, max) + '…' : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.every((x) => typeof x === 'string') ? value.join('；') : `${value.length} 项`;
  let s: string;
  try {
    s = JSON.stringify(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? s.slice(0, max) + '…' : s;
}

export function describeChange(c: FieldChange): string {
  return `${fieldLabel(c.field)}：${formatValue(c.field, c.before)} → ${formatValue(c.field, c.after)}`;
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

export function matchesAudit(e: AuditEntry, f: AuditFilter): boolean {
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
    const hay = [e.summary, ...(e.changes ?? []).map(describeChange)].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Newest first. */
export function filterAudit(entries: readonly AuditEntry[], f: AuditFilter): AuditEntry[] {
  return entries
    .filter((e) => matchesAudit(e, f))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.id ?? 0) - (a.id ?? 0)));
}
