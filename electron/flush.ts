/**
 * Before the window closes (or hides), ask the renderer to write pending edits (e.g. minutes typed
 * during a meeting) and wait for it, with a time limit so a hung page cannot block quitting.
 */
import { CHANNELS } from '../shared/contract';

export interface FlushTarget {
  send(channel: string, ...args: unknown[]): void;
}

export class FlushCoordinator {
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  constructor(private readonly timeoutMs = 3000) {}

  /** Sends a flush request and resolves when the renderer confirms or the time limit passes. */
  request(target: FlushTarget): Promise<'done' | 'timeout'> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        resolve('timeout');
      }, this.timeoutMs);
      this.waiting.set(requestId, () => {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        resolve('done');
      });
      target.send(CHANNELS.flushRequest, { requestId });
    });
  }

  /** Called when the renderer reports `flushDone`. Unknown ids are ignored. */
  done(requestId: number): void {
    this.waiting.get(requestId)?.();
  }
}
