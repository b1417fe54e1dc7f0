/** The report's chart options (Apache ECharts): what the clerk would rather look at than read. */
import type { EChartsCoreOption } from 'echarts/core';
import { BODY_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import type { Tier } from '../../../../shared/domain/types';
import type { AnnualReport } from '../../../../shared/report/figures';
import { yuanText } from '../../../../shared/report/tables';
import { baseOption } from '../../ui/EChart';

const TIER_STACK: readonly Tier[] = ['member', 'director', 'standing', 'chair'];

/** Members at the end of each month, stacked by tier. */
export function membersOption(r: AnnualReport): EChartsCoreOption {
  const m = r.membership.monthly;
  return {
    ...baseOption(),
    xAxis: { type: 'category', data: m.map((x) => `${x.month}月`) },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: TIER_STACK.map((t) => ({
      name: TIER_LABEL[t],
      type: 'bar',
      stack: 'tier',
      barMaxWidth: 32,
      data: m.map((x) => x.counts[t]),
    })),
  };
}

export function membersLabel(r: AnnualReport): string {
  const m = r.membership;
  return `${r.year} 年各月末会员单位数量（按级别）：年初 ${m.start.total} 家，期末 ${m.end.total} 家`;
}

/** Dues falling due and collected in each month (bars) and the running totals (lines). */
export function duesOption(r: AnnualReport): EChartsCoreOption {
  const d = r.dues.byMonth;
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => `${yuanText(Number(v))} 元` },
    xAxis: { type: 'category', data: d.map((x) => `${x.month}月`) },
    yAxis: {
      type: 'value',
      name: '元',
      axisLabel: { formatter: (v: number) => (v === 0 ? '0' : `${v / 10000} 万`) },
    },
    series: [
      { name: '当月到期', type: 'bar', barMaxWidth: 24, data: d.map((x) => x.due) },
      { name: '当月收缴', type: 'bar', barMaxWidth: 24, data: d.map((x) => x.collected) },
      { name: '累计应缴', type: 'line', data: d.map((x) => x.cumulativeDue) },
      { name: '累计已缴', type: 'line', data: d.map((x) => x.cumulativeCollected) },
    ],
  };
}

export function duesLabel(r: AnnualReport): string {
  return `${r.year} 年度会费按月应缴与收缴：应缴 ${yuanText(r.dues.due)} 元，已收 ${yuanText(r.dues.collected)} 元，逾期欠缴 ${yuanText(r.dues.arrears)} 元`;
}

/** Attendance rate of each meeting (present / entitled). */
export function attendanceOption(r: AnnualReport): EChartsCoreOption {
  const g = r.meetings.meetings;
  return {
    ...baseOption(),
    legend: { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (items: { dataIndex: number }[]) => {
        const x = g[items[0]?.dataIndex ?? 0];
        return x ? `${x.name}<br/>实到 ${x.present} / 应到 ${x.entitled}（${x.rate}%）` : '';
      },
    },
    xAxis: { type: 'category', data: g.map((x) => `${x.date.slice(5)} ${BODY_LABEL[x.body]}`) },
    yAxis: { type: 'value', name: '出席率（%）', max: 100 },
    series: [
      {
        name: '出席率',
        type: 'bar',
        barMaxWidth: 32,
        data: g.map((x) => ({ value: x.rate, itemStyle: { color: x.quorate ? '#1677ff' : '#f5222d' } })),
        label: { show: true, position: 'top', formatter: '{c}%' },
      },
    ],
  };
}

export function attendanceLabel(r: AnnualReport): string {
  const g = r.meetings.meetings;
  return g.length === 0
    ? `${r.year} 年未召开会议`
    : `${r.year} 年各次会议出席率：${g.map((x) => `${x.date} ${BODY_LABEL[x.body]} ${x.rate}%`).join('，')}`;
}
