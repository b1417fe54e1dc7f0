import { useEffect, useRef, useState } from 'react';
import { Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';

/** The antd palette, so the charts sit with the rest of the UI. */
export const CHART_COLORS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2'];

/** Common parts of every chart: the desk's font, the palette, a tooltip on the axis. */
export function baseOption(): EChartsCoreOption {
  return {
    color: CHART_COLORS,
    textStyle: { fontFamily: 'inherit', fontSize: 12 },
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    animation: false,
  };
}

/**
 * An ECharts chart (ECharts itself loaded lazily, see ./echarts.ts). `label` is its accessible name (role img)
 * and says in words what it shows; the figures are also in the tables beside it.
 */
export function EChart(props: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { option } = props;
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import('./echarts').then(
      ({ echarts }) => {
        const el = ref.current;
        if (disposed || !el) return;
        const chart = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
        chart.setOption(option);
        el.dataset.ready = 'true';
        const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
        ro?.observe(el);
        dispose = () => {
          ro?.disconnect();
          chart.dispose();
          delete el.dataset.ready;
        };
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option]);
  return (
    <>
      <div
        ref={ref}
        role="img"
        aria-label={props.label}
        data-testid={props.testId}
        style={{ width: '100%', maxWidth: 960, height: props.height ?? 280 }}
      />
      {error && <Typography.Text type="danger">图表无法显示：{error}</Typography.Text>}
    </>
  );
}
