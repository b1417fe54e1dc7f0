/** The sync status always in view (issue 19): one label for every state. Pure. */

/**
 * 'outdated': the office's data is of a newer format than this workstation's (shared/data/format.ts):
 * nothing replicates until this workstation is upgraded.
 */
export type SyncPhase = 'off' | 'connecting' | 'syncing' | 'synced' | 'offline' | 'denied' | 'outdated';

export interface SyncStatus {
  phase: SyncPhase;
  /** Local changes not yet on the server (outbox + not yet pushed). */
  pending: number;
  /** Records with a conflict the clerk has not resolved. */
  conflicts: number;
  /** The last error, in Chinese (offline, 用户名或密码不正确, …). */
  error?: string;
}

export const SYNC_OFF: SyncStatus = { phase: 'off', pending: 0, conflicts: 0 };

/**
 * 已同步 / 同步中 / 离线（N 项待上传） / 有冲突 N 项 (conflicts first: they need the clerk), except 需升级工作台:
 * until the upgrade nothing else moves.
 */
export function syncStatusLabel(s: SyncStatus): string {
  if (s.phase === 'off') return '未连接服务器';
  if (s.phase === 'outdated') return s.pending > 0 ? `需升级工作台（${s.pending} 项待上传）` : '需升级工作台';
  if (s.conflicts > 0) return `有冲突 ${s.conflicts} 项`;
  if (s.phase === 'denied') return '服务器拒绝访问';
  if (s.phase === 'offline') return `离线（${s.pending} 项待上传）`;
  if (s.phase === 'syncing' || s.phase === 'connecting' || s.pending > 0) return '同步中';
  return '已同步';
}
