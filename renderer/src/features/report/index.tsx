/**
 * 年度报告 (a tab of 首页): the secretariat's year in figures for the standing council and the general
 * assembly (charter art. 15, 27, 28), for a chosen year and as-of date; charts, tables, and the Word and Excel
 * exports. The figures are the pure `annualReport` (shared/report), computed from the records as stored.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { Page } from '../../ui/Page';
import { DateInput } from '../../ui/DateInput';
import { useExportFile } from '../../ui/exportFile';
import { errorText } from '../../ui/errorText';
import { useRunKeyed } from '../../ui/useRun';
import { today } from '../../ui/today';
import { defaultAsOf, reportPeriod, type AnnualReport } from '../../../../shared/report/figures';
import {
  cellText,
  periodText,
  reportSections,
  type ReportSection,
  type ReportTable,
} from '../../../../shared/report/tables';
import { reportOffThread } from './reportOffThread';
import { EChart } from '../../ui/EChart';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import {
  attendanceLabel,
  attendanceOption,
  duesLabel,
  duesOption,
  membersLabel,
  membersOption,
} from './charts';

// The report always draws a chart: fetch ECharts while the tables are being read (it is not in the first
// screen's script; this chunk itself is loaded on first use of 年度报告).
void import('../../ui/echarts');

function yearsOf(firstYear: number | null, thisYear: number): number[] {
  const first = Math.min(firstYear ?? thisYear, thisYear);
  const out: number[] = [];
  for (let y = thisYear; y >= first; y--) out.push(y);
  return out;
}

function TableView(props: { t: ReportTable }) {
  const { t } = props;
  const rows = t.rows.map((r, i) => ({ key: i, cells: r }));
  return (
    <section aria-label={t.title} data-testid={`table-${t.id}`} style={{ marginTop: 12 }}>
      <Typography.Text strong>{t.title}</Typography.Text>
      <Table
        size="small"
        dataSource={rows}
        pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        locale={{ emptyText: t.empty }}
        columns={t.columns.map((c, j) => ({
          key: j,
          title: c.label,
          align: c.align ?? 'left',
          render: (_: unknown, row: { cells: (string | number)[] }) => cellText(row.cells[j] ?? ''),
        }))}
      />
    </section>
  );
}

function Chart(props: {
  option: ReturnType<typeof membersOption>;
  label: string;
  title: string;
  testId: string;
}) {
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      <Typography.Text strong>{props.title}</Typography.Text>
      <EChart option={props.option} label={props.label} testId={props.testId} />
    </Flex>
  );
}

const NO_TABLES: readonly ReportTable[] = [];

/** The sections' charts: title, ECharts option and text alternative, from the report. */
const CHARTS: Partial<
  Record<
    ReportSection['id'],
    { title: string; option: typeof membersOption; label: (r: AnnualReport) => string; testId: string }
  >
> = {
  membership: {
    title: '各月末会员单位（按级别）',
    option: membersOption,
    label: membersLabel,
    testId: 'chart-members',
  },
  dues: { title: '会费按月应缴与收缴', option: duesOption, label: duesLabel, testId: 'chart-dues' },
  meetings: {
    title: '各次会议出席率',
    option: attendanceOption,
    label: attendanceLabel,
    testId: 'chart-attendance',
  },
};

function SectionView(props: { s: ReportSection; r: AnnualReport; n: number }) {
  const { s, r } = props;
  // The section's tables follow its summary and chart in a render of their own (the first paint carries the
  // key figures and the chart; antd's tables of up to 15 rows each come a moment later).
  const tables = useDeferredValue(s.tables, NO_TABLES);
  const charts = useMemo(() => {
    const c = CHARTS[s.id];
    return c ? <Chart title={c.title} option={c.option(r)} label={c.label(r)} testId={c.testId} /> : null;
  }, [s.id, r]);
  return (
    <section aria-label={s.heading}>
      <Card
        size="small"
        title={
          <Typography.Title
            level={2}
            style={{ fontSize: 17, margin: 0 }}
          >{`${'一二三四五六'[props.n]}、${s.heading}`}</Typography.Title>
        }
      >
        {s.summary.map((p, i) => (
          <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
            {p}
          </Typography.Paragraph>
        ))}
        {charts}
        {tables.map((t) => (
          <TableView key={t.id} t={t} />
        ))}
      </Card>
    </section>
  );
}

function KeyFigure(props: { title: string; value: number; id: string }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <div data-testid={`stat-${props.id}`} data-value={props.value}>
        <Statistic title={props.title} value={props.value} />
      </div>
    </Col>
  );
}

/** The report read and computed for one year and as-of date (or why it was not). */
interface Loaded {
  year: number;
  asOf: string;
  r: AnnualReport | null;
  sections: ReportSection[];
  /** The earliest approval year (the year list), null when unknown. */
  firstYear: number | null;
  error: string | null;
}

/**
 * Reads and computes the report of `year` as of `asOf` in a Worker (`reportOffThread`: the figures of
 * `annualReport`, the rows never cross to this thread); the sections' text is then made here.
 */
