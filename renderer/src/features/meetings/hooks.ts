import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_CHARTER_SETTINGS, type CharterSettings } from '../../../../shared/charter';
import { db } from '../../db';
import { registerPendingWrite } from '../../platform';
import { loadCharterSettings, saveDiscussion } from './data';
import { shouldSnapshot } from './logic';

/** The charter readings (设置), live. */
export function useCharterSettings(): CharterSettings {
  return useLiveQuery(() => loadCharterSettings(db), []) ?? DEFAULT_CHARTER_SETTINGS;
}

export type SaveState = 'saved' | 'saving' | 'error';

/** Debounce of the minutes autosave: the stored text is at most this far behind the typing. */
export const AUTOSAVE_MS = 400;

/**
 * Autosaves an agenda item's discussion while the clerk types: debounced writes (AUTOSAVE_MS), flushed when
 * the window hides or closes (registerPendingWrite) and on unmount; earlier text kept as versions at the
 * start of each editing burst (shouldSnapshot).
 */
export function useDiscussionAutosave(itemId: number, stored: string) {
  const [text, setText] = useState(stored);
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<string | null>(null);
  const savedText = useRef(stored);
  const lastWriteAt = useRef<number | null>(null);
  const lastSnapshotAt = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const next = pending.current;
    if (next === null) return chain.current;
    pending.current = null;
    chain.current = chain.current.then(async () => {
      if (next === savedText.current) {
        if (pending.current === null) setState('saved');
        return;
      }
      const now = Date.now();
      const snapshot = shouldSnapshot({
        storedText: savedText.current,
        newText: next,
        now,
        lastWriteAt: lastWriteAt.current,
        lastSnapshotAt: lastSnapshotAt.current,
      });
      try {
        await saveDiscussion(db, itemId, next, snapshot);
        savedText.current = next;
        lastWriteAt.current = now;
        if (snapshot) lastSnapshotAt.current = now;
        if (pending.current === null) setState('saved');
      } catch {
        // Keep the text to retry: nothing typed is dropped.
        if (pending.current === null) pending.current = next;
        setState('error');
      }
    });
    return chain.current;
  }, [itemId]);

  const onChange = useCallback(
    (value: string) => {
      setText(value);
      pending.current = value;
      setState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  /**
   * After a restore, adopt the stored text unless the clerk has unsaved typing. (The live stored value is
   * deliberately not followed: a late live-query result must never overwrite newer typing.)
   */
  const adopt = useCallback((value: string) => {
    if (pending.current !== null) return;
    savedText.current = value;
    setText(value);
  }, []);

  useEffect(() => {
    const unregister = registerPendingWrite(flush);
    return () => {
      unregister();
      void flush();
    };
  }, [flush]);

  return { text, state, onChange, flush, adopt };
}
