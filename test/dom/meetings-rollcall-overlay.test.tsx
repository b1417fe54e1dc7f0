/**
 * The roll call's marks laid over the live attendance (hooks.ts: useMeetingAttendance, issue 17): a mark
 * counts at once — before its write resolves — and leaves the overlay once the live query shows it stored;
 * a failed write takes it back and rejects (the row shows what is stored).
 */
import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { AttendanceRecord } from '../../shared/domain/records';

let live: AttendanceRecord[] | undefined = [];
vi.mock('dexie-react-hooks', () => ({ useLiveQuery: () => live }));
vi.mock('../../renderer/src/db', () => ({ db: {} }));
const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
vi.mock('../../renderer/src/features/meetings/data', () => ({
  saveDiscussion: vi.fn(),
  markAttendance: vi.fn(() => new Promise<void>((resolve, reject) => pending.push({ resolve, reject }))),
}));

const { markedAttendance, markedRecordOf, useMarks, useMeetingAttendance } =
  await import('../../renderer/src/features/meetings/hooks');

/** What the quorum bar and the roll call see (they subscribe to the overlay). */
function useRollView(meetingId: number) {
  const a = useMeetingAttendance(meetingId);
  const marks = useMarks(a.overlay);
  return {
    mark: a.mark,
    attendance: markedAttendance(a.live ?? [], marks),
    recordOf: markedRecordOf(a.liveByMember, marks),
  };
}
const { markAttendance } = await import('../../renderer/src/features/meetings/data');

const entry = { memberId: 7, name: '北京示例科技有限公司', representative: '张伟' };
const stored = (status: AttendanceRecord['status']): AttendanceRecord => ({
  id: 1,
  meetingId: 3,
  memberId: 7,
  status,
  attendee: '张伟',
  updatedAt: '2026-11-21T00:00:00.000Z',
});

describe('roll-call marks over the live attendance (issue 17)', () => {
  it('a mark counts at once, is written, and leaves the overlay when the live query shows it', async () => {
    live = [];
    pending.length = 0;
    const { result, rerender } = renderHook(() => useRollView(3));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.mark(entry, 'present');
    });
    // Shown before the write resolves: the row and the quorum count it.
    expect(result.current.recordOf(7)).toMatchObject({ memberId: 7, status: 'present', attendee: '张伟' });
    expect(result.current.attendance).toHaveLength(1);
    expect(vi.mocked(markAttendance)).toHaveBeenCalledWith({}, 3, 7, 'present', '张伟');
    await act(async () => {
      pending[0]!.resolve();
      await done;
    });
    // The live query has not delivered yet: the mark is still shown.
    expect(result.current.recordOf(7)?.status).toBe('present');
    live = [stored('present')];
    rerender();
    expect(result.current.attendance).toBe(live);
    expect(result.current.recordOf(7)).toBe(live[0]);
  });

  it('a later mark of the same row wins over the stored one until it is stored too', async () => {
    live = [stored('present')];
    pending.length = 0;
    const { result, rerender } = renderHook(() => useRollView(3));
    act(() => void result.current.mark(entry, 'leave'));
    expect(result.current.recordOf(7)?.status).toBe('leave');
    expect(result.current.attendance?.map((a) => a.status)).toEqual(['leave']);
    await act(async () => pending[0]!.resolve());
    live = [stored('present')]; // a delivery from before the write: the overlay stays
    rerender();
    expect(result.current.recordOf(7)?.status).toBe('leave');
    live = [stored('leave')];
    rerender();
    expect(result.current.recordOf(7)).toBe(live[0]);
  });

  it('a failed write takes the mark back and rejects', async () => {
    live = [];
    pending.length = 0;
    const { result } = renderHook(() => useRollView(3));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.mark(entry, 'absent');
    });
    expect(result.current.recordOf(7)?.status).toBe('absent');
    await act(async () => {
      pending[0]!.reject(new Error('写入失败'));
      await expect(done).rejects.toThrow('写入失败');
    });
    expect(result.current.recordOf(7)).toBeUndefined();
    expect(result.current.attendance).toEqual([]);
  });
});
