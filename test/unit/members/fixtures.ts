import type { Member, MemberFields } from '../../../shared/domain/records';
import { creditCodeCheckChar } from '../../../shared/charter';

export function code(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/** A code with a wrong check character (R-M2). */
export function badCode(first17: string): string {
  const good = creditCodeCheckChar(first17);
  return first17 + (good === '0' ? '1' : '0');
}

export function fields(over: Partial<MemberFields> = {}): MemberFields {
  return {
    name: '深圳示例网络安全科技有限公司',
    creditCode: code('91440300MA5G1B2C3'),
    region: '广东省深圳市',
    nature: '企业',
    business: '网络安全服务',
    tier: 'member',
    representative: { name: '张伟', position: '总经理', mobile: '13800138000', email: 'zw@example.cn' },
    contact: { name: '李娜', position: '市场总监', mobile: '13900139000', email: 'ln@example.cn' },
    postalAddress: '广东省深圳市南山区科技园 1 号',
    ...over,
  };
}

/** An active 会员单位 as the roster import of 2026-11-01 writes it (no 入会日期 unless `over` gives one). */
export function importedRow(importBatchId: number, over: Partial<Member> = {}): Member {
  return {
    ...fields(),
    tier: 'member',
    status: 'active',
    searchText: '',
    importBatchId,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...over,
  };
}
