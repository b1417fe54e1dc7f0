/**
 * R-D1, R-D5: when a unit's office ends early, its tier falls to what its remaining offices give, from the
 * next year (the year's dues stay at the tier held on 1 January), as an election raises it.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoDb } from './demoDb';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { generateDemo } from '../../../shared/demo/generate';
import { endOffice, endOffices } from '../../../renderer/src/features/offices/data';
import { tierDropFor } from '../../../shared/charter';

const ASOF = '2025-06-15';
const demo = generateDemo({ asOf: ASOF, members: 60 });
let db: DeskDB;

beforeEach(async () => {
  db = await demoDb(demo);
});

describe('tier after an office ends (R-D1, R-D5)', () => {
  it('tierDropFor: the highest remaining tier, from 1 January next year; null when it does not fall', () => {
    expect(tierDropFor('standing', ['director'], '2025-06-15')).toEqual({
      tier: 'director',
      effectiveFrom: '2026-01-01',
    });
    expect(tierDropFor('director', [], '2025-12-31')).toEqual({
      tier: 'member',
      effectiveFrom: '2026-01-01',
    });
    expect(tierDropFor('chair', ['standing', 'director'], '2025-06-15')).toEqual({
      tier: 'standing',
      effectiveFrom: '2026-01-01',
    });
    expect(tierDropFor('standing', ['vice-chair'], '2025-06-15')).toBeNull();
    expect(tierDropFor('member', [], '2025-06-15')).toBeNull();
  });

  it('a standing director that loses its seat stays a director unit: tier 理事单位 from next year, audited', async () => {
    const standing = demo.members.find((m) => m.tier === 'standing')!;
    const offices = await db.offices.where('memberId').equals(standing.id!).toArray();
    const seat = offices.find((o) => o.role === 'standing')!;
    expect(offices.some((o) => o.role === 'director' && !o.ended)).toBe(true);
    const notes = await endOffice(db, seat.id!, ASOF, '连续两次未出席常务理事会（章程第二十二条）');
    expect(notes).toEqual([
      `${standing.name}的会员级别改为理事单位，会费自 2026-01-01 起按新级别计收（章程第三十二条；级别变更自次年起适用）。`,
    ]);
    expect((await db.members.get(standing.id!))?.tier).toBe('director');
    const tiers = await db.tierChanges.where('memberId').equals(standing.id!).sortBy('effectiveFrom');
    expect(tiers.at(-1)).toMatchObject({ tier: 'director', effectiveFrom: '2026-01-01' });
    // The tier held before is written down first, so this year's dues stay at 常务理事单位 (R-D5).
    expect(tiers.at(-2)).toMatchObject({ tier: 'standing' });
    const audit = await db.audit.where('entity').equals('members').toArray();
    expect(audit.some((a) => a.summary.startsWith('会员级别：常务理事单位 → 理事单位'))).toBe(true);
  });

  it('a unit whose every office ends becomes a 会员单位; one that keeps a higher office keeps its tier', async () => {
    const director = demo.members.find((m) => m.tier === 'director')!;
    const own = await db.offices.where('memberId').equals(director.id!).toArray();
    expect(
      await endOffices(
        db,
        own.map((o) => o.id!),
        ASOF,
        '任职单位退会',
      ),
    ).toHaveLength(1);
    expect((await db.members.get(director.id!))?.tier).toBe('member');

    const chair = demo.members.find((m) => m.tier === 'chair')!;
    const director2 = (await db.offices.where('memberId').equals(chair.id!).toArray()).find(
      (o) => o.role === 'director',
    );
    expect(director2).toBeDefined();
    expect(await endOffice(db, director2!.id!, ASOF, '辞职')).toEqual([]);
    expect((await db.members.get(chair.id!))?.tier).toBe('chair');
  });
});
