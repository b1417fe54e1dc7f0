import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { listWorkstations, type RegisteredWorkstation } from '../../sync/workstation';
import type { ServerConnection } from '../../sync/types';
import { syncErrorText } from '../../sync/errors';
import { workstationNumber } from '../../db/ids';
import { DATA_FORMAT, compareDataFormat } from '../../../../shared/data/format';
import { formatAuditTime } from '../../../../shared/data/auditView';

/** How a workstation's build compares with this one's: a workstation of an older format is stopped. */
function buildState(w: RegisteredWorkstation): { text: string; color?: string } {
  if (w.format === undefined) return { text: '需升级（版本未记录）', color: 'red' };
  const cmp = compareDataFormat(w.format, DATA_FORMAT);
  if (cmp === 'older') return { text: '需升级', color: 'red' };
  if (cmp === 'newer') return { text: '较本机新', color: 'gold' };
  return { text: '与本机相同' };
}

/**
 * 设置 → 多人协作 → 工作站名单: the workstations registered on the office's server (sync/workstation.ts), each with
 * the build it ran at its last connect, so that a clerk sees which desks still need the upgrade before
 * they stop at 需升级工作台 (shared/data/format.ts).
 */
export function WorkstationList(props: { connection: ServerConnection }) {
  const { connection } = props;
  const [list, setList] = useState<RegisteredWorkstation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    setBusy(true);
    try {
      setList(await listWorkstations(connection));
      setError(null);
    } catch (e) {
      setError(`无法读取工作站名单：${syncErrorText(e)}`);
    } finally {
      setBusy(false);
    }
    // Read again when the server, database or user changes (not on every new object of the same).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection.url, connection.db, connection.user, connection.password]);
  useEffect(() => void load(), [load]);
  const me = workstationNumber();
  return (
    <section aria-label="工作站名单">
      <Flex align="center" gap={12}>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          工作站名单{list ? `（${list.length} 台）` : ''}
        </Typography.Title>
        <Button size="small" onClick={() => void load()} loading={busy}>
          刷新
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        在服务器上登记过的工作站及其最近一次连接时的版本。数据格式较旧的工作站连接后只显示“需升级工作台”，不会同步。
      </Typography.Paragraph>
      {error ? (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      ) : (
        <Table<RegisteredWorkstation>
          size="small"
          rowKey="n"
          pagination={false}
          loading={list === null}
          dataSource={list ?? []}
          aria-label="已登记的工作站"
          locale={{ emptyText: '服务器上还没有登记的工作站' }}
          columns={[
            {
              title: '工作站名称',
              render: (_, w) => `${w.name || '（未命名）'}${w.n === me ? '（本机）' : ''}`,
            },
            { title: '版本', render: (_, w) => w.app ?? '（未记录）' },
            { title: '数据格式', render: (_, w) => (w.format ? `第 ${w.format} 版` : '（未记录）') },
            {
              title: '最近连接',
              render: (_, w) =>
                w.seenAt ? formatAuditTime(w.seenAt) : `${formatAuditTime(w.registeredAt)}（登记时）`,
            },
            {
              title: '状态',
              render: (_, w) => {
                const s = buildState(w);
                return s.color ? <Tag color={s.color}>{s.text}</Tag> : s.text;
              },
            },
          ]}
        />
      )}
    </section>
  );
}
