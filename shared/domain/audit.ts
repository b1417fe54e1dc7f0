/**
 * Field-level diffs for the audit trail. Pure: the desks call `fieldChanges` inside their write
 * transaction and store the result with the record (see renderer/src/db/audit.ts).
 */
import type { FieldChange } from './records';

const IGNORED = new Set(['id', 'searchText', 'createdAt', 'updatedAt', 'recordedAt']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Blob);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!same(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * Lists the fields that differ between two versions of a record, flattening nested objects
 * with dotted paths (`representative.mobile`).
 */
export function fieldChanges(
  before: object | undefined,
  after: object | undefined,
  prefix = '',
): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: FieldChange[] = [];
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  for (const key of keys) {
    if (!prefix && IGNORED.has(key)) continue;
    const bv = b[key];
    const av = a[key];
    if (same(bv, av)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(bv) && isPlainObject(av)) out.push(...fieldChanges(bv, av, path));
    else out.push({ field: path, before: bv ?? null, after: av ?? null });
  }
  return out;
}

/** Chinese names of the fields, for reading the audit trail. */
export const FIELD_LABEL: Record<string, string> = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  region: '注册地',
  nature: '单位性质',
  business: '主营业务',
  tier: '会员级别',
  status: '状态',
  approvedOn: '入会日期',
  'representative.name': '会员代表',
  'representative.position': '代表职务',
  'representative.mobile': '代表手机',
  'representative.email': '代表邮箱',
  'contact.name': '联系人',
  'contact.position': '联系人职务',
  'contact.mobile': '联系人手机',
  'contact.email': '联系人邮箱',
  postalAddress: '邮寄地址',
  amount: '金额',
  paidOn: '缴费日期',
  method: '缴费方式',
  receiptNo: '收据号',
  reason: '原因',
  discussion: '讨论内容',
  title: '标题',
  docNumber: '发文字号',
};
