import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Tag } from 'antd';
import type { ImportBatch } from '../../../../shared/domain/records';
import { formatAuditTime } from '../../../../shared/data/auditView';
import { db } from '../../db/index';
import { undoImport } from '../../io/importRoster';
import { errorText } from '../../ui/errorText';
import { DeskTable } from '../../ui/DeskTable';

/** The import batches, newest first, each with 撤销本次导入 (explicit, confirmed, audited). */
export function ImportBatches() {
  const { message, modal } = App.useApp();
  const batches = useLiveQuery(() => db.imports.orderBy('at').reverse().toArray(), []);
  return (
    <DeskTable<ImportBatch>
      label="导入批次"
      rowKey="id"
      rows={batches}
      perPage={5}
      empty="还没有导入过名册"
      columns={[
        { title: '批次', dataIndex: 'id', render: (id: number) => `#${id}` },
        { title: '导入时间', dataIndex: 'at', render: (at: string) => formatAuditTime(at) },
        { title: '文件', dataIndex: 'fileName' },
        { title: '会员数', dataIndex: 'count', align: 'right' },
        {
          title: '状态',
          render: (_: unknown, b) =>
            b.undone ? <Tag>已撤销（{formatAuditTime(b.undone.at)}）</Tag> : <Tag color="blue">有效</Tag>,
        },
        {
          title: '操作',
          render: (_: unknown, b) =>
            b.undone ? null : (
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: `撤销导入批次 #${b.id}？`,
                    content: `将移除本次从“${b.fileName}”导入的 ${b.count} 家会员单位。移除的记录会完整保存在操作记录中。`,
                    okText: '撤销本次导入',
                    okButtonProps: { danger: true },
                    cancelText: '取消',
                    onOk: async () => {
                      try {
                        const n = await undoImport(db, b.id!);
                        message.success(`已撤销导入：移除 ${n} 家会员单位`);
                      } catch (e) {
                        message.error(errorText(e));
                      }
                    },
                  })
                }
              >
                撤销本次导入
              </Button>
            ),
        },
      ]}
    />
  );
}
