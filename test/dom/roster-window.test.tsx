/**
 * The roster's windowed list (issue 17): only the rows in view (and a few beyond) are in the DOM, worked out
 * from the scroll position; a scroll shows the rows at that position; a new, shorter result starts at its top.
 */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Member } from '../../shared/domain/records';
import { RosterList } from '../../renderer/src/features/members/RosterList';
import { fields } from '../unit/members/fixtures';

const members: Member[] = Array.from({ length: 10_000 }, (_, i) => ({
  ...fields({ name: `单位${String(i).padStart(5, '0')}` }),
  id: i + 1,
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})) as Member[];

// jsdom has no scrolling: scrollTo sets the position and, a moment later (a browser: the next frame),
// tells the element.
HTMLElement.prototype.scrollTo = function (this: HTMLElement, o?: ScrollToOptions | number) {
  this.scrollTop = typeof o === 'number' ? o : (o?.top ?? 0);
  setTimeout(() => this.dispatchEvent(new Event('scroll')));
} as HTMLElement['scrollTo'];

function list(rows: Member[]) {
  return (
    <MemoryRouter>
      <RosterList rows={rows} loading={false} anyMembers sort={null} onSort={() => {}} height={400} />
    </MemoryRouter>
  );
}

/** The data rows in the DOM: their positions (aria-rowindex − 2) and names. */
function shownRows() {
  return screen
    .getAllByRole('row')
    .filter((r) => Number(r.getAttribute('aria-rowindex')) > 1)
    .map((r) => ({
      index: Number(r.getAttribute('aria-rowindex')) - 2,
      name: r.querySelector('a')!.textContent,
    }));
}

describe('roster window (issue 17)', () => {
  it('renders the rows in view and the overscan only, at the scroll position', async () => {
    const view = render(list(members));
    // 400 px / 40 px = 10 rows in view, 3 beyond on each side (none above the first).
    let rows = shownRows();
    expect(rows.map((r) => r.index)).toEqual([...Array(14).keys()]);
    expect(rows[0]!.name).toBe('单位00000');

    const scroller = view.container.querySelector<HTMLElement>('[role="rowgroup"][style*="overflow-y"]')!;
    act(() => {
      scroller.scrollTop = 5_000 * 40;
      fireEvent.scroll(scroller);
    });
    rows = shownRows();
    expect(rows.map((r) => r.index)).toEqual([...Array(17).keys()].map((k) => 4_997 + k));
    expect(rows.find((r) => r.index === 5_000)!.name).toBe('单位05000');
    // The list's height is every row's, so the scroll bar spans the whole result.
    expect((scroller.firstElementChild as HTMLElement).style.height).toBe(`${10_000 * 40}px`);

    // Scrolled to the end: the last rows, none past them.
    act(() => {
      scroller.scrollTop = 10_000 * 40;
      fireEvent.scroll(scroller);
    });
    expect(shownRows().at(-1)).toEqual({ index: 9_999, name: '单位09999' });

    // A shorter result while scrolled far down still shows its rows (from its top once scrolled back).
    view.rerender(list(members.slice(0, 5)));
    expect(shownRows().map((r) => r.name)).toEqual([
      '单位00000',
      '单位00001',
      '单位00002',
      '单位00003',
      '单位00004',
    ]);
  });
});
