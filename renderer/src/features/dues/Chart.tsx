import { useMemo } from 'react';
import { Flex, Typography } from 'antd';
import type { ChartSeries } from './ledger';
import { yuan } from './ledger';
import { EChart, baseOption } from '../../ui/EChart';

/** Cumulative due against cumulative collected, by month (Apache ECharts, loaded lazily; as the 年度报告). */
export function DuesChart(props: { series: ChartSeries; year: number }) {
  const { points, paidAfterYear } = props.series;
  const last = points[points.length - 1];
  const summary = `${props.year} 年会费按月累计收缴：全年应缴 ${yuan(last?.due ?? 0)} 元，已收 ${yuan(last?.paid ?? 0)} 元`;
  const option = useMemo(
    () => ({
      ...baseOption(),
      color: ['#91caff', '#52c41a'],
      xAxis: {
        type: 'category',
        name: `月份（${props.year} 年）`,
        nameLocation: 'middle',
        nameGap: 28,
        data: points.map((p) => `${p.month}月`),
      },
      yAxis: {
        type: 'value',
        name: '金额（元）',
        axisLabel: {
          formatter: (v: number) =>
            v === 0 ? '0' : `${(v / 10000).toLocaleString('en-US', { maximumFractionDigits: 1 })} 万`,
        },
      },
      grid: { left: 8, right: 16, top: 40, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => `${yuan(Number(v))} 元` },
      series: [
        { name: '累计应缴', type: 'bar', data: points.map((p) => p.due) },
        { name: '累计已缴', type: 'bar', data: points.map((p) => p.paid) },
      ],
    }),
    [points, props.year],
  );
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>累计应缴与累计已缴（按月）</Typography.Text>
      <EChart option={option} label={summary} testId="dues-chart" height={260} />
      <Typography.Text type="secondary">
        {summary}
        {paidAfterYear > 0 ? `；另有次年补缴 ${yuan(paidAfterYear)} 元未计入各月` : ''}。
      </Typography.Text>
    </Flex>
  );
}
