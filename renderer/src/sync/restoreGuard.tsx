/**
 * Restoring a backup on a connected workstation (issue 19): the restore must not bring old or deleted
 * records back into the shared database by accident. Before a restore the clerk is asked, and chooses:
 *
 * - 断开后恢复 (the default): the connection is closed and this workstation's replica of the server is
 *   forgotten, so the restore changes this workstation only. At the next 连接 the first-connection rule
 *   applies (sync/engine.ts): the server's documents win, deletions included, and only records the server
 *   never had go up.
 * - 用备份替换服务器数据, only after a second confirmation that says what it does: the replication is
 *   suspended during the restore; then the server's records are made exactly the restored ones
 *   (sync/replaceServer.ts: records not in the backup deleted on the server, so on every workstation),
 *   the choice is written into the audit trail, and this workstation's replica is rebuilt from the server.
 */
import { Button, Flex } from 'antd';
import type { ModalStaticFunctions } from 'antd/es/modal/confirm';
import { db } from '../db';
import { writeAudit } from '../db/audit';
import { clearConnection, getConnection } from './connection';
import { currentReplication, resumeSync, suspendSync } from './engine';
import { openRemotePouch } from './pouch';
import { replaceServerData } from './replaceServer';
import { syncErrorText } from './errors';
import { claimDataFormat, NewerDataFormat, workstationName } from './format';
import { newerServerFormatText } from '../../../shared/data/format';

export interface RestorePlan {
  /** After a successful restore: what else was done, for the message shown (or null). */
  after(fileName: string): Promise<string | null>;
  /** The restore failed (nothing changed locally): the replication goes on as before. */
  failed(): Promise<void>;
}

const NOTHING: RestorePlan = { after: async () => null, failed: async () => undefined };

type Modal = Pick<ModalStaticFunctions, 'confirm'> & Partial<Pick<ModalStaticFunctions, 'error'>>;

function ask(modal: Modal): Promise<'disconnect' | 'replace' | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (c: 'disconnect' | 'replace' | null) => {
      if (settled) return;
      settled = true;
      ref.destroy();
      resolve(c);
    };
    const ref = modal.confirm({
      title: '本工作站已连接服务器',
      width: 560,
      content:
        '恢复备份只改本机数据：恢复前将断开与服务器的连接，并清除本机的同步副本；重新连接时以服务器上的数据为准，备份中较旧的记录和已删除的记录不会回到服务器或其他工作站。如确需让所有工作站都回到备份时的数据，可选择“用备份替换服务器数据”。',
      onCancel: () => done(null),
      footer: () => (
        <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
          <Button onClick={() => done(null)}>取消</Button>
          <Button danger onClick={() => done('replace')}>
            用备份替换服务器数据…
          </Button>
          <Button type="primary" onClick={() => done('disconnect')}>
            断开后恢复
          </Button>
        </Flex>
      ),
    });
  });
}

function confirmReplace(modal: Modal, fileName: string): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: '用备份替换服务器上的数据？',
      width: 560,
      content: `服务器上的全部记录将改为备份“${fileName}”中的数据，所有工作站同步后都一样：备份之后新增的记录将从服务器和所有工作站删除，备份之后的修改将被备份中的版本覆盖，备份中有而之后删除的记录会重新出现。此操作记入操作记录，且无法撤销；其他工作站尚未上传的修改会成为冲突。`,
      okText: '替换服务器数据',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** Asks before a restore on a connected workstation; null: the clerk cancelled (restore nothing). */
export async function guardRestore(modal: Modal, fileName = '备份文件'): Promise<RestorePlan | null> {
  const connection = getConnection();
  if (connection === null) return NOTHING;
  const choice = await ask(modal);
  if (choice === null) return null;
  if (choice === 'disconnect') {
    await currentReplication()?.destroyReplica();
    await clearConnection();
    return NOTHING;
  }
  if (!(await confirmReplace(modal, fileName))) return null;
  try {
    await openRemotePouch(connection).info();
    // Nor over data of a newer format (shared/data/format.ts): its fields this build does not know would go.
    await claimDataFormat(connection, { by: workstationName() });
  } catch (e) {
    if (e instanceof NewerDataFormat) {
      modal.error?.({
        title: '服务器上的数据较新，未恢复',
        content: newerServerFormatText(e.found, undefined, 'replacing', e.by),
      });
      return null;
    }
    modal.error?.({
      title: '无法连接服务器，未恢复',
      content: `替换服务器数据需要连接服务器（${syncErrorText(e)}）。可稍后再试，或选择“断开后恢复”。`,
    });
    return null;
  }
  await suspendSync();
  return {
    async after(name) {
      try {
        // The audit entry is written first and goes up with the rest: a restored database hands out ids
        // again from its own largest one, so the entry's id may be one the server has (or had and now
        // deletes) — written as part of the replacement it is the server's too.
        const { written, deleted } = await replaceServerData(connection, { dryRun: true });
        await db.transaction('rw', db.audit, () =>
          writeAudit(db, {
            entity: 'database',
            action: 'restore',
            summary: `用备份替换服务器数据：以“${name}”为准，服务器上改写 ${written} 条记录、删除 ${deleted} 条备份中没有的记录（所有工作站同步后相同）`,
          }),
        );
        await replaceServerData(connection);
        await resumeSync({ forgetReplica: true });
        return `服务器数据已替换为备份中的数据（改写 ${written} 条、删除 ${deleted} 条）。`;
      } catch (e) {
        // The server is partly replaced or not at all: this workstation disconnects (its restored data
        // stays here) rather than take the server's back at once.
        await resumeSync({ forgetReplica: true, restart: false });
        await clearConnection();
        await db
          .transaction('rw', db.audit, () =>
            writeAudit(db, {
              entity: 'database',
              action: 'restore',
              summary: `用备份替换服务器数据未完成（${syncErrorText(e)}）：本机已恢复“${name}”，本工作站已断开`,
            }),
          )
          .catch(() => undefined);
        return `但服务器数据未能替换（${syncErrorText(e)}），本工作站已断开；重新连接时以服务器上的数据为准，如仍要替换请在服务器可用时重新恢复。`;
      }
    },
    async failed() {
      await resumeSync({ forgetReplica: false });
    },
  };
}
