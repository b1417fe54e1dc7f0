import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../ui/Page';
import { useExportFile } from '../../ui/exportFile';
import { duesLedgerWorkbook } from '../../io/export';
import { today } from '../../ui/today';
import { TIER_LABEL } from '../../../../shared/domain/types';
import { receiptClashes } from '../../../../shared/data/receipts';
import { DuesChart } from './Chart';
import { DUES_TABLES, loadDuesData } from './data';
import { keptDuesYear } from '../home/derived';
import { db } from '../../db';
import { sessionCache, useSessionCache } from '../home/sessionCache';
import {
  BankForm,
  ExportModal,
  OverrideModal,
  PaymentModal,
  PaymentsDrawer,
  TrackedFromForm,
} from './dialogs';
import {
  DUES_STATUS_LABEL,
  STATUS_COLOR,
  arrearsOf,
  buildLedger,
  chartSeries,
  filterRows,
  selectableYears,
  totalsOf,
  yuan,
  type DuesStatus,
  type LedgerRow,
} from './ledger';

type Dialog =
  | { kind: 'payment'; row?: LedgerRow }
  | { kind: 'override'; row: LedgerRow }
  | { kind: 'payments'; row: LedgerRow }
  | { kind: 'export' }
  | null;

function AmountCell(props: { row: LedgerRow }) {
  const r = props.row;
  return (
    <Space size={4}>
      <span>{yuan(r.amount)}</span>
      {r.override && (
        <Tooltip title={`已调整（章程标准 ${yuan(r.standardAmount)} 元）：${r.override.reason}`}>
          <Tag color="purple" style={{ marginInlineEnd: 0 }} aria-label={`已调整：${r.override.reason}`}>
            已调整
          </Tag>
        </Tooltip>
      )}
      {!r.override && r.halved && (
        <Tooltip title="当年 7 月 1 日以后批准入会，首年会费减半（章程第三十二条）">
          <Tag style={{ marginInlineEnd: 0 }}>减半</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/**
 * The desk's records as of a date, kept for the session until a member, payment, override, tier change
 * or setting changes (then read again while the desk shows the last ones): opening 会费 again does not
 * read the ~85,000 rows again (issue 17).
 */
const duesData = sessionCache({
  dbName: db.name,
  tables: DUES_TABLES,
  compute: (asOf: string) => loadDuesData(db, asOf),
  keep: 1,
});

/**
 * The first view — the ledger of the as-of year — from the member summaries kept in the database
 * (features/home/derived.ts: kept across sessions, brought up to date for the members written since; the
 * same summaries 首页 uses). Other years read the whole tables (`duesData`) when the clerk picks one.
 */
const duesYear = sessionCache({
  dbName: db.name,
  tables: [...DUES_TABLES, 'participations', 'attendance', 'meetings'],
  compute: (asOf: string) => keptDuesYear(db, asOf),
  keep: 1,
});

export function DuesDesk() {
  const asOf = today();
  const thisYear = Number(asOf.slice(0, 4));
  const view = useSessionCache(duesYear, asOf);
  const exportFile = useExportFile();
  const [year, setYear] = useState(thisYear);
  const full = useSessionCache(duesData, year === thisYear ? null : asOf);
  // What the desk shows: the kept view of the as-of year, or the whole tables for another year.
  const data = view && (year === thisYear || full) ? view : undefined;
  const [query, setQuery] = useState('');
  const [params] = useSearchParams();
  const initialStatus = params.get('status');
  const [status, setStatus] = useState<DuesStatus | 'all'>(
    initialStatus && initialStatus in DUES_STATUS_LABEL ? (initialStatus as DuesStatus) : 'all',
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editBank, setEditBank] = useState(false);

  const ledger = useMemo(
    () =>
      !data
        ? { rows: [], problems: [] }
        : year === data.year
          ? data.ledger
          : full
            ? buildLedger(full, year, asOf, full.settings)
            : { rows: [], problems: [] },
    [data, full, year, asOf],
  );
  // Members on the roll without an approval date (e.g. imported without 入会日期): no dues can be computed.
  const undated = useMemo(
    () =>
      (data?.members ?? []).filter(
        (m) => !m.approvedOn && (m.status === 'active' || m.status === 'withdrawing'),
      ),
    [data],
  );
  const years = useMemo(() => (data ? selectableYears(data.members, asOf) : [year]), [data, asOf, year]);
  const visible = useMemo(() => filterRows(ledger.rows, query, status), [ledger.rows, query, status]);
  const totals = useMemo(() => totalsOf(ledger.rows), [ledger.rows]);
  const arrears = useMemo(() => arrearsOf(ledger.rows), [ledger.rows]);
  const series = useMemo(
    () =>
      chartSeries(ledger.rows, (data && year === data.year ? data.yearPayments : full?.payments) ?? [], year),
    [ledger.rows, data, full, year],
  );
  const byId = useMemo(() => new Map(ledger.rows.map((r) => [r.memberId, r])), [ledger.rows]);
  // Receipt numbers stored twice this year (another workstation entered the same payment offline, a
  // restore, older data): listed until one of each is voided.
  const clashes = useMemo(() => {
    const ofYear =
      data && year === data.year ? data.yearPayments : (full?.payments ?? []).filter((p) => p.year === year);
    return receiptClashes(ofYear);
  }, [data, full, year]);
  const selectedRows = selected.map((id) => byId.get(id)).filter((r): r is LedgerRow => r !== undefined);

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/members/${r.memberId}`}>{r.name}</Link>
          {r.leftOn && <Tag>已于 {r.leftOn} 退出</Tag>}
        </Space>
      ),
    },
    { title: '会员级别', dataIndex: 'tier', width: 120, render: (_, r) => TIER_LABEL[r.tier] },
    {
      title: '应缴金额',
      dataIndex: 'amount',
      width: 150,
      align: 'right',
      sorter: (a, b) => a.amount - b.amount,
      render: (_, r) => <AmountCell row={r} />,
    },
    { title: '截止日期', dataIndex: 'dueOn', width: 110, sorter: (a, b) => a.dueOn.localeCompare(b.dueOn) },
    {
      title: '已缴金额',
      dataIndex: 'paid',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.paid - b.paid,
      render: (v: number) => yuan(v),
    },
    {
      title: '欠缴金额',
      dataIndex: 'outstanding',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.outstanding - b.outstanding,
      render: (v: number, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined} data-testid={`outstanding-${r.memberId}`}>
          {yuan(v)}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, r) => (
        <Tag color={STATUS_COLOR[r.status]} data-testid={`status-${r.memberId}`}>
          {DUES_STATUS_LABEL[r.status]}
        </Tag>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 250,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'payment', row: r })}>
            登记缴费
          </Button>
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'override', row: r })}>
            调整应缴
          </Button>
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'payments', row: r })}>
            明细
          </Button>
        </Space>
      ),
    },
  ];

  const exportButton = (
    <Button disabled={selectedRows.length === 0} onClick={() => setDialog({ kind: 'export' })}>
      导出缴费通知{selectedRows.length ? `（${selectedRows.length}）` : ''}
    </Button>
  );

  return (
    <Page
      title="会费"
      ready={data !== undefined}
      extra={
        <>
          <Button type="primary" onClick={() => setDialog({ kind: 'payment' })} disabled={!data}>
            登记缴费
          </Button>
          {exportButton}
          <Button
            disabled={!data}
            onClick={() =>
              void exportFile(
                `${year}年会费台账.xlsx`,
                duesLedgerWorkbook(
                  year,
                  visible.map((r) => ({
                    memberName: r.name,
                    tier: TIER_LABEL[r.tier],
                    due: r.amount,
                    paid: r.paid,
                    outstanding: r.outstanding,
                    note: r.halved ? '首年减半（章程第三十二条）' : '',
                  })),
                ),
                'xlsx',
              )
            }
          >
            导出台账（Excel）
          </Button>
        </>
      }
    >
      {!data ? (
        <Spin />
      ) : (
        // data-kept: how the as-of year's summaries were obtained (kept / incremental / computed), for the bench.
        <Flex vertical gap={20} data-kept={data.how}>
          <Form layout="inline" role="search" aria-label="筛选">
            <Form.Item label="年度" htmlFor="dues-year">
              <Select
                id="dues-year"
                style={{ width: 110 }}
                value={year}
                onChange={(y: number) => {
                  setYear(y);
                  setSelected([]);
                }}
                options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              />
            </Form.Item>
            <Form.Item label="搜索" htmlFor="dues-search">
              <Input
                id="dues-search"
                allowClear
                style={{ width: 260 }}
                placeholder="单位名称、拼音首字母、信用代码、联系人"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </Form.Item>
            <Form.Item label="状态" htmlFor="dues-status">
              <Select
                id="dues-status"
                style={{ width: 130 }}
                value={status}
                onChange={(s: DuesStatus | 'all') => setStatus(s)}
                options={[
                  { value: 'all', label: '全部' },
                  ...(Object.keys(DUES_STATUS_LABEL) as DuesStatus[]).map((s) => ({
                    value: s,
                    label: DUES_STATUS_LABEL[s],
                  })),
                ]}
              />
            </Form.Item>
          </Form>

          <Row gutter={16} aria-label="年度合计">
            <Col span={6}>
              <Statistic title={`${year} 年应缴合计（元）`} value={totals.amount} />
            </Col>
            <Col span={6}>
              <Statistic title="已缴合计（元）" value={totals.paid} />
            </Col>
            <Col span={6}>
              <Statistic title="欠缴合计（元）" value={totals.outstanding} />
            </Col>
            <Col span={6}>
              <Statistic title="已逾期单位（家）" value={arrears.rows.length} />
            </Col>
          </Row>

          {year < data.trackedFrom && (
            <Alert
              type="warning"
              showIcon
              title={`${year} 年早于会费台账起始年度（${data.trackedFrom} 年）：此前年度的缴费未录入，欠缴和逾期仅供参考，不计入首页待办和自动退会提示。`}
            />
          )}

          {undated.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${undated.length} 家在册会员未登记入会日期，未列入会费台账`}
              description={
                <>
                  会费自入会之日起计算（章程第三十二条）：请在会员档案中用“补填入会日期”补上。
                  {undated.slice(0, 5).map((m) => (
                    <span key={m.id}>
                      {' '}
                      <Link to={`/members/${m.id}`}>{m.name}</Link>
                    </span>
                  ))}
                  {undated.length > 5 ? ` 等 ${undated.length} 家` : ''}
                </>
              }
            />
          )}

          {clashes.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`${clashes.length} 个收据号重复登记：请核对，并在缴费明细中作废多登记的一笔`}
              description={
                <Flex vertical gap={2}>
                  {clashes.slice(0, 5).map((c) => (
                    <span key={c.receiptNo}>
                      收据号 {c.receiptNo}（
                      {c.kind === 'twice' ? '同一单位同一年度登记两次' : '登记在不同单位'}）：
                      {[...new Set(c.payments.map((p) => p.memberId))].map((id) => {
                        const row = byId.get(id);
                        const mine = c.payments.filter((p) => p.memberId === id);
                        const label = `${row?.name ?? `会员 ${id}`}（${mine.map((p) => `${p.paidOn} ${yuan(p.amount)} 元`).join('、')}）`;
                        return row ? (
                          <Button
                            key={id}
                            type="link"
                            size="small"
                            onClick={() => setDialog({ kind: 'payments', row })}
                          >
                            {label}
                          </Button>
                        ) : (
                          <span key={id}> {label}</span>
                        );
                      })}
                    </span>
                  ))}
                  {clashes.length > 5 ? <span>等 {clashes.length} 个</span> : null}
                </Flex>
              }
            />
          )}

          {ledger.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${ledger.problems.length} 家单位的记录有误，未列入台账`}
              description={ledger.problems
                .slice(0, 5)
                .map((p) => `${p.name}：${p.message}`)
                .join('；')}
            />
          )}

          <Table<LedgerRow>
            aria-label="会费台账"
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={visible}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
              preserveSelectedRowKeys: true,
            }}
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => `共 ${n} 家`,
            }}
            locale={{ emptyText: <Empty description="没有符合条件的会员单位" /> }}
          />

          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card size="small" title={`收缴进度（${year} 年，按月累计）`}>
                <DuesChart series={series} year={year} />
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <section aria-label="欠缴名单">
                <Card
                  size="small"
                  title="欠缴名单（已逾期）"
                  extra={
                    <Typography.Text strong data-testid="arrears-total">
                      欠缴合计：{yuan(arrears.total)} 元（{arrears.rows.length} 家）
                    </Typography.Text>
                  }
                >
                  <Table<LedgerRow>
                    rowKey="memberId"
                    size="small"
                    dataSource={arrears.rows}
                    pagination={{ pageSize: 10, showSizeChanger: false }}
                    locale={{ emptyText: '没有逾期欠缴的会员单位' }}
                    columns={[
                      {
                        title: '单位名称',
                        dataIndex: 'name',
                        render: (_, r) => <Link to={`/members/${r.memberId}`}>{r.name}</Link>,
                      },
                      { title: '截止日期', dataIndex: 'dueOn', width: 100 },
                      {
                        title: '欠缴金额',
                        dataIndex: 'outstanding',
                        width: 90,
                        align: 'right',
                        render: (v: number) => yuan(v),
                      },
                      {
                        title: '操作',
                        key: 'op',
                        width: 90,
                        render: (_, r) => (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setDialog({ kind: 'payment', row: r })}
                          >
                            登记缴费
                          </Button>
                        ),
                      },
                    ]}
                  />
                </Card>
              </section>
            </Col>
          </Row>

          <section aria-label="收款账户">
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              收款账户（印在缴费通知上）
            </Typography.Title>
            {!data.bank || editBank ? (
              <Flex vertical gap={8}>
                {!data.bank && (
                  <Alert type="info" showIcon title="尚未填写收款账户：导出会费缴纳通知前请先填写。" />
                )}
                <BankForm initial={data.bank} onSaved={() => setEditBank(false)} />
              </Flex>
            ) : (
              <Flex gap={16} align="center" wrap>
                <Descriptions size="small" column={3}>
                  <Descriptions.Item label="户名">{data.bank.accountName}</Descriptions.Item>
                  <Descriptions.Item label="开户行">{data.bank.bank}</Descriptions.Item>
                  <Descriptions.Item label="账号">{data.bank.accountNo}</Descriptions.Item>
                </Descriptions>
                <Button size="small" onClick={() => setEditBank(true)}>
                  修改账户
                </Button>
              </Flex>
            )}
          </section>

          <section aria-label="台账起始年度">
            <TrackedFromForm
              value={data.trackedFrom}
              isSet={data.trackedFromSet}
              years={years.filter((y) => y <= Number(asOf.slice(0, 4)))}
            />
          </section>
        </Flex>
      )}

      <PaymentModal
        open={dialog?.kind === 'payment'}
        year={year}
        row={dialog?.kind === 'payment' ? dialog.row : undefined}
        rows={ledger.rows}
        onClose={() => setDialog(null)}
      />
      <OverrideModal
        open={dialog?.kind === 'override'}
        year={year}
        row={dialog?.kind === 'override' ? dialog.row : undefined}
        onClose={() => setDialog(null)}
      />
      <PaymentsDrawer
        row={dialog?.kind === 'payments' ? dialog.row : undefined}
        clashes={clashes}
        onClose={() => setDialog(null)}
      />
      <ExportModal
        open={dialog?.kind === 'export'}
        year={year}
        rows={selectedRows}
        bank={data?.bank}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}
