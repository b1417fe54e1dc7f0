/**
 * The search haystack stored on each member (`Member.searchText`): unit name, pinyin initials and full pinyin
 * (pinyin-pro, polyphones by context: 重庆, 银行), credit code and people's names. Only the modules that write
 * members import this (the pinyin data is large); matching is memberSearch.ts.
 */
import { pinyin } from 'pinyin-pro';
import type { MemberFields } from '../domain/records';
import { normalizeQuery } from './memberSearch';

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
