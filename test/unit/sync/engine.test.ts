// @vitest-environment jsdom
/**
 * The engine's apply path (issue 19): a server change that reaches this workstation's replica while an
 * edit of the same record made here is still unsent becomes a conflict — both versions kept, the record
 * flagged — and never silently overwritten by the local edit. Driven step by step (no live replication):
 * the server's change is written into the local replica as replication would write it, on top of the
 * revision Dexie shows.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { writeLocal } from '../../../renderer/src/db/local';
import { Replication, syncStatus } from '../../../renderer/src/sync/engine';
import { setOutboxRecording } from '../../../renderer/src/db/outbox';
import type { PouchDoc } from '../../../renderer/src/sync/pouch';
import { decodeDoc, encodeRow } from '../../../shared/sync/codec';

const ID = 'settings:documents';
const row = (letterheadMark: string) => ({ key: 'documents', value: { letterheadMark } });
let n = 0;
let rep: Replication;

const mark = async () =>
  ((await db.settings.get('documents'))?.value as { letterheadMark?: string } | undefined)?.letterheadMark;

/** The server's change as replication brings it: a new revision on top of the replica's current one. */
async function serverChange(letterheadMark: string): Promise<void> {
  const cur = await rep.local.get(ID);
  await rep.local.put({
    ...encodeRow('settings', 'documents', row(letterheadMark)),
    _rev: cur._rev,
  } as PouchDoc);
}

async function leaves(): Promise<string[]> {
  const doc = await rep.local.get(ID, { conflicts: true });
  const all = [doc, ...(await Promise.all((doc._conflicts ?? []).map((rev) => rep.local.get(ID, { rev }))))];
  return all.map((d) => (decodeDoc(d)?.value as { letterheadMark: string }).letterheadMark).sort();
}

beforeEach(async () => {
  setOutboxRecording(() => true);
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
  rep = new Replication({
    url: 'http://127.0.0.1:9',
    db: `engine-test-${process.pid}-${++n}`,
    user: 'clerk',
    password: 'x',
    workstationName: '工作站甲',
  } as never);
  // The first connection's seed is behind it: drain and apply run as while connected.
  writeLocal(`local.sync.seeded:${rep.name}`, true);
  // The record as both workstations had it: in the replica, applied to Dexie.
  await rep.local.put(encodeRow('settings', 'documents', row('原标志')) as unknown as PouchDoc);
  await rep.applyNow();
  expect(await mark()).toBe('原标志');
  expect(await db.syncOutbox.count()).toBe(0);
});

afterEach(async () => {
  await rep.local.destroy();
});

describe('sync engine: a server change under an unsent local edit (issue 19)', () => {
  it('applied first (held back for the pending edit), then drained: a conflict, both versions kept', async () => {
    await serverChange('服务器标志');
    await db.settings.put({ key: 'documents', value: { letterheadMark: '本机标志' } });
    expect(await db.syncOutbox.count()).toBe(1);
    await rep.applyNow(); // the pending local edit is not overwritten in Dexie
    expect(await mark()).toBe('本机标志');
    await rep.drainNow();
    await rep.applyNow();
    expect(syncStatus().error).toBeUndefined();
    expect(await leaves()).toEqual(['服务器标志', '本机标志'].sort());
    expect(rep.conflicts.has(ID)).toBe(true);
    const winner = decodeDoc(await rep.local.get(ID))?.value as { letterheadMark: string };
    expect(await mark()).toBe(winner.letterheadMark); // Dexie shows the deterministic winner
  });

  it('drained first (the server change not yet applied): a conflict, both versions kept', async () => {
    await serverChange('服务器标志');
    await db.settings.put({ key: 'documents', value: { letterheadMark: '本机标志' } });
    await rep.drainNow();
    await rep.applyNow();
    expect(await leaves()).toEqual(['服务器标志', '本机标志'].sort());
    expect(rep.conflicts.has(ID)).toBe(true);
  });

  it('after a restart (nothing known in memory) the unapplied server change is still not overwritten', async () => {
    await serverChange('服务器标志');
    await db.settings.put({ key: 'documents', value: { letterheadMark: '本机标志' } });
    const restarted = new Replication(rep.connection);
    rep = restarted;
    await rep.drainNow();
    await rep.applyNow();
    expect(await leaves()).toEqual(['服务器标志', '本机标志'].sort());
    expect(rep.conflicts.has(ID)).toBe(true);
  });

  it('no server change in between: the local edit goes on top, no conflict; a second edit neither', async () => {
    await db.settings.put({ key: 'documents', value: { letterheadMark: '本机标志' } });
    await rep.drainNow();
    // Another edit before the apply has seen the drained revision: this workstation's own, no conflict.
    await db.settings.put({ key: 'documents', value: { letterheadMark: '本机标志二' } });
    await rep.applyNow();
    await rep.drainNow();
    await rep.applyNow();
    expect(await leaves()).toEqual(['本机标志二']);
    expect(rep.conflicts.size).toBe(0);
    expect(await mark()).toBe('本机标志二');
  });

  it('a server change with no local edit lands in Dexie', async () => {
    await serverChange('服务器标志');
    await rep.applyNow();
    expect(await mark()).toBe('服务器标志');
    expect(rep.conflicts.size).toBe(0);
  });
});

