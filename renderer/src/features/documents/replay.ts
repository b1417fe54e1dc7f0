/**
 * 发文 typing left in the journal (ui/journal.ts: the page went away before the autosave stored it,
 * draftAutosave.ts) is written at start-up, before the desk renders (the 发文 desk is not loaded yet, so the
 * writes are imported when there is something to replay). A draft's entry is written only while the draft
 * is still a draft holding the fields the typing started from (`base`): a stale copy never overwrites newer
 * text or a 定稿. A draft closed (定稿 or 作废) before the typing was stored is not touched: what the typing
 * changed that it lacks becomes a new draft (logic.ts typingLeftOut; as the editor's 另存为新草稿). A new
 * notice's entry becomes a draft unless nothing was typed or the register already holds a draft with exactly
 * its fields (it was created just before the page went). Imported by main.tsx.
 */
import { registerReplayer } from '../../ui/journal';

/** The journal's entries: `document:<id>` for a draft, `document:new` for a notice not yet in the register. */
export const DRAFT_JOURNAL = 'document';
export const NEW_DRAFT = 'new';

registerReplayer(DRAFT_JOURNAL, async (id, entry) => {
  const [{ db }, register, { nothingTypedYet, typingLeftOut }, { outgoingDocumentSchema }] =
    await Promise.all([
      import('../../db'),
      import('../../records/register'),
      import('./logic'),
      import('../../../../shared/domain/schemas'),
    ]);
  // The journal is this window's own localStorage, but checked like anything read back.
  const fields = outgoingDocumentSchema.pick({
    title: true,
    type: true,
    date: true,
    addressee: true,
    body: true,
    attachments: true,
    issuer: true,
    template: true,
    letterhead: true,
    colophon: true,
  });
  const value = fields.safeParse(entry.value);
  if (!value.success) return;
  const typed = register.draftFieldsOf(value.data);
  if (id === NEW_DRAFT) {
    if (nothingTypedYet(typed)) return;
    await register.draftWithFields(db, typed);
    return;
  }
  const base = fields.safeParse(entry.base);
  const doc = await db.documents.get(Number(id));
  if (!base.success || !doc) return;
  if (doc.status !== 'draft') {
    // Closed (定稿 or 作废) before the typing was stored: what it lacks becomes a new draft, as 另存为新草稿
    // would have made it (nothing typed is lost, and the closed document is not touched).
    const left = typingLeftOut(register.draftFieldsOf(base.data), typed, register.draftFieldsOf(doc));
    if (left) await register.draftWithFields(db, left.draft);
    return;
  }
  if (!register.sameDraftFields(doc, base.data)) return;
  await register.autosaveDraft(db, doc.id, typed, true);
});
