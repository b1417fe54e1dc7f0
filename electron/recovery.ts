/**
 * Crash recovery (issue #13, point 8). When the page's process dies (crash, out of memory, killed)
 * the window would stay blank; when it hangs, the clerk sees a frozen window. Here:
 *
 * - `render-process-gone`: reload the page and tell the clerk what happened, and that the minutes
 *   they were typing are back up to the last autosave (written at most 0.8 s behind typing,
 *   shared/autosave.ts). Crashing again and again (3 times within a minute) stops reloading and says so.
 * - `unresponsive`: ask 等待 / 重新加载; reloading kills the hung page first. If the page recovers
 *   by itself (`responsive`), the question is withdrawn.
 */
import type { MessageBoxOptions, MessageBoxReturnValue, RenderProcessGoneDetails } from 'electron';

export interface RecoverableContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: RenderProcessGoneDetails) => void,
  ): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface RecoveryDeps {
  showMessageBox(opts: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  /** Whether the window is closing (its page ending then is no crash). */
  isClosing(): boolean;
  now?: () => number;
}

const REASONS: Partial<Record<RenderProcessGoneDetails['reason'], string>> = {
  crashed: '页面进程崩溃',
  oom: '页面进程内存不足',
  killed: '页面进程被系统结束',
  'abnormal-exit': '页面进程异常退出',
  'launch-failed': '页面进程无法启动',
  'integrity-failure': '页面进程未通过代码完整性检查',
  'memory-eviction': '页面进程因内存不足被回收',
};

export const RECOVERED_DETAIL =
  '会议纪要在输入时自动保存（最多落后约一秒）：重新打开会议即可看到此前输入的文字。' +
  '其他尚未点“保存”的表单内容可能需要重新填写。';

const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

export function attachCrashRecovery(contents: RecoverableContents, deps: RecoveryDeps): void {
  const now = deps.now ?? Date.now;
  const crashes: number[] = [];
  /** When the clerk chose 重新加载 for a hung page: the process end that follows (within 5 s) is ours. */
  let reloadedHungPageAt: number | null = null;
  let hangQuestion: AbortController | null = null;

  contents.on('render-process-gone', (_event, details) => {
    if (deps.isClosing() || contents.isDestroyed() || details.reason === 'clean-exit') return;
    const t = now();
    if (reloadedHungPageAt !== null && t - reloadedHungPageAt < 5_000) {
      reloadedHungPageAt = null;
      return;
    }
    crashes.push(t);
    while (crashes.length && t - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
    const what = REASONS[details.reason] ?? '页面进程意外结束';
    if (crashes.length >= MAX_CRASHES) {
      void deps.showMessageBox({
        type: 'error',
        title: '工作台无法恢复',
        message: `${what}，一分钟内已发生 ${crashes.length} 次，不再自动重新加载。`,
        detail: `请关闭并重新打开工作台。${RECOVERED_DETAIL}`,
        buttons: ['知道了'],
      });
      return;
    }
    contents.reload();
    void deps.showMessageBox({
      type: 'warning',
      title: '工作台已重新加载',
      message: `${what}（代码 ${details.exitCode}），工作台已自动重新加载。`,
      detail: RECOVERED_DETAIL,
      buttons: ['知道了'],
    });
  });

  contents.on('unresponsive', () => {
    if (hangQuestion || deps.isClosing() || contents.isDestroyed()) return;
    const question = new AbortController();
    hangQuestion = question;
    void deps
      .showMessageBox({
        type: 'warning',
        title: '工作台没有响应',
        message: '工作台的页面暂时没有响应（可能正在处理大量数据）。',
        detail: `可以继续等待，或重新加载页面。${RECOVERED_DETAIL}`,
        buttons: ['等待', '重新加载'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        signal: question.signal,
      })
      .then(({ response }) => {
        if (hangQuestion === question) hangQuestion = null;
        if (question.signal.aborted || response !== 1 || contents.isDestroyed()) return;
        reloadedHungPageAt = now();
        contents.forcefullyCrashRenderer();
        contents.reload();
        void deps.showMessageBox({
          type: 'info',
          title: '工作台已重新加载',
          message: '没有响应的页面已结束并重新加载。',
          detail: RECOVERED_DETAIL,
          buttons: ['知道了'],
        });
      })
      .catch(() => {
        if (hangQuestion === question) hangQuestion = null;
      });
  });

  contents.on('responsive', () => {
    hangQuestion?.abort();
    hangQuestion = null;
  });
}
