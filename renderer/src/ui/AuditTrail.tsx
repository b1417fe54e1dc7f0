import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Flex, Input, Table, Typography } from 'antd';
import type { AuditEntry } from '../../../shared/domain/records';
import {
  ACTION_LABEL,
  actionLabel,
  entityLabel,
  filterAudit,
  formatAuditTime,
  readableChanges,
  type AuditFilter,
  type AuditNames,
} from '../../../shared/data/auditView';
import { DateInput } from './DateInput';
import { FilterSelect } from './FilterSelect';
import { Stacked } from './Stacked';
import { useExportFile } from './exportFile';
import { today } from './today';
import { db } from '../db';
import { auditWorkbook } from '../io/export';
import { errorText } from './errorText';

/**
 * The names the audit reader shows for linked records (issue 16): member id → 单位名称, programme id → 名称,
 * document id → 发文字号 (its title while a draft), and the meeting, motion, agenda item, activity,
 * certificate and application an entry points to — never the raw id.
 */
export function useAuditNames(): AuditNames {
  return (
    useLiveQuery(async () => {
      const map = <T extends { id?: number }>(rows: T[], name: (r: T) => string) =>
        new Map(rows.filter((r) => r.id !== undefined).map((r) => [r.id as number, name(r)]));
      const [
        members,
        programmes,
        documents,
        meetings,
        motions,
        agendaItems,
        activities,
        certificates,
        applications,
      ] = await Promise.all([
        db.members.toArray(),
        db.programmes.toArray(),
        db.documents.toArray(),
        db.meetings.toArray(),
        db.motions.toArray(),
        db.agendaItems.toArray(),
        db.activities.toArray(),
        db.certificates.toArray(),
        db.applications.toArray(),
      ]);
      return {
        member: map(members, (m) => m.name),
        programme: map(programmes, (p) => p.name),
        document: map(documents, (d) => d.docNumber ?? `${d.title}（草稿）`),
        meeting: map(meetings, (m) => m.name),
        motion: map(motions, (m) => m.title),
        agendaItem: map(agendaItems, (a) => a.title),
        activity: map(activities, (a) => a.name),
        certificate: map(certificates, (c) => c.certificateNo),
        application: map(applications, (a) => a.unit.name),
      } satisfies AuditNames;
    }, []) ?? {}
  );
}

/** 工作站 / 经办人 of an entry as the trail shows it: `秘书处-会费 / 张敏`, one of them, or —. */
export function auditAuthorText(e: Pick<AuditEntry, 'workstation' | 'clerk'>): string {
  return [e.workstation, e.clerk].filter((s) => s && s.trim()).join(' / ') || '—';
}

/**
 * 操作记录: the audit trail, newest first, filterable by action, object, date range and text, and
 * exportable to .xlsx. With `memberId`, only that member's entries (for the member file) and, with
 * `importBatchId`, the entry of the import that brought the member in.
 */
export function AuditTrail(props: { memberId?: number; importBatchId?: number | undefined }) {
  const { message } = App.useApp();
  const save = useExportFile();
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = useLiveQuery(async () => {
    if (props.memberId === undefined) return db.audit.toArray();
    const own = await db.audit.where('memberId').equals(props.memberId).toArray();
    if (props.importBatchId === undefined) return own;
    const batch = await db.audit
      .where('[entity+entityId]')
      .equals(['imports', props.importBatchId])
      .toArray();
    return [...own, ...batch];
  }, [props.memberId, props.importBatchId]);

  const entities = useMemo(() => [...new Set((entries ?? []).map((e) => e.entity))].sort(), [entries]);
  const names = useAuditNames();
  // The text search finds an entry by what the clerk reads in it, linked names included.
  const shown = useMemo(() => filterAudit(entries ?? [], filter, names), [entries, filter, names]);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12} align="end">
        <Stacked label="操作">
          <FilterSelect
            aria-label="操作"
            width={130}
            value={filter.action}
            onChange={(v) => set({ action: v })}
            options={Object.entries(ACTION_LABEL).map(([value, label]) => ({ value, label }))}
          />
        </Stacked>
        <Stacked label="对象">
          <FilterSelect
            aria-label="对象"
            width={150}
            value={filter.entity}
            onChange={(v) => set({ entity: v })}
            options={entities.map((value) => ({ value, label: entityLabel(value) }))}
          />
        </Stacked>
        <Stacked label="起始日期" width={150}>
          <DateInput aria-label="起始日期" value={filter.from} onChange={(v) => set({ from: v })} />
        </Stacked>
        <Stacked label="截止日期" width={150}>
          <DateInput aria-label="截止日期" value={filter.to} onChange={(v) => set({ to: v })} />
        </Stacked>
        <Stacked label="搜索">
          <Input
            aria-label="搜索操作记录"
            allowClear
            placeholder="摘要或字段内容"
            style={{ width: 200 }}
            value={filter.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </Stacked>
        <Button
          onClick={async () => {
            try {
              await save(`操作记录-${today()}.xlsx`, auditWorkbook(shown, names), 'xlsx');
            } catch (e) {
              message.error(errorText(e));
            }
          }}
          disabled={shown.length === 0}
        >
          导出操作记录
        </Button>
      </Flex>
      <Typography.Text type="secondary">共 {shown.length} 条</Typography.Text>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        aria-label="操作记录"
        loading={entries === undefined}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatAuditTime(at) },
          { title: '对象', dataIndex: 'entity', width: 110, render: (e: string) => entityLabel(e) },
          { title: '操作', dataIndex: 'action', width: 90, render: (a: string) => actionLabel(a) },
          {
            // Issue 19: which workstation and clerk wrote the entry (entries before names were set: —).
            title: '工作站 / 经办人',
            key: 'author',
            width: 140,
            render: (_: unknown, e) => auditAuthorText(e),
          },
          {
            title: '摘要',
            dataIndex: 'summary',
            render: (s: string) => (
              <Typography.Paragraph
                style={{ margin: 0 }}
                ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
              >
                {s}
              </Typography.Paragraph>
            ),
          },
          {
            title: '字段变更',
            width: 380,
            render: (_: unknown, e) =>
              e.changes?.length ? (
                <Typography.Paragraph
                  style={{ margin: 0, fontSize: 12 }}
                  ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
                >
                  {readableChanges(e.changes, e.entity, names).join('\n')}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Flex>
  );
}
