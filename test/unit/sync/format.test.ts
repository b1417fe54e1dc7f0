/**
 * The office database's data format (shared/data/format.ts, renderer/src/sync/format.ts) on a real
 * pouchdb-server: set by the first workstation, raised by a newer one, and a workstation of an older
 * format refused — so that no build saves records of a newer format without the fields it does not know.
 */
import { describe, expect, it } from 'vitest';
import { putServerFormat, useServer } from './server';
import { couch, ServerRefused } from '../../../renderer/src/sync/couchRequest';
import {
  claimDataFormat,
  FORMAT_DOC_ID,
  formatOfDoc,
  NewerDataFormat,
} from '../../../renderer/src/sync/format';
import { DATA_FORMAT } from '../../../shared/data/format';
import type { ServerConnection } from '../../../renderer/src/sync/types';

const live = useServer();
const at = () => new Date('2026-12-07T08:00:00.000Z');

async function formatDoc(conn: ServerConnection) {
  return (await couch(conn, 'GET', FORMAT_DOC_ID)).body;
}

describe('the office database’s data format', () => {
  it('a database without one gets this workstation’s; the same format again changes nothing', async () => {
    const conn = await live.freshConn();
    expect(await claimDataFormat(conn, { by: '秘书处-会费', now: at })).toEqual({
      format: DATA_FORMAT,
      raisedFrom: null,
    });
    const doc = await formatDoc(conn);
    expect(doc).toMatchObject({
      type: 'format',
      format: DATA_FORMAT,
      by: '秘书处-会费',
      at: at().toISOString(),
    });
    expect(await claimDataFormat(conn, { by: '会议室笔记本' })).toEqual({ format: DATA_FORMAT });
    expect((await formatDoc(conn))._rev).toBe(doc._rev);
  });

  it('an older format is raised to this workstation’s (a newer build has connected)', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, 1, '别处');
    expect(await claimDataFormat(conn, { by: '秘书处-会费', ours: 2 })).toEqual({ format: 2, raisedFrom: 1 });
    expect(await formatDoc(conn)).toMatchObject({ format: 2, by: '秘书处-会费' });
  });

  it('a newer format refuses this workstation, in Chinese, and is left as it is', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, DATA_FORMAT + 1, '别处');
    const before = await formatDoc(conn);
    const attempt = claimDataFormat(conn, { by: '秘书处-会费' });
    await expect(attempt).rejects.toBeInstanceOf(NewerDataFormat);
    await expect(claimDataFormat(conn, { by: '秘书处-会费' })).rejects.toThrow(
      `服务器上的数据已由较新版本的工作台写入（数据格式第 ${DATA_FORMAT + 1} 版，本工作站为第 ${DATA_FORMAT} 版；由工作站“别处”升级）：同步已暂停，请先升级本工作站的秘书处工作台`,
    );
    expect(await formatDoc(conn)).toEqual(before);
  });

  it('a damaged record is not overwritten (it could hide a newer format)', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, '3', '别处');
    await expect(claimDataFormat(conn, { by: 'x' })).rejects.toBeInstanceOf(ServerRefused);
    await expect(claimDataFormat(conn, { by: 'x' })).rejects.toThrow('数据格式记录（format:data）已损坏');
    expect((await formatDoc(conn)).format).toBe('3');
  });

  it('a deleted record is set again', async () => {
    const conn = await live.freshConn();
    await claimDataFormat(conn, { by: 'a' });
    const rev = (await formatDoc(conn))._rev as string;
    const url = `${conn.url}/${conn.db}/${encodeURIComponent(FORMAT_DOC_ID)}?rev=${rev}`;
    const auth = `Basic ${Buffer.from(`${conn.user}:${conn.password}`).toString('base64')}`;
    expect((await fetch(url, { method: 'DELETE', headers: { Authorization: auth } })).status).toBe(200);
    expect(await claimDataFormat(conn, { by: 'b' })).toEqual({ format: DATA_FORMAT, raisedFrom: null });
    expect((await formatDoc(conn)).by).toBe('b');
  });

  it('two workstations claiming at once: both go on, one record', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, 1, '别处');
    const [a, b] = await Promise.all([
      claimDataFormat(conn, { by: 'a', ours: 2 }),
      claimDataFormat(conn, { by: 'b', ours: 2 }),
    ]);
    expect(a.format).toBe(2);
    expect(b.format).toBe(2);
    expect((await formatDoc(conn)).format).toBe(2);
    // A third, older, is then refused.
    await expect(claimDataFormat(conn, { by: 'c', ours: 1 })).rejects.toBeInstanceOf(NewerDataFormat);
  });

  it('formatOfDoc reads only the format record, and only a positive integer', () => {
    expect(formatOfDoc({ _id: FORMAT_DOC_ID, format: 3 })).toBe(3);
    expect(formatOfDoc({ _id: FORMAT_DOC_ID, format: 3, _deleted: true })).toBeNull();
    expect(formatOfDoc({ _id: 'settings:charter', format: 3 })).toBeNull();
    expect(formatOfDoc({ _id: FORMAT_DOC_ID, format: 0 })).toBeNull();
    expect(formatOfDoc({ _id: FORMAT_DOC_ID, format: 2.5 })).toBeNull();
  });
});
