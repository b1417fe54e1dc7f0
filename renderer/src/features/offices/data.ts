/**
 * Writes of the 任职 desk (offices and terms, R-O3..R-O10): elections and early ends of office, each one
 * Dexie transaction with its audit entry. The tier an office gives (R-D1, R-D5) is the engine's; the member's
 * tier change is recorded by the member record's owner (records/members.ts).
 */
import type { Member, Office } from '../../../../shared/domain/records';
import type { IsoDate, OfficeRole, Tier } from '../../../../shared/domain/types';
import { OFFICE_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import { compareDates, parseIsoDate, tierChangeFor, tierDropFor } from '../../../../shared/charter';
import type { DeskDB } from '../../db/schema';
import { addAudited, writeAudit } from '../../db/audit';
import { recordTierChange } from '../../records/members';

const nowIso = () => new Date().toISOString();

export interface NewOffice {
  role: OfficeRole;
  memberId?: number | undefined;
  holderName: string;
  startOn: IsoDate;
  endOn: IsoDate;
  motionId?: number | undefined;
}

/**
 * Records an office term. When a unit is elected director / standing director / chair, its fee tier rises
 * from 1 January of the next year (R-D1, R-D5): a TierChange is recorded and member.tier updated, audited.
 * Returns the note to show, if any.
 */
export async function addOffice(db: DeskDB, input: NewOffice): Promise<{ id: number; note: string | null }> {
  return db.transaction('rw', [db.offices, db.members, db.tierChanges, db.audit], async () => {
    const at = nowIso();
    const office: Office = { ...input, createdAt: at };
    if (office.memberId === undefined) delete office.memberId;
    if (office.motionId === undefined) delete office.motionId;
    const id = await addAudited(db, db.offices, office, {
      memberId: input.memberId,
      summary: `任职：${OFFICE_LABEL[input.role]} ${input.holderName}（${input.startOn} 至 ${input.endOn}）`,
      after: office,
    });
    let note: string | null = null;
    if (input.memberId !== undefined) {
      const member = await db.members.get(input.memberId);
      const change = member ? tierChangeFor(member.tier, input.role, input.startOn) : null;
      if (member && change)
        note = await officeTierChange(
          db,
          member,
          change,
          `当选${OFFICE_LABEL[input.role]}（${input.startOn}）`,
        );
    }
    return { id, note };
  });
}

/**
 * R-D1, R-D5: the tier change an office brings (election raises, an early end lowers), effective from the
 * next year, recorded by the member record's owner; returns the note for the clerk.
 */
async function officeTierChange(
  db: DeskDB,
  member: Member,
  change: { tier: Tier; effectiveFrom: IsoDate },
  reason: string,
): Promise<string> {
  await recordTierChange(db, member, change, reason);
  return `${member.name}的会员级别改为${TIER_LABEL[change.tier]}，会费自 ${change.effectiveFrom} 起按新级别计收（章程第三十二条；级别变更自次年起适用）。`;
}

/**
 * Ends offices early (结束任职: resignation, seat lost under R-O6, the unit left), all in one transaction;
 * never deleted. `on` is the last day in office (the engine's `endedOn`): meetings after it no longer entitle
 * the holder, and the R-O6 absence flag is settled at once (`endRecorded`). Rejects, in Chinese: an unknown
 * office, one already ended, a date before the term's start or after its recorded end, an empty reason.
 */
export async function endOffices(
  db: DeskDB,
  ids: readonly number[],
  on: IsoDate,
  reason: string,
): Promise<string[]> {
  parseIsoDate(on, '结束日期');
  const why = reason.trim();
  if (!why) throw new Error('请填写结束任职的原因');
  if (!ids.length) throw new Error('没有要结束的任职');
  return db.transaction('rw', [db.offices, db.members, db.tierChanges, db.audit], async () => {
    const ended = new Map<number, OfficeRole[]>();
    for (const id of new Set(ids)) {
      const before = await db.offices.get(id);
      if (!before) throw new Error(`任职记录不存在（编号 ${id}）`);
      const who = `${OFFICE_LABEL[before.role]} ${before.holderName}`;
      if (before.ended) throw new Error(`${who}的任职已于 ${before.ended.on} 结束，不能再次结束`);
      if (compareDates(on, before.startOn) < 0)
        throw new Error(`结束日期 ${on} 早于${who}的任期开始日期 ${before.startOn}`);
      if (compareDates(on, before.endOn) > 0)
        throw new Error(`结束日期 ${on} 晚于${who}的任期结束日期 ${before.endOn}`);
      const after: Office = { ...before, ended: { on, reason: why } };
      await db.offices.put(after);
      await writeAudit(db, {
        entity: 'offices',
        entityId: id,
        memberId: before.memberId,
        action: 'status',
        summary: `任职结束：${who}（${on}，${why}）`,
        before,
        after,
      });
      if (before.memberId !== undefined)
        ended.set(before.memberId, [...(ended.get(before.memberId) ?? []), before.role]);
    }
    // R-D1, R-D5: a unit left with lower offices (or none) falls to that tier from the next year, as an
    // election raises it (addOffice).
    const notes: string[] = [];
    for (const [memberId, roles] of ended) {
      const member = await db.members.get(memberId);
      if (!member) continue;
      const remaining = (await db.offices.where('memberId').equals(memberId).toArray())
        .filter((o) => !o.ended && compareDates(o.endOn, on) > 0)
        .map((o) => o.role);
      const drop = tierDropFor(member.tier, remaining, on);
      if (!drop) continue;
      notes.push(
        await officeTierChange(
          db,
          member,
          drop,
          `结束${roles.map((r) => OFFICE_LABEL[r]).join('、')}任职（${on}）`,
        ),
      );
    }
    return notes;
  });
}

/** Ends one office early; see `endOffices`. Returns the tier notes. */
export function endOffice(db: DeskDB, id: number, on: IsoDate, reason: string): Promise<string[]> {
  return endOffices(db, [id], on, reason);
}
