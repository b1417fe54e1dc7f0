/**
 * The window arithmetic of the fixed-height lists (issue 17: the roster and the roll call): which rows are
 * in the DOM for a scroll position, and where a keystroke that moves the focus scrolls the list.
 */
import { describe, expect, it } from 'vitest';
import { rowsOf, rowWindow, scrollToShow } from '../../../renderer/src/ui/rowWindow';

describe('rowWindow', () => {
  it('renders the rows in view and the overscan on each side, none before the first', () => {
    // 400 px of 40 px rows: 10 in view, 3 beyond.
    expect(rowWindow(0, 400, 40, 10_000, 3)).toEqual({ first: 0, last: 14, size: 18 });
    expect(rowsOf(rowWindow(0, 400, 40, 10_000, 3))).toEqual([...Array(14).keys()]);
    const w = rowWindow(5_000 * 40, 400, 40, 10_000, 3);
    expect(rowsOf(w)).toEqual([...Array(17).keys()].map((k) => 4_997 + k));
    // Never more rows than the ring of slots holds.
    expect(w.last - w.first).toBeLessThan(w.size);
  });

  it('shows the last rows for a position past the end, and nothing of an empty list', () => {
    expect(rowWindow(10_000 * 40, 400, 40, 10_000, 3)).toMatchObject({ first: 9_987, last: 10_000 });
    // A shorter list while still scrolled far down (its scroll event not yet in).
    expect(rowsOf(rowWindow(5_000 * 40, 400, 40, 5, 3))).toEqual([0, 1, 2, 3, 4]);
    expect(rowsOf(rowWindow(0, 400, 40, 0, 3))).toEqual([]);
    // A row height that does not divide the view: the partly shown row counts.
    expect(rowWindow(0, 408, 44, 100, 4)).toMatchObject({ first: 0, last: 15, size: 20 });
  });
});

describe('scrollToShow', () => {
  // A 408 px list of 44 px rows, 100 rows (4,400 px; the end at 3,992).
  const show = (pos: number, at: number) => scrollToShow(pos, at, 408, 44, 100);

  it('leaves the position alone when the row is in view', () => {
    expect(show(0, 0)).toBe(0);
    expect(show(8, 0)).toBe(0); // 352–396 px, inside 0–408
    expect(show(12, 440)).toBe(440);
  });

  it('scrolls by the least for the row just below or above the view (↓ ↑, a mark moving on)', () => {
    expect(show(9, 0)).toBe(9 * 44 + 44 - 408); // 396–440 px: its bottom at the view's
    expect(show(10, 32)).toBe(10 * 44 + 44 - 408);
    expect(show(9, 440)).toBe(9 * 44); // above: its top at the view's
  });

  it('centres a far row, and never scrolls past either end', () => {
    expect(show(50, 0)).toBe(50 * 44 - Math.floor((408 - 44) / 2));
    expect(show(99, 0)).toBe(4_400 - 408);
    expect(show(0, 3_992)).toBe(0);
    // A list shorter than its view does not scroll.
    expect(scrollToShow(3, 0, 408, 44, 5)).toBe(0);
  });
});
