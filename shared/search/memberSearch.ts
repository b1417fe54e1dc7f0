/**
 * Search-as-you-type over member units: unit name, pinyin initials and full pinyin (pinyin-pro),
 * credit code and people's names. The haystack is computed once when a member is written and
 * stored on the record (`searchText`), so typing only does substring tests.
 */
import { pinyin } from 'pinyin-pro';
import type { MemberFields } from '../domain/records';

function pinyinForms(text: string): string[] {
  if (!text) return [];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const full = syllables.join('').toLowerCase();
  const initials = syllables
    .map((s) => s.charAt(0))
    .join('')
    .toLowerCase();
  return [full, initials];
}

export function normalizeQuery(q: string): string {
  return q.replace(/\s+/g, '').toLowerCase();
}

/** Builds the lower-case haystack stored as `Member.searchText`. Fields are separated by '|'. */
export function buildSearchText(
  m: Pick<MemberFields, 'name' | 'creditCode' | 'representative' | 'contact'>,
): string {
  const parts = [
    m.name,
    ...pinyinForms(m.name),
    m.creditCode,
    m.representative.name,
    ...pinyinForms(m.representative.name),
    m.contact.name,
    ...pinyinForms(m.contact.name),
  ];
  return parts
    .map((p) => normalizeQuery(p))
    .filter(Boolean)
    .join('|');
}

/** True when the (normalised) query occurs in the member's haystack. */
export function matchesSearch(searchText: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || searchText.includes(normalizedQuery);
}
