import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_DEBOUNCE_MS,
  AUTOSAVE_MAX_WAIT_MS,
  createAutosaver,
  retryDelayMs,
  type AutosaveStatus,
} from '../../../shared/autosave';

describe('shared/autosave: debounce with a maximum wait, retries with backoff', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('continuous typing every 200 ms for 10 s is written at least every second', async () => {
    const writes: { at: number; value: string }[] = [];
    const s = createAutosaver<string>({
      write: async (value) => {
        writes.push({ at: Date.now(), value });
      },
    });
    let text = '';
    const typedAt: number[] = [];
    for (let i = 0; i < 50; i++) {
      text += '字';
      typedAt.push(Date.now());
      s.change(text);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(writes.length).toBeGreaterThanOrEqual(10);
    const times = [0, ...writes.map((w) => w.at)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(1000);
    // Every keystroke is stored within AUTOSAVE_MAX_WAIT_MS (≤ 1 s).
    for (let k = 0; k < typedAt.length - 5; k++) {
      const w = writes.find((x) => x.value.length >= k + 1);
      expect(w, `keystroke ${k + 1}`).toBeDefined();
      expect(w!.at - typedAt[k]!).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    }
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(writes.at(-1)!.value).toBe(text);
    expect(s.status()).toEqual({ kind: 'saved' });
  });

  it('a pause writes after the debounce, once', async () => {
    const write = vi.fn(async (_v: string) => undefined);
    const s = createAutosaver<string>({ write });
    s.change('a');
    s.change('ab');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS - 1);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('ab');
    await vi.advanceTimersByTimeAsync(5000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('a failed write is retried with growing delays and keeps the value; newer typing is what is retried', async () => {
    const calls: { at: number; value: string }[] = [];
    let failuresLeft = 3;
    const statuses: AutosaveStatus[] = [];
    const s = createAutosaver<string>({
      write: async (value) => {
        calls.push({ at: Date.now(), value });
        if (failuresLeft-- > 0) throw new DOMException('quota', 'QuotaExceededError');
      },
      onStatus: (st) => statuses.push(st),
    });
    s.change('第一句');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    expect(s.status()).toMatchObject({ kind: 'failed', attempt: 1, retryAt: calls[0]!.at + retryDelayMs(1) });
    expect(s.hasPending()).toBe(true);
    // Typing while failed does not hammer the disk: it is written at the retry.
    s.change('第一句。第二句');
    await vi.advanceTimersByTimeAsync(retryDelayMs(1) - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.value).toBe('第一句。第二句');
    expect(s.status()).toMatchObject({ kind: 'failed', attempt: 2 });
    await vi.advanceTimersByTimeAsync(retryDelayMs(2));
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(retryDelayMs(3));
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps).toEqual([retryDelayMs(1), retryDelayMs(2), retryDelayMs(3)]);
    expect(gaps[0]! < gaps[1]! && gaps[1]! < gaps[2]!).toBe(true);
    expect(s.status()).toEqual({ kind: 'saved' });
    expect(s.hasPending()).toBe(false);
    expect(
      statuses.filter((x) => x.kind === 'failed').map((x) => (x as { attempt: number }).attempt),
    ).toEqual([1, 2, 3]);
  });

  it('backoff grows to a 30 s ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('flush writes now (even during backoff), waits for a write in flight, and never runs two writes at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const values: string[] = [];
    const s = createAutosaver<string>({
      write: async (v) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 300));
        values.push(v);
        running--;
      },
    });
    s.change('a');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS + 10); // 'a' in flight
    s.change('ab');
    const f = s.flush();
    await vi.advanceTimersByTimeAsync(1000);
    await f;
    expect(values).toEqual(['a', 'ab']);
    expect(maxRunning).toBe(1);
    expect(s.hasPending()).toBe(false);
  });

  it('flush during backoff retries at once', async () => {
    let fail = true;
    const write = vi.fn(async () => {
      if (fail) throw new Error('x');
    });
    const s = createAutosaver<string>({ write });
    s.change('a');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(s.status().kind).toBe('failed');
    fail = false;
    await s.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect(s.status()).toEqual({ kind: 'saved' });
  });

  it('discard drops a failed value and its retries; a write in flight that fails is not retried; later typing is written', async () => {
    const calls: string[] = [];
    let refuse = true;
    const s = createAutosaver<string>({
      write: async (value) => {
        calls.push(value);
        await new Promise((r) => setTimeout(r, 100));
        if (refuse) throw new Error('该发文已定稿，不能再修改');
      },
    });
    s.change('甲');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS + 100);
    expect(s.status().kind).toBe('failed');
    s.discard();
    expect(s.status()).toEqual({ kind: 'saved' });
    expect(s.hasPending()).toBe(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toEqual(['甲']);

    // Discarded while its write is in flight: the refusal is not retried.
    s.change('乙');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS + 10);
    expect(calls).toEqual(['甲', '乙']);
    s.discard();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toEqual(['甲', '乙']);
    expect(s.status()).toEqual({ kind: 'saved' });

    refuse = false;
    s.change('丙');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS + 100);
    expect(calls).toEqual(['甲', '乙', '丙']);
    expect(s.status()).toEqual({ kind: 'saved' });
  });
});
