import { useState } from 'react';
import { Button } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import type { Programme } from '../../../../shared/domain/records';
import { Page } from '../../ui/Page';
import { DeskRoutes } from '../../ui/DeskRoutes';
import { db } from '../../db';
import { ProgrammeDetail } from './Detail';
import { ProgrammeFormModal } from './ProgrammeForm';
import { deadlineLabel } from './logic';
import { DeskTable } from '../../ui/DeskTable';

function ProgrammeList() {
  const navigate = useNavigate();
  const programmes = useLiveQuery(() => db.programmes.toArray(), []);
  const enrolments = useLiveQuery(() => db.enrolments.toArray(), []);
  const [open, setOpen] = useState(false);
  const count = (id: number | undefined) =>
    (enrolments ?? []).filter((e) => e.programmeId === id && e.status !== 'withdrawn').length;
  return (
    <Page
      title="专项行动"
      ready={programmes !== undefined && enrolments !== undefined}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          新建专项行动
        </Button>
      }
    >
      <ProgrammeFormModal
        open={open}
        onClose={(id) => {
          setOpen(false);
          if (id !== undefined) navigate(`/programmes/${id}`);
        }}
      />
      <DeskTable<Programme>
        label="专项行动列表"
        rowKey="id"
        rows={programmes && [...programmes].sort((a, b) => b.callYear - a.callYear)}
        empty="尚无专项行动。点击“新建专项行动”。"
        columns={[
          { key: 'name', title: '名称', render: (_, p) => <Link to={`/programmes/${p.id}`}>{p.name}</Link> },
          { key: 'year', title: '征集年度', dataIndex: 'callYear', width: 100 },
          { key: 'deadline', title: '截止日期', width: 160, render: (_, p) => deadlineLabel(p.deadline) },
          { key: 'count', title: '成员单位', width: 100, render: (_, p) => count(p.id) },
        ]}
      />
    </Page>
  );
}

/** 专项行动 desk (R-P1..R-P3). */
export function ProgrammesDesk() {
  return <DeskRoutes list={<ProgrammeList />} pages={{ ':id': <ProgrammeDetail /> }} />;
}
