/**
 * The outbox middleware (issue 19): every write of a replicated table records its key in the same
 * transaction; the engine's own writes (markRemote) and local-only rows are not recorded.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDeskDb } from '../../../renderer/src/db/schema';
import { markRemote, setOutboxRecording, withoutOutbox } from '../../../renderer/src/db/outbox';

let n = 0;
const fresh = () => openDeskDb(`outbox-test-${process.pid}-${++n}`);

describe('sync outbox (issue 19)', () => {
  it('records nothing while no server was ever configured', async () => {
    setOutboxRecording(() => false);
    const db = fresh();
    await db.settings.put({ key: 'charter', value: {} });
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('records each key in the same transaction: adds with generated ids, puts, deletes; not local rows', async () => {
    setOutboxRecording(() => true);
    const db = fresh();
    const id = await db.activities.add({ date: '2026-01-05', kind: '培训', title: '培训' } as never);
    await db.settings.put({ key: 'charter', value: { a: 1 } });
    await db.settings.put({ key: 'importMapping', value: {} });
    await db.activities.delete(id);
    const rows = await db.syncOutbox.toArray();
    expect(rows.map((r) => [r.table, r.key])).toEqual([
      ['activities', id],
      ['settings', 'charter'],
      ['activities', id],
    ]);
    expect(typeof id).toBe('number');
  });

  it('an aborted transaction leaves no outbox entry', async () => {
    setOutboxRecording(() => true);
    const db = fresh();
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'bank', value: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('the engine’s own writes and a suspended outbox are not recorded', async () => {
    setOutboxRecording(() => true);
    const db = fresh();
    await db.transaction('rw', db.settings, async (tx) => {
      markRemote(tx.idbtrans);
      await db.settings.put({ key: 'documents', value: {} });
    });
    await withoutOutbox(() => db.settings.put({ key: 'bank', value: {} }));
    expect(await db.syncOutbox.count()).toBe(0);
  });
});
