import { LoadingOutlined } from '@ant-design/icons';
import { ConfigProvider, Layout, Menu, App as AntApp, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { SingleTabGuard } from './singleTab';
import { NAV, navKeyFor } from './nav';
import { HomeDesk } from '../features/home';
import { HomeTabs, LazyReportDesk } from '../features/report/HomeTabs';
import { MembersDesk } from '../features/members';
import { ApplicationsDesk } from '../features/applications';
import { DuesDesk } from '../features/dues';
import { MeetingsDesk } from '../features/meetings';
import { ProgrammesDesk } from '../features/programmes';
import { DocumentsDesk } from '../features/documents';
import { SettingsDesk } from '../features/settings';

dayjs.locale('zh-cn');

function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
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
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, background: '#f5f5f5', minWidth: 0 }}>
        <ErrorBoundary key={navKeyFor(location.pathname)}>
          <Routes>
            <Route
              path="/"
              element={
                <HomeTabs>
                  <HomeDesk />
                </HomeTabs>
              }
            />
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
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  return (
    // autoInsertSpace off: button labels stay exactly as written (保存, not 保 存) for the clerk and for tests.
    // A fixed loading icon (no enter/leave animation): antd's default one leaves through a CSS transition,
    // and where transitionend never arrives (seen in headless Chromium) the hidden icon stayed in the
    // button, so its accessible name read "loading 导出 Word" after the work had finished.
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { fontSize: 14 } }}
      button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-label="处理中" /> }}
    >
      <AntApp>
        <SingleTabGuard>
          <ErrorBoundary>
            <HashRouter>
              <Shell />
            </HashRouter>
          </ErrorBoundary>
        </SingleTabGuard>
      </AntApp>
    </ConfigProvider>
  );
}
