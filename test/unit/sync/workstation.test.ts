/**
 * Registering the workstation number on a real pouchdb-server (issue 19): a taken number moves this
 * workstation's records to a free one; its own registration found again is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { useServer } from './server';
import { listWorkstations, registerWorkstation } from '../../../renderer/src/sync/workstation';
import { couch } from '../../../renderer/src/sync/couchRequest';
import { DATA_FORMAT } from '../../../shared/data/format';
import { setWorkstationNumber, workstationIdentity } from '../../../renderer/src/db/ids';
import { LOCAL_KEYS, writeLocal } from '../../../renderer/src/db/local';
import { ID_RANGE, makeId } from '../../../shared/data/ids';
import { generateDemo } from '../../../shared/demo/generate';

const live = useServer();

describe('workstation numbers registered on the server (issue 19)', () => {
  it('first registers; a second workstation with the same number moves to another and re-keys its records', async () => {
    // Workstation A takes number 5.
    setWorkstationNumber(5);
    const a = workstationIdentity();
    expect(await registerWorkstation(freshDb(), live.conn)).toEqual({ n: 5 });
    expect(await registerWorkstation(freshDb(), live.conn)).toEqual({ n: 5 }); // found again: unchanged

    // Workstation B (another installation: another token) also drew 5 and has records numbered in it.
    writeLocal(LOCAL_KEYS.workstation, { n: 5, token: 'b'.repeat(32) });
    const db = freshDb();
    const [m] = generateDemo({ members: 1, asOf: '2026-11-21' }).members;
    const memberId = (await db.members.add({ ...m!, id: undefined })) as number;
    await db.payments.add({
      memberId,
      year: 2026,
      paidOn: '2026-02-01',
      amount: 5000,
      method: '银行转账',
      receiptNo: 'R1',
      recordedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(memberId).toBe(makeId(5, 1));
    const r = await registerWorkstation(db, live.conn);
    expect(r.n).not.toBe(5);
    expect(r.moved).toEqual({ from: 5, to: r.n, rows: 2 });
    expect(workstationIdentity()).toEqual({ n: r.n, token: 'b'.repeat(32) });
    const [member] = await db.members.toArray();
    expect(member!.id).toBe(makeId(r.n, 1));
    expect((await db.payments.toArray())[0]!.memberId).toBe(member!.id);
    const entry = (await db.audit.toArray()).at(-1)!;
    expect(entry.summary).toBe(`本工作站编号 5 已被其他工作站登记，改用 ${r.n}：本机记录重新编号 2 条`);
    expect(Math.floor(entry.id! / ID_RANGE)).toBe(r.n);
    // B's number is now registered to B.
    expect(await registerWorkstation(db, live.conn)).toEqual({ n: r.n });
    db.close();

    // A is still 5.
    writeLocal(LOCAL_KEYS.workstation, a);
    expect(await registerWorkstation(freshDb(), live.conn)).toEqual({ n: 5 });
  }, 60_000);
});

describe('the office’s workstations and their builds', () => {
  it('each connect records the build; the list reads every registration, older ones without a build', async () => {
    const conn = await live.freshConn();
    // This workstation, registered by an older format's build, then connecting again on this one.
    setWorkstationNumber(11);
    writeLocal(LOCAL_KEYS.workstationName, '秘书处-会费');
    await registerWorkstation(freshDb(), conn, { format: 1, app: '0.0.9' });
    let [me] = await listWorkstations(conn);
    expect(me).toMatchObject({ n: 11, name: '秘书处-会费', app: '0.0.9', format: 1 });
    await registerWorkstation(freshDb(), conn);
    [me] = await listWorkstations(conn);
    expect(me).toMatchObject({ n: 11, name: '秘书处-会费', app: 'dev', format: DATA_FORMAT });
    expect(me!.seenAt! >= me!.registeredAt).toBe(true);
    // A registration from before builds were recorded, and a damaged one (no number): listed as it says, or left out.
    for (const [id, doc] of [
      [
        'workstation:7',
        {
          type: 'workstation',
          n: 7,
          token: 't'.repeat(32),
          name: '会议室笔记本',
          registeredAt: '2026-11-30T01:00:00.000Z',
        },
      ],
      ['workstation:x', { type: 'workstation', name: '坏记录' }],
    ] as const)
      expect((await couch(conn, 'PUT', id, doc)).status).toBe(201);
    const all = await listWorkstations(conn);
    expect(all.map((w) => w.n)).toEqual([7, 11]);
    expect(all[0]).toEqual({ n: 7, name: '会议室笔记本', registeredAt: '2026-11-30T01:00:00.000Z' });
  }, 60_000);
});
