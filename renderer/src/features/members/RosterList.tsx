/**
 * The roster's list: a windowed table of fixed-height rows (only the rows in view are in the DOM),
 * with ARIA table semantics (table, columnheader with aria-sort, row, cell). Lighter than antd's
 * virtual Table, which re-rendered ~200 heavy cells per keystroke: search-as-you-type over 10,000
 * members stays within one frame (npm run bench: search).
 */
import { memo, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MouseEvent, ReactNode } from 'react';
import { Empty, Spin, Tag, theme } from 'antd';
import { CaretDownFilled, CaretUpFilled } from '@ant-design/icons';
import { useHref, useNavigate } from 'react-router';
import type { Member } from '../../../../shared/domain/records';
import type { MemberStatus } from '../../../../shared/domain/types';
import { MEMBER_STATUS_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import { memberPath, type RosterSort, type RosterSortKey } from './logic';
import { rowsOf, rowWindow } from '../../ui/rowWindow';

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

interface Column {
  key: RosterSortKey;
  title: string;
  /** CSS grid track. */
  width: string;
  render: (m: Member, href: string) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    key: 'name',
    title: '单位名称',
    width: 'minmax(300px, 1fr)',
    // A plain link: one click handler for the list (RosterList) navigates in the app, as a router Link
    // would, without a Link's hooks per row.
    render: (m, href) => (
      <a href={`${href}${m.id}`} data-member-id={m.id}>
        {m.name}
      </a>
    ),
  },
  { key: 'tier', title: '会员级别', width: '120px', render: (m) => TIER_LABEL[m.tier] },
  {
    key: 'status',
    title: '状态',
    width: '100px',
    // A CSS-only tag (antd's Tag runs its style hooks per row mounted; rows mount on every keystroke).
    render: (m) => (
      <span className={`roster-status roster-status-${STATUS_COLOR[m.status]}`}>
        {MEMBER_STATUS_LABEL[m.status]}
      </span>
    ),
  },
  { key: 'approvedOn', title: '入会日期', width: '120px', render: (m) => m.approvedOn ?? '—' },
  { key: 'representative', title: '会员代表', width: '110px', render: (m) => m.representative.name },
  { key: 'contact', title: '联系人', width: '110px', render: (m) => m.contact.name },
  { key: 'mobile', title: '手机', width: '140px', render: (m) => m.contact.mobile },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
const ROW_HEIGHT = 40;
const MIN_WIDTH = 1000;
// Rows rendered beyond those in view on each side: each one is laid out and painted on every search.
const OVERSCAN = 3;

/** Next sort on a header click: ascending, then descending, then unsorted (as antd's tables do). */
export function nextSort(current: RosterSort | null, key: RosterSortKey): RosterSort | null {
  if (current?.key !== key) return { key, order: 'ascend' };
  return current.order === 'ascend' ? { key, order: 'descend' } : null;
}

const Row = memo(function Row(props: { m: Member; index: number; top: number; href: string }) {
  const { m, index, top, href } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="roster-row"
      style={{ transform: `translateY(${top}px)` }}
    >
      {COLUMNS.map((c) => (
        <div role="cell" key={c.key} className="roster-cell">
          {c.render(m, href)}
        </div>
      ))}
    </div>
  );
});

/**
 * The header row with its sort buttons: memoised, so a keystroke (new rows, same sort) does not render its
 * fourteen sort icons again (antd's icons compute their colours on every render).
 */
