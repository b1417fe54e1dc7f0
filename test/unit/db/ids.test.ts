/**
 * The id middleware (issue 19): records added or put without an id get this workstation's next id, never
 * IndexedDB's auto-increment; ids written with the record (a restore, a replicated record) keep theirs and
 * push this workstation's counter past them when they are in its range.
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from './harness';
import { setWorkstationNumber } from '../../../renderer/src/db/ids';
import { makeId } from '../../../shared/data/ids';
import type { Activity } from '../../../shared/domain/records';

const activity = (name: string): Activity => ({
  name,
  kind: '会议',
  date: '2026-05-01',
  createdAt: '2026-05-01T00:00:00.000Z',
});

describe('new ids come from this workstation’s range (issue 19)', () => {
  it('add, bulkAdd and put without an id number the records n × 2³² + 1, 2, …', async () => {
    setWorkstationNumber(12);
    const db = freshDb();
    expect(await db.activities.add(activity('一'))).toBe(makeId(12, 1));
    const a = activity('二');
    await db.activities.add(a);
    expect(a.id).toBe(makeId(12, 2)); // Dexie sets the key on the object, as with auto-increment
    expect(await db.activities.bulkAdd([activity('三'), activity('四')], { allKeys: true })).toEqual([
      makeId(12, 3),
      makeId(12, 4),
    ]);
    expect(await db.activities.put(activity('五'))).toBe(makeId(12, 5));
    // Settings are keyed by name: untouched.
    await db.settings.put({ key: 'bank', value: 1 });
    expect(await db.settings.get('bank')).toEqual({ key: 'bank', value: 1 });
    db.close();
  });

  it('a replicated record with a larger id of another range does not move this range; one of this range does', async () => {
    setWorkstationNumber(3);
    const db = freshDb();
    await db.activities.add(activity('本机'));
    await db.activities.add({ ...activity('另一台'), id: makeId(40, 900) });
    expect(await db.activities.add(activity('本机二'))).toBe(makeId(3, 2));
    await db.activities.bulkPut([{ ...activity('恢复的'), id: makeId(3, 77) }]);
    expect(await db.activities.add(activity('本机三'))).toBe(makeId(3, 78));
    // After the table is cleared and refilled (a restore), the next id is past what was written.
    await db.transaction('rw', db.activities, async () => {
      await db.activities.clear();
      await db.activities.bulkAdd([{ ...activity('备份里的'), id: makeId(3, 500) }]);
    });
    expect(await db.activities.add(activity('之后'))).toBe(makeId(3, 501));
    db.close();
  });

  it('a database opened again continues after the highest id of the range; parallel writes never share one', async () => {
    setWorkstationNumber(8);
    const first = freshDb();
    await first.activities.bulkAdd([activity('一'), activity('二'), activity('三')]);
    const name = first.name;
    first.close();
    const { openDeskDb } = await import('../../../renderer/src/db/schema');
    const db = openDeskDb(name);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction('rw', db.activities, () => db.activities.add(activity(`并发${i}`))),
      ),
    );
    expect(new Set(ids).size).toBe(20);
    expect([...(ids as number[])].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => makeId(8, 4 + i)),
    );
    db.close();
  });

  it('after an older backup is restored and the app restarts, the ids made since are not handed out again', async () => {
    setWorkstationNumber(21);
    const first = freshDb();
    await first.activities.add(activity('备份前'));
    const backup = await first.activities.toArray();
    // Made after the backup (and maybe replicated to the office's server already).
    const since = await first.activities.bulkAdd([activity('之后一'), activity('之后二')], { allKeys: true });
    expect(since).toEqual([makeId(21, 2), makeId(21, 3)]);
    // The restore: the table is replaced by the backup's rows; then the app restarts.
    await first.transaction('rw', first.activities, async () => {
      await first.activities.clear();
      await first.activities.bulkAdd(backup);
    });
    const name = first.name;
    first.close();
    const { openDeskDb } = await import('../../../renderer/src/db/schema');
    const db = openDeskDb(name);
    expect(await db.activities.add(activity('恢复后新增'))).toBe(makeId(21, 4));
    db.close();
  });
});
