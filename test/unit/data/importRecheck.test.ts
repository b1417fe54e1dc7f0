/**
 * The commit's re-check (importRoster.ts: commitImport, issue 17): the rows come checked from the preview;
 * inside the commit's transaction only what can have changed since — the stored members — is checked
 * again (conflictWithDb, one lookup per row), in validateRows' words; a conflict refuses the whole import.
 */
import './env';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/charter';
import { validateRows } from '../../../shared/data/roster';
import { freshDb } from '../db/harness';
import {
  commitImport,
  conflictWithDb,
  existingKeys,
  mapAll,
  parseRosterFile,
} from '../../../renderer/src/io/importRoster';

const code = (base17: string) => base17 + creditCodeCheckChar(base17);
const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const file = csv([
  '单位名称,统一社会信用代码',
  `甲网络安全有限公司,${code('91110108MA0000001')}`,
  `乙数据科技有限公司,${code('91310115MA0000002')}`,
]);

describe('the commit re-checks the rows against the members stored now (issue 17)', () => {
  it('a member stored since the preview refuses the import, in validateRows’ words; nothing written', async () => {
    const db = freshDb();
    const parsed = parseRosterFile('名册.csv', file);
    const rows = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
    // Meanwhile the second unit is entered by hand (same credit code, another name).
    await commitImport(db, '另一份.csv', [{ ...rows[1]!, values: { ...rows[1]!.values, name: '乙公司' } }]);
    const stored = await existingKeys(db);
    const words = validateRows(rows, stored)[1]!.problems[0]!.message;
    expect(conflictWithDb(rows, stored)).toBe(`第 ${rows[1]!.line} 行：${words}`);
    await expect(commitImport(db, '名册.csv', rows)).rejects.toThrow(
      `第 ${rows[1]!.line} 行：该信用代码已属于现有会员“乙公司”（数据库已变化，请重新导入）`,
    );
    expect(await db.members.count()).toBe(1);
    expect(await db.imports.count()).toBe(1);
    db.close();
  });

  it('a stored name alone is a conflict too; none when nothing is stored', async () => {
    const db = freshDb();
    const parsed = parseRosterFile('名册.csv', file);
    const rows = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(db));
    expect(conflictWithDb(rows, await existingKeys(db))).toBeNull();
    const byName = { creditCodes: new Map(), names: new Map([['甲网络安全有限公司', 'X']]) };
    expect(conflictWithDb(rows, byName)).toBe(
      `第 ${rows[0]!.line} 行：${validateRows(rows, byName)[0]!.problems[0]!.message}`,
    );
    db.close();
  });
});
