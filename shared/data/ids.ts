/**
 * Record identities that cannot collide across workstations (issue 19). Pure.
 *
 * An id stays a number (routes such as #/members/<id>, the zod schemas, sorting by id — all unchanged):
 * `workstation × 2³² + counter`, with a 21-bit workstation number (1 … 2²¹ − 1) and a 32-bit counter
 * (1 … 2³² − 1), so every id is a safe integer (< 2⁵³). Each workstation numbers its new records in its
 * own range; the number is registered on the office's server (`workstation:<n>`, renderer/src/sync), so two
 * workstations never share a range. Ids below 2³² are the ids of before (Dexie's auto-increment, version 1
 * and 2 of the schema): the version 3 upgrade moves them into this workstation's range.
 */

/** Size of one workstation's range: the counter is below it. */
export const ID_RANGE = 2 ** 32;
/** Workstation numbers are 1 … MAX_WORKSTATION (21 bits). */
export const MAX_WORKSTATION = 2 ** 21 - 1;
/** The largest counter in a range. */
export const MAX_COUNTER = ID_RANGE - 1;

export function isWorkstationNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKSTATION;
}

/** The id of a workstation's `counter`-th record. */
export function makeId(workstation: number, counter: number): number {
  if (!isWorkstationNumber(workstation)) throw new RangeError(`工作站编号无效：${String(workstation)}`);
  if (!Number.isInteger(counter) || counter < 1 || counter > MAX_COUNTER)
    throw new RangeError(`本工作站的记录编号已用尽（${String(counter)}）`);
  return workstation * ID_RANGE + counter;
}

/** The workstation whose range holds `id` (0 for the ids of before). */
export function workstationOf(id: number): number {
  return Math.floor(id / ID_RANGE);
}

/** The counter part of an id. */
export function counterOf(id: number): number {
  return id % ID_RANGE;
}

/** The lowest and the (exclusive) highest id of a workstation's range. */
export function rangeOf(workstation: number): { lower: number; upper: number } {
  return { lower: makeId(workstation, 1), upper: (workstation + 1) * ID_RANGE };
}

const isId = (v: number) => Number.isSafeInteger(v) && v >= 1;

/**
 * The re-key of the version 3 upgrade (and of an older backup restored through staging): an id of before
 * (1 … 2³² − 1) moves into `workstation`'s range, keeping its counter. Anything else (0 — the
 * secretary-general on an entitled list, an id already in a range) is left as it is.
 */
export function legacyIdsTo(workstation: number): (id: number) => number {
  const base = makeId(workstation, 1) - 1;
  return (id) => (isId(id) && id < ID_RANGE ? base + id : id);
}

/**
 * The re-key after a collision at registration: the records numbered in range `from` (before this
 * workstation knew that number was taken) move to range `to`, keeping their counters; ids in any other
 * range (records of the other workstations) are left as they are.
 */
export function moveRange(from: number, to: number): (id: number) => number {
  const lower = makeId(from, 1);
  const upper = (from + 1) * ID_RANGE;
  const shift = (to - from) * ID_RANGE;
  makeId(to, 1);
  return (id) => (isId(id) && id >= lower && id < upper ? id + shift : id);
}
