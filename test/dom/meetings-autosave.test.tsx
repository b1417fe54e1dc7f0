/**
 * The minutes autosave (useDiscussionAutosave) under continuous typing and failing writes, with fake time:
 * the stored text stays at most a second behind the typing, and a failed write is retried with backoff
 * and says so. (Issue 13: the old trailing-only debounce wrote nothing while the clerk kept typing.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';

const writes: { at: number; text: string; base?: string }[] = [];
let failNext = 0;
const stored = new Map<number, { id: number; discussion: string }>();
vi.mock('../../renderer/src/db', () => ({
  db: { agendaItems: { get: async (id: number) => stored.get(id) } },
}));
vi.mock('../../renderer/src/features/meetings/data', () => ({
  loadCharterSettings: async () => undefined,
  saveDiscussion: vi.fn(
    async (_db: unknown, _id: number, text: string, _snapshot: boolean, base?: string) => {
      if (failNext > 0) {
        failNext--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      writes.push({ at: Date.now(), text, base });
    },
  ),
}));

const { useDiscussionAutosave } = await import('../../renderer/src/features/meetings/hooks');
const { saveDiscussion } = await import('../../renderer/src/features/meetings/data');
// How left-over minutes are replayed is registered at start-up (main.tsx imports it).
await import('../../renderer/src/features/meetings/replay');
const { replayJournal } = await import('../../renderer/src/ui/journal');

describe('minutes autosave (issue 13)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    writes.length = 0;
    failNext = 0;
    vi.mocked(saveDiscussion).mockClear();
    localStorage.clear();
    stored.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('typing every 200 ms for 10 s: a write at least every second, each keystroke stored within a second', async () => {
    const { result } = renderHook(() => useDiscussionAutosave(1, ''));
    const start = Date.now();
    let text = '';
    const typedAt: number[] = [];
    for (let i = 0; i < 50; i++) {
      text += '议';
      typedAt.push(Date.now());
      act(() => result.current.onChange(text));
      await act(() => vi.advanceTimersByTimeAsync(200));
    }
    expect(writes.length, 'writes during 10 s of typing').toBeGreaterThanOrEqual(10);
    const times = [start, ...writes.map((w) => w.at)];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    for (let k = 0; k < 45; k++) {
      const w = writes.find((x) => x.text.length >= k + 1);
      expect(w!.at - typedAt[k]!, `keystroke ${k + 1}`).toBeLessThanOrEqual(1000);
    }
    expect(result.current.state).toBe('saving');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(writes.at(-1)!.text).toBe(text);
    expect(result.current.state).toBe('saved');
    expect(result.current.label).toBe('已保存');
  });

  it('a failed write is retried with backoff, the label says when and which attempt, and the text is kept', async () => {
    failNext = 2;
    const { result } = renderHook(() => useDiscussionAutosave(1, ''));
    act(() => result.current.onChange('秘书处介绍了材料审核情况'));
    await act(() => vi.advanceTimersByTimeAsync(400)); // the debounce
    expect(saveDiscussion).toHaveBeenCalledTimes(1);
    expect(result.current.state).toBe('error');
    expect(result.current.label).toContain('磁盘空间不足');
    expect(result.current.label).toContain('输入的内容仍在屏幕上');
    expect(result.current.label).toMatch(/2 秒后重试（第 1 次）$/);
    expect(result.current.text).toBe('秘书处介绍了材料审核情况');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current.label).toMatch(/1 秒后重试（第 1 次）$/);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(saveDiscussion).toHaveBeenCalledTimes(2); // first retry, 2 s after the failure: fails again
    expect(result.current.label).toMatch(/4 秒后重试（第 2 次）$/);
    await act(() => vi.advanceTimersByTimeAsync(3999));
    expect(saveDiscussion).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(saveDiscussion).toHaveBeenCalledTimes(3); // second retry, 4 s later: succeeds
    expect(writes.map((w) => w.text)).toEqual(['秘书处介绍了材料审核情况']);
    expect(result.current.state).toBe('saved');
    expect(result.current.label).toBe('已保存');
  });

  it('unmounting writes what is pending at once', async () => {
    const { result, unmount } = renderHook(() => useDiscussionAutosave(1, ''));
    act(() => result.current.onChange('最后一句'));
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(writes.map((w) => w.text)).toEqual(['最后一句']);
  });

  it('unsaved typing is kept in localStorage until written, and replayed at start-up only over the text it began from', async () => {
    failNext = 100;
    const { result, unmount } = renderHook(() => useDiscussionAutosave(7, '原有记录'));
    act(() => result.current.onChange('原有记录，补充一句'));
    expect(JSON.parse(localStorage.getItem('desk-unsaved:minutes:7')!)).toMatchObject({
      base: '原有记录',
      value: '原有记录，补充一句',
    });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(result.current.state).toBe('error');
    unmount(); // the page goes away before the write succeeds
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(localStorage.getItem('desk-unsaved:minutes:7')).not.toBeNull();

    failNext = 0;
    // Another window changed the text meanwhile: the stale copy is not written.
    stored.set(7, { id: 7, discussion: '别处改过的记录' });
    await replayJournal();
    expect(writes).toEqual([]);
    expect(localStorage.getItem('desk-unsaved:minutes:7')).toBeNull();

    // Left over over the text it began from: written.
    localStorage.setItem(
      'desk-unsaved:minutes:7',
      JSON.stringify({ base: '原有记录', value: '原有记录，补充一句', at: 0 }),
    );
    stored.set(7, { id: 7, discussion: '原有记录' });
    await replayJournal();
    expect(writes.map((w) => w.text)).toEqual(['原有记录，补充一句']);
    expect(localStorage.getItem('desk-unsaved:minutes:7')).toBeNull();
  });

  it('the copy is removed once the text is stored', async () => {
    const { result } = renderHook(() => useDiscussionAutosave(8, ''));
    act(() => result.current.onChange('一句话'));
    expect(localStorage.getItem('desk-unsaved:minutes:8')).not.toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(result.current.state).toBe('saved');
    expect(localStorage.getItem('desk-unsaved:minutes:8')).toBeNull();
  });

  it("another workstation's text is followed while the typing is all stored; typing not yet stored stays, the clerk is told, and its write says what it started from", async () => {
    const { result, rerender } = renderHook(({ s }) => useDiscussionAutosave(9, s), {
      initialProps: { s: '甲的记录' },
    });
    act(() => result.current.onChange('甲的记录，补充'));
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(writes.at(-1)).toMatchObject({ text: '甲的记录，补充', base: '甲的记录' });
    rerender({ s: '甲的记录，补充' }); // its own write, delivered by the live query
    rerender({ s: '甲的记录，补充；乙的意见' }); // another workstation's
    expect(result.current.text).toBe('甲的记录，补充；乙的意见');
    expect(result.current.othersReplaced).toBe(false);
    rerender({ s: '甲的记录，补充' }); // a late result of its own write: not followed back
    expect(result.current.text).toBe('甲的记录，补充；乙的意见');

    act(() => result.current.onChange('甲的记录，补充；乙的意见。丙'));
    rerender({ s: '乙又改了' }); // arrives before the typing is stored
    expect(result.current.text).toBe('甲的记录，补充；乙的意见。丙');
    expect(result.current.othersReplaced).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(400));
    // Not the text it replaces: the data layer keeps that one as a version (saveDiscussion's base).
    expect(writes.at(-1)).toMatchObject({
      text: '甲的记录，补充；乙的意见。丙',
      base: '甲的记录，补充；乙的意见',
    });
    act(() => result.current.dismissOthers());
    expect(result.current.othersReplaced).toBe(false);
  });

  it('恢复 a version while typing is not yet stored: the typing is stored first, then the restored text shows and stays; refused while the typing cannot be stored', async () => {
    const { result, rerender } = renderHook(({ s }) => useDiscussionAutosave(4, s), {
      initialProps: { s: '第一稿' },
    });
    act(() => result.current.onChange('第二稿，正在输入'));
    const restoreStored = vi.fn(async () => {
      // The version is written back only after the typing is stored (the restore keeps that as a version).
      expect(writes.at(-1)?.text).toBe('第二稿，正在输入');
      return '第一稿';
    });
    await act(() => result.current.restore(restoreStored));
    expect(restoreStored).toHaveBeenCalledTimes(1);
    rerender({ s: '第一稿' }); // the restored text, delivered by the live query
    expect(result.current.text).toBe('第一稿');
    expect(result.current.othersReplaced).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(writes.at(-1)?.text).toBe('第二稿，正在输入'); // nothing written over the restored text

    failNext = 5;
    act(() => result.current.onChange('第一稿，又输入'));
    let refused: unknown;
    await act(async () => {
      refused = await result.current.restore(restoreStored).catch((e: unknown) => e);
    });
    expect(String(refused)).toContain('刚输入的内容还没有保存');
    expect(restoreStored).toHaveBeenCalledTimes(1);
    expect(result.current.text).toBe('第一稿，又输入');
  });
});
