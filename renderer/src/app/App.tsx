import { LoadingOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { ConfigProvider, Flex, Layout, Menu, App as AntApp, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createHashRouter, Route, RouterProvider, Routes, useLocation, useNavigate } from 'react-router';
import './app.css';
import { ErrorBoundary } from './ErrorBoundary';
import { LeaveGuard } from './LeaveGuard';
import { SingleTabGuard } from './singleTab';
import { afterNextPaint } from './startup';
import { NAV, navKeyFor } from './nav';
import { Page } from '../ui/Page';
import { prefersReducedMotion } from '../ui/reducedMotion';
import { HomeTabs, LazyReportDesk } from '../features/report/HomeTabs';

// Every desk loads on first use, with the export libraries it carries (docx, SheetJS, pinyin data), and so
// do the sync status (PouchDB and the replication engine) and 首页's dashboard (Dexie, zod, the charter
// engine): the first screen's script holds only the shell and 首页's frame, which paint before the data
// (issue 17); the dashboard's figures follow.

/**
 * A component whose script loads on demand: `preload()` fetches it (首页's frame calls it once it has
 * painted); once it is here it renders at once, not through a Suspense boundary (React holds content back
 * up to 300 ms after a boundary showed its fallback), and before that it suspends like any lazy desk.
 */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load()
      .then((c) => (loaded = c))
      .catch((e: unknown) => {
        loading = null;
        throw e;
      }));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Deferred(props: P) {
    const C = loaded ?? Lazy;
    return <C {...props} />;
  }
  return { preload, Component: Deferred };
}

const home = deferred(() => import('../features/home').then((m) => m.HomeDesk));
const HomeDesk = home.Component;
// The sync status (PouchDB, the engine) loads when this tab holds the window.
const SyncIndicator = lazy(() => import('../sync/SyncIndicator').then((m) => ({ default: m.SyncIndicator })));
const MembersDesk = lazy(() => import('../features/members').then((m) => ({ default: m.MembersDesk })));
const ApplicationsDesk = lazy(() =>
  import('../features/applications').then((m) => ({ default: m.ApplicationsDesk })),
);
const DuesDesk = lazy(() => import('../features/dues').then((m) => ({ default: m.DuesDesk })));
const MeetingsDesk = lazy(() => import('../features/meetings').then((m) => ({ default: m.MeetingsDesk })));
const ProgrammesDesk = lazy(() =>
  import('../features/programmes').then((m) => ({ default: m.ProgrammesDesk })),
);
const DocumentsDesk = lazy(() => import('../features/documents').then((m) => ({ default: m.DocumentsDesk })));
const SettingsDesk = lazy(() => import('../features/settings').then((m) => ({ default: m.SettingsDesk })));

/** Shown while a desk's script loads (a fraction of a second from the local files). */
function DeskLoading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin tip="正在加载…">
        <div style={{ width: 120, height: 40 }} />
      </Spin>
    </Flex>
  );
}

/** 首页 while its dashboard's script loads: its heading, and the same busy card the dashboard shows first. */
function HomeLoading() {
  return (
    <Page title="首页" ready={false}>
      <Spin />
    </Page>
  );
}

/** 首页's frame before the tab holds the window: its dashboard's script loads meanwhile. */
function HomeFrame() {
  useEffect(() => afterNextPaint(() => void home.preload().catch(() => undefined)), []);
  return <HomeLoading />;
}

dayjs.locale('zh-cn');

/**
 * The window: the sidebar and the desk of the location. `owner` is false while the tab is asking for the
 * window lock and opening the database (app/singleTab.tsx): then only the frame paints — the sidebar, and
 * 首页's heading and tabs or a desk's loading sign — with no desk and no sync engine started.
 */
