import { describe, expect, it } from 'vitest';
import type { Member, MemberFields } from '../../../shared/domain/records';
import { badCode, code, fields } from './fixtures';
import { buildSearchText } from '../../../shared/search/searchText';
import {
  approvalYears,
  creditCodeError,
  filterMembers,
  memberPath,
  normalizeMemberFields,
  sortMembers,
  validateMemberFields,
  warningsConfirmed,
} from '../../../renderer/src/features/members/logic';

function member(id: number, over: Partial<MemberFields> = {}, extra: Partial<Member> = {}): Member {
  const f = fields(over);
  return {
    id,
    ...f,
    status: 'active',
    approvedOn: '2020-05-01',
    searchText: buildSearchText(f),
    createdAt: '',
    updatedAt: '',
    ...extra,
  };
}

describe('roster filter and search (R-M1)', () => {
  const ms = [
    member(1, { name: '深圳示例网络安全科技有限公司', creditCode: code('91440300MA5G1B2C3') }),
    member(
      2,
      { name: '北京安信数据科技有限公司', creditCode: code('91110108MA01ABCDE'), tier: 'director' },
      {
        approvedOn: '2023-07-09',
      },
    ),
    member(
      3,
      { name: '杭州天盾信息技术研究院', creditCode: code('12330106MB0000001') },
      {
        status: 'withdrawn',
        approvedOn: '2018-01-02',
      },
    ),
  ];

  it('matches unit name, pinyin initials, full pinyin, credit code and people', () => {
    expect(filterMembers(ms, { query: 'szsl' }).map((m) => m.id)).toEqual([1]);
    expect(filterMembers(ms, { query: 'SZ SL' }).map((m) => m.id)).toEqual([1]);
    expect(filterMembers(ms, { query: 'beijinganxin' }).map((m) => m.id)).toEqual([2]);
    expect(filterMembers(ms, { query: '天盾' }).map((m) => m.id)).toEqual([3]);
    expect(
      filterMembers(ms, { query: code('91110108MA01ABCDE').slice(0, 10).toLowerCase() }).map((m) => m.id),
    ).toEqual([2]);
    expect(filterMembers(ms, { query: '张伟' })).toHaveLength(3);
    expect(filterMembers(ms, { query: '' })).toHaveLength(3);
  });

  it('filters by tier, status and year of admission', () => {
    expect(filterMembers(ms, { query: '', tier: 'director' }).map((m) => m.id)).toEqual([2]);
    expect(filterMembers(ms, { query: '', status: 'withdrawn' }).map((m) => m.id)).toEqual([3]);
    expect(filterMembers(ms, { query: '', year: 2020 }).map((m) => m.id)).toEqual([1]);
    expect(approvalYears(ms)).toEqual([2023, 2020, 2018]);
  });

  it('sorts by each column, both directions, in pinyin order for names', () => {
    expect(sortMembers(ms, { key: 'name', order: 'ascend' }).map((m) => m.id)).toEqual([2, 3, 1]);
    expect(sortMembers(ms, { key: 'name', order: 'descend' }).map((m) => m.id)).toEqual([1, 3, 2]);
    expect(sortMembers(ms, { key: 'approvedOn', order: 'ascend' }).map((m) => m.id)).toEqual([3, 1, 2]);
    expect(sortMembers(ms, { key: 'tier', order: 'ascend' }).map((m) => m.id)[0]).toBe(2);
    expect(sortMembers(ms, { key: 'status', order: 'descend' }).map((m) => m.id)[0]).toBe(3);
    expect(sortMembers(ms, null).map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('filters 10,000 members within a frame budget', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...ms[i % 3]!, id: i + 1 }));
    const t0 = performance.now();
    filterMembers(many, { query: 'szsl' });
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('routes to a member file', () => {
    expect(memberPath(42)).toBe('/members/42');
  });
});

describe('member form validation (R-M1, R-M2)', () => {
  it('accepts a complete, valid unit with no warnings', () => {
    expect(validateMemberFields(fields())).toEqual({ errors: {}, warnings: [] });
  });

  it('requires the unit, the representative and the contact, in Chinese', () => {
    const v = validateMemberFields(normalizeMemberFields({}));
    expect(v.errors.name).toContain('单位名称');
    expect(v.errors.creditCode).toBe('请填写统一社会信用代码');
    expect(v.errors['representative.name']).toBe('请指定会员代表');
    expect(v.errors['contact.name']).toBe('请指定联系人');
    expect(v.errors['representative.mobile']).toBe('请填写代表手机');
  });

  it('checks 11-digit mainland mobiles and e-mails', () => {
    const v = validateMemberFields(
      fields({
        representative: { name: '张伟', position: '', mobile: '1380013800', email: 'zw@' },
        contact: { name: '李娜', position: '', mobile: '23800138000', email: '' },
      }),
    );
    expect(v.errors['representative.mobile']).toContain('11 位');
    expect(v.errors['contact.mobile']).toContain('11 位');
    expect(v.errors['representative.email']).toContain('邮箱');
    expect(v.errors['contact.email']).toBeUndefined();
    // Spaces and dashes typed in a mobile are dropped, not refused.
    expect(
      normalizeMemberFields({ representative: { mobile: '138-0013 8000' } as never }).representative.mobile,
    ).toBe('13800138000');
  });

  it('R-M2: a wrong check digit is a warning to confirm (engine explanation), a malformed code an error', () => {
    const bad = badCode('91440300MA5G1B2C3');
    const v = validateMemberFields(fields({ creditCode: bad }));
    expect(v.errors).toEqual({});
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toContain('校验位不符');
    expect(creditCodeError('91440300MA5G1B2C')).toContain('18 位');
    expect(creditCodeError('91440300MA5G1B2CI')).toContain('18 位');
    expect(creditCodeError('91440300MA5G1B2CIO')).toContain('不是允许的字符');
    expect(validateMemberFields(fields({ creditCode: '123' })).errors.creditCode).toContain('18 位');
    // Lower case and spaces are normalised.
    expect(
      normalizeMemberFields({ creditCode: ` ${code('91110108MA01ABCDE').toLowerCase()} ` }).creditCode,
    ).toBe(code('91110108MA01ABCDE'));
  });

  it('R-M2: a region outside the mainland is a warning, with the region named', () => {
    const v = validateMemberFields(fields({ region: '香港特别行政区' }));
    expect(v.errors).toEqual({});
    expect(v.warnings.join()).toContain('不在中国大陆境内');
    const hk = validateMemberFields(fields({ creditCode: code('91810000MA01ABCDE') }));
    expect(hk.warnings.join()).toContain('不属于中国大陆');
  });

  it('saving needs every current warning confirmed', () => {
    expect(warningsConfirmed(['a', 'b'], ['a'])).toBe(false);
    expect(warningsConfirmed(['a'], ['a', 'b'])).toBe(true);
    expect(warningsConfirmed([], [])).toBe(true);
  });
});
