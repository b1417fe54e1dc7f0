import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import type { Member } from '../../../../shared/domain/records';
import type { MemberStatus, Tier } from '../../../../shared/domain/types';
import { MEMBER_STATUS_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import { Page } from '../../app/Page';
import { ImportRosterButton } from '../../data/ImportRosterButton';
import { ExportRosterButton } from '../../data/ExportRosterButton';
import { db } from '../../db';
import {
  STATUS_OPTIONS,
  TIER_OPTIONS,
  approvalYears,
  filterMembers,
  memberPath,
  sortMembers,
  type RosterSort,
  type RosterSortKey,
} from './logic';

export const STATUS_COLOR: Record<MemberStatus, string> = {
  applying: 'blue',
  reviewing: 'blue',
  approved: 'cyan',
  active: 'green',
  withdrawing: 'orange',
  withdrawn: 'default',
  'auto-withdrawn': 'default',
  expelled: 'red',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{MEMBER_STATUS_LABEL[status]}</Tag>;
}

/** The roster: all member units, virtualised (fast at 10,000 rows), filtered and searched in memory. */
export function Roster() {
  const navigate = useNavigate();
  const members = useLiveQuery(() => db.members.toArray(), []);
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<Tier | undefined>();
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [sort, setSort] = useState<RosterSort | null>({ key: 'name', order: 'ascend' });
  const deferredQuery = useDeferredValue(query);

  const years = useMemo(() => approvalYears(members ?? []), [members]);
  const filtered = useMemo(
    () => filterMembers(members ?? [], { query: deferredQuery, tier, status, year }),
    [members, deferredQuery, tier, status, year],
  );
  const rows = useMemo(() => sortMembers(filtered, sort), [filtered, sort]);

  const col = (key: RosterSortKey, title: string, width: number, render: (m: Member) => React.ReactNode) => ({
    key,
    title,
    width,
    sorter: true,
    sortOrder: sort?.key === key ? sort.order : null,
    showSorterTooltip: false,
    render: (_: unknown, m: Member) => render(m),
  });
  const columns: TableColumnsType<Member> = [
    col('name', '单位名称', 300, (m) => <Link to={memberPath(m.id as number)}>{m.name}</Link>),
    col('tier', '会员级别', 120, (m) => TIER_LABEL[m.tier]),
    col('status', '状态', 100, (m) => <StatusTag status={m.status} />),
    col('approvedOn', '入会日期', 120, (m) => m.approvedOn ?? '—'),
    col('representative', '会员代表', 110, (m) => m.representative.name),
    col('contact', '联系人', 110, (m) => m.contact.name),
    col('mobile', '手机', 140, (m) => m.contact.mobile),
  ];

  return (
    <Page
      title="会员"
      extra={
        <>
          <ImportRosterButton />
          <ExportRosterButton members={rows} label="导出当前名册（Excel）" />
          <Button type="primary" onClick={() => navigate('new')}>
            新增会员
          </Button>
        </>
      }
    >
      <Flex vertical gap={12}>
        <Form layout="inline" name="roster" colon={false} style={{ rowGap: 8 }}>
          <Form.Item label="搜索" htmlFor="roster-search">
            <Input
              id="roster-search"
              allowClear
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="单位名称、拼音首字母、信用代码、人名"
              style={{ width: 300 }}
            />
          </Form.Item>
          <Form.Item label="会员级别" htmlFor="roster-tier">
            <Select
              id="roster-tier"
              allowClear
              placeholder="全部"
              value={tier}
              onChange={(v) => setTier(v)}
              options={TIER_OPTIONS}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item label="状态" htmlFor="roster-status">
            <Select
              id="roster-status"
              allowClear
              placeholder="全部"
              value={status}
              onChange={(v) => setStatus(v)}
              options={STATUS_OPTIONS}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item label="入会年份" htmlFor="roster-year">
            <Select
              id="roster-year"
              allowClear
              placeholder="全部"
              value={year}
              onChange={(v) => setYear(v)}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              style={{ width: 120 }}
            />
          </Form.Item>
        </Form>
        <Typography.Text role="status">
          {members === undefined ? '正在读取…' : `共 ${rows.length} 家`}
          {members !== undefined && rows.length !== members.length ? `（全部 ${members.length} 家）` : ''}
        </Typography.Text>
        <Table<Member>
          virtual
          size="small"
          rowKey="id"
          loading={members === undefined}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000, y: Math.max(320, window.innerHeight - 300) }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (s && s.order && s.columnKey) setSort({ key: s.columnKey as RosterSortKey, order: s.order });
            else setSort(null);
          }}
          locale={{
            emptyText: members?.length
              ? '没有符合条件的会员'
              : '尚无会员：点击“新增会员”录入，或在 设置 中加载演示数据',
          }}
        />
      </Flex>
    </Page>
  );
}
