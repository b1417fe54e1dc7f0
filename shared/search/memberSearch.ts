/**
 * Search-as-you-type over member units: unit name, pinyin initials and full pinyin, credit code and people's
 * names. The haystack is computed once when a member is written and stored on the record (`searchText`,
 * searchText.ts, which carries the pinyin data), so typing only does substring tests — and the screens that
 * filter need no pinyin data.
 */

export function normalizeQuery(q: string): string {
  return q.replace(/\s+/g, '').toLowerCase();
}

/** True when the (normalised) query occurs in the member's haystack. */
export function matchesSearch(searchText: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || searchText.includes(normalizedQuery);
}
