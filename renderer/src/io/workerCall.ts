/**
 * Running the parsing of untrusted files (backups, rosters, received Word forms) in a Worker, so a
 * hostile or huge file never freezes the window: the parse itself is the pure function in shared/ or
 * renderer/src/data that Node tests call directly; each `*.worker.ts` only wraps it (`serveWorker`).
 *
 * Where there is no Worker (jsdom, Node) the same function runs in place.
 */
import { DataError } from '../../../shared/data/errors';

interface Reply<R> {
  ok: boolean;
  value?: R;
  message?: string;
  dataError?: boolean;
}

/** Byte arrays in a request or reply move (transfer) instead of being copied. */
function transferables(v: unknown): Transferable[] {
  const out: Transferable[] = [];
  const seen = new Set<ArrayBufferLike>();
  const add = (x: unknown) => {
    if (x instanceof Uint8Array && x.buffer instanceof ArrayBuffer && !seen.has(x.buffer)) {
      seen.add(x.buffer);
      out.push(x.buffer);
    }
  };
  add(v);
  if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const x of Object.values(v)) add(x);
  return out;
}

/**
 * Sends `request` to a fresh worker from `create` and resolves with its reply (a DataError stays a
 * DataError, with its Chinese message). `fallback` runs the same work in place when Workers are not
 * available. The request's byte arrays are transferred unless `copy` is set (the caller keeps them).
 */
export function callWorker<Q, R>(
  create: () => Worker,
  request: Q,
  fallback: (q: Q) => R | Promise<R>,
  opts: { copy?: boolean } = {},
): Promise<R> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => fallback(request));
  return new Promise<R>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = create();
    } catch {
      reject(new DataError('无法启动后台解析（Worker），请重新打开工作台后再试。'));
      return;
    }
    worker.onmessage = (ev: MessageEvent<Reply<R>>) => {
      worker.terminate();
      const r = ev.data;
      if (r.ok) resolve(r.value as R);
      else if (r.dataError) reject(new DataError(r.message ?? '文件无法读取。'));
      else reject(new Error(r.message ?? '文件无法读取。'));
    };
    worker.onerror = (ev) => {
      worker.terminate();
      ev.preventDefault?.();
      // Out of memory or a crash inside the worker: the window itself is unaffected.
      reject(new DataError('文件无法读取：解析时出错（文件可能过大或已损坏）。'));
    };
    worker.postMessage(request, opts.copy ? [] : transferables(request));
  });
}

/** Inside a worker: answers each request with `handle(request)`. */
export function serveWorker<Q, R>(handle: (q: Q) => R | Promise<R>): void {
  const scope = self as unknown as {
    onmessage: ((ev: MessageEvent<Q>) => void) | null;
    postMessage: (m: unknown, t?: Transferable[]) => void;
  };
  scope.onmessage = (ev) => {
    void (async () => {
      try {
        const value = await handle(ev.data);
        scope.postMessage({ ok: true, value } satisfies Reply<R>, transferables(value));
      } catch (e) {
        scope.postMessage({
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          dataError: e instanceof DataError || (e instanceof Error && e.name === 'DataError'),
        } satisfies Reply<R>);
      }
    })();
  };
}

/** How far a call has come (a kept Worker's progress messages). */
type OnProgress = (percent: number, label: string) => void;

/** A kept Worker's reply to call `id`: its progress, its value, or its failure. */
export type CallReply<R> =
  | { id: number; progress: { percent: number; label: string } }
  | { id: number; ok: true; value: R }
  | { id: number; ok: false; message: string; dataError?: boolean };

/**
 * The calls to one kept Worker (backupOffThread's backup Worker, the backup Worker's compress Worker):
 * each call has an id, its replies are routed by it, several may be under way at once. Once the Worker
 * crashed (`crashed`: out of memory, an error inside it) or `fail` was called, every call under way and
 * every later one is rejected with that error, and the Worker is terminated.
 */
export class WorkerCalls<R> {
  private next = 0;
  private readonly calls = new Map<
    number,
    {
      resolve: (v: R) => void;
      reject: (e: Error) => void;
      onProgress?: OnProgress | undefined;
    }
  >();
  private dead: Error | null = null;

  constructor(
    private readonly worker: Worker,
    crashed: () => Error,
  ) {
    worker.onmessage = (ev: MessageEvent<CallReply<R>>) => {
      const m = ev.data;
      const call = this.calls.get(m.id);
      if (!call) return;
      if ('progress' in m) {
        call.onProgress?.(m.progress.percent, m.progress.label);
        return;
      }
      this.calls.delete(m.id);
      if (m.ok) call.resolve(m.value);
      else call.reject(m.dataError ? new DataError(m.message) : new Error(m.message));
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      // The window itself is unaffected.
      this.fail(crashed());
    };
  }

  /** False once it failed or was closed: never called again. */
  get alive(): boolean {
    return this.dead === null;
  }

  /** No call under way. */
  get idle(): boolean {
    return this.calls.size === 0;
  }

  /** A new call's id, for messages sent before its reply is awaited (`post`, then `reply`). */
  id(): number {
    return ++this.next;
  }

  post(message: unknown, transfer: Transferable[] = []): void {
    if (!this.dead) this.worker.postMessage(message, transfer);
  }

  /** Waits for the reply to call `id` (rejected at once when the Worker is gone). */
  reply(id: number, onProgress?: OnProgress): Promise<R> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise<R>((resolve, reject) => this.calls.set(id, { resolve, reject, onProgress }));
  }

  /** Sends `message` with a new id and waits for its reply. */
  call(
    message: object,
    opts: {
      transfer?: Transferable[];
      onProgress?: OnProgress | undefined;
    } = {},
  ): Promise<R> {
    const id = this.id();
    const replied = this.reply(id, opts.onProgress);
    try {
      this.post({ ...message, id }, opts.transfer);
    } catch (e) {
      // Not sent (e.g. a value that cannot be cloned): no reply will come.
      this.calls.delete(id);
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return replied;
  }

  /** Ends the Worker: the calls under way and every later one are rejected with `e`. */
  fail(e: Error): void {
    if (this.dead) return;
    this.dead = e;
    this.worker.terminate();
    for (const c of this.calls.values()) c.reject(e);
    this.calls.clear();
  }
}
