/**
 * Imported members carry no tier or contact records (one write per member); their first tier and people
 * are written down just before the first change, so no earlier state is lost (R-D5, R-M5).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { changeContact, changeTier } from '../../../renderer/src/records/members';
import { withInitialHistory } from '../../../shared/domain/initialHistory';
import { importedRow } from './fixtures';

async function importedMember() {
  const db = freshDb();
  const m = importedRow(7, { approvedOn: '2023-04-10' });
  const id = (await db.members.add(m)) as number;
  return { db, id, m: { ...m, id } };
}

describe('initial history of imported members', () => {
  it('the member file shows the first tier and people from the member itself', async () => {
    const { db, m } = await importedMember();
    const shown = withInitialHistory(m, [], []);
    expect(shown.tiers).toEqual([
      expect.objectContaining({
        tier: 'member',
        effectiveFrom: '2023-04-10',
        reason: expect.stringContaining('#7'),
      }),
    ]);
    expect(shown.contacts.map((c) => [c.role, c.person.name, c.noticeOn])).toEqual([
      ['representative', m.representative.name, '2023-04-10'],
      ['contact', m.contact.name, '2023-04-10'],
    ]);
    db.close();
  });

  it('R-D5: the first tier change writes the tier held before it, so earlier years keep their dues', async () => {
    const { db, id } = await importedMember();
    await changeTier(db, id, 'director', '2026-01-01', '理事会选举');
    const tiers = (await db.tierChanges.where('memberId').equals(id).sortBy('effectiveFrom')).map((t) => [
      t.tier,
      t.effectiveFrom,
    ]);
    expect(tiers).toEqual([
      ['member', '2023-04-10'],
      ['director', '2026-01-01'],
    ]);
    // A second change adds only itself.
    await changeTier(db, id, 'standing', '2027-01-01', '常务理事会选举');
    expect(await db.tierChanges.where('memberId').equals(id).count()).toBe(3);
    db.close();
  });

  it('R-M5: the first change of representative keeps the earlier one on record', async () => {
    const { db, id, m } = await importedMember();
    const next = { name: '新代表', position: '副总裁', mobile: '13900000009', email: 'x@example.cn' };
    await changeContact(db, id, 'representative', next, '2026-11-20');
    const reps = (
      await db.contactChanges.where('[memberId+role]').equals([id, 'representative']).toArray()
    ).map((c) => [c.person.name, c.noticeOn]);
    expect(reps).toEqual([
      [m.representative.name, '2023-04-10'],
      ['新代表', '2026-11-20'],
    ]);
    // The contact, unchanged, still has no stored record: it is shown from the member.
    expect(await db.contactChanges.where('[memberId+role]').equals([id, 'contact']).count()).toBe(0);
    db.close();
  });
});
