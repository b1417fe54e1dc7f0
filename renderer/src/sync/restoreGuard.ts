/**
 * Restoring a backup on a connected workstation (issue 19): the restore must not bring old or deleted
 * records back into the shared database by accident. Before a restore the clerk is asked; the one way on
 * offered is 断开后恢复 — the connection is closed and this workstation's replica of the server is
 * forgotten, so the restore changes this workstation only. At the next 连接 the first-connection rule
 * applies (sync/engine.ts): the server's documents win and only records the server never had go up.
 * (Replacing the server's data with a backup is not offered.)
 */
import type { ModalStaticFunctions } from 'antd/es/modal/confirm';
import { clearConnection, getConnection } from './connection';
import { currentReplication } from './engine';

export async function guardRestore(modal: Pick<ModalStaticFunctions, 'confirm'>): Promise<boolean> {
  if (getConnection() === null) return true;
  const ok = await new Promise<boolean>((resolve) => {
    modal.confirm({
      title: '本工作站已连接服务器',
      content:
        '恢复备份只改本机数据。恢复前将断开与服务器的连接，并清除本机的同步副本；重新连接时以服务器上的数据为准，备份中较旧的记录和已删除的记录不会回到服务器或其他工作站。',
      okText: '断开后恢复',
      cancelText: '取消',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
  if (!ok) return false;
  await currentReplication()?.destroyReplica();
  await clearConnection();
  return true;
}