function Shell({ owner }: { owner: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const homeRoute = (
    <HomeTabs>
      <Suspense fallback={<HomeLoading />}>{owner ? <HomeDesk /> : <HomeFrame />}</Suspense>
    </HomeTabs>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {owner && <LeaveGuard />}
      <Layout.Sider width={180} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Typography.Title level={5} style={{ padding: '16px 20px 8px', margin: 0 }}>
          秘书处工作台
        </Typography.Title>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={[navKeyFor(location.pathname)]}
            items={NAV.map((n) => ({ key: n.path, label: n.label }))}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
        {owner && (
          <Suspense fallback={null}>
            <SyncIndicator />
          </Suspense>
        )}
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, background: '#f5f5f5', minWidth: 0 }}>
        <ErrorBoundary key={navKeyFor(location.pathname)}>
          <Suspense fallback={<DeskLoading />}>
            {owner ? (
              <Routes>
                <Route path="/" element={homeRoute} />
                <Route
                  path="/report/*"
                  element={
                    <HomeTabs>
                      <LazyReportDesk />
                    </HomeTabs>
                  }
                />
                <Route path="/members/*" element={<MembersDesk />} />
                <Route path="/applications/*" element={<ApplicationsDesk />} />
                <Route path="/dues/*" element={<DuesDesk />} />
                <Route path="/meetings/*" element={<MeetingsDesk />} />
                <Route path="/programmes/*" element={<ProgrammesDesk />} />
                <Route path="/documents/*" element={<DocumentsDesk />} />
                <Route path="/settings/*" element={<SettingsDesk />} />
                <Route path="*" element={<Typography.Text>未找到该页面。</Typography.Text>} />
              </Routes>
            ) : (
              <Routes>
                <Route path="/" element={homeRoute} />
                <Route path="*" element={<DeskLoading />} />
              </Routes>
            )}
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

/**
 * antd's palette with every text at WCAG AA contrast (4.5:1, axe's color-contrast, issue 16): its primary
 * #1677ff (4.1:1 on white), secondary text #8c8c8c (3.4:1), placeholders #bfbfbf (1.8:1) and the tags' text
 * (the palette's 7th shade on its 1st, ~3.4:1) are each one step darker.
 */
const THEME = {
  token: {
    fontSize: 14,
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorSuccess: '#389e0d',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    red7: '#a8071a',
    volcano7: '#ad2102',
    orange7: '#ad4e00',
    gold7: '#ad6800',
    yellow7: '#ad8b00',
    lime7: '#5b8c00',
    green7: '#237804',
    cyan7: '#006d75',
    blue7: '#003eb3',
    geekblue7: '#10239e',
    purple7: '#391085',
    magenta7: '#9e1068',
  },
} as const;

/**
 * One route holding the window: the desks route among themselves (<Routes> in the shell and in each desk);
 * the data router is there for navigation blocking (app/LeaveGuard.tsx).
 */
function createRouter() {
  return createHashRouter([
    {
      path: '*',
      // Our boundary inside the route: a data router would otherwise catch a render error with its own
      // (English) error page before the boundary around it.
      element: (
        <ErrorBoundary>
          <SingleTabGuard waiting={<Shell owner={false} />}>
            <Shell owner />
          </SingleTabGuard>
        </ErrorBoundary>
      ),
    },
  ]);
}

export function App() {
  const [router] = useState(createRouter);
  const [theme] = useState(() => ({ token: { ...THEME.token, motion: !prefersReducedMotion() } }));
  return (
    // No zoom or fade where the system asks for less motion (ui/reducedMotion.ts).
    // autoInsertSpace off: button labels stay exactly as written (保存, not 保 存) for the clerk and for tests.
    // A fixed loading icon (no enter/leave animation): antd's default one leaves through a CSS transition,
    // and where transitionend never arrives (seen in headless Chromium) the hidden icon stayed in the
    // button, so its accessible name read "loading 导出 Word" after the work had finished.
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-label="处理中" /> }}
    >
      {/*
        Toasts near the foot of the window, not at the top: there they covered a page's title, its action
        buttons (导出会议纪要) and the register's search box (issue 16). antd places them top-centre only.
      */}
      <AntApp message={{ top: 'calc(100vh - 96px)' }}>
        <ErrorBoundary>
          <RouterProvider router={router} />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
