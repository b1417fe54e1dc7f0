import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { db } from '../../db';
import { useLiveQuery } from 'dexie-react-hooks';
import { saveLocalSettings, useLocalSettings } from '../../records/settings';
import { checkConnection, clearConnection, saveConnection, useConnection } from '../../sync/connection';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { testConnection } from '../../sync/testConnection';
import {
  conflictFieldLabel,
  clashText,
  recordName,
  resolveClash,
  resolveConflict,
  useClashes,
  useConflicts,
  type ClashView,
  type ConflictView,
} from '../../sync/conflicts';
import {
  choiceParts,
  conflictChoices,
  conflictSummary,
  proposedPicks,
  type ChangedIn,
  type ConflictChoice,
} from '../../../../shared/sync/conflictView';
import { useAuditNames } from '../../ui/AuditTrail';
import { syncStatusLabel } from '../../../../shared/sync/status';
import { errorText } from '../../ui/errorText';
import { WorkstationList } from './WorkstationList';
import { useRun } from '../../ui/useRun';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { MEMBER_STATUS_LABEL, type MemberStatus } from '../../../../shared/domain/types';
import { fieldLabel } from '../../../../shared/data/auditView';
import { draftFieldsOf, draftWithFields } from '../../records/register';
import { typingLeftOut } from '../documents/logic';

interface FormValues {
  url: string;
  db: string;
  user: string;
  password: string;
  workstationName: string;
}

/** A conflict's dialog: 处理冲突：<the record>, 稍后处理 first, then the dialog's own ways to resolve it. */
function ConflictModal(props: {
  name: string;
  width: number;
  actions: ReactNode[];
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={`处理冲突：${props.name}`}
      onCancel={props.onClose}
      width={props.width}
      footer={[
        <Button key="later" onClick={props.onClose}>
          稍后处理
        </Button>,
        ...props.actions,
      ]}
    >
      {props.children}
    </Modal>
  );
}

/** A closed-document conflict's two versions, and the closed one's state in words (已定稿 / 已作废). */
function closedDocumentVersions(c: ConflictView, closedSide: 'winner' | 'other') {
  const [closed, draft] = (closedSide === 'winner'
    ? [c.winner, c.other]
    : [c.other, c.winner]) as unknown as [OutgoingDocument, OutgoingDocument];
  return { closed, draft, what: closed.status === 'void' ? '已作废' : '已定稿' };
}

/**
 * A 发文 closed (定稿 or 作废) on one workstation while the other edited it as a draft: the closed version is
 * kept whole (R-W1: its number and content are what was issued), and what the draft version holds becomes a
 * new draft (once: a draft with exactly its fields is not made twice) — before the conflict is resolved, so
 * it is never only in the audit trail.
 */
