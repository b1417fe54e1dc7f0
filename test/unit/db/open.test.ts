/**
 * Opening this workstation's database, checked (renderer/src/db/open.ts): data a newer build wrote — a newer
 * data format kept beside it, or a newer IndexedDB version — is not opened and not written; otherwise the
 * database opens and carries this build's format.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../../../renderer/src/db/open';
import { openDeskDb } from '../../../renderer/src/db/schema';
import { LOCAL_KEYS, readLocal, writeLocal } from '../../../renderer/src/db/local';
import { DATA_FORMAT } from '../../../shared/data/format';

let n = 0;
const name = () => `open-test-${process.pid}-${++n}`;

beforeEach(() => writeLocal(LOCAL_KEYS.dataFormat, undefined));

describe('opening the database, checked (shared/data/format.ts)', () => {
  it('a first start: opens, and marks the data with this build’s format', async () => {
    const d = openDeskDb(name());
    expect(await openDeskDatabase(d)).toEqual({ ok: true });
    expect(d.isOpen()).toBe(true);
    expect(readLocal(LOCAL_KEYS.dataFormat)).toBe(DATA_FORMAT);
    d.close();
  });

  it('data an older build opened: opens, the mark raised', async () => {
    writeLocal(LOCAL_KEYS.dataFormat, 1);
    const d = openDeskDb(name());
    expect(await openDeskDatabase(d)).toEqual({ ok: true });
    expect(readLocal(LOCAL_KEYS.dataFormat)).toBe(DATA_FORMAT);
    d.close();
  });

  it('data a newer build opened: not opened, the mark kept, the reason in Chinese', async () => {
    writeLocal(LOCAL_KEYS.dataFormat, DATA_FORMAT + 1);
    const d = openDeskDb(name());
    const outcome = await openDeskDatabase(d);
    expect(outcome).toEqual({
      ok: false,
      reason: 'newer',
      text: `本机的数据已由较新版本的秘书处工作台写入（数据格式第 ${DATA_FORMAT + 1} 版，本工作台的数据格式为第 ${DATA_FORMAT} 版）。为免较新版本记录的内容丢失，本版本不打开这些数据：请安装较新版本的秘书处工作台。本机数据保持原样，未做任何改动。`,
    });
    expect(d.isOpen()).toBe(false);
    expect(readLocal(LOCAL_KEYS.dataFormat)).toBe(DATA_FORMAT + 1);
  });

  it('a database of a newer IndexedDB version (a newer schema): not opened, said so', async () => {
    const db = name();
    // What a newer build leaves: the same database at a higher version (Dexie's version 9 is IndexedDB's 90).
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(db, 90);
      req.onupgradeneeded = () => req.result.createObjectStore('members', { keyPath: 'id' });
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const d = openDeskDb(db);
    const outcome = await openDeskDatabase(d);
    expect(outcome).toMatchObject({ ok: false, reason: 'newer' });
    expect(!outcome.ok && outcome.reason === 'newer' && outcome.text).toContain(
      '（数据库版本较新，本工作台的数据格式为第',
    );
    expect(d.isOpen()).toBe(false);
    expect(readLocal(LOCAL_KEYS.dataFormat)).toBeUndefined();
    // Untouched: still the newer build's version, with only its own store.
    const found = await indexedDB.databases();
    expect(found.find((x) => x.name === db)?.version).toBe(90);
  });
});