const Header = memo(function Header(props: {
  sort: RosterSort | null;
  onSort: (sort: RosterSort | null) => void;
}) {
  const { sort, onSort } = props;
  const { token } = theme.useToken();
  return (
    <div role="rowgroup">
      <div
        role="row"
        aria-rowindex={1}
        style={{
          display: 'grid',
          gridTemplateColumns: GRID,
          background: token.colorFillAlter,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          fontWeight: token.fontWeightStrong,
        }}
      >
        {COLUMNS.map((c) => {
          const order = sort?.key === c.key ? sort.order : null;
          return (
            <div
              role="columnheader"
              key={c.key}
              aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : 'none'}
            >
              <button
                type="button"
                className="roster-sort"
                title={`按${c.title}排序`}
                onClick={() => onSort(nextSort(sort, c.key))}
              >
                <span>{c.title}</span>
                <span aria-hidden className="roster-sort-icons">
                  <CaretUpFilled style={{ color: order === 'ascend' ? token.colorPrimary : undefined }} />
                  <CaretDownFilled style={{ color: order === 'descend' ? token.colorPrimary : undefined }} />
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** A left click on a member's name opens the file in the app (a modified click is left to the browser). */
function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export const RosterList = memo(function RosterList(props: {
  rows: Member[];
  loading: boolean;
  anyMembers: boolean;
  sort: RosterSort | null;
  onSort: (sort: RosterSort | null) => void;
  height: number;
}) {
  const { rows, loading, anyMembers, sort, onSort, height } = props;
  const { token } = theme.useToken();
  const navigate = useNavigate();
  // The href of a member's file without its id (e.g. #/members/), for the plain links of the rows.
  const href = useHref(memberPath(0)).replace(/0$/, '');
  const scroller = useRef<HTMLDivElement>(null);
  // The window of rows from the scroll position: every row is ROW_HEIGHT high, so the rows in view are
  // arithmetic — nothing per row of the result (a general virtualiser measured all of them, keyed each
  // and allocated their positions on every keystroke: ~10,000 entries for the first letter typed).
  const [scrollTop, setScrollTop] = useState(0);
  // A new search starts at the top of its results. The scroll position is tracked from scroll events,
  // so the common case (already at the top) costs no forced layout.
  const scrolled = useRef(false);
  const view = rowWindow(scrollTop, height, ROW_HEIGHT, rows.length, OVERSCAN);
  useEffect(() => {
    if (scrolled.current) scroller.current?.scrollTo({ top: 0 });
  }, [rows]);

  const cellPad = `0 ${token.paddingXS}px`;
  return (
    <div
      role="table"
      aria-label="会员名册"
      aria-rowcount={rows.length + 1}
      aria-busy={loading}
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        overflowX: 'auto',
        ['--roster-cell-pad' as string]: cellPad,
        ['--roster-hover' as string]: token.controlItemBgHover,
        ['--roster-border' as string]: token.colorBorderSecondary,
        ['--roster-grid' as string]: GRID,
        ['--roster-row-height' as string]: `${ROW_HEIGHT}px`,
      }}
    >
      <div style={{ minWidth: MIN_WIDTH }}>
        <Header sort={sort} onSort={onSort} />
        <div
          ref={scroller}
          onScroll={(e) => {
            const y = e.currentTarget.scrollTop;
            scrolled.current = y > 0;
            // Rendered before the frame that shows the scrolled position (as a virtualiser does).
            flushSync(() => setScrollTop(y));
          }}
          role="rowgroup"
          style={{ height, overflowY: 'auto', overflowX: 'hidden', contain: 'strict', position: 'relative' }}
        >
          {loading ? (
            <div style={{ padding: 48, textAlign: 'center' }}>
              <Spin tip="正在读取…">
                <div style={{ height: 40 }} />
              </Spin>
            </div>
          ) : rows.length === 0 ? (
            <div className="roster-empty" style={{ paddingTop: 48 }}>
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  anyMembers ? '没有符合条件的会员' : '尚无会员：点击“新增会员”录入，或在 设置 中加载演示数据'
                }
              />
            </div>
          ) : (
            <div
              style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}
              onClick={(e) => {
                const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-member-id]');
                if (!a || !isPlainClick(e)) return;
                e.preventDefault();
                navigate(memberPath(Number(a.dataset.memberId)));
              }}
            >
              {/* Rows are keyed by their slot in a ring as large as the window of rows: a new search
                  updates the rows in place (their text) instead of unmounting and mounting them. */}
              {rowsOf(view).map((i) => (
                <Row key={i % view.size} m={rows[i]!} index={i} top={i * ROW_HEIGHT} href={href} />
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
});
