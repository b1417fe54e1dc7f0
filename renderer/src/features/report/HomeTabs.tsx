import { lazy, Suspense, type ReactNode } from 'react';
import { Spin, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';

/** The 年度报告 view, loaded on first use (it carries ECharts and the Word builder). */
export const LazyReportDesk = lazy(() => import('./index'));

/** 首页's two tabs: 待办事项 (the dashboard, '/') and 年度报告 ('/report'); the sidebar keeps its eight entries. */
export function HomeTabs(props: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.startsWith('/report') ? '/report' : '/';
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key)}
        items={[
          { key: '/', label: '待办事项' },
          { key: '/report', label: '年度报告' },
        ]}
        style={{ marginBottom: 4 }}
      />
      <Suspense fallback={<Spin />}>{props.children}</Suspense>
    </>
  );
}
