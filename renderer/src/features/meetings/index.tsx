import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../ui/Page';
import { Activities } from '../activities/Activities';
import { Compliance } from './Compliance';
import { MeetingDetail } from './MeetingDetail';
import { MeetingList } from './MeetingList';
import { Offices } from '../offices/Offices';

const TABS = [
  { key: '', label: '会议', element: <MeetingList /> },
  { key: 'offices', label: '任职', element: <Offices /> },
  { key: 'activities', label: '活动登记', element: <Activities /> },
  { key: 'compliance', label: '合规', element: <Compliance /> },
];

function MeetingsHome() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.replace(/^\/meetings\/?/, '').split('/')[0] ?? '';
  const active = TABS.some((t) => t.key === sub) ? sub : '';
  return (
    <Page title="会议">
      <Tabs
        activeKey={active || 'list'}
        onChange={(k) => navigate(k === 'list' ? '/meetings' : `/meetings/${k}`)}
        items={TABS.map((t) => ({ key: t.key || 'list', label: t.label, children: t.element }))}
        destroyOnHidden
      />
    </Page>
  );
}

/** 会议 desk (issue 6): meetings, roll call and quorum, minutes, motions and votes, offices, activities, compliance. */
export function MeetingsDesk() {
  return (
    <Routes>
      <Route path="m/:id" element={<MeetingDetail />} />
      <Route path="*" element={<MeetingsHome />} />
    </Routes>
  );
}
