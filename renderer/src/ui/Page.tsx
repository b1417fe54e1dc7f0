import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

/**
 * A desk page: a heading (h1 for tests and screen readers), actions on the right, content below.
 * `ready` (when given) says whether the page's live queries have delivered: it is `aria-busy` while they
 * have not, and `data-desk-ready` for the benchmarks (npm run bench's desks part waits for it).
 */
export function Page(props: { title: string; extra?: ReactNode; children: ReactNode; ready?: boolean }) {
  const marks =
    props.ready === undefined ? {} : { 'aria-busy': !props.ready, 'data-desk-ready': String(props.ready) };
  return (
    <Flex vertical gap={16} {...marks}>
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
