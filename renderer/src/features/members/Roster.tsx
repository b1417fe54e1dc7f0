import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Form, theme } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';

import type { Member } from '../../../../shared/domain/records';
import type { MemberStatus, Tier } from '../../../../shared/domain/types';
import { Page } from '../../ui/Page';
import { NewButton } from '../../ui/DeskRoutes';
import { FilterSelect } from '../../ui/FilterSelect';
import { ImportRosterButton } from './ImportRosterButton';
import { ExportRosterButton } from './ExportRosterButton';
import { db } from '../../db';
import {
  STATUS_OPTIONS,
  TIER_OPTIONS,
  approvalYears,
  rosterFilter,
  sortMembers,
  type RosterSort,
} from './logic';
import { RosterList } from './RosterList';
import './roster.css';

export { STATUS_COLOR, StatusTag } from './RosterList';

/**
 * The search box. Filtering 10,000 members takes a millisecond or two (a search index, logic.ts:
 * rosterFilter), so the roster follows each keystroke synchronously: one render, painted in the next frame.
 * (A transition or a deferred value cost a second render and often a second frame, npm run bench: search.)
 * The text lives in the input below the Form.Item, so a keystroke does not re-render the form item's grid.
 */
const SearchBox = memo(function SearchBox(props: { onSearch: (q: string) => void }) {
  // The theme's colours (App.tsx: darker than antd's defaults, for contrast) for the box's plain CSS.
  const { token } = theme.useToken();
  const colours = {
    '--roster-search-border': token.colorBorder,
    '--roster-search-hover': token.colorPrimaryHover,
    '--roster-search-focus': token.colorPrimary,
    '--roster-search-placeholder': token.colorTextPlaceholder,
    '--roster-search-radius': `${token.borderRadius}px`,
  } as CSSProperties;
  return (
    <Form.Item label="搜索" htmlFor="roster-search" style={colours}>
      <SearchInput onSearch={props.onSearch} />
    </Form.Item>
  );
});

/**
 * A plain input styled as antd's (roster.css): antd's Input re-rendered its wrapper, contexts and style
 * hooks on every keystroke of a controlled value. Uncontrolled: only the clear button follows the text.
 */
function SearchInput(props: { onSearch: (q: string) => void }) {
  const { onSearch } = props;
  const [empty, setEmpty] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="roster-search">
      <input
        id="roster-search"
        ref={input}
        type="text"
        autoComplete="off"
        onChange={(e) => {
          setEmpty(e.target.value === '');
          onSearch(e.target.value);
        }}
        placeholder="单位名称、拼音首字母、信用代码、人名"
      />
      {!empty && (
        <button
          type="button"
          aria-label="清空输入"
          onClick={() => {
            input.current!.value = '';
            setEmpty(true);
            onSearch('');
            input.current!.focus();
          }}
        >
          ×
        </button>
      )}
    </span>
  );
}

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
        <FilterSelect id="roster-tier" value={tier} onChange={setTier} options={TIER_OPTIONS} width={140} />
      </Form.Item>
      <Form.Item label="状态" htmlFor="roster-status">
        <FilterSelect
          id="roster-status"
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
          width={120}
        />
      </Form.Item>
      <Form.Item label="入会年份" htmlFor="roster-year">
        <FilterSelect
          id="roster-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          width={120}
        />
      </Form.Item>
    </>
  );
});

const Actions = memo(function Actions(props: { rows: () => readonly Member[] }) {
  return (
    <>
      <ImportRosterButton />
      <ExportRosterButton members={props.rows} label="导出当前名册（Excel）" />
      <NewButton to="new">新增会员</NewButton>
    </>
  );
});

/**
 * The roster: all member units, virtualised (fast at 10,000 rows), searched in memory. The rows are
 * sorted once per sort order (pinyin collation is the costly part) and indexed once per sorted list;
 * each keystroke only asks the index (logic.ts: rosterFilter), which keeps the order.
 */
export function Roster() {
  const members = useLiveQuery(() => db.members.toArray(), []);
  const [sort, setSort] = useState<RosterSort | null>({ key: 'name', order: 'ascend' });
  // The rows 导出当前名册 exports: the list below hands them up after each search into a ref the button
  // reads when clicked, so a keystroke renders the search box, the count and the list — not the page's
  // heading and buttons (a state handed up re-rendered them, in a transition, before the frame's paint).
  const shown = useRef<readonly Member[]>([]);
  const actions = useMemo(() => <Actions rows={() => shown.current} />, []);
  const body = useMemo(
    () => (
      <RosterBody members={members} sort={sort} onSort={setSort} onRows={(rows) => (shown.current = rows)} />
    ),
    [members, sort],
  );
  return (
    <Page title="会员" extra={actions} ready={members !== undefined}>
      {body}
    </Page>
  );
}

function RosterBody(props: {
  members: Member[] | undefined;
  sort: RosterSort | null;
  onSort: (s: RosterSort | null) => void;
  onRows: (rows: readonly Member[]) => void;
}) {
  const { members, sort, onSort, onRows } = props;
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<Tier | undefined>();
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [listHeight] = useState(() => Math.max(320, window.innerHeight - 300));

  const years = useMemo(() => approvalYears(members ?? []), [members]);
  const sorted = useMemo(() => sortMembers(members ?? [], sort), [members, sort]);
  const filter = useMemo(() => rosterFilter(sorted), [sorted]);
  const rows = useMemo(() => filter({ query, tier, status, year }), [filter, query, tier, status, year]);
  useEffect(() => {
    onRows(rows);
  }, [rows, onRows]);

  // The same element while only the query changes: a keystroke does not re-render antd's Form.
  const form = useMemo(
    () => (
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
    ),
    [tier, status, year, years],
  );

  // Plain elements around the list: antd's Flex and Typography compute class names and register their
  // styles on every render, and this part renders on every keystroke.
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {form}
      <span role="status">
        {members === undefined ? '正在读取…' : `共 ${rows.length} 家`}
        {members !== undefined && rows.length !== members.length ? `（全部 ${members.length} 家）` : ''}
      </span>
      {/* data-roster-query: the query the list below is filtered by (the benchmark waits for it). */}
      <div data-roster-query={query}>
        <RosterList
          rows={rows}
          loading={members === undefined}
          anyMembers={(members?.length ?? 0) > 0}
          sort={sort}
          onSort={onSort}
          height={listHeight}
        />
      </div>
    </div>
  );
}
