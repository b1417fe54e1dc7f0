import { memo, useMemo, useState } from 'react';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router';
import type { Member } from '../../../../shared/domain/records';
import type { MemberStatus, Tier } from '../../../../shared/domain/types';
import { Page } from '../../ui/Page';
import { ImportRosterButton } from '../../io/ImportRosterButton';
import { ExportRosterButton } from '../../io/ExportRosterButton';
import { db } from '../../db';
import {
  STATUS_OPTIONS,
  TIER_OPTIONS,
  approvalYears,
  filterMembers,
  sortMembers,
  type RosterSort,
} from './logic';
import { RosterList } from './RosterList';
import './roster.css';

export { STATUS_COLOR, StatusTag } from './RosterList';

/**
 * The search box. Filtering 10,000 members is a couple of milliseconds, so the roster follows each
 * keystroke synchronously: one render, painted in the next frame. (A transition or a deferred value
 * cost a second render and often a second frame: 30 ms instead of 14 ms, npm run bench: search.)
 */
const SearchBox = memo(function SearchBox(props: { onSearch: (q: string) => void }) {
  const { onSearch } = props;
  const [text, setText] = useState('');
  return (
    <Form.Item label="搜索" htmlFor="roster-search">
      <Input
        id="roster-search"
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onSearch(e.target.value);
        }}
        placeholder="单位名称、拼音首字母、信用代码、人名"
        style={{ width: 300 }}
      />
    </Form.Item>
  );
});

const Filters = memo(function Filters(props: {
  tier: Tier | undefined;
  status: MemberStatus | undefined;
  year: number | undefined;
  years: number[];
  setTier: (t: Tier | undefined) => void;
  setStatus: (s: MemberStatus | undefined) => void;
  setYear: (y: number | undefined) => void;
}) {
  const { tier, status, year, years, setTier, setStatus, setYear } = props;
  return (
    <>
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
    </>
  );
});

const Actions = memo(function Actions(props: { rows: Member[] }) {
  const navigate = useNavigate();
  return (
    <>
      <ImportRosterButton />
      <ExportRosterButton members={props.rows} label="导出当前名册（Excel）" />
      <Button type="primary" onClick={() => navigate('new')}>
        新增会员
      </Button>
    </>
  );
});

/**
 * The roster: all member units, virtualised (fast at 10,000 rows), searched in memory. The rows are
 * sorted once per sort order (pinyin collation is the costly part) and each keystroke only filters
 * the sorted list, which keeps the order.
 */
export function Roster() {
  const members = useLiveQuery(() => db.members.toArray(), []);
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<Tier | undefined>();
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [sort, setSort] = useState<RosterSort | null>({ key: 'name', order: 'ascend' });
  const [listHeight] = useState(() => Math.max(320, window.innerHeight - 300));

  const years = useMemo(() => approvalYears(members ?? []), [members]);
  const sorted = useMemo(() => sortMembers(members ?? [], sort), [members, sort]);
  const rows = useMemo(
    () => filterMembers(sorted, { query, tier, status, year }),
    [sorted, query, tier, status, year],
  );

  return (
    <Page title="会员" extra={<Actions rows={rows} />} ready={members !== undefined}>
      <Flex vertical gap={12}>
        <Form layout="inline" name="roster" colon={false} style={{ rowGap: 8 }}>
          <SearchBox onSearch={setQuery} />
          <Filters
            tier={tier}
            status={status}
            year={year}
            years={years}
            setTier={setTier}
            setStatus={setStatus}
            setYear={setYear}
          />
        </Form>
        <Typography.Text role="status">
          {members === undefined ? '正在读取…' : `共 ${rows.length} 家`}
          {members !== undefined && rows.length !== members.length ? `（全部 ${members.length} 家）` : ''}
        </Typography.Text>
        {/* data-roster-query: the query the list below is filtered by (the benchmark waits for it). */}
        <div data-roster-query={query}>
          <RosterList
            rows={rows}
            loading={members === undefined}
            anyMembers={(members?.length ?? 0) > 0}
            sort={sort}
            onSort={setSort}
            height={listHeight}
          />
        </div>
      </Flex>
    </Page>
  );
}
