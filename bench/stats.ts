/** Statistics and timing helpers shared by the Node and browser benchmarks (no Node or DOM APIs). */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * What a candidate may return to give its own time: the part of its run that is the work measured, when
 * the candidate also does the bench's bookkeeping after it (e.g. waiting for the long-task entries).
 */
export interface OwnTime {
  ownMs: number;
}

const ownTime = (v: unknown): number | null =>
  typeof v === 'object' && v !== null && typeof (v as OwnTime).ownMs === 'number'
    ? (v as OwnTime).ownMs
    : null;

/**
 * Runs `warmup` untimed rounds, then `runs` timed rounds of every candidate, interleaved (A B A B …) so
 * drift in the machine's speed falls on all of them alike. Returns each candidate's times in ms: from its
 * call until it settles, or the time it returns (OwnTime).
 */
export async function interleaved<K extends string>(
  candidates: Record<K, () => Promise<unknown> | unknown>,
  opts: { warmup: number; runs: number; now: () => number; between?: () => Promise<void> | void },
): Promise<Record<K, number[]>> {
  const keys = Object.keys(candidates) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    for (const k of keys) {
      await opts.between?.();
      const t0 = opts.now();
      const v = await candidates[k]();
      const dt = ownTime(v) ?? opts.now() - t0;
      if (i >= opts.warmup) times[k].push(dt);
    }
  }
  return times;
}

/** One row of the results table. */
export interface BenchResult {
  id: string;
  /** What was measured (Chinese, as in the README table). */
  what: string;
  /** The figure compared with the target: a ratio (× its reference), milliseconds or megabytes. */
  value: number;
  unit: '×' | 'ms' | 'MB';
  /** The target: value ≤ limit. */
  limit: number;
  pass: boolean;
  /** Medians of the parts (ms) and run counts, for the record. */
  details: Record<string, number | string>;
}

export function result(r: Omit<BenchResult, 'pass'>): BenchResult {
  return { ...r, value: round(r.value, r.unit === '×' ? 2 : 1), pass: r.value <= r.limit };
}
