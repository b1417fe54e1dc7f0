import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listAutoBackups, readAutoBackup, writeAutoBackup } from '../../../electron/backups';

describe('automatic backups in the data folder (issue 8)', () => {
  it('writes, lists newest first, reads back, and keeps at most 30 daily + 12 monthly', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-backups-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    // 60 consecutive days of backups.
    const start = Date.UTC(2026, 8, 1);
    for (let i = 0; i < 60; i++) {
      const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      await writeAutoBackup(dir, `auto-${d}-120000.zip`, new Uint8Array([i]));
    }
    const list = await listAutoBackups(dir);
    expect(list[0]!.name).toBe('auto-2026-10-30-120000.zip');
    expect(list.length).toBeLessThanOrEqual(30 + 12);
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(dir)).toContain('notes.txt'); // other files are never touched
    expect(await readAutoBackup(dir, 'auto-2026-10-30-120000.zip')).toEqual(new Uint8Array([59]));
    await expect(readAutoBackup(dir, '../notes.txt')).rejects.toThrow('不是自动备份文件名');
  });
});
