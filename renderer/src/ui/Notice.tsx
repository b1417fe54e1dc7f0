import type { ReactNode } from 'react';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';

/**
 * A full-width notice in place of a desk: an icon, a title, an explanation and the clerk's choices. It
 * stands where antd's Result did (the error screen, another tab holding the window): both are part of the
 * first screen's script, and Result carries its status illustrations (issue 17, cold start).
 */
export function Notice(props: {
  status: 'warning' | 'error';
  title: ReactNode;
  subTitle: ReactNode;
  extra: ReactNode;
}) {
  const Icon = props.status === 'error' ? CloseCircleFilled : ExclamationCircleFilled;
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 32px', textAlign: 'center' }}>
      <Icon style={{ fontSize: 72, color: props.status === 'error' ? '#cf1322' : '#ad6800' }} />
      <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
        {props.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ maxWidth: 640 }}>
        {props.subTitle}
      </Typography.Text>
      <Flex gap={8} justify="center" wrap style={{ marginTop: 12 }}>
        {props.extra}
      </Flex>
    </Flex>
  );
}
