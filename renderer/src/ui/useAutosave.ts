import { useCallback, useEffect, useRef, useState } from 'react';
import { createAutosaver, type Autosaver, type AutosaveStatus } from '../../../shared/autosave';
import { registerPendingWrite } from '../platform';
import { autosaveLabel } from './errorText';
import { journalClear, journalWrite } from './journal';

/**
 * An autosave for one editor (shared/autosave.ts): writes at most AUTOSAVE_MAX_WAIT_MS behind continuous
 * typing, retries failed writes with backoff, and is flushed when the window hides or closes
 * (registerPendingWrite, app/lifecycle.ts) and when the editor unmounts. `write` may change between renders;
 * the latest one is used.
 */
export function useAutosave<T>(
  write: (value: T) => Promise<void>,
  /**
   * Keeps each pending value in the journal (ui/journal.ts) under `key` (read at each change: a record created
   * by the autosave changes it), with the stored value it replaces.
   */
  journal?: { key: string | (() => string); base: () => T },
) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'saved' });
  const writeRef = useRef(write);
  writeRef.current = write;
  const journalRef = useRef(journal);
  journalRef.current = journal;
  const saver = useRef<Autosaver<T> | null>(null);

  useEffect(() => {
    const s = createAutosaver<T>({
      write: (v) => writeRef.current(v),
      onStatus: (st) => {
        if (st.kind === 'saved' && journalRef.current) journalClear(keyOf(journalRef.current));
        setStatus(st);
      },
    });
    saver.current = s;
    const unregister = registerPendingWrite(() => s.flush());
    return () => {
      unregister();
      saver.current = null;
      // Written once more now; then no retries behind a closed editor (it could overwrite newer text).
      void s.flush().finally(() => s.dispose());
    };
  }, []);

  const change = useCallback((v: T) => {
    const j = journalRef.current;
    if (j) journalWrite(keyOf(j), { base: j.base(), value: v, at: Date.now() });
    saver.current?.change(v);
  }, []);
  const flush = useCallback(async () => saver.current?.flush(), []);
  /** Drops what is pending and its retries (the store will not take it); its journal entry goes with it. */
  const discard = useCallback(() => saver.current?.discard(), []);
  const hasPending = useCallback(() => saver.current?.hasPending() ?? false, []);
  /** The status now (the `status` state shows it from the next render). */
  const current = useCallback((): AutosaveStatus => saver.current?.status() ?? { kind: 'saved' }, []);
  return { status, change, flush, discard, hasPending, current };
}

function keyOf(j: { key: string | (() => string) }): string {
  return typeof j.key === 'function' ? j.key() : j.key;
}

/** The status line of an autosave, in Chinese, counting down to the next retry after a failure. */
export function useAutosaveLabel(status: AutosaveStatus): string {
  const [now, setNow] = useState(() => Date.now());
  const failed = status.kind === 'failed';
  useEffect(() => {
    if (!failed) return;
    setNow(Date.now());
    const h = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(h);
  }, [failed, status]);
  return autosaveLabel(status, now);
}
