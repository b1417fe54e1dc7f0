/**
 * The 发文 editor's autosave (nothing typed is lost): a draft is written while the clerk types, at most a
 * second behind (ui/useAutosave.ts), flushed when the window hides or closes and when the editor goes; each
 * pending value is also kept in the journal (ui/journal.ts) until stored, so a crash or a killed process
 * loses nothing either (replay.ts writes it at the next start). A new notice becomes a draft in the register
 * with the first thing typed into it (nothingTypedYet); 保存草稿 goes through the same writer, so the two
 * never race. Leaving asks only when the last write failed (the text is then only on screen and in the
 * journal).
 */
import { useCallback, useEffect, useRef } from 'react';
import { EDIT_BURST_GAP_MS } from '../../../../shared/autosave';
import { registerUnsaved } from '../../platform/unsaved';
import { db } from '../../db';
import { stableJson } from '../../../../shared/sync/codec';
import {
  autosaveDraft,
  draftFieldsOf,
  sameDraftFields,
  saveDraft,
  type DraftFields,
} from '../../records/register';
import { journalClear, journalKey, journalWrite } from '../../ui/journal';
import { useAutosave, useAutosaveLabel } from '../../ui/useAutosave';
import { nothingTypedYet } from './logic';
import { DRAFT_JOURNAL, NEW_DRAFT } from './replay';

export function useDraftAutosave(opts: {
  /** The draft in the register, once known (undefined: a new notice). */
  id: number | undefined;
  /** Its fields as stored, once loaded. */
  stored: DraftFields | undefined;
  /** The autosave created the draft (a new notice): called while the editor is on screen. */
  onCreated: (id: number) => void;
  /** What the leave question names. */
  label: string;
}) {
  const idRef = useRef(opts.id);
  const savedRef = useRef<DraftFields | null>(opts.stored ?? null);
  const lastWriteAt = useRef<number | null>(null);
  const explicit = useRef(false);
  /** The stored version is another workstation's (adoptStored): the next write is audited. */
  const overOthers = useRef(false);
  // The last few writes: the register's live row may show one of them after a later one was written.
  const ownWrites = useRef<string[]>([]);
  const mounted = useRef(true);
  const onCreated = useRef(opts.onCreated);
  onCreated.current = opts.onCreated;

  // A draft's stored fields, as loaded: the base its typing replaces (and the journal's base).
  if (opts.id !== undefined && idRef.current === undefined) idRef.current = opts.id;
  if (opts.stored && savedRef.current === null) savedRef.current = opts.stored;

  const write = useCallback(async (fields: DraftFields) => {
    const asked = explicit.current;
    explicit.current = false;
    const id = idRef.current;
    if (id === undefined && !asked && nothingTypedYet(fields)) return;
    if (id !== undefined && !asked && savedRef.current && sameDraftFields(savedRef.current, fields)) return;
    const now = Date.now();
    // Audited at a sitting's start, and over another workstation's version (adoptStored): the version
    // this write replaces is then in the audit trail.
    const audited =
      overOthers.current || lastWriteAt.current === null || now - lastWriteAt.current >= EDIT_BURST_GAP_MS;
    overOthers.current = false;
    const written = asked ? await saveDraft(db, id, fields) : await autosaveDraft(db, id, fields, audited);
    savedRef.current = fields;
    lastWriteAt.current = now;
    ownWrites.current = [...ownWrites.current.slice(-4), stableJson(draftFieldsOf(fields))];
    if (id === undefined) {
      idRef.current = written;
      journalClear(journalKey(DRAFT_JOURNAL, NEW_DRAFT));
      if (mounted.current) onCreated.current(written);
    }
  }, []);

  const auto = useAutosave<DraftFields>(write, {
    key: () => journalKey(DRAFT_JOURNAL, idRef.current ?? NEW_DRAFT),
    base: () => savedRef.current as DraftFields,
  });
  const label = useAutosaveLabel(auto.status);

  const { current } = auto;
  const leaveLabel = useRef(opts.label);
  leaveLabel.current = opts.label;
  useEffect(() => {
    mounted.current = true;
    const unregister = registerUnsaved(() =>
      current().kind === 'failed' ? `${leaveLabel.current}（自动保存未成功）` : null,
    );
    return () => {
      mounted.current = false;
      unregister();
    };
  }, [current]);

  const { change, flush } = auto;
  /**
   * 保存草稿 (and before 定稿 or 导出): the fields written now through the autosave's writer, audited; resolves
   * with the draft's id, or rejects with the write's error.
   */
  const saveNow = useCallback(
    async (fields: DraftFields): Promise<number> => {
      explicit.current = true;
      change(fields);
      await flush();
      const st = current();
      if (st.kind === 'failed') throw st.error;
      if (idRef.current === undefined) throw new Error('草稿未能保存');
      return idRef.current;
    },
    [change, flush, current],
  );

  /** Whether the stored draft is one this editor wrote (not another workstation's change). */
  const isOwnWrite = useCallback(
    (d: DraftFields) => ownWrites.current.includes(stableJson(draftFieldsOf(d))),
    [],
  );
  /** Another workstation's version, now stored: the base of the typing that follows. */
  const adoptStored = useCallback((d: DraftFields) => {
    savedRef.current = d;
    overOthers.current = true;
  }, []);

  /** The stored version the typing started from (the last one written or adopted). */
  const base = useCallback(() => savedRef.current, []);
  const { discard } = auto;
  /**
   * The draft was closed (定稿 or 作废) with typing it lacks (`kept`: the closed document with that typing,
   * logic.ts typingLeftOut): no more writes to the closed draft (they are refused); the typing waits in the
   * journal as a new notice until the clerk decides, so a crash meanwhile makes it a new draft at the next
   * start (replay.ts).
   */
  const leaveBehind = useCallback(
    (kept: DraftFields) => {
      discard();
      journalWrite(journalKey(DRAFT_JOURNAL, NEW_DRAFT), { base: kept, value: kept, at: Date.now() });
    },
    [discard],
  );
  /** 另存为新草稿: the typing left behind becomes a draft of its own; resolves with its id. */
  const keepAsNewDraft = useCallback(async (kept: DraftFields): Promise<number> => {
    const newId = await saveDraft(db, undefined, kept);
    journalClear(journalKey(DRAFT_JOURNAL, NEW_DRAFT));
    return newId;
  }, []);
  /** 放弃 (or leaving, asked first): the typing left behind is dropped. */
  const dropLeftBehind = useCallback(() => journalClear(journalKey(DRAFT_JOURNAL, NEW_DRAFT)), []);

  return {
    change,
    saveNow,
    isOwnWrite,
    adoptStored,
    base,
    leaveBehind,
    keepAsNewDraft,
    dropLeftBehind,
    /** Whether the draft is in the register. */
    stored: idRef.current !== undefined,
    state: auto.status.kind === 'failed' ? 'error' : auto.status.kind === 'saving' ? 'saving' : 'saved',
    label,
  } as const;
}
