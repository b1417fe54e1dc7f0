/**
 * The pure half of the roster import (no database): the header, data rows and column mapping of a read
 * sheet, each row through the mapping, and the members' search texts computed ahead of the commit. Runs
 * in the window and in the roster Worker (sheet.worker.ts), so it imports only shared/.
 */
import { DataError } from '../../../shared/data/errors';
import {
  applyRemembered,
  findHeaderRow,
  guessMapping,
  isBlankRow,
  mapRow,
  rowToFields,
  type ColumnMapping,
  type RememberedMapping,
  type RosterRow,
} from '../../../shared/data/roster';
import type { MemberFields } from '../../../shared/domain/records';
import { buildSearchText } from '../../../shared/search/searchText';

export interface ParsedRoster {
  fileName: string;
  headers: string[];
  /** Group titles above the header row (merged header cells), per column. */
  groups: string[];
  headerLine: number;
  /** Data rows as text cells, with their 1-based line numbers. */
  data: { line: number; cells: string[] }[];
  mapping: ColumnMapping;
}

/**
 * The header, data rows and mapping of rows already read (readSheetRows, or readSheetRowsOffThread in
 * the window). Throws DataError (Chinese) when there is no header or no data.
 */
export function parseRosterRows(
  fileName: string,
  rows: string[][],
  remembered?: RememberedMapping,
): ParsedRoster {
  const h = findHeaderRow(rows);
  if (h < 0) {
    throw new DataError(`在“${fileName}”的前 15 行中找不到表头（应有“单位名称”“统一社会信用代码”等列名）。`);
  }
  const headers = rows[h]!.map((x) => x.trim());
  const groups = h > 0 ? rows[h - 1]!.map((x) => x.trim()) : [];
  const data: ParsedRoster['data'] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (!isBlankRow(cells)) data.push({ line: r + 1, cells });
  }
  if (data.length === 0) throw new DataError(`“${fileName}”中表头下面没有数据行。`);
  const mapping = applyRemembered(headers, guessMapping(headers, groups), remembered);
  return { fileName, headers, groups, headerLine: h + 1, data, mapping };
}

export function mapAll(parsed: ParsedRoster, mapping: ColumnMapping): RosterRow[] {
  return parsed.data.map((d) => mapRow(d.cells, mapping, d.line));
}

/** Search texts by line, each with the key of the fields it was computed from (searchTextKey). */
export type SearchTexts = ReadonlyMap<number, { key: string; text: string }>;

/** What `buildSearchText` reads of a member: a precomputed text is used only while these are unchanged. */
export function searchTextKey(f: Pick<MemberFields, 'name' | 'creditCode' | 'representative' | 'contact'>) {
  return `${f.name}\u0000${f.creditCode}\u0000${f.representative.name}\u0000${f.contact.name}`;
}

/**
 * The search text (pinyin, the costly part of a commit) of every data row under the mapping guessed for
 * the file, computed ahead in the Worker while the window validates and the clerk reads the preview.
 */
export function precomputeSearchTexts(parsed: ParsedRoster): Map<number, { key: string; text: string }> {
  const out = new Map<number, { key: string; text: string }>();
  for (const row of mapAll(parsed, parsed.mapping)) {
    const f = rowToFields(row.values);
    out.set(row.line, { key: searchTextKey(f), text: buildSearchText(f) });
  }
  return out;
}
