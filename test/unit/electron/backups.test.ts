import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listAutoBackups, readAutoBackup, writeAutoBackup } from '../../../electron/backups';
import { CHANNELS } from '../../../shared/contract';
import { registerIpc } from '../../../electron/ipc';
import { parseAutoBackupName, planRetention } from '../../../shared/data/retention';
import { vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'desk-backups-'));
const at = (iso: string) => new Date(`${iso}`); // local time

describe('automatic backups in the data folder (issue 8)', () => {
  it('writes, lists newest first, reads back, and keeps at most 30 daily + 12 monthly', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    // 60 consecutive days of backups, each named by the main process from its clock.
    let last = '';
    for (let i = 0; i < 60; i++) {
      const now = new Date(2026, 8, 1 + i, 12, 0, 0);
      last = (await writeAutoBackup(dir, 'daily', new Uint8Array([i]), now)).name;
    }
    expect(last).toBe('auto-2026-10-30-120000.zip');
    const list = await listAutoBackups(dir, new Date(2026, 9, 30, 13));
    expect(list[0]!.name).toBe('auto-2026-10-30-120000.zip');
    expect(list.length).toBeLessThanOrEqual(30 + 12);
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(dir)).toContain('notes.txt'); // other files are never touched
    expect(await readAutoBackup(dir, 'auto-2026-10-30-120000.zip')).toEqual(new Uint8Array([59]));
    await expect(readAutoBackup(dir, '../notes.txt')).rejects.toThrow('不是自动备份文件名');
  });
});

describe('automatic backups cannot be wiped by the renderer (issue #13, point 3)', () => {
  it('the renderer cannot name a backup: names and unknown fields are refused at the contract', async () => {
    const handlers = new Map<string, (e: unknown, a: unknown) => Promise<unknown>>();
    const write = vi.fn(async (kind: string, bytes: Uint8Array) => ({ name: kind, size: bytes.byteLength }));
    registerIpc(
      { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never,
      {
        saveFile: vi.fn(),
        openFile: vi.fn(),
        openPath: vi.fn(),
        appInfo: vi.fn(),
        writeAutoBackup: write,
        listAutoBackups: vi.fn(),
        readAutoBackup: vi.fn(),
      } as never,
    );
    const call = (arg: unknown) =>
      handlers.get(CHANNELS.writeAutoBackup)!({ senderFrame: { url: 'app://desk/' } }, arg);
    await expect(call({ name: 'auto-9999-99-01-000000.zip', bytes: new Uint8Array(1) })).rejects.toThrow(
      '参数无效',
    );
    await expect(
      call({ kind: 'daily', name: 'auto-9999-99-01-000000.zip', bytes: new Uint8Array(1) }),
    ).rejects.toThrow('参数无效');
    await expect(call({ kind: 'weekly', bytes: new Uint8Array(1) })).rejects.toThrow('参数无效');
    expect(write).not.toHaveBeenCalled();
    await call({ kind: 'pre-restore', bytes: new Uint8Array(1) });
    expect(write).toHaveBeenCalledWith('pre-restore', new Uint8Array(1));
  });

  it('42 writes (the attack) never delete the real backups: names come from the clock', async () => {
    const dir = tmp();
    const real = [];
    for (const d of [1, 2, 3, 4]) {
      real.push((await writeAutoBackup(dir, 'daily', new Uint8Array([d]), new Date(2026, 10, d, 9))).name);
    }
    for (let i = 0; i < 42; i++)
      await writeAutoBackup(dir, 'daily', new Uint8Array([0xee]), new Date(2026, 10, 5, 9));
    const names = readdirSync(dir);
    for (const n of real) expect(names).toContain(n);
    expect(readFileSync(path.join(dir, real[0]!))).toEqual(Buffer.from([1]));
  });

  it('never overwrites: a second backup in the same second gets a suffix', async () => {
    const dir = tmp();
    const now = at('2026-11-21T09:30:05');
    // Pre-restore copies are all kept while their day is (retention keeps one daily backup per day).
    const a = await writeAutoBackup(dir, 'pre-restore', new Uint8Array([1]), now);
    const b = await writeAutoBackup(dir, 'pre-restore', new Uint8Array([2]), now);
    const c = await writeAutoBackup(dir, 'daily', new Uint8Array([3]), now);
    expect([a.name, b.name, c.name]).toEqual([
      'auto-2026-11-21-093005-pre-restore.zip',
      'auto-2026-11-21-093005-pre-restore-2.zip',
      'auto-2026-11-21-093005.zip',
    ]);
    expect(readFileSync(path.join(dir, a.name))).toEqual(Buffer.from([1]));
    expect(readFileSync(path.join(dir, b.name))).toEqual(Buffer.from([2]));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await listAutoBackups(dir, now)).map((x) => x.name)).toEqual([
      'auto-2026-11-21-093005-pre-restore-2.zip',
      'auto-2026-11-21-093005-pre-restore.zip',
      'auto-2026-11-21-093005.zip',
    ]);
  });

  it('impossible dates are not backup names; future-dated files are ignored by list and retention', async () => {
    for (const n of [
      'auto-9999-99-01-000000.zip',
      'auto-2026-13-01-000000.zip',
      'auto-2026-02-30-000000.zip',
      'auto-2026-04-31-000000.zip',
      'auto-2026-11-21-250000.zip',
      'auto-2026-11-21-096000.zip',
      'auto-2026-11-21-093005-1.zip',
    ]) {
      expect(parseAutoBackupName(n), n).toBeNull();
    }
    expect(parseAutoBackupName('auto-2028-02-29-000000.zip')).not.toBeNull();

    // Files already on disk (from before this fix, or copied in) dated in the future.
    const dir = tmp();
    const real = [];
    for (const d of [1, 2, 3, 4]) {
      real.push((await writeAutoBackup(dir, 'daily', new Uint8Array([d]), new Date(2026, 10, d, 9))).name);
    }
    const future = Array.from(
      { length: 42 },
      (_, i) => `auto-2099-12-${String((i % 28) + 1).padStart(2, '0')}-0000${String(i).padStart(2, '0')}.zip`,
    );
    for (const n of future) writeFileSync(path.join(dir, n), 'garbage');
    await writeAutoBackup(dir, 'daily', new Uint8Array([5]), new Date(2026, 10, 5, 9));
    const names = readdirSync(dir);
    for (const n of real) expect(names).toContain(n);
    const listed = (await listAutoBackups(dir, new Date(2026, 10, 5, 10))).map((x) => x.name);
    expect(listed.some((n) => n.startsWith('auto-2099'))).toBe(false);
    expect(listed).toHaveLength(5);
    await expect(readAutoBackup(dir, future[0]!, new Date(2026, 10, 5, 10))).rejects.toThrow('晚于明天');

    const plan = planRetention([...real, ...future], { today: '2026-11-04', daily: 2, monthly: 0 });
    expect(plan.keep).toEqual([real[3], real[2]]);
    expect(plan.remove).toEqual([real[1], real[0]]);
    // Tomorrow is still allowed (a clock a few hours ahead of another).
    expect(planRetention(['auto-2026-11-05-000000.zip'], { today: '2026-11-04' }).keep).toHaveLength(1);
  });
});