describe('sync engine: a row whose unique value another row holds here (the same unit added on two workstations offline)', () => {
  const unit = (id: number, name: string) => ({
    id,
    name,
    creditCode: '91440300MA5F8G9H0X',
    status: 'active',
  });

  it('is held out of Dexie and listed, every later change still applied; written once the value is free', async () => {
    await db.members.add(unit(1, '本工作站录入的单位') as never);
    await rep.drainNow();
    // The other workstation's record of the same unit, then an unrelated change of its after it.
    await rep.local.put(encodeRow('members', 2, unit(2, '另一工作站录入的单位')) as unknown as PouchDoc);
    await serverChange('服务器标志');
    await rep.applyNow();
    expect(syncStatus().error).toBeUndefined();
    expect(await mark()).toBe('服务器标志'); // applied: the batch was not stopped
    expect(await db.members.get(2)).toBeUndefined();
    expect((await db.members.get(1))?.name).toBe('本工作站录入的单位');
    expect([...rep.clashes]).toEqual(['members:2']);
    expect(syncStatus().conflicts).toBe(1);
    // Kept across a restart.
    rep = new Replication(rep.connection);
    expect([...rep.clashes]).toEqual(['members:2']);

    // The local record merged away (sync/conflicts.ts): the held one is written at the next apply.
    await db.members.delete(1);
    await rep.applyNow();
    expect((await db.members.get(2))?.name).toBe('另一工作站录入的单位');
    expect(rep.clashes.size).toBe(0);
    expect(syncStatus().conflicts).toBe(0);
  });

  it('resolved after the value came free (the other row went meanwhile): the held row is written, not removed', async () => {
    await db.members.add(unit(1, '甲') as never);
    await rep.local.put(encodeRow('members', 2, unit(2, '乙')) as unknown as PouchDoc);
    await rep.applyNow();
    await db.members.delete(1);
    await rep.resolveClash('members:2', 'here', () => '不应写入');
    expect((await db.members.get(2))?.name).toBe('乙');
    expect((await rep.local.get('members:2'))._deleted).toBeUndefined();
    expect((await db.audit.toArray()).some((e) => e.summary === '不应写入')).toBe(false);
  });

  it('a held document deleted in the replica is forgotten', async () => {
    await db.members.add(unit(1, '甲') as never);
    const put = await rep.local.put(encodeRow('members', 2, unit(2, '乙')) as unknown as PouchDoc);
    await rep.applyNow();
    expect(rep.clashes.has('members:2')).toBe(true);
    await rep.local.remove('members:2', put.rev!);
    await rep.applyNow();
    expect(rep.clashes.size).toBe(0);
    expect(await db.members.get(2)).toBeUndefined();
  });
});