function ClosedDocumentConflictDialog(props: {
  conflict: ConflictView;
  closedSide: 'winner' | 'other';
  onClose: () => void;
}) {
  const { conflict, closedSide } = props;
  const { closed, draft, what } = closedDocumentVersions(conflict, closedSide);
  const closedFields = draftFieldsOf(closed);
  // The draft version's fields that the closed one does not hold (it is the base: nothing else was typed).
  const differing = typingLeftOut(closedFields, draftFieldsOf(draft), closedFields);
  const { busy, run } = useRun();
  const resolve = () =>
    run(async () => {
      const newId = differing ? await draftWithFields(db, draftFieldsOf(draft)) : undefined;
      await resolveConflict(
        conflict,
        closedSide === 'other' ? conflict.choices.map((c) => c.field) : [],
        `保留${what}的版本（${what}的发文不能修改）${newId !== undefined ? `；草稿版本的内容另存为新草稿 #${newId}` : ''}`,
      );
      props.onClose();
      return newId !== undefined
        ? `冲突已解决：保留${what}的版本，草稿版本另存为新草稿`
        : `冲突已解决：保留${what}的版本`;
    });
  return (
    <ConflictModal
      name={recordName(conflict)}
      width={640}
      onClose={props.onClose}
      actions={[
        <Button key="ok" type="primary" onClick={() => void resolve()} loading={busy}>
          {differing ? `保留${what}的版本，草稿另存为新草稿` : `保留${what}的版本`}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        这份发文在一个工作站{what}
        {closed.docNumber ? `（${closed.docNumber}）` : ''}
        ，在另一个工作站还作为草稿被修改。{what}的发文不能再修改（发文字号和内容以{what}时为准），因此保留
        {what}的版本，不逐个字段选择。
      </Typography.Paragraph>
      <Typography.Paragraph>
        {differing
          ? `草稿版本中与之不同的内容（${differing.fields.map((f) => fieldLabel(f, 'documents')).join('、')}）另存为一份新的草稿，可以继续编辑后再定稿；两个版本都完整记入操作记录。`
          : '草稿版本的内容与之相同，没有需要另存的内容；两个版本都完整记入操作记录。'}
      </Typography.Paragraph>
    </ConflictModal>
  );
}

/** The member fields a clerk tells two records of one unit by. */
function memberLines(m: Record<string, unknown> | undefined): string[] {
  if (!m) return ['（本工作站已没有这条记录）'];
  const person = (p: unknown) =>
    p && typeof p === 'object' ? String((p as { name?: unknown }).name ?? '') : '';
  return [
    `单位名称：${String(m.name ?? '')}`,
    `入会日期：${String(m.approvedOn ?? '（未填）')}`,
    `状态：${MEMBER_STATUS_LABEL[m.status as MemberStatus] ?? String(m.status ?? '')}`,
    `会员代表：${person(m.representative)}`,
    `联系人：${person(m.contact)}`,
  ];
}

/**
 * A clash (two workstations each added a row where only one may be: the same unit, one unit's attendance
 * of one meeting …): keep one. Two records of one unit are merged into the one kept.
 */
function ClashDialog(props: { clash: ClashView; onClose: () => void }) {
  const { clash: c } = props;
  const names = useAuditNames();
  const { busy, run } = useRun();
  const member = c.table === 'members';
  const choices = member || !c.here ? [] : conflictChoices(c.table, c.here, c.incoming);
  // What each record of the unit holds here (the other workstation's rows for its record have arrived).
  const held = useLiveQuery(async () => {
    if (!member) return null;
    const countOf = async (id: unknown) => {
      if (typeof id !== 'number') return '';
      const [payments, attendance, participations, offices] = await Promise.all([
        db.payments.where('memberId').equals(id).count(),
        db.attendance.where('memberId').equals(id).count(),
        db.participations.where('memberId').equals(id).count(),
        db.offices.where('memberId').equals(id).count(),
      ]);
      return `本工作站现有：缴费 ${payments} 笔、出席记录 ${attendance} 条、参加活动 ${participations} 次、任职 ${offices} 项`;
    };
    return { here: await countOf(c.hereKey), incoming: await countOf(c.key) };
  }, [member, c.hereKey, c.key]);
  const side = (which: 'here' | 'incoming') =>
    member
      ? [...memberLines(which === 'here' ? c.here : c.incoming), ...(held?.[which] ? [held[which]] : [])]
      : choices.map(
          (choice) =>
            `${conflictFieldLabel(c, choice)}：${choiceParts(c.table, c.key, choice, c.here ?? {}, c.incoming, which === 'here' ? 'winner' : 'other', names).join('；')}`,
        );
  const keep = (which: 'here' | 'incoming') =>
    run(
      async () => {
        await resolveClash(c, which);
        props.onClose();
      },
      member ? '已合并为一条记录' : '已处理，未保留的记录已记入操作记录',
    );
  return (
    <ConflictModal
      name={recordName({ table: c.table, key: c.key, winner: c.incoming })}
      width={760}
      onClose={props.onClose}
      actions={[
        <Button key="here" onClick={() => void keep('here')} loading={busy}>
          {member ? '合并，保留本工作站的记录' : '保留本工作站的记录'}
        </Button>,
        <Button key="incoming" type="primary" onClick={() => void keep('incoming')} loading={busy}>
          {member ? '合并，保留另一工作站的记录' : '保留另一工作站的记录'}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {clashText(c)}。
        {member
          ? '合并为一条：另一条记录的缴费、出席、活动、任职、证书等并入保留的记录；两条都有的（同一会议的出席、同一年度的会费调整等）保留所选记录的；未保留记录的基本信息和联系人、级别记录不再单独保留，完整记入操作记录。保留后如有需要，请在会员档案中更正。'
          : '未保留的一条完整记入操作记录。'}
        在处理之前，另一工作站的这条记录不在本工作站显示，其他同步照常进行。
      </Typography.Paragraph>
      <Table
        size="small"
        tableLayout="fixed"
        pagination={false}
        rowKey="k"
        dataSource={[{ k: 'rows' }]}
        columns={[
          { title: '本工作站的记录', render: () => side('here').map((l, i) => <div key={i}>{l}</div>) },
          { title: '另一工作站的记录', render: () => side('incoming').map((l, i) => <div key={i}>{l}</div>) },
        ]}
      />
    </ConflictModal>
  );
}

const CHANGED_IN_TEXT: Record<ChangedIn, string> = {
  winner: '只在当前版本中修改',
  other: '只在另一版本中修改',
  both: '两个版本都修改了',
};

function ConflictDialog(props: { conflict: ConflictView; onClose: () => void }) {
  const { modal } = App.useApp();
  const { conflict } = props;
  const names = useAuditNames();
  // Each side as the audit trail reads it: labelled parts, formatted values, never JSON.
  const side = (choice: ConflictChoice, which: 'winner' | 'other') =>
    choiceParts(
      conflict.table,
      conflict.key,
      choice,
      conflict.winnerFields,
      conflict.otherFields,
      which,
      names,
    ).map((line, i) => <div key={i}>{line}</div>);
  // What only the other version changed is proposed: resolved as proposed, both workstations' edits stay.
  const [pick, setPick] = useState<Record<string, 'winner' | 'other'>>(() =>
    Object.fromEntries(proposedPicks(conflict.choices).map((f) => [f, 'other'])),
  );
  const known = conflict.choices.some((c) => c.changedIn !== undefined);
  const { busy, run } = useRun();
  const resolve = (keepWinner: boolean) =>
    run(async () => {
      const other = keepWinner ? [] : Object.keys(pick).filter((f) => pick[f] === 'other');
      await resolveConflict(conflict, other);
      props.onClose();
    }, '冲突已解决，另一版本已记入操作记录');
  // 保留当前版本 drops what only the other version changed: said, and asked, first.
  const keepWinner = () => {
    const proposed = new Set(proposedPicks(conflict.choices));
    const dropped = conflict.choices
      .filter((c) => proposed.has(c.field))
      .map((c) => conflictFieldLabel(conflict, c));
    if (!dropped.length) return void resolve(true);
    modal.confirm({
      title: '保留当前版本？',
      content: `另一版本中只在那里修改的 ${dropped.join('、')} 将不采用（记入操作记录）。要保留两边的修改，请返回后按所选字段解决。`,
      okText: '保留当前版本',
      cancelText: '返回',
      onOk: () => resolve(true),
    });
  };
  return (
    <ConflictModal
      name={recordName(conflict)}
      width={760}
      onClose={props.onClose}
      actions={[
        <Button key="keep" onClick={keepWinner} loading={busy}>
          保留当前版本
        </Button>,
        <Button key="ok" type="primary" onClick={() => void resolve(false)} loading={busy}>
          按所选字段解决
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        两个工作站同时修改了这条记录。各工作站当前显示的都是按服务器规则选定的版本（当前版本），它不一定是本工作站的修改；请逐个字段选择保留哪个版本。未采用的版本会完整记入操作记录。
        {known ? '只在一个版本中修改的字段，已选中修改后的值（按所选字段解决即两边的修改都保留）。' : null}
        {conflict.choices.some((c) => c.changedIn === 'both')
          ? '两个版本都修改了的字段，请核对后选择。'
          : null}
      </Typography.Paragraph>
      <Table<ConflictChoice>
        size="small"
        tableLayout="fixed"
        pagination={false}
        rowKey="field"
        dataSource={conflict.choices}
        locale={{ emptyText: '两个版本只在自动记录的字段（修改时间、检索文字）上不同：保留当前版本即可' }}
        columns={[
          {
            title: '字段',
            width: 130,
            render: (_, r) => (
              <>
                <div>{conflictFieldLabel(conflict, r)}</div>
                {r.changedIn ? (
                  <Typography.Text
                    type={r.changedIn === 'both' ? 'warning' : 'secondary'}
                    style={{ fontSize: 12 }}
                  >
                    {CHANGED_IN_TEXT[r.changedIn]}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          { title: '当前版本', render: (_, r) => side(r, 'winner') },
          { title: '另一版本', render: (_, r) => side(r, 'other') },
          {
            title: '采用',
            width: 190,
            render: (_, r) => (
              <Radio.Group
                aria-label={`${conflictFieldLabel(conflict, r)} 采用`}
                value={pick[r.field] ?? 'winner'}
                onChange={(e) => setPick((p) => ({ ...p, [r.field]: e.target.value as 'winner' | 'other' }))}
                style={{ whiteSpace: 'nowrap' }}
                options={[
                  { label: '当前版本', value: 'winner' },
                  { label: '另一版本', value: 'other' },
                ]}
              />
            ),
          },
        ]}
      />
    </ConflictModal>
  );
}

/**
 * 设置 → 多人协作 (issue 19): the office's CouchDB, this workstation's name, 连接 / 断开, the status and
 * the conflicts to resolve.
 */
export function SyncSection() {
  const { message } = App.useApp();
  const { stored, connection } = useConnection();
  const status = useSyncStatus();
  const local = useLocalSettings();
  const conflicts = useConflicts();
  const clashes = useClashes();
  const [clash, setClash] = useState<ClashView | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'test' | 'connect' | 'disconnect' | null>(null);
  const [open, setOpen] = useState<ConflictView | null>(null);
  const browser = !window.desk;

  useEffect(() => {
    form.setFieldsValue({
      url: stored?.url ?? form.getFieldValue('url') ?? '',
      db: stored?.db ?? form.getFieldValue('db') ?? '',
      user: stored?.user ?? form.getFieldValue('user') ?? '',
      workstationName: local.workstationName,
    });
  }, [form, stored, local.workstationName]);

  const values = () => form.getFieldsValue();
  const test = async () => {
    setBusy('test');
    setTestResult(null);
    try {
      setTestResult(await testConnection(checkConnection(values())));
    } catch (e) {
      setTestResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const connect = async () => {
    setBusy('connect');
    try {
      const v = values();
      const checked = checkConnection(v);
      const result = await testConnection(checked);
      setTestResult(result);
      if (!result.ok) return;
      if (v.workstationName !== local.workstationName)
        await saveLocalSettings(db, { workstationName: v.workstationName ?? '' });
      await saveConnection(checked);
      form.setFieldValue('password', '');
      message.success('已连接服务器，开始同步');
      // Electron fixes the page's CSP when it loads: the server's origin is allowed from the next load.
      if (window.desk) window.location.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const disconnect = async () => {
    setBusy('disconnect');
    try {
      await clearConnection();
      message.success('已断开，本机数据保留；之后的修改在重新连接时上传');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        连接秘书处的 CouchDB
        服务器后，本机记录与其他工作站双向同步；断网时照常工作，恢复后自动上传。未连接时一切照旧，数据只在本机。
      </Typography.Paragraph>
      <div role="status" aria-label="同步状态">
        同步状态：{syncStatusLabel(status)}
        {status.error && status.phase !== 'off' && status.phase !== 'outdated' ? `（${status.error}）` : ''}
        {connection ? `；服务器 ${connection.url}，数据库 ${connection.db}` : ''}
      </div>
      {status.phase === 'outdated' && (
        <Alert type="error" showIcon role="alert" message="需升级工作台" description={status.error} />
      )}
      <Form form={form} name="sync" layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item
          label="服务器地址"
          name="url"
          extra="如 http://192.168.1.20:5984；局域网以外的服务器须用 https"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="数据库" name="db">
          <Input autoComplete="off" placeholder="如 ccia-desk" />
        </Form.Item>
        <Form.Item label="用户名" name="user">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          extra={
            browser
              ? '浏览器版只把密码保存在本页内存中，重新打开后需再次输入并连接。'
              : '密码由系统加密保存在本机（safeStorage），不进入备份和操作记录。'
          }
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="本工作站名称" name="workstationName">
          <Input maxLength={40} placeholder="如：秘书处-会费" />
        </Form.Item>
        <Flex gap={8}>
          <Button onClick={() => void test()} loading={busy === 'test'}>
            测试连接
          </Button>
          <Button type="primary" onClick={() => void connect()} loading={busy === 'connect'}>
            连接
          </Button>
          <Button
            onClick={() => void disconnect()}
            loading={busy === 'disconnect'}
            disabled={!stored?.enabled}
          >
            断开
          </Button>
        </Flex>
      </Form>
      {testResult && (
        <Alert type={testResult.ok ? 'success' : 'error'} showIcon message={testResult.text} role="alert" />
      )}
      <section aria-label="同步冲突">
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          冲突（{conflicts.length + clashes.length} 项）
        </Typography.Title>
        {clashes.map((c) => (
          <Flex key={c.docId} gap={8} align="center" style={{ marginBottom: 4 }}>
            <span>{clashText(c)}</span>
            <Button size="small" onClick={() => setClash(c)}>
              处理冲突
            </Button>
          </Flex>
        ))}
        {conflicts.length + clashes.length === 0 ? (
          <Typography.Text type="secondary">没有待处理的冲突。</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {conflicts.map((c) => (
              <Flex key={c.docId} gap={8} align="center">
                <span>
                  {recordName(c)}：
                  {c.closed
                    ? `一个版本${closedDocumentVersions(c, c.closed).what}，另一个版本是草稿`
                    : conflictSummary(c.choices)}
                </span>
                <Button size="small" onClick={() => setOpen(c)}>
                  处理冲突
                </Button>
              </Flex>
            ))}
          </Flex>
        )}
      </section>
      {connection && <WorkstationList connection={connection} />}
      {clash && <ClashDialog clash={clash} onClose={() => setClash(null)} />}
      {open &&
        (open.closed ? (
          <ClosedDocumentConflictDialog
            conflict={open}
            closedSide={open.closed}
            onClose={() => setOpen(null)}
          />
        ) : (
          <ConflictDialog conflict={open} onClose={() => setOpen(null)} />
        ))}
    </Flex>
  );
}
