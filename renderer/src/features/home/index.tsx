import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Page } from '../../ui/Page';
import { CharterRef } from '../../ui/CharterRef';
import { today } from '../../ui/today';
import { db } from '../../db';
import { yuan } from '../dues/ledger';
import { DASHBOARD_TABLES, type Dashboard } from './dashboard';
import { keptDashboard } from './derived';
import { sessionCache, useSessionCache } from './sessionCache';
import { errorText } from '../../ui/errorText';

const SHOW = 6;

function daysText(daysLeft: number): string {
  return daysLeft > 0 ? `剩 ${daysLeft} 天` : daysLeft === 0 ? '今天到期' : `已超期 ${-daysLeft} 天`;
}

/** One to-do: a titled card with its count, the first items (each a link) and 展开全部. */
function Todo<T>(props: {
  title: string;
  /** The rules behind the card (R-M6 …), shown as the charter's articles. */
  rules: readonly string[];
  /** What follows the article: 5 个工作日内, 须确认. */
  note?: string;
  count: number;
  to: string;
  toLabel: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  extra?: ReactNode;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? props.items : props.items.slice(0, SHOW);
  return (
    <Col xs={24} lg={12} xxl={8}>
      <section aria-label={props.title} style={{ height: '100%' }}>
        <Card
          size="small"
          style={{ height: '100%' }}
          title={
            <Flex gap={8} align="center">
              <Link to={props.to}>{props.title}</Link>
              <span
                data-testid="todo-count"
                data-count={props.count}
                aria-label={`${props.title}：${props.count} 项`}
              >
                <Badge
                  count={props.count}
                  showZero
                  overflowCount={9999}
                  color={props.count > 0 ? '#cf1322' : '#52c41a'}
                />
              </span>
            </Flex>
          }
          extra={<CharterRef rules={props.rules} {...(props.note ? { note: props.note } : {})} />}
        >
          {props.extra}
          {props.items.length === 0 ? (
            <Typography.Text type="secondary">{props.empty}</Typography.Text>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {shown.map((it, i) => (
                <li key={i} className="todo-item" style={{ padding: '4px 0' }}>
                  {props.render(it)}
                </li>
              ))}
            </ul>
          )}
          <Flex gap={8} justify="space-between" style={{ marginTop: 4 }}>
            {props.items.length > SHOW ? (
              <Button size="small" type="link" onClick={() => setAll(!all)} style={{ paddingInline: 0 }}>
                {all ? '收起' : `展开全部 ${props.items.length} 项`}
              </Button>
            ) : (
              <span />
            )}
            <Link to={props.to}>{props.toLabel} →</Link>
          </Flex>
        </Card>
      </section>
    </Col>
  );
}

/** A to-do's line: the record's link on the left, its state on the right. */
function TodoLine(props: { to: string; children: ReactNode; aside: ReactNode }) {
  return (
    <Flex justify="space-between" style={{ width: '100%' }}>
      <Link to={props.to}>{props.children}</Link>
      {props.aside}
    </Flex>
  );
}

/** A to-do's entry of two lines or more: the record's link, then its details in small grey text. */
function TodoStack(props: { to: string; name: ReactNode; details: readonly string[] }) {
  return (
    <Flex vertical style={{ width: '100%' }}>
      <Link to={props.to}>{props.name}</Link>
      {props.details.map((r) => (
        <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>
          {r}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function DashboardView({ d }: { d: Dashboard }) {
  return (
    <Row gutter={[16, 16]}>
      <Todo
        title="入会申请待办"
        rules={['R-M3']}
        count={d.applications.count}
        to="/applications"
        toLabel="入会申请"
        items={d.applications.items}
        empty="没有待办的入会申请"
        extra={
          <Flex gap={6} wrap style={{ marginBottom: 8 }} aria-label="各步骤待办数">
            {d.applications.byStep.map((s) => (
              <Tag key={s.step} color={s.count > 0 ? 'blue' : undefined}>
                {s.label} {s.count}
              </Tag>
            ))}
          </Flex>
        }
        render={(a) => (
          <TodoLine to={`/applications/${a.id}`} aside={<Tag>{a.label}</Tag>}>
            {a.name}
          </TodoLine>
        )}
      />
      <Todo
        title="退会待报常务理事会"
        rules={['R-M6']}
        note="5 个工作日内"
        count={d.withdrawalReports.count}
        to="/members"
        toLabel="会员"
        items={d.withdrawalReports.items}
        empty="没有待报告的退会"
        render={(w) => (
          <TodoLine
            to={`/members/${w.memberId}`}
            aside={
              <Typography.Text type={w.daysLeft < 0 ? 'danger' : w.daysLeft <= 2 ? 'warning' : undefined}>
                {w.reportDueBy} 前（{daysText(w.daysLeft)}）
              </Typography.Text>
            }
          >
            {w.name}
          </TodoLine>
        )}
      />
      <Todo
        title="会费逾期未缴"
        rules={['R-D2', 'R-D3', 'R-D7']}
        count={d.duesOverdue.count}
        to="/dues?status=overdue"
        toLabel="会费"
        items={d.duesOverdue.items}
        empty={`${d.duesOverdue.year} 年没有逾期未缴的会费`}
        extra={
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {d.duesOverdue.year} 年逾期欠缴合计 {yuan(d.duesOverdue.total)} 元
          </Typography.Paragraph>
        }
        render={(r) => (
          <TodoLine
            to="/dues?status=overdue"
            aside={
              <Typography.Text type="danger">
                欠 {yuan(r.outstanding)} 元{r.partial ? '（部分缴纳）' : ''}
              </Typography.Text>
            }
          >
            {r.name}
          </TodoLine>
        )}
      />
      <Todo
        title="自动退会候选"
        rules={['R-M7']}
        note="须确认"
        count={d.autoWithdrawal.count}
        to="/members"
        toLabel="会员"
        items={d.autoWithdrawal.items}
        empty="没有自动退会候选"
        render={(c) => <TodoStack to={`/members/${c.memberId}`} name={c.name} details={c.reasons} />}
      />
      <Todo
        title="常务理事连续两次缺席"
        rules={['R-O6']}
        count={d.standingAbsences.count}
        to="/meetings"
        toLabel="会议"
        items={d.standingAbsences.items}
        empty="没有连续缺席的常务理事"
        render={(f) => (
          <TodoStack to="/meetings" name={f.name} details={[`缺席 ${f.dates[0]}、${f.dates[1]}`]} />
        )}
      />
      <Todo
        title="会议未按期召开"
        rules={['R-O2', 'R-O4', 'R-O6']}
        count={d.meetingsBehind.count}
        to="/meetings"
        toLabel="会议"
        items={d.meetingsBehind.items}
        empty="各机构均已按章程规定的频次开会"
        render={(p) => (
          <TodoLine
            to="/meetings"
            aside={<Tag color={p.status === 'missed' ? 'red' : 'orange'}>{p.statusLabel}</Tag>}
          >
            {p.message}
          </TodoLine>
        )}
      />
      <Todo
        title="任期 90 天内届满"
        rules={['R-O3', 'R-O9']}
        count={d.termsEnding.count}
        to="/meetings"
        toLabel="会议"
        items={d.termsEnding.items}
        empty="90 天内没有届满的任期"
        render={(t) => (
          <TodoLine
            to="/meetings"
            aside={
              <Typography.Text type="secondary">
                {t.endsOn}（{daysText(t.daysLeft)}）
              </Typography.Text>
            }
          >
            {t.role} {t.holderName}
          </TodoLine>
        )}
      />
    </Row>
  );
}

/**
 * The to-do list as of a date, kept for the session until a table it reads changes: opening 首页 again
 * shows it at once instead of reading every table and computing every member's ledger again (issue 17).
 * A new session takes the kept parts stored in the database (features/home/derived.ts: used as they are
 * when nothing they depend on changed, else brought up to date for the members written since).
 */
const dashboards = sessionCache({
  dbName: db.name,
  tables: DASHBOARD_TABLES,
  compute: (asOf: string) =>
    keptDashboard(db, asOf).then(
      (d) => ({ d, error: null as string | null }),
      (e: unknown) => ({ d: null, error: errorText(e) }),
    ),
});

export function HomeDesk() {
  const asOf = today();
  const result = useSessionCache(dashboards, asOf);
  return (
    <Page
      title="首页"
      ready={result !== undefined}
      extra={<Typography.Text type="secondary">截至 {asOf} 的待办事项</Typography.Text>}
    >
      {!result ? (
        <Spin />
      ) : result.error || !result.d ? (
        <Alert type="error" showIcon title={`无法计算待办事项：${result.error ?? ''}`} />
      ) : (
        // data-kept: how the kept parts were obtained (kept / incremental / computed), for the bench's record.
        <div data-kept={result.d.how.join(',')}>
          <DashboardView d={result.d} />
        </div>
      )}
    </Page>
  );
}
