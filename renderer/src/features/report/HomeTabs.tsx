import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Spin, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { today } from '../../ui/today';

// The report's starter reads the database (Dexie and the schema): it loads with the view, not with 首页's
// first screen, which this file is part of (issue 17, cold start).
const starter = () => import('./reportOffThread');

/**
 * The 年度报告 view, loaded on first use (it carries the report's tables and charts). While its script
 * loads, the report of this year as of today (the view's first figures) is already being read and computed
 * in its Worker, and ECharts is fetched (both are needed for the first paint).
 */
export const LazyReportDesk = lazy(() => {
  const now = today();
  const started = starter().then((m) => m.startReport(Number(now.slice(0, 4)), now));
  void import('../../ui/echarts');
  // The view takes the started run (reportOffThread): it renders only once the run has started.
  return Promise.all([import('./index'), started]).then(([view]) => view);
});

const dropStartedReport = () => void starter().then((m) => m.dropStartedReport());

/** 首页's two tabs: 待办事项 (the dashboard, '/') and 年度报告 ('/report'); the sidebar keeps its eight entries. */
export function HomeTabs(props: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.startsWith('/report') ? '/report' : '/';
  // Leaving 年度报告 before its view took the report started for it: drop it (a later opening reads again).
  useEffect(() => (active === '/report' ? dropStartedReport : undefined), [active]);
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
