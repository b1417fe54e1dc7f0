/**
 * The cold-start reference of npm run bench (issue 17): a page served by the same server as the app that
 * loads only React and antd (the antd pieces of the app's shell: ConfigProvider in Chinese, Layout, Menu,
 * Typography) and paints a heading. The app's 首页 is measured against it (scripts/bench/desks.mjs).
 */
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, Layout, Menu, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';

const items = ['首页', '会员', '入会申请', '会费', '会议', '专项行动', '发文', '设置'].map((label) => ({
  key: label,
  label,
}));

createRoot(document.getElementById('root')!).render(
  h(
    StrictMode,
    null,
    h(
      ConfigProvider,
      { locale: zhCN },
      h(
        Layout,
        { style: { minHeight: '100vh' } },
        h(
          Layout.Sider,
          { width: 180, theme: 'light' },
          h(Menu, { mode: 'inline', selectedKeys: ['首页'], items }),
        ),
        h(
          Layout.Content,
          { style: { padding: 20 } },
          h(Typography.Title, { level: 1, style: { fontSize: 22, margin: 0 } }, '空白页'),
        ),
      ),
    ),
  ),
);
