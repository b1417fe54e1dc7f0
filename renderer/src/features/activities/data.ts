/**
 * Writes of the 活动登记 desk: activities and the units that took part (R-M7 counts participation), each
 * one Dexie transaction with its audit entry.
 */
import type { Activity } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { parseIsoDate } from '../../../../shared/charter';
import type { DeskDB } from '../../db/schema';
import { writeAudit } from '../../db/audit';
import { fieldChanges } from '../../../../shared/domain/audit';
import { changedSinceOpened } from '../../../../shared/data/followStored';

const nowIso = () => new Date().toISOString();

export interface ActivityInput {
  name: string;
  kind: string;
  date: IsoDate;
  place?: string;
  note?: string;
}

export async function addActivity(
  db: DeskDB,
  a: ActivityInput,
  memberIds: readonly number[],
): Promise<number> {
  return db.transaction('rw', [db.activities, db.participations, db.audit], async () => {
    const at = nowIso();
    const activity = { ...a, createdAt: at };
    if (!activity.place) delete activity.place;
    if (!activity.note) delete activity.note;
    const id = (await db.activities.add(activity)) as number;
    await db.participations.bulkAdd(
      [...new Set(memberIds)].map((memberId) => ({ activityId: id, memberId, date: a.date })),
    );
    await writeAudit(db, {
      entity: 'activities',
      entityId: id,
      action: 'create',
      summary: `活动登记：${a.name}（${a.date}，${memberIds.length} 家单位参加）`,
      after: { ...activity, participants: [...memberIds] },
    });
    return id;
  });
}

/**
 * Corrects an activity (更正): its name, kind, date, place and the units that took part (R-M7 counts
 * participation), in one transaction. The participation rows are rewritten — rows of units no longer listed
 * are removed, new units added, the date carried to the kept rows — and the audit entry keeps the before
 * state (the activity and its participant ids) next to the after state. `note` is kept unless given.
 *
 * With `opened` (what the 更正 dialog opened with), only what the clerk changed is written: a field left as it
 * was keeps the stored value, and the units the clerk added or took out are added to or taken out of the
 * stored list — another workstation may have changed the activity meanwhile (the office's replication), and
 * its change stays. Without it, `a` and `memberIds` are the whole activity.
 */
export async function updateActivity(
  db: DeskDB,
  id: number,
  a: ActivityInput,
  memberIds: readonly number[],
  opened?: { activity: ActivityInput; memberIds: readonly number[] },
): Promise<void> {
  const name = a.name.trim();
  if (!name) throw new Error('活动名称不能为空');
  if (!a.kind.trim()) throw new Error('请选择活动类型');
  parseIsoDate(a.date, '活动日期');
  await db.transaction('rw', [db.activities, db.participations, db.members, db.audit], async () => {
    const before = await db.activities.get(id);
    if (!before) throw new Error('活动不存在');
    const rows = await db.participations.where('activityId').equals(id).toArray();
    const beforeIds = [...new Set(rows.map((r) => r.memberId))].sort((x, y) => x - y);
    const typed = [...new Set(memberIds)];
    let ids = typed;
    if (opened) {
      const was = new Set(opened.memberIds);
      const now = new Set(typed);
      ids = [...beforeIds.filter((m) => !was.has(m) || now.has(m)), ...typed.filter((m) => !was.has(m))];
    }
    ids = [...new Set(ids)].sort((x, y) => x - y);
    const members = await db.members.bulkGet(ids);
    const unknown = ids.filter((_, i) => !members[i]);
    if (unknown.length) throw new Error(`参加单位不存在（编号 ${unknown.join('、')}）`);
    // A field the clerk left as it was (with `opened`) keeps the stored value.
    const f = opened ? changedSinceOpened(opened.activity, a, before) : a;
    const after: Activity = { ...before, name: f.name.trim(), kind: f.kind, date: f.date };
    const place = (f.place ?? '').trim();
    if (place) after.place = place;
    else delete after.place;
    if (f.note !== undefined) {
      if (f.note.trim()) after.note = f.note.trim();
      else delete after.note;
    }
    const keep = new Set(ids);
    const seen = new Set<number>();
    const drop: number[] = [];
    for (const r of rows) {
      if (!keep.has(r.memberId) || seen.has(r.memberId)) drop.push(r.id!);
      else {
        seen.add(r.memberId);
        if (r.date !== after.date) await db.participations.update(r.id!, { date: after.date });
      }
    }
    const added = ids.filter((m) => !seen.has(m));
    const removed = beforeIds.filter((m) => !keep.has(m));
    const sameActivity = fieldChanges(before, after).length === 0;
    if (sameActivity && !added.length && !removed.length && !drop.length) return;
    await db.activities.put(after);
    if (drop.length) await db.participations.bulkDelete(drop);
    if (added.length)
      await db.participations.bulkAdd(
        added.map((memberId) => ({ activityId: id, memberId, date: after.date })),
      );
    const nameOf = new Map<number, string>(members.map((m) => [m!.id!, m!.name]));
    const beforeNames = new Map(
      (await db.members.bulkGet(removed)).map((m, i) => [removed[i]!, m?.name ?? `会员 ${removed[i]}`]),
    );
    const list = (xs: number[], names: Map<number, string>) => xs.map((x) => names.get(x) ?? x).join('、');
    await writeAudit(db, {
      entity: 'activities',
      entityId: id,
      action: 'update',
      summary:
        `活动更正：${after.name}（${after.date}，参加单位 ${beforeIds.length} → ${ids.length} 家` +
        (added.length ? `；新增：${list(added, nameOf)}` : '') +
        (removed.length ? `；移出：${list(removed, beforeNames)}` : '') +
        '）',
      before: { ...before, participants: beforeIds },
      after: { ...after, participants: ids },
    });
  });
}
