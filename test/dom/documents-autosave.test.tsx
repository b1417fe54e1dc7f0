/**
 * The 发文 editor's autosave (features/documents/draftAutosave.ts), with fake time: a new notice becomes a
 * draft with the first thing typed and not before; each later change is written within a second, audited
 * once per editing sitting; 保存草稿 during typing goes through the same writer (one draft, never two); the
 * journal holds the typing until it is stored; a failed write makes leaving ask.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type * as Register from '../../renderer/src/records/register';
import type { DraftFields } from '../../renderer/src/records/register';

const calls: { fn: 'autosave' | 'save'; id: number | undefined; title: string; audited?: boolean }[] = [];
let failNext = 0;
let nextId = 41;
vi.mock('../../renderer/src/db', () => ({ db: {} }));
vi.mock('../../renderer/src/records/register', async (original) => {
  const real = await original<typeof Register>();
  const write = async (id: number | undefined) => {
    if (failNext > 0) {
      failNext--;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return id ?? ++nextId;
  };
  return {
    sameDraftFields: real.sameDraftFields,
    draftFieldsOf: real.draftFieldsOf,
    autosaveDraft: vi.fn(async (_db: unknown, id: number | undefined, f: DraftFields, audited: boolean) => {
      const out = await write(id);
      calls.push({ fn: 'autosave', id, title: f.title, audited });
      return out;
    }),
    saveDraft: vi.fn(async (_db: unknown, id: number | undefined, f: DraftFields) => {
      const out = await write(id);
      calls.push({ fn: 'save', id, title: f.title });
      return out;
    }),
  };
});

const { useDraftAutosave } = await import('../../renderer/src/features/documents/draftAutosave');
const { unsavedLabels } = await import('../../renderer/src/platform/unsaved');

const draft = (title: string, body = ''): DraftFields => ({
  title,
  type: '通知',
  date: '2026-12-07',
  addressee: '各会员单位',
  body,
  attachments: [],
  issuer: '中国网络安全产业联盟秘书处',
});

function editor(id?: number, stored?: DraftFields) {
  const created: number[] = [];
  const hook = renderHook(() =>
    useDraftAutosave({ id, stored, label: '新建发文', onCreated: (n) => created.push(n) }),
  );
  return { ...hook, created };
}

describe('发文 autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    calls.length = 0;
    failNext = 0;
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('a new notice: nothing stored until something is typed, then one draft, then its changes', async () => {
    const { result, created } = editor();
    act(() => result.current.change(draft(''))); // the 版头 defaults on opening
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls).toEqual([]);
    expect(result.current.stored).toBe(false);

    act(() => result.current.change(draft('关')));
    expect(JSON.parse(localStorage.getItem('desk-unsaved:document:new')!)).toMatchObject({
      value: { title: '关' },
    });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls).toEqual([{ fn: 'autosave', id: undefined, title: '关', audited: true }]);
    expect(created).toEqual([42]);
    expect(result.current.stored).toBe(true);
    expect(localStorage.getItem('desk-unsaved:document:new')).toBeNull();

    // Typing on: the draft's own key, written within a second, one audit entry per sitting.
    act(() => result.current.change(draft('关于年会')));
    expect(localStorage.getItem('desk-unsaved:document:42')).not.toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    act(() => result.current.change(draft('关于年会的通知')));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    act(() => result.current.change(draft('关于年会的通知（修改）')));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls.slice(1)).toEqual([
      { fn: 'autosave', id: 42, title: '关于年会', audited: false },
      { fn: 'autosave', id: 42, title: '关于年会的通知', audited: false },
      { fn: 'autosave', id: 42, title: '关于年会的通知（修改）', audited: true },
    ]);
    expect(localStorage.getItem('desk-unsaved:document:42')).toBeNull();
    expect(result.current.label).toBe('已保存');
  });

  it('保存草稿 right after typing: one write through the same writer, one draft', async () => {
    const { result, created } = editor();
    act(() => result.current.change(draft('关于召开年会的通知')));
    let id: number | undefined;
    await act(async () => {
      id = await result.current.saveNow(draft('关于召开年会的通知'));
    });
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(calls).toEqual([{ fn: 'save', id: undefined, title: '关于召开年会的通知' }]);
    expect(id).toBe(created[0]);
    // A template chosen and saved as it is: 保存草稿 stores it (the clerk asked).
    const other = editor();
    await act(async () => {
      await other.result.current.saveNow(draft(''));
    });
    expect(calls.at(-1)).toMatchObject({ fn: 'save', id: undefined });
  });

  it('an existing draft: unchanged fields are not written; a failed write makes leaving ask, until it succeeds', async () => {
    const stored = draft('关于年会的通知', '一、会议时间');
    const { result } = editor(7, stored);
    act(() => result.current.change({ ...stored }));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls).toEqual([]);

    failNext = 1;
    act(() => result.current.change(draft('关于年会的通知', '一、会议时间\n二、会议地点')));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current.state).toBe('error');
    expect(result.current.label).toContain('磁盘空间不足');
    expect(unsavedLabels()).toEqual(['新建发文（自动保存未成功）']);
    expect(JSON.parse(localStorage.getItem('desk-unsaved:document:7')!)).toMatchObject({
      base: { body: '一、会议时间' },
      value: { body: '一、会议时间\n二、会议地点' },
    });
    await act(() => vi.advanceTimersByTimeAsync(2000)); // the retry
    expect(result.current.state).toBe('saved');
    expect(unsavedLabels()).toEqual([]);
    expect(calls).toEqual([{ fn: 'autosave', id: 7, title: '关于年会的通知', audited: true }]);
  });

  it('leaving the editor writes what is pending at once; a draft created then does not navigate', async () => {
    const { result, unmount, created } = editor();
    act(() => result.current.change(draft('最后一句')));
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(calls).toEqual([{ fn: 'autosave', id: undefined, title: '最后一句', audited: true }]);
    expect(created).toEqual([]);
  });

  it("knows its own writes (the register's live row may lag one behind), and not another workstation's; a write over another's version is audited", async () => {
    const stored = draft('关于年会的通知', '一、');
    const { result } = editor(7, stored);
    for (const body of ['一、会', '一、会议', '一、会议时间']) {
      act(() => result.current.change(draft('关于年会的通知', body)));
      await act(() => vi.advanceTimersByTimeAsync(1000));
    }
    expect(result.current.isOwnWrite(draft('关于年会的通知', '一、会议时间'))).toBe(true);
    expect(result.current.isOwnWrite(draft('关于年会的通知', '一、会议'))).toBe(true);
    expect(result.current.isOwnWrite(draft('关于年会的通知', '一、会议地点'))).toBe(false);
    expect(calls.at(-1)).toMatchObject({ audited: false }); // within the sitting
    // Another workstation's version adopted: the next typing is compared with it (written, as it differs),
    // and audited, so the version it replaces is in the audit trail; the one after it is not.
    act(() => result.current.adoptStored(draft('关于年会的通知（第二稿）', '一、会议时间')));
    act(() => result.current.change(draft('关于年会的通知', '一、会议时间')));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls.at(-1)).toMatchObject({ id: 7, title: '关于年会的通知', audited: true });
    act(() => result.current.change(draft('关于年会的通知', '一、会议时间。')));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(calls.at(-1)).toMatchObject({ id: 7, audited: false });
  });
});
