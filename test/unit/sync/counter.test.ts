/**
 * The server counter (issue 19, R-W1) against a real pouchdb-server on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import { startServer, useServer } from './server';
import {
  counterDocId,
  documentSequence,
  ServerRefused,
  ServerUnreachable,
  takeNumbers,
} from '../../../renderer/src/sync/counter';

const live = useServer();

describe('numbers from the server counter (issue 19)', () => {
  it('20 concurrent takes get 20 distinct consecutive numbers', async () => {
    const seq = documentSequence(2026);
    const got = await Promise.all(Array.from({ length: 20 }, () => takeNumbers(live.conn, seq)));
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const doc = (await (
      await fetch(`${live.conn.url}/${live.conn.db}/${encodeURIComponent(counterDocId(seq))}`, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${live.conn.user}:${live.conn.password}`).toString('base64')}`,
        },
      })
    ).json()) as { last: number; type: string };
    expect(doc).toMatchObject({ last: 20, type: 'counter' });
  }, 60_000);

  it('never hands out a number at or below what the workstation already knows; a batch takes consecutive numbers', async () => {
    const seq = documentSequence(2027);
    expect(await takeNumbers(live.conn, seq, { floor: 41 })).toBe(42);
    expect(await takeNumbers(live.conn, seq, { floor: 10 })).toBe(43);
    expect(await takeNumbers(live.conn, seq, { count: 5 })).toBe(44);
    expect(await takeNumbers(live.conn, seq)).toBe(49);
  }, 30_000);

  it('wrong credentials or a missing database: refused, in Chinese, and the password in no message', async () => {
    const bad = { ...live.conn, password: 'wrong-secret' };
    const e = await takeNumbers(bad, documentSequence(2028)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerRefused);
    expect((e as Error).message).toBe('服务器拒绝了用户名或密码');
    await expect(takeNumbers({ ...live.conn, db: 'nosuchdb' }, documentSequence(2028))).rejects.toThrow(
      '服务器上没有数据库“nosuchdb”',
    );
  }, 30_000);

  it('a server that is down: ServerUnreachable and no number taken', async () => {
    const other = await startServer();
    const c = { url: other.url, db: await other.database(), user: other.user, password: other.password };
    expect(await takeNumbers(c, documentSequence(2026))).toBe(1);
    await other.stop();
    await expect(takeNumbers(c, documentSequence(2026))).rejects.toBeInstanceOf(ServerUnreachable);
  }, 60_000);
});
