import { useSyncExternalStore } from 'react';
import { subscribeSyncStatus, syncStatus } from './engine';
import type { SyncStatus } from '../../../shared/sync/status';

/** The sync status, live (the app shell's indicator, 设置 → 多人协作). */
export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribeSyncStatus, syncStatus, syncStatus);
}
