import { describe, expect, it } from 'vitest';
import { syncStatusLabel, SYNC_OFF } from '../../../shared/sync/status';

describe('sync status label (issue 19)', () => {
  it('names every state in Chinese; conflicts first', () => {
    expect(syncStatusLabel(SYNC_OFF)).toBe('未连接服务器');
    expect(syncStatusLabel({ phase: 'synced', pending: 0, conflicts: 0 })).toBe('已同步');
    expect(syncStatusLabel({ phase: 'synced', pending: 2, conflicts: 0 })).toBe('同步中');
    expect(syncStatusLabel({ phase: 'syncing', pending: 0, conflicts: 0 })).toBe('同步中');
    expect(syncStatusLabel({ phase: 'offline', pending: 3, conflicts: 0 })).toBe('离线（3 项待上传）');
    expect(syncStatusLabel({ phase: 'offline', pending: 3, conflicts: 2 })).toBe('有冲突 2 项');
    expect(syncStatusLabel({ phase: 'denied', pending: 0, conflicts: 0 })).toBe('服务器拒绝访问');
    // The office's data is newer than this build's: before conflicts, since nothing moves until the upgrade.
    expect(syncStatusLabel({ phase: 'outdated', pending: 0, conflicts: 0 })).toBe('需升级工作台');
    expect(syncStatusLabel({ phase: 'outdated', pending: 4, conflicts: 1 })).toBe(
      '需升级工作台（4 项待上传）',
    );
  });
});
