/**
 * Minutes typing left in the journal (ui/journal.ts: the page went away before it was stored) is written at
 * start-up — before the desk renders, and with the 会议 desk not loaded yet (desks load on first use), so the
 * write itself is imported when there is something to replay. Nothing is written when the stored text has
 * changed since the typing began. Imported by main.tsx.
 */
import { registerReplayer } from '../../ui/journal';

registerReplayer('minutes', async (id, entry) => {
  const { base, value } = entry as { base: string; value: string };
  const [{ db }, { saveDiscussion }] = await Promise.all([import('../../db'), import('./data')]);
  // An entry left before schema version 3 names the item by its id of before (issue 19: now in this
  // workstation's range); the id as written is tried first (the demo's ids stay below the ranges).
  const [{ legacyIdsTo }, { workstationNumber }] = await Promise.all([
    import('../../../../shared/data/ids'),
    import('../../db/ids'),
  ]);
  const item =
    (await db.agendaItems.get(Number(id))) ??
    (await db.agendaItems.get(legacyIdsTo(workstationNumber())(Number(id))));
  if (!item || item.discussion !== base || typeof value !== 'string') return;
  await saveDiscussion(db, item.id!, value, base.trim() !== '');
});
