import { useCallback, useRef, useState } from 'react';
import { db } from '../../db';
import { useAutosave, useAutosaveLabel } from '../../ui/useAutosave';
import { journalKey } from '../../ui/journal';
import { saveDiscussion } from './data';
import { shouldSnapshot } from './logic';

export type SaveState = 'saved' | 'saving' | 'error';

/**
 * Autosaves an agenda item's discussion while the clerk types (app/useAutosave.ts): written at most
 * AUTOSAVE_MAX_WAIT_MS behind continuous typing, retried with backoff after a failure (the text stays on
 * screen), flushed when the window hides or closes and on unmount; earlier text kept as versions at the start
 * of each editing burst (shouldSnapshot).
 */
export function useDiscussionAutosave(itemId: number, stored: string) {
  const [text, setText] = useState(stored);
  const savedText = useRef(stored);
  const lastWriteAt = useRef<number | null>(null);
  const lastSnapshotAt = useRef<number | null>(null);

  const write = useCallback(
    async (next: string) => {
      if (next === savedText.current) return;
      const now = Date.now();
      const snapshot = shouldSnapshot({
        storedText: savedText.current,
        newText: next,
        now,
        lastWriteAt: lastWriteAt.current,
        lastSnapshotAt: lastSnapshotAt.current,
      });
      await saveDiscussion(db, itemId, next, snapshot);
      savedText.current = next;
      lastWriteAt.current = now;
      if (snapshot) lastSnapshotAt.current = now;
    },
    [itemId],
  );
  const auto = useAutosave(write, { key: journalKey('minutes', itemId), base: () => savedText.current });
  const label = useAutosaveLabel(auto.status);
  const state: SaveState =
    auto.status.kind === 'failed' ? 'error' : auto.status.kind === 'saving' ? 'saving' : 'saved';

  const { change } = auto;
  const onChange = useCallback(
    (value: string) => {
      setText(value);
      change(value);
    },
    [change],
  );

  /**
   * After a restore, adopt the stored text unless the clerk has unsaved typing. (The live stored value is
   * deliberately not followed: a late live-query result must never overwrite newer typing.)
   */
  const { hasPending } = auto;
  const adopt = useCallback(
    (value: string) => {
      if (hasPending()) return;
      savedText.current = value;
      setText(value);
    },
    [hasPending],
  );

  return { text, state, label, onChange, flush: auto.flush, adopt };
}
