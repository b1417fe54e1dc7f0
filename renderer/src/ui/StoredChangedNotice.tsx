import { Alert, Button } from 'antd';

/**
 * The fields of an open form that the clerk and someone else (another workstation, a restore) both changed
 * (ui/unsaved.ts useFollowStored): the clerk's values stay on screen and a 保存 keeps them; 改用最新内容
 * shows the stored ones instead.
 */
export function StoredChangedNotice(props: {
  /** What the form holds, as the notice names it: 章程参数, 公文设置, 申请表内容. */
  what: string;
  conflicts: readonly string[][];
  label: (path: readonly string[]) => string;
  onTakeStored: () => void;
  /** What happens to the clerk's values (default: kept on screen, and a 保存 keeps them). */
  description?: string;
}) {
  if (props.conflicts.length === 0) return null;
  const names = props.conflicts.map((p) => props.label(p)).join('、');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      message={`其他工作站（或恢复的备份）刚修改了${props.what}中你也在修改的：${names}`}
      description={
        props.description ?? '屏幕上保留你输入的内容，保存后以你输入的为准；你没有修改的项已显示为最新内容。'
      }
      action={
        <Button size="small" onClick={props.onTakeStored}>
          改用最新内容
        </Button>
      }
    />
  );
}