async function loadReport(year: number, asOf: string): Promise<Loaded> {
  const { report: r, firstYear } = await reportOffThread(year, asOf);
  // For `npm run bench` (scripts/bench/report.mjs; report:start and report:read are reportOffThread's).
  const t1 = performance.now();
  const sections = reportSections(r);
  performance.measure('report:figures', { start: t1, end: performance.now() });
  return { year, asOf, r, sections, firstYear, error: null };
}

export function ReportDesk() {
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [asOf, setAsOf] = useState(defaultAsOf(thisYear, now));
  const save = useExportFile();
  const { running: busy, run } = useRunKeyed<'docx' | 'xlsx'>();
  // The report of the chosen year and date, read when the view opens and again when either changes (a
  // snapshot: the view itself changes no record). Only a result for the chosen year and date is shown.
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    let cancelled = false;
    const failed = (error: string): Loaded => ({ year, asOf, r: null, sections: [], firstYear: null, error });
    let work: Promise<Loaded>;
    try {
      reportPeriod(year, asOf);
      work = loadReport(year, asOf).catch((e: unknown) => failed(`无法生成年度报告：${errorText(e)}`));
    } catch (e) {
      work = Promise.resolve(failed(`无法生成年度报告：${errorText(e)}`));
    }
    void work.then((l) => {
      if (!cancelled)
        setLoaded((prev) => (l.firstYear === null && prev ? { ...l, firstYear: prev.firstYear } : l));
    });
    return () => {
      cancelled = true;
    };
  }, [year, asOf]);
  const computed = loaded && loaded.year === year && loaded.asOf === asOf ? loaded : undefined;
  const firstYear = loaded?.firstYear ?? null;
  const years = useMemo(() => yearsOf(firstYear, thisYear), [firstYear, thisYear]);
  const r = computed?.r ?? null;

  const exportAs = async (kind: 'docx' | 'xlsx') => {
    if (!r || !computed) return;
    await run(
      kind,
      async () => {
        // The Word and Excel builders load on the first export, not with the view (SheetJS and the Word
        // builder are most of a megabyte of script the key figures do not need).
        const { reportFileName, reportWorkbook } = await import('./excel');
        const bytes =
          kind === 'docx'
            ? await (
                await import('./word')
              ).reportDocx(r, computed.sections, await documentOptionsFromSettings())
            : reportWorkbook(r, computed.sections);
        await save(reportFileName(r, kind), bytes, kind);
      },
      undefined,
      '导出失败',
    );
  };

  return (
    <Page
      title="年度报告"
      extra={
        <>
          <Button loading={busy === 'docx'} disabled={!r} onClick={() => void exportAs('docx')}>
            导出 Word
          </Button>
          <Button loading={busy === 'xlsx'} disabled={!r} onClick={() => void exportAs('xlsx')}>
            导出 Excel
          </Button>
        </>
      }
    >
      <Flex vertical gap={16}>
        <Form layout="inline" aria-label="报告范围">
          <Form.Item label="年度" htmlFor="report-year">
            <Select
              id="report-year"
              style={{ width: 120 }}
              value={year}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              onChange={(y: number) => {
                setYear(y);
                setAsOf(defaultAsOf(y, now));
              }}
            />
          </Form.Item>
          <Form.Item label="截止日期" htmlFor="report-asof">
            <DateInput id="report-asof" value={asOf} onChange={(v) => v && setAsOf(v)} />
          </Form.Item>
          {r && <Typography.Text type="secondary">统计期间：{periodText(r)}</Typography.Text>}
        </Form>
        {!computed ? (
          <Spin />
        ) : computed.error || !r ? (
          <Alert type="error" showIcon title={computed.error ?? '无法生成年度报告'} />
        ) : (
          <>
            <Row gutter={[16, 16]} aria-label="主要数字">
              <KeyFigure id="members" title="期末会员单位（家）" value={r.membership.end.total} />
              <KeyFigure id="joined" title="新入会（家）" value={r.membership.joined.length} />
              <KeyFigure id="due" title="应缴会费（元）" value={r.dues.due} />
              <KeyFigure id="collected" title="已收会费（元）" value={r.dues.collected} />
              <KeyFigure id="arrears" title="逾期欠缴（元）" value={r.dues.arrears} />
              <KeyFigure
                id="meetings"
                title="召开会议（次）"
                value={r.meetings.byBody.reduce((s, b) => s + b.held, 0)}
              />
            </Row>
            {r.problems.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title="以下记录无法计入统计"
                description={
                  <ul style={{ margin: 0 }}>
                    {r.problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {/* One section at a time (antd renders a tab's content when it is first shown). */}
            <Tabs
              aria-label="报告各部分"
              items={computed.sections.map((s, i) => ({
                key: s.id,
                label: s.heading,
                children: <SectionView s={s} r={r} n={i} />,
              }))}
            />
          </>
        )}
      </Flex>
    </Page>
  );
}

export default ReportDesk;
