/**
 * The scheduling of an autosave, without React or storage: a debounce with a maximum wait (continuous
 * typing is still written at least every `maxWaitMs`), one write in flight at a time, and retries with
 * backoff after a failed write (the value is kept, never dropped). Timers and the clock are injectable so
 * the logic is tested in Node with fake time.
 */

export interface AutosaveTimers {
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: AutosaveTimers = {
  now: () => Date.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type AutosaveStatus =
  /** Everything is written. */
  | { kind: 'saved' }
  /** Typed and not yet written, or a write is in flight. */
  | { kind: 'saving' }
  /** The last write failed; the value is kept and written again at `retryAt` (attempt 1 = first retry). */
  | { kind: 'failed'; error: unknown; attempt: number; retryAt: number };

/**
 * A new editing burst starts after this long without a write: the minutes keep the previous text as a
 * version, a 发文 draft's autosave writes an audit entry.
 */
export const EDIT_BURST_GAP_MS = 30_000;
/** Trailing debounce: a pause in typing this long writes. */
export const AUTOSAVE_DEBOUNCE_MS = 400;
/** While typing without pause, the stored value is written at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 800;
/** Retry delays after a failed write: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt - 1));
}

export interface AutosaveOptions<T> {
  /** Writes the value; rejects on failure. Never called twice at once. */
  write: (value: T) => Promise<void>;
  onStatus?: (s: AutosaveStatus) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelay?: (attempt: number) => number;
  timers?: AutosaveTimers;
}

export interface Autosaver<T> {
  /** A new value to save (each keystroke). */
  change(value: T): void;
  /** Writes what is pending now (ignoring debounce and backoff); resolves once written or failed. */
  flush(): Promise<void>;
  /** Whether a value is waiting to be written (typed, in flight or failed). */
  hasPending(): boolean;
  status(): AutosaveStatus;
  /**
   * Drops the pending value and any retry (a write the store will never take, such as typing into a draft
   * that was finalised meanwhile); a write in flight finishes, and its failure is not retried. The status
   * becomes saved. Later changes are written as usual.
   */
  discard(): void;
  /** Stops timers; nothing more is written (the pending value, if any, is dropped). */
  dispose(): void;
}

export function createAutosaver<T>(opts: AutosaveOptions<T>): Autosaver<T> {
  const t = opts.timers ?? realTimers;
  const debounceMs = opts.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
  const maxWaitMs = opts.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  const retryDelay = opts.retryDelay ?? retryDelayMs;

  let pending: { value: T } | null = null;
  /** When the oldest unwritten change was made (for the maximum wait). */
  let firstChangeAt: number | null = null;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let failures = 0;
  let retryAt: number | null = null;
  let lastError: unknown = null;
  let disposed = false;
  /** Raised by discard(): a write in flight before it is not retried. */
  let generation = 0;
  let current: AutosaveStatus = { kind: 'saved' };

  const setStatus = (s: AutosaveStatus) => {
    current = s;
    opts.onStatus?.(s);
  };

  const clearTimer = () => {
    if (timer !== null) t.clearTimeout(timer);
    timer = null;
  };

  const arm = () => {
    clearTimer();
    if (disposed || pending === null || inFlight) return;
    const now = t.now();
    let at: number;
    if (retryAt !== null) at = retryAt;
    else at = Math.min(now + debounceMs, (firstChangeAt ?? now) + maxWaitMs);
    timer = t.setTimeout(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, at - now),
    );
  };

  /** Writes the pending value once (waits for a write in flight first). */
  const run = async (): Promise<void> => {
    if (inFlight) {
      await inFlight;
      return run();
    }
    clearTimer();
    if (disposed || pending === null) return;
    const { value } = pending;
    pending = null;
    firstChangeAt = null;
    if (current.kind !== 'failed') setStatus({ kind: 'saving' });
    const started = generation;
    inFlight = (async () => {
      try {
        await opts.write(value);
        failures = 0;
        retryAt = null;
        lastError = null;
      } catch (e) {
        if (started !== generation) return; // discarded meanwhile
        // Keep the value unless newer typing replaced it: nothing typed is dropped.
        if (pending === null) pending = { value };
        failures += 1;
        lastError = e;
        retryAt = t.now() + retryDelay(failures);
      }
    })();
    await inFlight;
    inFlight = null;
    if (disposed) return;
    if (retryAt !== null) {
      setStatus({ kind: 'failed', error: lastError, attempt: failures, retryAt });
    } else if (pending === null) {
      setStatus({ kind: 'saved' });
    } else {
      // Typed during the write: its own debounce / maximum wait (firstChangeAt was set by change()).
      setStatus({ kind: 'saving' });
    }
    arm();
  };

  return {
    change(value: T) {
      if (disposed) return;
      pending = { value };
      if (firstChangeAt === null) firstChangeAt = t.now();
      if (current.kind === 'saved') setStatus({ kind: 'saving' });
      arm();
    },
    async flush() {
      if (inFlight) await inFlight;
      if (pending === null || disposed) return;
      retryAt = null;
      await run();
    },
    hasPending: () => pending !== null || inFlight !== null,
    status: () => current,
    discard() {
      generation += 1;
      clearTimer();
      pending = null;
      firstChangeAt = null;
      failures = 0;
      retryAt = null;
      lastError = null;
      if (!inFlight && !disposed) setStatus({ kind: 'saved' });
    },
    dispose() {
      disposed = true;
      clearTimer();
      pending = null;
    },
  };
}
