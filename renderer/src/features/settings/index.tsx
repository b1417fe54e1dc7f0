import { CharterSettingsSection, HolidaySettingsSection } from './CharterSettingsSection';
import { DocumentSettingsSection } from './DocumentSettingsSection';
import { WorkstationSection } from './WorkstationSection';
import { SyncSection } from './SyncSection';
import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Descriptions, Flex, Progress, Typography } from 'antd';
import { Page } from '../../ui/Page';
import { db } from '../../db';
import { loadDemo } from '../../db/demo';
import { desk } from '../../platform';
import { today } from '../../ui/today';
import type { AppInfo } from '../../../../shared/contract';
import { SCHEMA_VERSION } from '../../db/schema';
import { DATA_FORMAT } from '../../../../shared/data/format';
import { BackupToFile, RestoreFromBackup } from './BackupPanel';
import { AutoBackupPanel } from './AutoBackupPanel';
import { ImportRosterButton } from '../members/ImportRosterButton';
import { ExportRosterButton } from '../members/ExportRosterButton';
import { ImportBatches } from './ImportBatches';
import { AuditTrail } from '../../ui/AuditTrail';
import { errorText } from '../../ui/errorText';

/** One part of 设置: a region named by its heading. */
function Section(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {props.title}
      </Typography.Title>
      {props.children}
    </section>
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

function About(props: { info: AppInfo | null }) {
  const { info } = props;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="版本">{info?.version ?? '…'}</Descriptions.Item>
      <Descriptions.Item label="运行方式">
        {info ? (info.runtime === 'electron' ? '桌面应用（Electron）' : '浏览器') : '…'}
      </Descriptions.Item>
      <Descriptions.Item label="数据库版本">{SCHEMA_VERSION}</Descriptions.Item>
      <Descriptions.Item label="数据格式">第 {DATA_FORMAT} 版</Descriptions.Item>
      {info?.paths && <Descriptions.Item label="数据文件夹">{info.paths.userData}</Descriptions.Item>}
    </Descriptions>
  );
}

function RosterFiles() {
  return (
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
  );
}

export function SettingsDesk() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [pendingRestore, setPendingRestore] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  useEffect(() => {
    void desk.appInfo().then(setInfo);
  }, []);
  // The page's parts, top to bottom: [heading, content].
  const sections: [string, ReactNode][] = [
    ['关于', <About info={info} />],
    ['本工作站', <WorkstationSection />],
    ['多人协作', <SyncSection />],
    ['演示数据', <DemoLoader />],
    [
      '备份与恢复',
      <Flex vertical gap={20}>
        <BackupToFile />
        <RestoreFromBackup pending={pendingRestore} />
      </Flex>,
    ],
    ['自动备份', <AutoBackupPanel onRestore={setPendingRestore} />],
    ['会员名册导入导出', <RosterFiles />],
    ['章程参数', <CharterSettingsSection />],
    ['公文设置', <DocumentSettingsSection />],
    ['节假日安排', <HolidaySettingsSection />],
    ['操作记录', <AuditTrail />],
  ];
  return (
    <Page title="设置">
      <Flex vertical gap={24}>
        {sections.map(([title, body]) => (
          <Section key={title} title={title}>
            {body}
          </Section>
        ))}
      </Flex>
    </Page>
  );
}
