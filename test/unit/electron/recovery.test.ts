/**
 * Issue #13 point 8: no crash recovery. electron is mocked (its runtime cannot run here): a fake
 * webContents emits the events Electron emits and records what the recovery does.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { attachCrashRecovery, RECOVERED_DETAIL } from '../../../electron/recovery';

vi.mock('electron', () => ({}));

class FakeContents {
  listeners = new Map<string, (...a: unknown[]) => void>();
  reloads = 0;
  crashedByUs = 0;
  destroyed = false;
  on(event: string, fn: (...a: unknown[]) => void) {
    this.listeners.set(event, fn);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.listeners.get(event)?.(...args);
  }
  reload() {
    this.reloads++;
  }
  forcefullyCrashRenderer() {
    this.crashedByUs++;
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function setup(answer = 0) {
  const contents = new FakeContents();
  const boxes: MessageBoxOptions[] = [];
  let t = 0;
  let closing = false;
  attachCrashRecovery(contents as never, {
    showMessageBox: async (opts) => {
      boxes.push(opts);
      return { response: opts.buttons?.includes('重新加载') ? answer : 0, checkboxChecked: false };
    },
    isClosing: () => closing,
    now: () => t,
  });
  return {
    contents,
    boxes,
    advance: (ms: number) => (t += ms),
    close: () => (closing = true),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('crash recovery (issue #13, point 8)', () => {
  it('reloads after the page process dies and tells the clerk the autosaved minutes are back', () => {
    const { contents, boxes } = setup();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(1);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.message).toContain('页面进程崩溃');
    expect(boxes[0]!.message).toContain('已自动重新加载');
    expect(boxes[0]!.detail).toBe(RECOVERED_DETAIL);
    expect(RECOVERED_DETAIL).toMatch(/会议纪要.*自动保存.*一秒/);
  });

  it('also recovers from out-of-memory and being killed; not from a clean exit or while closing', () => {
    const s = setup();
    s.contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    s.advance(61_000);
    s.contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(s.contents.reloads).toBe(2);
    expect(s.boxes.map((b) => b.message)).toEqual([
      expect.stringContaining('内存不足'),
      expect.stringContaining('被系统结束'),
    ]);
    s.contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    s.close();
    s.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(s.contents.reloads).toBe(2);
  });

  it('stops reloading after three crashes within a minute and says so', () => {
    const { contents, boxes } = setup();
    for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(contents.reloads).toBe(2);
    expect(boxes[2]!.title).toBe('工作台无法恢复');
    expect(boxes[2]!.detail).toContain('请关闭并重新打开工作台');
  });

  it('asks 等待 / 重新加载 when the page hangs; 等待 leaves it alone', async () => {
    const { contents, boxes } = setup(0);
    contents.emit('unresponsive');
    contents.emit('unresponsive'); // one question at a time
    await flush();
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.buttons).toEqual(['等待', '重新加载']);
    expect(boxes[0]!.cancelId).toBe(0);
    expect(contents.reloads).toBe(0);
    expect(contents.crashedByUs).toBe(0);
  });

  it('重新加载 ends the hung page, reloads once and tells the clerk (no second crash dialog)', async () => {
    const { contents, boxes } = setup(1);
    contents.emit('unresponsive');
    await flush();
    expect(contents.crashedByUs).toBe(1);
    expect(contents.reloads).toBe(1);
    expect(boxes.map((b) => b.title)).toEqual(['工作台没有响应', '工作台已重新加载']);
    expect(boxes[1]!.detail).toBe(RECOVERED_DETAIL);
  });

  it('withdraws the question when the page responds again', async () => {
    const { contents, boxes } = setup(0);
    contents.emit('unresponsive');
    const signal = boxes[0]!.signal!;
    contents.emit('responsive');
    expect(signal.aborted).toBe(true);
  });
});
