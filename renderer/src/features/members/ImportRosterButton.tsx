import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { db } from '../../db/index';
import { desk } from '../../platform/index';
import {
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  rememberMapping,
  validateRows,
  type ColumnMapping,
  type ExistingKeys,
  type ImportField,
  type RememberedMapping,
  type RosterRow,
} from '../../../../shared/data/roster';
import {
  commitImport,
  existingKeys,
  mapAll,
  parseRosterRows,
  type ParsedRoster,
} from '../../io/importRoster';
import { readRosterOffThread, searchTextsIfReady, type RosterSheet } from '../../io/sheetOffThread';
import { withoutForbiddenKeys } from '../../../../shared/data/sanitize';
import { errorText } from '../../ui/errorText';
import { readImportMapping, saveImportMapping } from '../../records/settings';

const MAX_ROSTER_BYTES = 50 * 1024 * 1024;

interface Session {
  parsed: ParsedRoster;
  /** The Worker that read the file, computing the rows' search texts ahead of the commit. */
  sheet: RosterSheet;
  mapping: ColumnMapping;
  existing: ExistingKeys;
  /** Clerk's edits by line number. */
  edits: Map<number, Partial<Record<ImportField, string>>>;
  skipped: Set<number>;
}

function computeRows(s: Session): RosterRow[] {
  const mapped = mapAll(s.parsed, s.mapping).map((r) => {
    const e = s.edits.get(r.line);
    if (!e) return r;
    const fields = Object.keys(e) as ImportField[];
    return {
      ...r,
      values: { ...r.values, ...e },
      cellProblems: r.cellProblems.filter((p) => !fields.includes(p.field as ImportField)),
    };
  });
  return validateRows(mapped, s.existing, s.skipped);
}

/**
 * 导入会员名册 (.xlsx / .xls / .csv): column mapping, preview of every row with its problems, skip or
 * fix per row, then one transaction. Reusable on any desk.
 */
