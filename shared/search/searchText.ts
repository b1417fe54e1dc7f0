/**
 * The search haystack stored on each member (`Member.searchText`): unit name, pinyin initials and full pinyin
 * (pinyin-pro, polyphones by context: 重庆, 银行), credit code and people's names. Only the modules that write
 * members import this (the pinyin data is large); matching is memberSearch.ts.
 */
import { convert, pinyin } from 'pinyin-pro';
import type { MemberFields } from '../domain/records';
import { normalizeQuery } from './memberSearch';

/** pinyin-pro's own options for the toneless syllables (the reference `pinyinSyllables` answers exactly). */
export const TONELESS = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
const TONED = { type: 'array', nonZh: 'consecutive' } as const;

/**
 * A toned syllable as `toneType: 'none'`, `v: true` writes it: pinyin-pro's own tone removal (`convert`'s
 * toneNone, the getPinyinWithoutTone its `toneType: 'none'` runs: nine regular-expression replaces, ~60% of
 * its time on our names), then ü as v as its `v` option does — kept per toned syllable (~1,500; only
 * syllables of Chinese characters come here).
 */
const toneless = new Map<string, string>();
function withoutTone(syllable: string): string {
  let plain = toneless.get(syllable);
  if (plain === undefined) {
    plain = convert([syllable], { format: 'toneNone' })[0]!.replace(/ü/g, 'v');
    toneless.set(syllable, plain);
  }
  return plain;
}

/**
 * The syllables of `text` exactly as `pinyin(text, TONELESS)` gives them (polyphones by context as
 * pinyin-pro decides), in half its time: pinyin-pro gives the toned syllables, and each element that stands
 * for one Chinese character loses its tone here. An element is a run of the text's other characters when
 * it starts with the character at its place (pinyin-pro leaves those as they are); the walk must end at the
 * text's end, or pinyin-pro is asked again with its own options (test/unit/search/searchText).
 */
export function pinyinSyllables(text: string): string[] {
  const toned = pinyin(text, TONED);
  const out = new Array<string>(toned.length);
  let at = 0;
  for (let i = 0; i < toned.length; i++) {
    const s = toned[i]!;
    const cp = text.codePointAt(at);
    if (cp === undefined) return pinyin(text, TONELESS);
    const ch = String.fromCodePoint(cp);
    if (s.startsWith(ch)) {
      out[i] = s;
      at += s.length;
    } else {
      out[i] = withoutTone(s);
      at += ch.length;
    }
  }
  return at === text.length ? out : pinyin(text, TONELESS);
}

function pinyinForms(text: string): string[] {
  if (!text) return [];
  const syllables = pinyinSyllables(text);
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
