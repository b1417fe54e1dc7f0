import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHARTER_ARTICLES,
  RULE_ARTICLES,
  articleLabel,
  articleSentence,
  charterRefText,
  citeArticles,
} from '../../../shared/charter/articles';

const SEEDS = path.resolve(__dirname, '../../../../shared');
const charterFile = path.join(SEEDS, 'seeds/ccia-charter.txt');
const rulesFile = path.join(SEEDS, 'docs/charter-rules.md');

describe('the charter by article (issue 16)', () => {
  it('numbers articles as the charter does', () => {
    expect(articleLabel(7)).toBe('章程第七条');
    expect(articleLabel(10)).toBe('章程第十条');
    expect(articleLabel(12)).toBe('章程第十二条');
    expect(articleLabel(20)).toBe('章程第二十条');
    expect(articleLabel(32)).toBe('章程第三十二条');
    expect(charterRefText(['R-M4'])).toBe('章程第十条、第十九条');
    expect(charterRefText(['R-D2', 'R-D3', 'R-D7'])).toBe('章程第三十二条、第十二条');
    expect(charterRefText(['R-W1'])).toBeNull();
    expect(articleSentence(12)).toMatch(/^第十二条 联盟会员退出联盟时应提前三十日书面告知秘书处。/);
  });

  it('turns rule ids in a message into articles', () => {
    expect(citeArticles('应于 12 月 8 日前通报（R-M6）')).toBe('应于 12 月 8 日前通报（章程第十二条）');
    expect(citeArticles('自动退会（R-M6、R-M7）')).toBe('自动退会（章程第十二条）');
    expect(citeArticles('发文字号（R-W1）不得重复')).toBe('发文字号不得重复');
  });

  it('maps every rule of the catalogue with an article to it, and keeps each article as the charter has it', () => {
    // The seeds live beside the repository (../shared); without them only the mapping's shape is checked.
    if (!existsSync(charterFile) || !existsSync(rulesFile)) {
      expect(Object.keys(RULE_ARTICLES).length).toBeGreaterThan(20);
      return;
    }
    const md = readFileSync(rulesFile, 'utf8');
    for (const m of md.matchAll(/^\| (R-[MO]\d+) \| ([\d(), ]+) \|/gm)) {
      const arts = m[2]!.split(',').map((a) => Number(/\d+/.exec(a)![0]));
      expect(RULE_ARTICLES[m[1]!], m[1]).toEqual(arts);
    }
    // The dues section is article 32; R-D6 (no refunds) restates articles 12 and 13.
    for (const m of md.matchAll(/^\| (R-D\d+) \|/gm))
      expect(RULE_ARTICLES[m[1]!], m[1]).toEqual(expect.arrayContaining([m[1] === 'R-D6' ? 12 : 32]));
    const joined = readFileSync(charterFile, 'utf8').replace(/\s*\n\s*/g, '');
    for (const [n, text] of Object.entries(CHARTER_ARTICLES)) {
      expect(joined, `第 ${n} 条`).toContain(text);
      expect(text.length).toBeGreaterThan(5);
    }
    expect(Object.keys(CHARTER_ARTICLES)).toHaveLength(39);
  });
});
