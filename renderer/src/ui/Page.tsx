import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

/** A desk page: a heading (h1 for tests and screen readers), actions on the right, content below. */
export function Page(props: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Flex gap={8} wrap>
          {props.extra}
        </Flex>
      </Flex>
      <Card>{props.children}</Card>
    </Flex>
  );
}
