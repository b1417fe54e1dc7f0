import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Flex, Progress, Typography } from 'antd';
import { Page } from '../../app/Page';
import { db } from '../../db';
import { loadDemo } from '../../db/demo';
import { desk } from '../../platform';
import { today } from '../../app/today';
import type { AppInfo } from '../../../../shared/contract';
import { SCHEMA_VERSION } from '../../db/schema';

function DemoLoader() {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      const ds = await loadDemo(db, { asOf: today() }, (done, total) => setProgress(Math.round((done / total) * 100)));
      message.success(`演示数据已加载：${ds.members.length} 家会员单位`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
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
        <section aria-label="演示数据">
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            演示数据
          </Typography.Title>
          <DemoLoader />
        </section>
      </Flex>
    </Page>
  );
}
