import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { db } from '../../db/index';
import { desk, deskErrorText } from '../../platform/index';
import { parseAutoBackupName, DAILY_TO_KEEP, MONTHLY_TO_KEEP } from '../../../../shared/data/retention';
import { autoBackupApi, runDailyAutoBackup, type AutoBackupInfo } from '../../io/autoBackup';
import { DeskTable } from '../../ui/DeskTable';
import { fileSizeText } from '../../../../shared/data/fileName';

/** 自动备份: the list of automatic backups (desktop app only), each with 恢复 (goes to the restore preview). */
export function AutoBackupPanel(props: { onRestore: (file: { name: string; bytes: Uint8Array }) => void }) {
  const { message } = App.useApp();
  const api = autoBackupApi();
  const [list, setList] = useState<AutoBackupInfo[] | null>(null);
  const [runtime, setRuntime] = useState<'electron' | 'browser' | null>(null);
  const refresh = useCallback(async () => {
    if (!api) return;
    try {
      setList((await api.listAutoBackups()).sort((a, b) => (a.name < b.name ? 1 : -1)));
    } catch (e) {
      message.error(deskErrorText(e));
    }
  }, [api, message]);
  useEffect(() => {
    void desk.appInfo().then((i) => setRuntime(i.runtime));
    if (api) void runDailyAutoBackup(db, api).finally(refresh);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  if (!api) {
    return (
      <Alert
        type="info"
        showIcon
        title={runtime === 'browser' ? '自动备份只在桌面应用中运行' : '自动备份尚未启用'}
        description={
          runtime === 'browser'
            ? '浏览器中无法在后台把文件写入数据文件夹：请定期使用上面的“备份到文件”。'
            : '本版本的桌面应用还没有接入自动备份功能：请定期使用上面的“备份到文件”。'
        }
      />
    );
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ margin: 0 }}>
        每天第一次打开工作台时自动备份到数据文件夹，保留最近 {DAILY_TO_KEEP} 天的每日备份和最近{' '}
        {MONTHLY_TO_KEEP} 个月的每月备份。恢复前的备份也保存在这里。
      </Typography.Paragraph>
      <DeskTable<AutoBackupInfo>
        label="自动备份列表"
        rowKey="name"
        rows={list ?? undefined}
        perPage={10}
        columns={[
          {
            title: '时间',
            render: (_: unknown, r) => {
              const p = parseAutoBackupName(r.name);
              return p ? `${p.date} ${p.time}` : r.name;
            },
          },
          {
            title: '类型',
            render: (_: unknown, r) =>
              parseAutoBackupName(r.name)?.kind === 'pre-restore' ? '恢复前备份' : '每日备份',
          },
          { title: '大小', dataIndex: 'size', align: 'right', render: (n: number) => fileSizeText(n) },
          {
            title: '操作',
            render: (_: unknown, r) => (
              <Button
                size="small"
                aria-label={`恢复 ${r.name}`}
                onClick={async () => {
                  try {
                    props.onRestore({ name: r.name, bytes: await api.readAutoBackup({ name: r.name }) });
                  } catch (e) {
                    message.error(deskErrorText(e));
                  }
                }}
              >
                恢复
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
