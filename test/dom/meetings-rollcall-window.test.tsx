/**
 * The roll call's windowed list (issue 17, R-O6): of a 会员大会 with 1,000 entitled, only the rows in view
 * (and a few beyond) are in the DOM; one keystroke marks the focused row, the quorum bar counts it and the
 * focus moves to the next row — scrolling the list and rendering that row in the keystroke itself when it
 * was below the view; ↑ ↓ move; a scroll shows the rows at its position; 查找单位 starts at its top.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import type { AttendanceRecord, EntitledEntry, Meeting } from '../../shared/domain/records';

vi.mock('dexie-react-hooks', () => ({ useLiveQuery: () => [] }));
vi.mock('../../renderer/src/db', () => ({ db: {} }));
vi.mock('../../renderer/src/features/meetings/data', () => ({
  saveAttendance: vi.fn(),
  saveDiscussion: vi.fn(),
  markAttendance: vi.fn(),
}));

const { LiveQuorumBar, RollCall } = await import('../../renderer/src/features/meetings/RollCall');
const { AttendanceStore, MarkOverlay } = await import('../../renderer/src/features/meetings/hooks');

const entitled: EntitledEntry[] = Array.from({ length: 1_000 }, (_, i) => ({
  memberId: i + 1,
  name: `单位${String(i).padStart(4, '0')}`,
  representative: `代表${i}`,
}));
const meeting: Meeting = {
  id: 3,
  body: 'assembly',
  form: 'onsite',
  name: '第一届会员大会第二次会议',
  date: '2026-12-07',
  place: '北京',
  chair: '理事长',
  recorder: '秘书处',
  entitled,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

/** The roll call and its quorum bar over a store whose marks land in the overlay (the write mocked). */
function rollCall() {
  const store = new AttendanceStore();
  const overlay = new MarkOverlay();
  const mark = vi.fn(async (entry: EntitledEntry, status: 'present' | 'absent' | 'leave') => {
    const record: AttendanceRecord = {
      meetingId: 3,
      memberId: entry.memberId,
      status,
      updatedAt: '2026-12-07T00:00:00.000Z',
    };
    overlay.set(entry.memberId, { record, written: false });
  });
  store.publish({ live: [], liveByMember: new Map(), overlay, mark });
  const view = render(
    <App>
      <LiveQuorumBar meeting={meeting} store={store} remote={false} />
      <RollCall meeting={meeting} store={store} />
    </App>,
  );
  const scroller = view.container.querySelector<HTMLElement>('[role="rowgroup"][style*="overflow-y"]')!;
  return { mark, scroller };
}

/** The positions of the data rows in the DOM. */
const shown = () =>
  [...document.querySelectorAll<HTMLElement>('[data-roll-row]')].map((r) => Number(r.dataset.rollRow));
const row = (pos: number) => document.querySelector<HTMLElement>(`[data-roll-row="${pos}"]`)!;
const focused = () => Number((document.activeElement as HTMLElement).dataset.rollRow);

describe('roll call window (issue 17)', () => {
  it('keeps only the rows in view and four beyond in the DOM, and a scroll shows its position', () => {
    const { scroller } = rollCall();
    // jsdom's window is 768 px high: the list is 408 px, ten 44 px rows in view (the tenth in part).
    expect(shown()).toEqual([...Array(15).keys()]);
    expect(screen.getByRole('table', { name: '签到表' }).getAttribute('aria-rowcount')).toBe('1001');
    expect((scroller.firstElementChild as HTMLElement).style.height).toBe(`${1_000 * 44}px`);
    act(() => {
      scroller.scrollTop = 500 * 44;
      fireEvent.scroll(scroller);
    });
    expect(shown()).toEqual([...Array(19).keys()].map((k) => 496 + k));
    expect(row(500).textContent).toContain('单位0500');
  });

  it('1 marks the row, the quorum counts it, and the focus moves on — scrolling when the next row is below the view', () => {
    const { mark, scroller } = rollCall();
    row(0).focus();
    for (let i = 0; i < 12; i++) fireEvent.keyDown(document.activeElement!, { key: '1' });
    expect(mark).toHaveBeenCalledTimes(12);
    expect(mark.mock.calls.map(([e, s]) => [e.memberId, s])).toEqual(
      [...Array(12).keys()].map((i) => [i + 1, 'present']),
    );
    // R-O6 over the 1,000 entitled, counted with the marks as they are made.
    expect(screen.getByRole('status', { name: '法定人数' }).textContent).toContain('出席 12 / 应到 1000');
    expect(row(11).querySelector<HTMLInputElement>('input[value=present]')!.checked).toBe(true);
    // Row 12 (528–572 px) is focused and its bottom is the view's: the list scrolled with the keystroke,
    // not a frame later, and renders the rows at that position.
    expect(focused()).toBe(12);
    expect(scroller.scrollTop).toBe(12 * 44 + 44 - 408);
    expect(shown()[0]).toBe(0);
    expect(shown().at(-1)).toBe(Math.floor((12 * 44 + 44 - 408) / 44) + 10 + 4);
  });

  it('↑ ↓ move the focus, scrolling back up at the top of the view; other keys mark nothing', () => {
    const { mark, scroller } = rollCall();
    act(() => {
      scroller.scrollTop = 100 * 44;
      fireEvent.scroll(scroller);
    });
    row(100).focus();
    fireEvent.keyDown(row(100), { key: 'ArrowUp' });
    expect(focused()).toBe(99);
    expect(scroller.scrollTop).toBe(99 * 44);
    expect(shown()[0]).toBe(95);
    fireEvent.keyDown(row(99), { key: 'ArrowDown' });
    fireEvent.keyDown(row(100), { key: 'x' });
    expect(focused()).toBe(100);
    expect(scroller.scrollTop).toBe(99 * 44);
    expect(mark).not.toHaveBeenCalled();
  });

  it('查找单位 shows the units found from the top, and 1 marks the one found', () => {
    const { mark, scroller } = rollCall();
    act(() => {
      scroller.scrollTop = 600 * 44;
      fireEvent.scroll(scroller);
    });
    fireEvent.change(screen.getByLabelText('查找单位'), { target: { value: '单位07' } });
    // Back at the top in the render that shows the results (no scroll event needed).
    expect(scroller.scrollTop).toBe(0);
    // 单位0700 … 单位0799: the first ten in view and four beyond.
    expect(shown()).toEqual([...Array(15).keys()]);
    expect(row(0).textContent).toContain('单位0700');
    expect(row(0).querySelector('[role=cell]')!.textContent).toBe('701');
    row(0).focus();
    fireEvent.keyDown(row(0), { key: '1' });
    expect(mark.mock.calls[0]![0].memberId).toBe(701);
    expect(focused()).toBe(1);
  });
});
