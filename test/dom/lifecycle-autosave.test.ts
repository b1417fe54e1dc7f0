/** app/lifecycle.ts: pending autosaves are flushed when the page unloads, hides or freezes (issue 13). */
import { describe, expect, it, vi } from 'vitest';

const flushPendingWrites = vi.fn(async () => undefined);
vi.mock('../../renderer/src/platform', () => ({ flushPendingWrites }));
const { installLifecycleFlush } = await import('../../renderer/src/app/lifecycle');

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
});