export function ImportRosterButton(props: { onImported?: (batchId: number, count: number) => void }) {
  const { message } = App.useApp();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [editing, setEditing] = useState<RosterRow | null>(null);
  const [form] = Form.useForm<Partial<Record<ImportField, string>>>();

  const rows = useMemo(() => (session ? computeRows(session) : []), [session]);
  const skipped = session?.skipped ?? new Set<number>();
  const problemRows = rows.filter((r) => r.problems.length && !skipped.has(r.line));
  const readyRows = rows.filter((r) => !r.problems.length && !skipped.has(r.line));
  const withoutApprovedOn = readyRows.filter((r) => !r.values.approvedOn).length;
  const mappedFields = new Set(session?.mapping.filter(Boolean));
  const missingRequired = (['name', 'creditCode'] as const).filter((f) => !mappedFields.has(f));
  // Why 导入 N 行 is disabled, said beside it (issue 16).
  const blocked =
    missingRequired.length > 0
      ? `不能导入：请先指定哪一列是${missingRequired.map((f) => IMPORT_FIELD_LABEL[f]).join('、')}`
      : problemRows.length > 0
        ? `不能导入：还有 ${problemRows.length} 行有问题，请改正原表后重新选择文件，或跳过这些行`
        : readyRows.length === 0
          ? '不能导入：没有可导入的行'
          : null;

  const open = async () => {
    setError(null);
    try {
      const f = await desk.openFile({
        title: '选择会员名册',
        filters: [{ name: '会员名册（Excel 或 CSV）', extensions: ['xlsx', 'xls', 'csv'] }],
        maxBytes: MAX_ROSTER_BYTES,
      });
      if (!f) return;
      setBusy(true);
      const remembered = (await readImportMapping(db)) as RememberedMapping | undefined;
      const recalled = remembered && typeof remembered === 'object' ? remembered : undefined;
      // Read in a Worker: a hostile or huge file cannot freeze the window.
      const sheet = await readRosterOffThread(f.name, f.bytes, recalled);
      let parsed: ParsedRoster;
      try {
        parsed = parseRosterRows(f.name, sheet.rows, recalled);
      } catch (e) {
        sheet.close();
        throw e;
      }
      setSession({
        parsed,
        sheet,
        mapping: parsed.mapping,
        existing: await existingKeys(db),
        edits: new Map(),
        skipped: new Set(),
      });
      setOnlyProblems(false);
    } catch (e) {
      setError(errorText(e));
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const update = (fn: (s: Session) => Partial<Session>) => setSession((s) => (s ? { ...s, ...fn(s) } : s));
  const toggleSkip = (line: number) =>
    update((s) => {
      const next = new Set(s.skipped);
      if (next.has(line)) next.delete(line);
      else next.add(line);
      return { skipped: next };
    });

  const close = () => {
    session?.sheet.close();
    setSession(null);
  };

  const commit = async () => {
    if (!session) return;
    const total = readyRows.length;
    setBusy(true);
    setProgress({ done: 0, total, label: '正在准备' });
    try {
      // A header such as “constructor” would make the backup refuse this row: not remembered.
      await saveImportMapping(
        db,
        withoutForbiddenKeys(rememberMapping(session.parsed.headers, session.mapping)),
      );
      // The search texts the Worker computed while the preview was read (when it is done: never waited for).
      const searchTexts = await searchTextsIfReady(session.sheet);
      setProgress({ done: 0, total, label: '正在核对并写入' });
      const r = await commitImport(db, session.parsed.fileName, readyRows, {
        searchTexts,
        onProgress: (done, t) => setProgress({ done, total: t, label: '正在写入' }),
      });
      message.success(`已导入 ${r.count} 家会员单位（导入批次 #${r.batchId}）`);
      close();
      props.onImported?.(r.batchId, r.count);
    } catch (e) {
      message.error(`导入失败，未写入任何数据：${errorText(e)}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const visibleFields = IMPORT_FIELDS.filter((f) => mappedFields.has(f));
  const shown = onlyProblems ? rows.filter((r) => r.problems.length) : rows;

  return (
    <>
      <Button onClick={open} loading={busy && !session}>
        导入会员名册
      </Button>
      {error && !session && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title="无法导入" description={error} />
      )}
      <Modal
        open={session !== null}
        title={`导入会员名册：${session?.parsed.fileName ?? ''}`}
        width="min(1280px, 96vw)"
        onCancel={() => !busy && close()}
        maskClosable={false}
        footer={
          <Flex justify="space-between" align="center" gap={8} wrap>
            <span role="status">
              共 {rows.length} 行：可导入 {readyRows.length} 行，有问题 {problemRows.length} 行，已跳过{' '}
              {skipped.size} 行
            </span>
            <Flex gap={8}>
              <Button
                disabled={busy || problemRows.length === 0}
                onClick={() =>
                  update((s) => ({ skipped: new Set([...s.skipped, ...problemRows.map((r) => r.line)]) }))
                }
              >
                跳过所有有问题的行
              </Button>
              <Button onClick={close} disabled={busy}>
                取消
              </Button>
              {blocked && (
                <Typography.Text type="warning" id="import-blocked-reason" style={{ alignSelf: 'center' }}>
                  {blocked}
                </Typography.Text>
              )}
              <Button
                type="primary"
                loading={busy}
                disabled={blocked !== null}
                aria-describedby={blocked ? 'import-blocked-reason' : undefined}
                onClick={commit}
              >
                导入 {readyRows.length} 行
              </Button>
            </Flex>
          </Flex>
        }
      >
        {session && (
          <Flex vertical gap={12}>
            <section aria-label="列对应">
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                列对应（表头在第 {session.parsed.headerLine} 行）
              </Typography.Title>
              <Flex wrap gap={8}>
                {session.parsed.headers.map((h, i) => {
                  const label = `“${h || `第 ${i + 1} 列`}”列对应字段`;
                  return (
                    <label
                      key={i}
                      style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 150 }}
                    >
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {session.parsed.groups[i] && session.parsed.groups[i] !== h
                          ? `${session.parsed.groups[i]} / `
                          : ''}
                        {h || `第 ${i + 1} 列`}
                      </Typography.Text>
                      <Select<ImportField | ''>
                        size="small"
                        aria-label={label}
                        value={session.mapping[i] ?? ''}
                        style={{ width: 150 }}
                        options={[
                          { value: '', label: '（不导入）' },
                          ...IMPORT_FIELDS.map((f) => ({
                            value: f,
                            label: IMPORT_FIELD_LABEL[f],
                            disabled: session.mapping.includes(f) && session.mapping[i] !== f,
                          })),
                        ]}
                        onChange={(v) =>
                          update((s) => ({ mapping: s.mapping.map((m, k) => (k === i ? v : m)) }))
                        }
                      />
                    </label>
                  );
                })}
              </Flex>
              {missingRequired.length > 0 && (
                <Alert
                  style={{ marginTop: 8 }}
                  type="error"
                  showIcon
                  title={`请指定哪一列是${missingRequired.map((f) => IMPORT_FIELD_LABEL[f]).join('、')}`}
                />
              )}
            </section>
            {withoutApprovedOn > 0 && missingRequired.length === 0 && (
              <Alert
                type="warning"
                showIcon
                title={`可导入的行中有 ${withoutApprovedOn} 行没有入会日期`}
                description="这些单位导入后不计算会费（会费自入会之日起计算，章程第三十二条），会员档案中会提示“未登记入会日期”，可在那里补填。如名册另有入会日期列，请在上方指定它对应“入会日期”。"
              />
            )}
            <Flex align="center" gap={8}>
              <Switch checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
              <span>只看有问题的行</span>
            </Flex>
            <Table<RosterRow>
              size="small"
              rowKey="line"
              aria-label="导入预览"
              dataSource={shown}
              scroll={{ x: 'max-content', y: 420 }}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              rowClassName={(r) => (skipped.has(r.line) ? 'import-row-skipped' : '')}
              columns={[
                { title: '行号', dataIndex: 'line', width: 64, fixed: 'left' },
                {
                  title: '检查结果',
                  width: 260,
                  render: (_: unknown, r) =>
                    skipped.has(r.line) ? (
                      <Tag>已跳过</Tag>
                    ) : r.problems.length ? (
                      <Flex vertical gap={2}>
                        {r.problems.map((p, k) => (
                          <Typography.Text key={k} type="danger" style={{ fontSize: 12 }}>
                            {p.message}
                          </Typography.Text>
                        ))}
                      </Flex>
                    ) : (
                      <Tag color="green">可导入</Tag>
                    ),
                },
                ...visibleFields.map((f) => ({
                  title: IMPORT_FIELD_LABEL[f],
                  key: f,
                  ellipsis: true,
                  width: f === 'name' ? 220 : 140,
                  render: (_: unknown, r: RosterRow) => {
                    const bad = !skipped.has(r.line) && r.problems.some((p) => p.field === f);
                    return (
                      <span style={bad ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                        {r.values[f]}
                      </span>
                    );
                  },
                })),
                {
                  title: '操作',
                  width: 130,
                  fixed: 'right',
                  render: (_: unknown, r) => (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        aria-label={`修改第 ${r.line} 行`}
                        onClick={() => {
                          form.setFieldsValue(r.values);
                          setEditing(r);
                        }}
                      >
                        修改
                      </Button>
                      <Button
                        size="small"
                        aria-label={`${skipped.has(r.line) ? '恢复' : '跳过'}第 ${r.line} 行`}
                        onClick={() => toggleSkip(r.line)}
                      >
                        {skipped.has(r.line) ? '恢复' : '跳过'}
                      </Button>
                    </Flex>
                  ),
                },
              ]}
            />
            {progress !== null && (
              <div>
                <Progress
                  percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)}
                  aria-label="导入进度"
                />
                <Typography.Text aria-live="polite">
                  {progress.label}：已导入 {progress.done.toLocaleString('zh-CN')} /{' '}
                  {progress.total.toLocaleString('zh-CN')} 行
                </Typography.Text>
              </div>
            )}
          </Flex>
        )}
      </Modal>
      <Modal
        open={editing !== null}
        title={`修改第 ${editing?.line ?? ''} 行`}
        okText="保存"
        cancelText="取消"
        onCancel={() => setEditing(null)}
        onOk={async () => {
          if (!editing) return;
          const values = await form.validateFields();
          const changed: Partial<Record<ImportField, string>> = {};
          for (const f of visibleFields) {
            const v = (values[f] ?? '').trim();
            if (v !== editing.values[f]) changed[f] = v;
          }
          update((s) => {
            const edits = new Map(s.edits);
            edits.set(editing.line, { ...(edits.get(editing.line) ?? {}), ...changed });
            return { edits };
          });
          setEditing(null);
        }}
      >
        <Form form={form} layout="vertical">
          {visibleFields.map((f) => {
            const problem = editing?.problems.find((p) => p.field === f);
            return (
              <Form.Item
                key={f}
                name={f}
                label={IMPORT_FIELD_LABEL[f]}
                validateStatus={problem ? 'error' : undefined}
                help={problem?.message}
                rules={[{ max: 2000, message: '内容过长（最多 2000 个字符）' }]}
              >
                <Input />
              </Form.Item>
            );
          })}
        </Form>
      </Modal>
    </>
  );
}
