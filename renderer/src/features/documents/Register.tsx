import { useMemo, useState } from 'react';
import { Button, Flex, Input, Select, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { Page } from '../../ui/Page';
import { NewButton } from '../../ui/DeskRoutes';
import { db } from '../../db';
import { useVoidDialog } from './Editor';
import { DOC_STATUS_LABEL, DOC_TYPES, shortHash } from './logic';
import { DeskTable } from '../../ui/DeskTable';

const STATUS_COLOR: Record<OutgoingDocument['status'], string> = {
  draft: 'blue',
  final: 'green',
  void: 'red',
};

/** Register order: newest year first, numbered documents by number, then drafts by date. */
function registerOrder(a: OutgoingDocument, b: OutgoingDocument): number {
  if (a.year !== b.year) return b.year - a.year;
  const sa = a.seq ?? Number.MAX_SAFE_INTEGER;
  const sb = b.seq ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sb === Number.MAX_SAFE_INTEGER ? 1 : sa === Number.MAX_SAFE_INTEGER ? -1 : sb - sa;
  return (b.id ?? 0) - (a.id ?? 0);
}

/** 发文登记簿 (R-W1): every document, numbers never reused, voided ones kept and marked. */
export function Register() {
  const docs = useLiveQuery(() => db.documents.toArray(), []);
  const [query, setQuery] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const voidDialog = useVoidDialog();
  const years = useMemo(() => [...new Set((docs ?? []).map((d) => d.year))].sort((a, b) => b - a), [docs]);
  const rows = useMemo(
    () =>
      (docs ?? [])
        .filter((d) => year === undefined || d.year === year)
        .filter(
          (d) => query.trim() === '' || `${d.title}${d.docNumber ?? ''}${d.addressee}`.includes(query.trim()),
        )
        .sort(registerOrder),
    [docs, query, year],
  );
  const columns: TableColumnsType<OutgoingDocument> = [
    {
      key: 'no',
      title: '发文字号',
      width: 190,
      render: (_, d) =>
        d.docNumber ? (
          <span style={d.status === 'void' ? { textDecoration: 'line-through' } : {}}>{d.docNumber}</span>
        ) : (
          '—'
        ),
    },
    {
      key: 'title',
      title: '标题',
      render: (_, d) => <Link to={`/documents/${d.id}`}>{d.title || '（无标题）'}</Link>,
    },
    { key: 'type', title: '类型', dataIndex: 'type', width: 90 },
    { key: 'date', title: '成文日期', dataIndex: 'date', width: 110 },
    { key: 'addressee', title: '主送', dataIndex: 'addressee', width: 120, ellipsis: true },
    {
      key: 'att',
      title: '附件',
      width: 70,
      render: (_, d) =>
        d.attachments.length ? (
          <Tooltip title={d.attachments.map((a, i) => `${i + 1}. ${a}`).join('\n')}>
            {d.attachments.length} 件
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      title: '状态',
      width: 90,
      render: (_, d) => (
        <Tooltip title={d.voided ? `作废原因：${d.voided.reason}` : undefined}>
          <Tag color={STATUS_COLOR[d.status]}>{DOC_STATUS_LABEL[d.status]}</Tag>
        </Tooltip>
      ),
    },
    {
      key: 'sha',
      title: 'SHA-256',
      width: 170,
      render: (_, d) =>
        d.sha256 ? (
          <Tooltip title={d.sha256}>
            <Typography.Text code copyable={{ text: d.sha256, tooltips: ['复制完整值', '已复制'] }}>
              {shortHash(d.sha256)}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'op',
      title: '操作',
      width: 80,
      render: (_, d) =>
        // A 证书批次 is not voided here: its certificates are returned where they were issued.
        d.status !== 'void' && !d.certificateBatch ? (
          <Button
            size="small"
            danger
            aria-label={`作废 ${d.docNumber ?? d.title}`}
            onClick={() => voidDialog.open(d)}
          >
            作废
          </Button>
        ) : null,
    },
  ];
  return (
    <Page title="发文" ready={docs !== undefined} extra={<NewButton to="/documents/new">新建通知</NewButton>}>
      {voidDialog.dialog}
      <Flex gap={12} style={{ marginBottom: 12 }} wrap>
        <Input.Search
          aria-label="搜索发文"
          placeholder="标题、发文字号、主送"
          allowClear
          style={{ width: 280 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Select
          aria-label="年度"
          placeholder="全部年度"
          allowClear
          style={{ width: 140 }}
          value={year}
          onChange={(v: number | undefined) => setYear(v)}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          发文字号按年度顺序在定稿时分配，作废的字号保留、不再使用。类型：{DOC_TYPES.join(' / ')}
        </Typography.Text>
      </Flex>
      <DeskTable<OutgoingDocument>
        label="发文登记簿"
        rowKey="id"
        columns={columns}
        rows={docs === undefined ? undefined : rows}
        perPage={50}
        empty="尚无发文。点击“新建通知”开始。"
      />
    </Page>
  );
}
