import { CharterSettingsSection, HolidaySettingsSection } from './CharterSettingsSection';
import { DocumentSettingsSection } from './DocumentSettingsSection';
import { WorkstationSection } from './WorkstationSection';
import { SyncSection } from './SyncSection';
import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Flex, Progress, Typography } from 'antd';
import { Page } from '../../ui/Page';
import { db } from '../../db';
import { loadDemo } from '../../db/demo';
import { desk } from '../../platform';
import { today } from '../../ui/today';
import type { AppInfo } from '../../../../shared/contract';
import { SCHEMA_VERSION } from '../../db/schema';
import { BackupToFile, RestoreFromBackup } from '../../io/BackupPanel';
import { AutoBackupPanel } from '../../io/AutoBackupPanel';
import { ImportRosterButton } from '../../io/ImportRosterButton';
import { ExportRosterButton } from '../../io/ExportRosterButton';
import { ImportBatches } from '../../io/ImportBatches';
import { AuditTrail } from '../../ui/AuditTrail';
import { errorText } from '../../ui/errorText';

function SectionTitle(props: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16 }}>
      {props.children}
    </Typography.Title>
  );
}

function DemoLoader() {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      const ds = await loadDemo(db, { asOf: today() }, (done, total) =>
        setProgress(Math.round((done / total) * 100)),
      );
      message.success(`演示数据已加载：${ds.members.length} 家会员单位`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph>
        演示数据为虚构的约 300 家会员单位及三年的会议、会费和活动记录，只能加载到空数据库。
      </Typography.Paragraph>
      <div>
        <Button onClick={run} loading={progress !== null}>
          加载演示数据
        </Button>
      </div>
      {progress !== null && <Progress percent={progress} aria-label="加载进度" />}
    </Flex>
  );
}

export function SettingsDesk() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [pendingRestore, setPendingRestore] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  useEffect(() => {
    void desk.appInfo().then(setInfo);
  }, []);
  return (
    <Page title="设置">
      <Flex vertical gap={24}>
        <section aria-label="关于">
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            关于
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="版本">{info?.version ?? '…'}</Descriptions.Item>
            <Descriptions.Item label="运行方式">
              {info ? (info.runtime === 'electron' ? '桌面应用（Electron）' : '浏览器') : '…'}
            </Descriptions.Item>
            <Descriptions.Item label="数据库版本">{SCHEMA_VERSION}</Descriptions.Item>
            {info?.paths && <Descriptions.Item label="数据文件夹">{info.paths.userData}</Descriptions.Item>}
          </Descriptions>
        </section>
        <section aria-label="本工作站">
          <SectionTitle>本工作站</SectionTitle>
          <WorkstationSection />
        </section>
        <section aria-label="多人协作">
          <SectionTitle>多人协作</SectionTitle>
          <SyncSection />
        </section>
        <section aria-label="演示数据">
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            演示数据
          </Typography.Title>
          <DemoLoader />
        </section>
        <section aria-label="备份与恢复">
          <SectionTitle>备份与恢复</SectionTitle>
          <Flex vertical gap={20}>
            <BackupToFile />
            <RestoreFromBackup pending={pendingRestore} />
          </Flex>
        </section>
        <section aria-label="自动备份">
          <SectionTitle>自动备份</SectionTitle>
          <AutoBackupPanel onRestore={setPendingRestore} />
        </section>
        <section aria-label="会员名册导入导出">
          <SectionTitle>会员名册导入导出</SectionTitle>
          <Flex vertical gap={8}>
            <Typography.Paragraph style={{ margin: 0 }}>
              从 Excel（.xlsx）或 CSV
              文件导入会员名册：先核对每一行，有问题的行可修改或跳过，确认后一次性导入；导入后可整批撤销。
            </Typography.Paragraph>
            <Flex gap={8}>
              <ImportRosterButton />
              <ExportRosterButton />
            </Flex>
            <ImportBatches />
          </Flex>
        </section>
        <section aria-label="章程参数">
          <SectionTitle>章程参数</SectionTitle>
          <CharterSettingsSection />
        </section>
        <section aria-label="公文设置">
          <SectionTitle>公文设置</SectionTitle>
          <DocumentSettingsSection />
        </section>
        <section aria-label="节假日安排">
          <SectionTitle>节假日安排</SectionTitle>
          <HolidaySettingsSection />
        </section>
        <section aria-label="操作记录">
          <SectionTitle>操作记录</SectionTitle>
          <AuditTrail />
        </section>
      </Flex>
    </Page>
  );
}
