// @vitest-environment jsdom
/**
 * The sync engine and the office database's data format (shared/data/format.ts), live against a real
 * pouchdb-server: a workstation of an older format replicates nothing either way — its own edits wait,
 * counted, in 需升级工作台 — whether the newer format was there when it connected or was raised while it
 * synced. Nothing of the newer data is saved again by the older build, and nothing of its own is lost.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putServerDoc, putServerFormat, useServer } from './server';
import { db } from '../../../renderer/src/db';
import { LOCAL_KEYS, writeLocal } from '../../../renderer/src/db/local';
import { Replication, syncStatus } from '../../../renderer/src/sync/engine';
import { setOutboxRecording } from '../../../renderer/src/db/outbox';
import { couch } from '../../../renderer/src/sync/couchRequest';
import { FORMAT_DOC_ID } from '../../../renderer/src/sync/format';
import type { ServerConnection } from '../../../renderer/src/sync/types';
import { encodeRow } from '../../../shared/sync/codec';
import { syncStatusLabel } from '../../../shared/sync/status';
import { DATA_FORMAT } from '../../../shared/data/format';

const live = useServer();
let rep: Replication | null = null;

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what} (status ${JSON.stringify(syncStatus())})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const setMark = (letterheadMark: string) => db.settings.put({ key: 'documents', value: { letterheadMark } });
const mark = async () =>
  ((await db.settings.get('documents'))?.value as { letterheadMark?: string } | undefined)?.letterheadMark;

async function serverMark(conn: ServerConnection): Promise<unknown> {
  const got = await couch(conn, 'GET', 'settings:documents');
  return got.status === 200
    ? (got.body.d as { value: { letterheadMark: string } }).value.letterheadMark
    : null;
}

/**
 * Starts this workstation's replication and waits until it is 已同步 with its mark on the server, the
 * database's format then this workstation's, set by it.
 */
async function startSynced(conn: ServerConnection, expectedMark: string): Promise<void> {
  rep = new Replication({ ...conn, workstationName: '工作站甲' } as never);
  await rep.start();
  await until(
    '已同步',
    async () => syncStatus().phase === 'synced' && (await serverMark(conn)) === expectedMark,
  );
  expect((await couch(conn, 'GET', FORMAT_DOC_ID)).body).toMatchObject({
    format: DATA_FORMAT,
    by: '工作站甲',
  });
}

beforeEach(async () => {
  setOutboxRecording(() => true);
  writeLocal(LOCAL_KEYS.workstationName, '工作站甲');
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
});

afterEach(async () => {
  await rep?.destroyReplica();
  rep = null;
});

describe('sync engine: a raised format in the replica (step by step, no server)', () => {
  it('what came before it is applied; what came after it waits in the replica, then lands once the format allows', async () => {
    const r = new Replication({
      url: 'http://127.0.0.1:9',
      db: `engine-format-${process.pid}-${Date.now()}`,
      user: 'clerk',
      password: 'x',
      workstationName: '工作站甲',
    } as never);
    rep = r;
    writeLocal(`local.sync.seeded:${r.name}`, true);
    const put = (doc: object) => r.local.put(doc as never);
    // In the replica's order: an older build's change, the raise, then a newer build's record.
    await put(
      encodeRow('settings', 'documents', { key: 'documents', value: { letterheadMark: '旧版修改' } }),
    );
    await put({ _id: FORMAT_DOC_ID, type: 'format', format: DATA_FORMAT + 1, by: '新版工作站', at: '' });
    await put(
      encodeRow('settings', 'bank', {
        key: 'bank',
        value: { accountName: '新版', bank: '某行', accountNo: '123456' },
      }),
    );
    await r.applyNow();
    expect(await mark()).toBe('旧版修改');
    expect(await db.settings.get('bank')).toBeUndefined();
    expect(syncStatus().phase).toBe('outdated');
    expect(syncStatus().error).toContain('由工作站“新版工作站”升级');
    await r.applyNow(); // again: still held at the raise
    expect(await db.settings.get('bank')).toBeUndefined();
    // The format back at this build's (as after the upgrade, the newer build's format being its own).
    const f = await r.local.get(FORMAT_DOC_ID);
    await put({ ...f, format: DATA_FORMAT });
    await r.applyNow();
    expect((await db.settings.get('bank'))?.value).toMatchObject({ accountName: '新版' });
  });
});

describe('sync engine: the office data of a newer format (shared/data/format.ts)', () => {
  it('there at connect: nothing pulled or pushed, 需升级工作台 with the edits waiting', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, DATA_FORMAT + 1);
    await putServerDoc(conn, 'settings:documents', {
      ...encodeRow('settings', 'documents', { key: 'documents', value: { letterheadMark: '新版标志' } }),
    });
    await setMark('本机标志');
    rep = new Replication({ ...conn, workstationName: '工作站甲' } as never);
    await rep.start();
    await until('需升级工作台', () => syncStatus().phase === 'outdated');
    expect(syncStatus().error).toContain(`数据格式第 ${DATA_FORMAT + 1} 版，本工作站为第 ${DATA_FORMAT} 版`);
    expect(syncStatusLabel(syncStatus())).toBe('需升级工作台（1 项待上传）');
    // Neither way: the server keeps its record, this workstation its own.
    await new Promise((r) => setTimeout(r, 500));
    expect(await serverMark(conn)).toBe('新版标志');
    expect(await mark()).toBe('本机标志');
    expect((await couch(conn, 'GET', FORMAT_DOC_ID)).body.format).toBe(DATA_FORMAT + 1);
  }, 60_000);

  it('raised while syncing: the engine stops, and a later edit is not pushed', async () => {
    const conn = await live.freshConn();
    await setMark('第一版');
    await startSynced(conn, '第一版');

    await putServerFormat(conn, DATA_FORMAT + 1);
    await until('需升级工作台', () => syncStatus().phase === 'outdated');
    await setMark('第二版');
    await until('1 项待上传', () => syncStatusLabel(syncStatus()) === '需升级工作台（1 项待上传）');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await serverMark(conn)).toBe('第一版');
    expect(await mark()).toBe('第二版');
  }, 60_000);

  it('an older format on the server is raised, and the replication goes on', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, 1);
    await setMark('本机标志');
    await startSynced(conn, '本机标志');
  }, 60_000);
});
