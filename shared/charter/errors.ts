/**
 * Argument checking for the charter engine. Every invalid argument throws a `RangeError` whose message
 * says, in Chinese, what is wrong — the desks show it to the clerk as is.
 */

/** Throws a `RangeError` with the given (Chinese) message. */
export function fail(message: string): never {
  throw new RangeError(message);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}

/** Throws unless `value` is a safe integer within `[min, max]`. `label` names the value in the message. */
export function assertInteger(
  value: unknown,
  label: string,
  min: number = Number.MIN_SAFE_INTEGER,
  max: number = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    fail(`${label}必须是整数，收到 ${show(value)}`);
  }
  if (value < min) fail(`${label}不能小于 ${min}，收到 ${value}`);
  if (value > max) fail(`${label}不能大于 ${max}，收到 ${value}`);
}

/** Throws unless `value` is a non-negative safe integer (a head count, an amount in yuan). */
export function assertCount(value: unknown, label: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${label}必须是非负整数，收到 ${show(value)}`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  label: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${label}无效：${show(value)}（应为 ${allowed.join(' / ')} 之一）`);
  }
}

export { show as describeValue };
