import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  describeChange,
  entityLabel,
  filterAudit,
  formatValue,
} from '../../../shared/data/auditView';
import type { AuditEntry } from '../../../shared/domain/records';

const entries: AuditEntry[] = [
  {
    id: 1,
    at: '2026-01-05T02:00:00.000Z',
    entity: 'members',
    action: 'update',
    summary: '修改 甲公司',
    memberId: 1,
    changes: [{ field: 'tier', before: 'member', after: 'director' }],
  },
  {
    id: 2,
    at: '2026-03-05T02:00:00.000Z',
    entity: 'payments',
    action: 'payment',
    summary: '乙公司 缴费 5000 元',
    memberId: 2,
  },
  { id: 3, at: '2026-03-06T02:00:00.000Z', entity: 'database', action: 'restore', summary: '从备份恢复' },
];

describe('audit trail view (issue 8)', () => {
  it('labels entities, actions and field changes in Chinese', () => {
    expect(entityLabel('members')).toBe('会员单位');
    expect(actionLabel('restore')).toBe('恢复备份');
    expect(describeChange({ field: 'tier', before: 'member', after: 'director' })).toBe(
      '会员级别：会员单位 → 理事单位',
    );
    expect(describeChange({ field: 'representative.mobile', before: null, after: '138' })).toBe(
      '代表手机：（空） → 138',
    );
    expect(formatValue('x', [1, 2])).toBe('2 项');
  });

  it('filters by action, entity, date range, text and member; newest first', () => {
    expect(filterAudit(entries, {}).map((e) => e.id)).toEqual([3, 2, 1]);
    expect(filterAudit(entries, { action: 'payment' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, { entity: 'members' }).map((e) => e.id)).toEqual([1]);
    expect(filterAudit(entries, { from: '2026-03-01', to: '2026-03-05' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, { text: '理事单位' }).map((e) => e.id)).toEqual([1]);
    expect(filterAudit(entries, { memberId: 2 }).map((e) => e.id)).toEqual([2]);
  });
});
