/**
 * 补填入会日期: a member imported without 入会日期 gets its approval date later. Until then its dues cannot be
 * computed (R-D2..R-D4); after it, the first tier record (R-D5) is dated from the approval, not the import day.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { changeTier, setApprovedOn } from '../../../renderer/src/records/members';
import type { Member } from '../../../shared/domain/records';
import { importedRow } from './fixtures';

async function importedWithoutDate(extra: Partial<Member> = {}) {
  const db = freshDb();
  const id = (await db.members.add(importedRow(3, extra))) as number;
  return { db, id };
}

describe('补填入会日期', () => {
  it('fills a missing approval date, audited', async () => {
    const { db, id } = await importedWithoutDate();
    await setApprovedOn(db, id, '2023-03-01', '2026-11-21');
    expect((await db.members.get(id))?.approvedOn).toBe('2023-03-01');
    const audit = await db.audit.where('memberId').equals(id).toArray();
    expect(audit.map((a) => a.summary)).toEqual(['补填入会日期：2023-03-01']);
    expect(audit[0]?.changes).toEqual([
      expect.objectContaining({ field: 'approvedOn', after: '2023-03-01' }),
    ]);
  });

  it('R-D5: a first tier record already written with the import day moves to the approval date; later changes stay', async () => {
    const { db, id } = await importedWithoutDate();
    await changeTier(db, id, 'director', '2026-11-10', '理事会选举');
    expect(
      (await db.tierChanges.where('memberId').equals(id).sortBy('effectiveFrom')).map((t) => t.effectiveFrom),
    ).toEqual(['2026-11-01', '2026-11-10']);
    await setApprovedOn(db, id, '2023-03-01', '2026-11-21');
    const tiers = await db.tierChanges.where('memberId').equals(id).sortBy('effectiveFrom');
    expect(tiers.map((t) => [t.tier, t.effectiveFrom])).toEqual([
      ['member', '2023-03-01'],
      ['director', '2026-11-10'],
    ]);
  });

  it('refuses a date already recorded, an impossible or future date, or one after the member left; nothing changes', async () => {
    const dated = await importedWithoutDate({ approvedOn: '2022-05-06' });
    await expect(setApprovedOn(dated.db, dated.id, '2023-03-01', '2026-11-21')).rejects.toThrow(
      '该会员的入会日期已登记为 2022-05-06',
    );
    const { db, id } = await importedWithoutDate({
      status: 'withdrawn',
      left: { on: '2025-01-31', how: 'withdrawn', reason: '自愿退会' },
    });
    await expect(setApprovedOn(db, id, '2023-02-30', '2026-11-21')).rejects.toThrow('请填写有效的入会日期');
    await expect(setApprovedOn(db, id, '2026-11-22', '2026-11-21')).rejects.toThrow('不能晚于今天');
    await expect(setApprovedOn(db, id, '2025-02-01', '2026-11-21')).rejects.toThrow(
      '不能晚于退会日期 2025-01-31',
    );
    expect((await db.members.get(id))?.approvedOn).toBeUndefined();
    expect(await db.audit.count()).toBe(0);
  });
});
