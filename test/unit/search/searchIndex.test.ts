import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/domain/records';
import { generateDemo } from '../../../shared/demo/generate';
import { createSearchIndex, matchesSearch, normalizeQuery } from '../../../shared/search/memberSearch';
import {
  filterMembers,
  rosterFilter,
  sortMembers,
  type RosterFilter,
} from '../../../renderer/src/features/members/logic';

/** The old semantics, item by item: every item whose haystack contains the query, in order. */
function reference(haystacks: readonly string[], q: string): number[] {
  const out: number[] = [];
  haystacks.forEach((h, i) => {
    if (matchesSearch(h, q)) out.push(i);
  });
  return out;
}

describe('search index (shared/search/memberSearch.ts) answers exactly as matchesSearch', () => {
  it('on small hand-made haystacks, including queries at item boundaries and with separators', () => {
    const hs = ['abc|ab', 'bca', '', 'c', 'abcabc', 'x|y', 'cab'];
    const index = createSearchIndex(hs);
    for (const q of [
      '',
      'a',
      'ab',
      'abc',
      'bc',
      'c',
      'ca',
      'cab',
      'b|',
      '|',
      'x|y',
      'y',
      'zz',
      'abcabc',
      'cc',
    ])
      expect([...index.search(q)], q).toEqual(reference(hs, q));
    // Queries that span two items in the joined text must not match (a newline separates them).
    expect([...index.search('ab\nbca')]).toEqual([]);
    expect([...index.search('a bc')]).toEqual(reference(hs, 'a bc'));
  });

  it('is exact in any order of queries: typing on (narrowing), backspace, a new word, the same query again', () => {
    const hs = ['beijing|bj|北京', 'shanghai|sh|上海', 'bjwl|bei', 'wl', 'b', 'jb'];
    const index = createSearchIndex(hs);
    for (const q of [
      'b',
      'bj',
      'bjw',
      'bjwl',
      'bjw',
      'bj',
      'j',
      'jb',
      'jb',
      'sh',
      'shang',
      '上',
      '上海',
      'b',
      '',
    ])
      expect([...index.search(q)], q).toEqual(reference(hs, q));
  });

  it('an empty list', () => {
    const index = createSearchIndex([]);
    expect(index.size).toBe(0);
    expect([...index.search('a')]).toEqual([]);
    expect([...index.search('')]).toEqual([]);
  });
});

describe('rosterFilter answers exactly as filterMembers on the demo roster (pinyin initials, full pinyin, units, people)', () => {
  const members: Member[] = generateDemo({ members: 1500, asOf: '2026-11-21' }).members.map((m, i) => ({
    ...m,
    id: i + 1,
  }));
  const sorted = sortMembers(members, { key: 'name', order: 'ascend' });
  const filter = rosterFilter(sorted);
  const ids = (ms: Member[]) => ms.map((m) => m.id);

  // Words typed key by key: pinyin initials, full pinyin, Chinese unit names, people, credit codes, none.
  const m0 = sorted[0]!;
  const words = [
    'bjwl',
    'shanghai',
    'anquan',
    'zg',
    'wl',
    '北京',
    '网络安全',
    m0.representative.name,
    m0.contact.name,
    m0.creditCode.slice(0, 8).toLowerCase(),
    normalizeQuery(m0.name).slice(2, 6),
    'qqqqq',
    'S H',
  ];
  const queries: string[] = [];
  for (const w of words) {
    for (let i = 1; i <= w.length; i++) queries.push(w.slice(0, i));
    for (let i = w.length - 1; i >= 0; i--) queries.push(w.slice(0, i)); // backspace to empty
  }

  it('every keystroke of typing and deleting, without filters', () => {
    for (const query of queries)
      expect(ids(filter({ query })), query).toEqual(ids(filterMembers(sorted, { query })));
  });

  it('with tier, status and year filters', () => {
    const fs: Omit<RosterFilter, 'query'>[] = [
      { tier: 'director' },
      { status: 'active' },
      { year: Number((sorted.find((m) => m.approvedOn)?.approvedOn ?? '2020').slice(0, 4)) },
      { tier: 'member', status: 'withdrawn' },
    ];
    for (const f of fs)
      for (const query of queries.slice(0, 40))
        expect(ids(filter({ ...f, query })), `${JSON.stringify(f)} ${query}`).toEqual(
          ids(filterMembers(sorted, { ...f, query })),
        );
  });

  it('finds members by full pinyin and initials at all (the comparison is not vacuous)', () => {
    expect(filter({ query: 'bj' }).length).toBeGreaterThan(0);
    expect(filter({ query: 'anquan' }).length).toBeGreaterThan(0);
    expect(filter({ query: '' })).toHaveLength(sorted.length);
  });
});
