import { Flex, Typography } from 'antd';
import type { ChartSeries } from './ledger';
import { yuan } from './ledger';

const W = 720;
const H = 260;
const PAD = { left: 64, right: 16, top: 16, bottom: 44 };
const DUE_COLOR = '#91caff';
const PAID_COLOR = '#52c41a';

function niceMax(v: number): number {
  if (v <= 0) return 10000;
  const exp = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= v) return m * exp;
  return 10 * exp;
}

function wan(v: number): string {
  return v === 0 ? '0' : `${(v / 10000).toLocaleString('en-US', { maximumFractionDigits: 1 })} 万`;
}

/** Cumulative due against cumulative collected, by month (a plain SVG bar chart, no chart package). */
export function DuesChart(props: { series: ChartSeries; year: number }) {
  const { points, paidAfterYear } = props.series;
  const max = niceMax(Math.max(...points.map((p) => Math.max(p.due, p.paid))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const group = plotW / 12;
  const barW = Math.min(18, group / 2 - 4);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const last = points[points.length - 1];
  const summary = `${props.year} 年会费按月累计收缴：全年应缴 ${yuan(last?.due ?? 0)} 元，已收 ${yuan(last?.paid ?? 0)} 元`;
  return (
    <Flex vertical gap={4}>
      <Flex gap={16} align="center" aria-label="图例">
        <Flex gap={6} align="center">
          <span style={{ width: 12, height: 12, background: DUE_COLOR, display: 'inline-block' }} />
          <Typography.Text>累计应缴</Typography.Text>
        </Flex>
        <Flex gap={6} align="center">
          <span style={{ width: 12, height: 12, background: PAID_COLOR, display: 'inline-block' }} />
          <Typography.Text>累计已缴</Typography.Text>
        </Flex>
      </Flex>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W }}
        role="img"
        aria-label={summary}
        data-testid="dues-chart"
      >
        <title>{summary}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#f0f0f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#666">
              {wan(t)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#999" />
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#999" />
        {points.map((p, i) => {
          const x0 = PAD.left + i * group + group / 2;
          return (
            <g key={p.month}>
              <rect
                x={x0 - barW - 1}
                y={y(p.due)}
                width={barW}
                height={PAD.top + plotH - y(p.due)}
                fill={DUE_COLOR}
              >
                <title>{`${p.month} 月底累计应缴 ${yuan(p.due)} 元`}</title>
              </rect>
              <rect
                x={x0 + 1}
                y={y(p.paid)}
                width={barW}
                height={PAD.top + plotH - y(p.paid)}
                fill={PAID_COLOR}
              >
                <title>{`${p.month} 月底累计已缴 ${yuan(p.paid)} 元`}</title>
              </rect>
              <text x={x0} y={PAD.top + plotH + 16} textAnchor="middle" fontSize={11} fill="#666">
                {`${p.month}月`}
              </text>
            </g>
          );
        })}
        <text x={PAD.left + plotW / 2} y={H - 6} textAnchor="middle" fontSize={12} fill="#333">
          {`月份（${props.year} 年）`}
        </text>
        <text
          x={14}
          y={PAD.top + plotH / 2}
          textAnchor="middle"
          fontSize={12}
          fill="#333"
          transform={`rotate(-90 14 ${PAD.top + plotH / 2})`}
        >
          金额（元）
        </text>
      </svg>
      <Typography.Text type="secondary">
        {summary}
        {paidAfterYear > 0 ? `；另有次年补缴 ${yuan(paidAfterYear)} 元未计入各月` : ''}。
      </Typography.Text>
    </Flex>
  );
}
