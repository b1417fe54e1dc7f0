import { expect } from 'vitest';

const CHINESE = /[\u4e00-\u9fff]/;

/** Asserts that `fn` throws a RangeError whose message is in Chinese (and matches `pattern` if given). */
export function expectRangeError(fn: () => unknown, pattern?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a RangeError').toBeInstanceOf(RangeError);
  const message = (caught as RangeError).message;
  expect(message).toMatch(CHINESE);
  if (pattern) expect(message).toMatch(pattern);
}
