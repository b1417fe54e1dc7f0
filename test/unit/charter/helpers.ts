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

/**
 * Asserts what `predicate` answers for each value: true for every one of `true`, false for every one of
 * `false` (a failure shows each value beside its answer).
 */
export function expectAnswers<T>(predicate: (value: T) => boolean, values: { true: T[]; false: T[] }): void {
  const answers = (vs: T[]) => vs.map((v) => [v, predicate(v)]);
  expect(answers(values.true)).toEqual(values.true.map((v) => [v, true]));
  expect(answers(values.false)).toEqual(values.false.map((v) => [v, false]));
}
