import { useEffect } from 'react';
import { Typography } from 'antd';
import { startSyncEngine } from './engine';
import { useSyncStatus } from './useSyncStatus';
import { syncStatusLabel } from '../../../shared/sync/status';

/**
 * The sync status always in view (the sidebar's foot): 已同步 / 同步中 / 离线（N 项待上传） / 有冲突 N 项.
 * Starts the engine once; nothing shows for a workstation that never connected.
 */
export function SyncIndicator() {
  const status = useSyncStatus();
  useEffect(() => startSyncEngine(), []);
  if (status.phase === 'off') return null;
  const color =
    status.conflicts > 0 || status.phase === 'denied' || status.phase === 'outdated'
      ? '#a61d24'
      : status.phase === 'offline'
        ? '#7c5800'
        : '#3f6212';
  return (
    <div role="status" aria-label="同步" style={{ padding: '12px 20px', fontSize: 13 }}>
      <Typography.Text style={{ color }}>{syncStatusLabel(status)}</Typography.Text>
    </div>
  );
}
