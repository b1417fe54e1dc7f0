/**
 * WorkerCalls (renderer/src/io/workerCall.ts), the calls to a kept Worker that the backup Worker and the
 * compress Worker share: replies routed by id, progress to its call, a DataError kept a DataError, and a
 * crash or `fail` ending every call under way and every later one.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../shared/data/errors';
import { WorkerCalls, type CallReply } from '../../../renderer/src/io/workerCall';

/** A Worker the test answers by hand. */
class FakeWorker {
  onmessage: ((ev: { data: CallReply<string> }) => void) | null = null;
  onerror: ((ev: { preventDefault: () => void }) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(m: CallReply<string>) {
    this.onmessage?.({ data: m });
  }
  crash() {
    this.onerror?.({ preventDefault: () => undefined });
  }
}

const calls = (w: FakeWorker) =>
  new WorkerCalls<string>(w as unknown as Worker, () => new DataError('后台处理出错'));

describe('WorkerCalls (issue 17: one kept-Worker pattern for backups and their compression)', () => {
  it('routes replies by id, in any order, and progress to its own call', async () => {
    const w = new FakeWorker();
    const c = calls(w);
    const seen: string[] = [];
    const a = c.call({ op: 'a' }, { onProgress: (p, label) => seen.push(`${p} ${label}`) });
    const b = c.call({ op: 'b' });
    expect(w.sent).toEqual([
      { op: 'a', id: 1 },
      { op: 'b', id: 2 },
    ]);
    expect(c.idle).toBe(false);
    w.answer({ id: 1, progress: { percent: 40, label: '正在读取…' } });
    w.answer({ id: 2, ok: true, value: 'B' });
    w.answer({ id: 1, ok: true, value: 'A' });
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
    expect(seen).toEqual(['40 正在读取…']);
    expect(c.idle).toBe(true);
    // A reply to no call under way is ignored.
    w.answer({ id: 9, ok: true, value: 'late' });
  });

  it('a failure stays a DataError (its Chinese message for the clerk) or an Error', async () => {
    const w = new FakeWorker();
    const c = calls(w);
    const a = c.call({ op: 'a' });
    const b = c.call({ op: 'b' });
    w.answer({ id: 1, ok: false, message: '备份文件已损坏', dataError: true });
    w.answer({ id: 2, ok: false, message: 'internal' });
    await expect(a).rejects.toBeInstanceOf(DataError);
    await expect(a).rejects.toThrow('备份文件已损坏');
    const e = await b.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(DataError);
    expect(c.alive).toBe(true); // a refused call leaves the Worker in use
  });

  it('a crash rejects every call under way and every later one, and ends the Worker', async () => {
    const w = new FakeWorker();
    const c = calls(w);
    const id = c.id();
    const waiting = c.reply(id);
    const a = c.call({ op: 'a' });
    w.crash();
    await expect(waiting).rejects.toThrow('后台处理出错');
    await expect(a).rejects.toThrow('后台处理出错');
    expect(w.terminated).toBe(true);
    expect(c.alive).toBe(false);
    expect(c.idle).toBe(true);
    const sent = w.sent.length;
    await expect(c.call({ op: 'b' })).rejects.toThrow('后台处理出错');
    c.post({ op: 'c' });
    expect(w.sent.length).toBe(sent); // nothing more is sent to it
  });

  it('a message that cannot be sent rejects its call and leaves nothing waiting', async () => {
    const w = new FakeWorker();
    w.postMessage = () => {
      throw new Error('DataCloneError');
    };
    const c = calls(w);
    await expect(c.call({ op: 'a' })).rejects.toThrow('DataCloneError');
    expect(c.idle).toBe(true);
    expect(c.alive).toBe(true);
  });

  it('fail ends it with the given error, once', async () => {
    const w = new FakeWorker();
    const c = calls(w);
    const a = c.call({ op: 'a' });
    c.fail(new DataError('备份内容已关闭'));
    c.fail(new DataError('second'));
    await expect(a).rejects.toThrow('备份内容已关闭');
    await expect(c.call({ op: 'b' })).rejects.toThrow('备份内容已关闭');
    expect(w.terminated).toBe(true);
  });
});
