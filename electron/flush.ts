/**
 * Before the window closes (or hides), ask the renderer to write pending edits (e.g. minutes typed
 * during a meeting) and wait for it, with a time limit so a hung page cannot block quitting. The answer
 * names the forms still holding unsaved edits (a form the clerk saves by a button): a close asks first.
 */
import { CHANNELS } from '../shared/contract';

export interface FlushTarget {
  send(channel: string, ...args: unknown[]): void;
}

export type FlushResult = { outcome: 'done'; unsaved: string[] } | { outcome: 'timeout' };

export class FlushCoordinator {
  private nextId = 1;
  private readonly waiting = new Map<number, (unsaved: string[]) => void>();

  constructor(private readonly timeoutMs = 3000) {}

  /** Sends a flush request and resolves when the renderer confirms or the time limit passes. */
  request(target: FlushTarget): Promise<FlushResult> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        resolve({ outcome: 'timeout' });
      }, this.timeoutMs);
      this.waiting.set(requestId, (unsaved) => {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        resolve({ outcome: 'done', unsaved });
      });
      target.send(CHANNELS.flushRequest, { requestId });
    });
  }

  /** Called when the renderer reports `flushDone` (checked by main). Unknown ids are ignored. */
  done(requestId: number, unsaved: string[] = []): void {
    this.waiting.get(requestId)?.(unsaved);
  }
}

/** The message box a close with unsaved edits shows (Electron's `showMessageBox` options, the fields used). */
export interface CloseQuestion {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/**
 * Whether the window may close after a flush: at once when nothing is unsaved (or the page did not answer in
 * time: quitting is never blocked); else only when the clerk chooses 放弃修改并关闭 (返回工作台 is the default,
 * and what Esc or closing the box means).
 */
export async function mayClose(
  result: FlushResult,
  ask: (q: CloseQuestion) => Promise<{ response: number }>,
): Promise<boolean> {
  if (result.outcome === 'timeout' || result.unsaved.length === 0) return true;
  const { response } = await ask({
    type: 'warning',
    title: '有未保存的修改',
    message: '有未保存的修改，关闭后将丢失',
    detail: `未保存：${result.unsaved.join('、')}。返回工作台保存，或放弃这些修改并关闭。`,
    buttons: ['返回工作台', '放弃修改并关闭'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

/**
 * A reload or navigation the page held back (its beforeunload: a form holds unsaved edits, lifecycle.ts):
 * the question Electron's `will-prevent-unload` asks; 放弃修改并重新加载 (button 1) lets the page go.
 */
export const RELOAD_QUESTION: CloseQuestion = {
  type: 'warning',
  title: '有未保存的修改',
  message: '有未保存的修改，重新加载后将丢失',
  detail: '返回工作台保存，或放弃这些修改并重新加载。',
  buttons: ['返回工作台', '放弃修改并重新加载'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
