import { useState } from 'react';
import { Alert, App, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import type { Application } from '../../../../shared/domain/records';
import { Page } from '../../ui/Page';
import { DeskRoutes, NewButton } from '../../ui/DeskRoutes';
import { today } from '../../ui/today';
import { db } from '../../db';
import { MemberForm } from '../members';
import { ApplicationPage } from './ApplicationPage';
import { createApplication, RejoinBanned } from './data';
import { applicationStatusLabel } from './logic';
import { DeskTable } from '../../ui/DeskTable';

function statusColor(a: Application): string {
  if (a.step === 'done') return a.outcome === 'approved' ? 'green' : 'red';
  return 'blue';
}

function ApplicationList() {
  const apps = useLiveQuery(() => db.applications.orderBy('createdAt').reverse().toArray(), []);
  return (
    <Page title="入会申请" ready={apps !== undefined} extra={<NewButton to="new">新建申请</NewButton>}>
      <DeskTable<Application>
        label="入会申请列表"
        rowKey="id"
        rows={apps}
        perPage={20}
        empty="尚无入会申请"
        columns={[
          {
            title: '单位名称',
            render: (_, a) => <Link to={`/applications/${a.id}`}>{a.unit.name}</Link>,
          },
          { title: '统一社会信用代码', render: (_, a) => a.unit.creditCode },
          { title: '提交日期', width: 120, render: (_, a) => a.createdAt.slice(0, 10) },
          {
            title: '办理进度',
            width: 220,
            render: (_, a) => <Tag color={statusColor(a)}>{applicationStatusLabel(a)}</Tag>,
          },
          {
            title: '入会日期',
            width: 120,
            render: (_, a) => (a.council?.decision === 'approved' ? a.council.on : '—'),
          },
        ]}
      />
    </Page>
  );
}

/** 新建申请: the unit's details on the member form; a former member within its ban is stopped (R-M8, R-M9). */
function NewApplication() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [banned, setBanned] = useState<string | null>(null);
  return (
    <Page title="新建入会申请">
      {banned && <Alert type="error" showIcon role="alert" message={banned} style={{ marginBottom: 16 }} />}
      <MemberForm
        label="新建入会申请"
        checkDuplicates={false}
        initialValues={{ tier: 'member' }}
        onCancel={() => navigate('/applications')}
        onSubmit={async ({ fields, confirmedWarnings }) => {
          setBanned(null);
          try {
            const id = await createApplication(db, fields, confirmedWarnings, today());
            message.success(`已新建入会申请：${fields.name}`);
            navigate(`/applications/${id}`);
          } catch (e) {
            if (!(e instanceof RejoinBanned)) throw e;
            // R-M9: refused, and said above the form; nothing is saved, so leaving still asks.
            setBanned(e.message);
            return false;
          }
        }}
      />
    </Page>
  );
}

export function ApplicationsDesk() {
  return (
    <DeskRoutes list={<ApplicationList />} pages={{ new: <NewApplication />, ':id': <ApplicationPage /> }} />
  );
}
