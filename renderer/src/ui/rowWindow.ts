/**
 * The window of a list of fixed-height rows (the roster, the roll call): which rows are in the DOM, worked
 * out from the scroll position alone — nothing per row of the list (issue 17: a general virtualiser
 * measured, keyed and placed every row on each change).
 */
export interface RowWindow {
  /** The first row rendered. */
  first: number;
  /** One past the last row rendered. */
  last: number;
  /** One more than the rows ever rendered at once (in view, and the overscan on both sides): a ring of slots. */
  size: number;
}

/**
 * The rows rendered for a scroll position: those in view (a list `height` px high of `rowHeight` px rows)
 * and `overscan` more on each side; a position past the end (a shorter list not yet scrolled back) shows
 * the last rows.
 */
export function rowWindow(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  const inView = Math.ceil(height / rowHeight);
  const top = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, count - inView));
  return {
    first: Math.max(0, top - overscan),
    last: Math.min(count, top + inView + overscan + 1),
    size: inView + 2 * overscan + 2,
  };
}

/** The positions of the rows rendered, first to last. */
export function rowsOf(w: RowWindow): number[] {
  const out: number[] = [];
  for (let i = w.first; i < w.last; i++) out.push(i);
  return out;
}

/**
 * The scroll position that shows row `pos` (of `rowHeight` px, in a list `height` px high scrolled to
 * `scrollTop`): unchanged when it is in view, scrolled by the least when it is near (a row above or below
 * the view, as ↑ ↓ move), centred when it is far; never past the list's end.
 */
export function scrollToShow(
  pos: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
): number {
  const top = pos * rowHeight;
  const max = Math.max(0, count * rowHeight - height);
  let y = scrollTop;
  if (top < scrollTop - height || top > scrollTop + 2 * height)
    y = top - Math.floor((height - rowHeight) / 2);
  else if (top < scrollTop) y = top;
  else if (top + rowHeight > scrollTop + height) y = top + rowHeight - height;
  return Math.min(max, Math.max(0, y));
}
