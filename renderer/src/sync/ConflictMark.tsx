import { useSyncExternalStore } from 'react';
import { Alert } from 'antd';
import { docIdOf } from '../../../shared/sync/scope';
import { currentReplication, subscribeConflicts, subscribeSyncStatus } from './engine';

function subscribe(l: () => void): () => void {
  const offConflicts = subscribeConflicts(l);
  // A replication starting (or stopping) brings its own conflict list: the status changes then.
  const offStatus = subscribeSyncStatus(l);
  return () => {
    offConflicts();
    offStatus();
  };
}

/** Whether the record `<table>:<key>` is in this workstation's conflict list, live (issue 19). */
export function useConflicted(table: string, key: number | string | undefined): boolean {
  return useSyncExternalStore(subscribe, () =>
    key === undefined ? false : (currentReplication()?.conflicts.has(docIdOf(table, key)) ?? false),
  );
}

/**
 * The flag on a record two workstations changed at once (issue 19): shown where the record shows until
 * the clerk resolves the conflict in 设置 → 多人协作 → 同步冲突.
 */
export function ConflictMark(props: {
  table: string;
  id: number | string | undefined;
  what?: string;
  /** What the conflict means here (default: the two versions are compared field by field). */
  description?: string;
}) {
  const conflicted = useConflicted(props.table, props.id);
  if (!conflicted) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      aria-label="同步冲突"
      title={`${props.what ?? '这条记录'}有同步冲突`}
      description={
        props.description ??
        '两个工作站同时修改了它，当前显示的是服务器规则选定的版本，另一版本也已保留。请到 设置 → 多人协作 → 同步冲突 逐个字段比较后处理。'
      }
    />
  );
}
