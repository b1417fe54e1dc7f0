import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Spin, theme } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { today } from '../../ui/today';
import './homeTabs.css';

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

const TABS = [
  { key: '/', label: '待办事项', id: 'home-tab-todo' },
  { key: '/report', label: '年度报告', id: 'home-tab-report' },
] as const;

/**
 * 首页's two tabs: 待办事项 (the dashboard, '/') and 年度报告 ('/report'); the sidebar keeps its eight entries.
 * Plain ARIA tabs (WAI-ARIA's tabs pattern: ← → Home End move between them and select) in antd's line style
 * (homeTabs.css): antd's Tabs, in the first screen, generated its styles and measured its ink bar before
 * 首页's first paint (issue 17, cold start).
 */
export function HomeTabs(props: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.startsWith('/report') ? '/report' : '/';
  const list = useRef<HTMLDivElement>(null);
  // Leaving 年度报告 before its view took the report started for it: drop it (a later opening reads again).
  useEffect(() => (active === '/report' ? dropStartedReport : undefined), [active]);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.key === active);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (at + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    navigate(TABS[to]!.key);
    list.current?.querySelector<HTMLElement>(`#${TABS[to]!.id}`)?.focus();
  };
  const activeTab = TABS.find((t) => t.key === active)!;
  // The theme's colours (App.tsx) for the tabs' plain CSS.
  const { token } = theme.useToken();
  const colours = {
    '--home-tab-text': token.colorText,
    '--home-tab-active': token.colorPrimary,
    '--home-tab-hover': token.colorPrimaryHover,
    '--home-tab-focus': token.colorPrimaryBorder,
    '--home-tab-line': token.colorSplit,
  } as CSSProperties;
  return (
    <>
      <div
        role="tablist"
        aria-label="首页"
        className="home-tabs"
        style={colours}
        ref={list}
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={t.id}
            aria-selected={t.key === active}
            aria-controls="home-tabpanel"
            tabIndex={t.key === active ? 0 : -1}
            className="home-tab"
            onClick={() => t.key !== active && navigate(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="home-tabpanel" aria-labelledby={activeTab.id}>
        <Suspense fallback={<Spin />}>{props.children}</Suspense>
      </div>
    </>
  );
}
