import { App, Button } from 'antd';
import type { Member } from '../../../../shared/domain/records';
import { useExportFile } from '../../ui/exportFile';
import { today } from '../../ui/today';
import { db } from '../../db/index';
import { rosterWorkbook } from '../../io/export';
import { useRun } from '../../ui/useRun';

/**
 * 导出会员名册 (.xlsx): the given (filtered) members, or every member when none are given. `members` may be
 * a function read at the click (the roster hands its current rows so, without re-rendering on each keystroke).
 */
export function ExportRosterButton(props: {
  members?: readonly Member[] | (() => readonly Member[]);
  label?: string;
}) {
  const { message } = App.useApp();
  const save = useExportFile();
  const { busy, run } = useRun();
  return (
    <Button
      loading={busy}
      onClick={() =>
        void run(
          async () => {
            const given = typeof props.members === 'function' ? props.members() : props.members;
            const members = given ?? (await db.members.orderBy('id').toArray());
            if (members.length === 0) {
              message.info('没有可导出的会员');
              return;
            }
            await save(`会员名册-${today()}.xlsx`, rosterWorkbook(members), 'xlsx');
          },
          undefined,
          '导出失败',
        )
      }
    >
      {props.label ?? '导出会员名册'}
    </Button>
  );
}
