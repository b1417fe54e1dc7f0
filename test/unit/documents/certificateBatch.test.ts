import { describe, expect, it } from 'vitest';
import { certificateBatchText } from '../../../shared/documents';

describe('证书批次 register text (R-W1 with R-M3 (4), R-P3)', () => {
  it('one member certificate: addressed to the unit, dated on issue', () => {
    expect(
      certificateBatchText({
        kind: 'member',
        issuedOn: '2026-07-20',
        certificates: [{ certificateNo: 'CCIA-HY-2026-0001', unitName: '杭州天御网络安全技术股份有限公司' }],
      }),
    ).toEqual({
      type: '证书批次',
      title: '颁发会员证书（1 份）',
      addressee: '杭州天御网络安全技术股份有限公司',
      date: '2026-07-20',
      body: '2026 年 7 月 20 日颁发会员证书 1 份，证书编号及单位如下：\n1. CCIA-HY-2026-0001　杭州天御网络安全技术股份有限公司',
      attachments: [],
    });
  });

  it('a unit name with line breaks stays on its own line of the list; an empty batch is refused', () => {
    const t = certificateBatchText({
      kind: 'programme',
      programmeName: '网络安全服务阳光行动',
      issuedOn: '2022-12-05',
      certificates: [
        { certificateNo: 'YGXD-2022-001', unitName: '甲\n公司' },
        { certificateNo: 'YGXD-2022-002', unitName: '乙公司' },
      ],
    });
    expect(t.addressee).toBe('甲 公司等 2 家单位');
    expect(t.body.split('\n')).toHaveLength(3);
    expect(() => certificateBatchText({ kind: 'member', issuedOn: '2022-12-05', certificates: [] })).toThrow(
      '证书批次中没有证书',
    );
  });
});
