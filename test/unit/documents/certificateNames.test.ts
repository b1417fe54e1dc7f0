/**
 * A certificate's unit name on two lines (issue 15): never broken inside a legal form (股份有限公司) or a term
 * of the field the clerk reads as one word (网络空间安全, 数据安全) — the seams and the platform's dictionary
 * would each have split one of these.
 */
import { describe, expect, it } from 'vitest';
import { certificateNameLines } from '../../../shared/documents/certificate';

const lines = (name: string) => certificateNameLines(name).text.split('\n');

describe('certificate names kept whole (issue 15)', () => {
  it.each([
    // The dictionary split 网络 / 空间安全; the seam after 协会 is taken instead.
    [
      '中国网络空间安全协会示例网络空间安全技术服务股份有限公司',
      ['中国网络空间安全协会', '示例网络空间安全技术服务股份有限公司'],
    ],
    // The seam before 有限公司 fell inside 股份有限公司 (…股份 / 有限公司…); now before the whole legal form.
    [
      '上海示例信息安全技术股份有限公司网络空间安全研究院',
      ['上海示例信息安全技术', '股份有限公司网络空间安全研究院'],
    ],
    // 数据 / 安全 split by the dictionary; now at the word boundary after 与.
    [
      '中关村示例网络空间安全与数据安全技术服务有限公司北京分公司',
      ['中关村示例网络空间安全与', '数据安全技术服务有限公司北京分公司'],
    ],
  ])('%s', (name, expected) => {
    expect(lines(name)).toEqual(expected);
    expect(lines(name).join('')).toBe(name);
  });

  it('no break falls inside a kept term, for names built from every term', () => {
    const terms = [
      '网络空间安全',
      '数据安全',
      '股份有限公司',
      '人工智能',
      '工业互联网',
      '研究中心',
      '密码技术',
    ];
    for (const a of terms)
      for (const b of terms) {
        const name = `北京示例${a}科技${b}服务中心有限公司`;
        const [first] = lines(name);
        const at = first!.length;
        for (const t of [a, b, '有限公司'])
          for (let i = name.indexOf(t); i >= 0; i = name.indexOf(t, i + 1))
            expect(at <= i || at >= i + t.length, `${name} broken at ${at} inside ${t}`).toBe(true);
      }
  });
});
