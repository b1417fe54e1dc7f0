/**
 * app/lifecycle.ts: pending autosaves are flushed when the page unloads, hides or freezes (issue 13); a
 * reload or navigation away while a form holds unsaved edits is held back for the browser's prompt.
 */
import { describe, expect, it, vi } from 'vitest';

const flushPendingWrites = vi.fn(async () => undefined);
vi.mock('../../renderer/src/platform', () => ({ flushPendingWrites }));
const { installLifecycleFlush } = await import('../../renderer/src/app/lifecycle');
const { registerUnsaved } = await import('../../renderer/src/platform/unsaved');

describe('installLifecycleFlush', () => {
  it('flushes on beforeunload, pagehide, freeze and visibilitychange to hidden; not when visible', () => {
    const remove = installLifecycleFlush(window);
    for (const type of ['beforeunload', 'pagehide', 'freeze']) window.dispatchEvent(new Event(type));
    expect(flushPendingWrites).toHaveBeenCalledTimes(3);

    let state: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushPendingWrites).toHaveBeenCalledTimes(3);
    state = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushPendingWrites).toHaveBeenCalledTimes(4);

    remove();
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushPendingWrites).toHaveBeenCalledTimes(4);
  });

  it('beforeunload is held back (the browser asks) only while a form holds unsaved edits', () => {
    const remove = installLifecycleFlush(window);
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    let dirty = true;
    const unregister = registerUnsaved(() => (dirty ? '新增会员' : null));
    expect(unload()).toBe(true);
    dirty = false;
    expect(unload()).toBe(false);
    unregister();
    dirty = true;
    expect(unload()).toBe(false);
    remove();
  });
});
