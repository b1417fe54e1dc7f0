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

/**
 * A search index over a fixed, ordered list (the roster sorted once per sort order), answering exactly what
 * `matchesSearch` answers for each item, in the list's order — only faster, for search-as-you-type:
 *
 * - every haystack is joined into one string, separated by a newline (a normalised query never contains
 *   whitespace, so no match can run from one item into the next), with the start of each item in an
 *   Int32Array: a new query is one `indexOf` scan of that string, jumping to the next item after each hit;
 * - when the query extends the previous one (typing on), only the previous matches are tested (every item
 *   containing "bjw" contains "bj").
 *
 * The answer is a list of positions into the items (an Int32Array, ascending).
 */
export interface SearchIndex {
  readonly size: number;
  /** Positions (ascending) of the items whose haystack contains the normalised query. */
  search(normalizedQuery: string): Int32Array;
}

export function createSearchIndex(haystacks: readonly string[]): SearchIndex {
  const n = haystacks.length;
  const starts = new Int32Array(n + 1);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = pos;
    pos += haystacks[i]!.length + 1;
  }
  starts[n] = pos;
  const joined = haystacks.join('\n');
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;

  let lastQuery = '';
  let lastResult: Int32Array = all;

  const scan = (q: string): Int32Array => {
    const hits = new Int32Array(n);
    let count = 0;
    let item = 0;
    let at = joined.indexOf(q, 0);
    while (at !== -1) {
      // The item holding position `at`: items are in ascending order, so walk forward (binary search when far).
      if (starts[item + 1]! <= at) {
        let lo = item + 1;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        item = lo;
      }
      hits[count++] = item;
      if (item + 1 >= n) break;
      item++;
      at = joined.indexOf(q, starts[item]!);
    }
    return hits.slice(0, count);
  };

  const narrow = (q: string, from: Int32Array): Int32Array => {
    const hits = new Int32Array(from.length);
    let count = 0;
    for (let k = 0; k < from.length; k++) {
      const i = from[k]!;
      if (haystacks[i]!.includes(q)) hits[count++] = i;
    }
    return hits.slice(0, count);
  };

  return {
    size: n,
    search(q) {
      let result: Int32Array;
      if (q === '') result = all;
      else if (q === lastQuery) result = lastResult;
      else if (lastQuery !== '' && q.startsWith(lastQuery)) result = narrow(q, lastResult);
      // (A query with whitespace — never a normalised one — could span the separator: test item by item.)
      else if (/\s/.test(q)) result = narrow(q, all);
      else result = scan(q);
      lastQuery = q;
      lastResult = result;
      return result;
    },
  };
}
