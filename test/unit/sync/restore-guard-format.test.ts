// @vitest-environment jsdom
/**
 * 用备份替换服务器数据 over data of a newer format (shared/data/format.ts) is refused before anything is
 * restored: the restored records of this older build would replace the server's newer ones without the
 * fields it does not know. Against a real pouchdb-server; the clerk's two confirmations are answered by a
 * stand-in for antd's modal.
 */
import 'fake-indexeddb/auto';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { putServerFormat, useServer } from './server';
import { saveConnection } from '../../../renderer/src/sync/connection';
import { couch } from '../../../renderer/src/sync/couchRequest';
import { FORMAT_DOC_ID, NewerDataFormat } from '../../../renderer/src/sync/format';
import { guardRestore } from '../../../renderer/src/sync/restoreGuard';
import { replaceServerData } from '../../../renderer/src/sync/replaceServer';
import { DATA_FORMAT } from '../../../shared/data/format';

const live = useServer();

interface Shown {
  title?: unknown;
  content?: unknown;
}

/** Answers 本工作站已连接服务器 with 用备份替换服务器数据… and the second question with 替换服务器数据. */
function replacingModal(errors: Shown[]) {
  return {
    confirm(config: { footer?: unknown; onOk?: () => void }) {
      if (typeof config.footer === 'function') {
        const footer = (config.footer as () => ReactElement<{ children: ReactNode }>)();
        const replace = Children.toArray(footer.props.children).find(
          (b): b is ReactElement<{ danger?: boolean; onClick: () => void }> =>
            isValidElement(b) && (b.props as { danger?: boolean }).danger === true,
        );
        queueMicrotask(() => replace!.props.onClick());
      } else queueMicrotask(() => config.onOk?.());
      return { destroy() {}, update() {} };
    },
    error(config: Shown) {
      errors.push(config);
      return { destroy() {}, update() {} };
    },
  };
}

describe('用备份替换服务器数据 and the data format', () => {
  it('a server of a newer format: refused before the restore, in Chinese; the server untouched', async () => {
    const conn = await live.freshConn();
    await putServerFormat(conn, DATA_FORMAT + 1);
    await saveConnection({ ...conn, workstationName: '工作站甲' } as never);
    const errors: Shown[] = [];
    const plan = await guardRestore(replacingModal(errors) as never, 'a-backup.zip');
    expect(plan).toBeNull(); // nothing is restored
    expect(errors).toEqual([
      {
        title: '服务器上的数据较新，未恢复',
        content: `服务器上的数据已由较新版本的工作台写入（数据格式第 ${DATA_FORMAT + 1} 版，本工作站为第 ${DATA_FORMAT} 版；由工作站“新版工作站”升级）：不能用本工作站恢复的数据替换服务器数据。请先升级本工作站的秘书处工作台，或选择“断开后恢复”。`,
      },
    ]);
    // The replacement itself refuses too, writing nothing.
    await expect(replaceServerData({ ...conn, workstationName: '' } as never)).rejects.toBeInstanceOf(
      NewerDataFormat,
    );
    expect((await couch(conn, 'GET', FORMAT_DOC_ID)).body.format).toBe(DATA_FORMAT + 1);
  }, 60_000);

  it('a server of this format: the clerk’s choice goes on (the plan is returned)', async () => {
    const conn = await live.freshConn();
    await saveConnection({ ...conn, workstationName: '工作站甲' } as never);
    const errors: Shown[] = [];
    const plan = await guardRestore(replacingModal(errors) as never, 'a-backup.zip');
    expect(errors).toEqual([]);
    expect(plan).not.toBeNull();
    await plan!.failed(); // the restore did not happen here: the replication goes on as before
  }, 60_000);
});
