import { Alert, Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import type { ContactChange, TierChange } from '../../../../shared/domain/records';
import { ATTENDANCE_LABEL, BODY_LABEL, OFFICE_LABEL, TIER_LABEL } from '../../../../shared/domain/types';
import { withInitialHistory } from '../../../../shared/domain/initialHistory';
import { APPLICATION_STEP_LABEL } from '../../../../shared/domain/records';
import { DUES_STATUS_LABEL, rejoinAllowedOn } from '../../../../shared/charter';
import { Page } from '../../ui/Page';
import { DeskTable } from '../../ui/DeskTable';
import { AuditTrail } from '../../ui/AuditTrail';
import { today } from '../../ui/today';
import { db } from '../../db';
import { readCharterSettings } from '../../records/settings';
import { trackedFromOf } from '../../records/ledgerRows';
import { MemberActions } from './actions';
import { ConflictMark } from '../../sync/ConflictMark';
import { StatusTag } from './Roster';
import { memberDues } from './logic';

const ROLE_LABEL = { representative: '会员代表', contact: '联系人' } as const;
const HOW_LABEL = { withdrawn: '退会', 'auto-withdrawn': '自动退会', expelled: '除名' } as const;

/** A member's file: details, histories, dues, participation, certificates, offices, applications, audit. */
export function MemberFile() {
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const data = useLiveQuery(async () => {
    const member = await db.members.get(id);
    if (!member) return { member: null };
    const [contacts, tiers, payments, overrides, parts, att, certificates, offices, apps, settings, tracked] =
      await Promise.all([
        db.contactChanges.where('memberId').equals(id).toArray(),
        db.tierChanges.where('memberId').equals(id).toArray(),
        db.payments.where('memberId').equals(id).toArray(),
        db.duesOverrides.where('[memberId+year]').between([id, 0], [id, 9999]).toArray(),
        db.participations.where('memberId').equals(id).toArray(),
        db.attendance.where('memberId').equals(id).toArray(),
        db.certificates.where('memberId').equals(id).toArray(),
        db.offices.where('memberId').equals(id).toArray(),
        db.applications.where('memberId').equals(id).toArray(),
        // The dues as every desk computes them: the clerk's 会费标准 (章程参数) and 台账起始年度.
        readCharterSettings(db),
        trackedFromOf(db, today()),
      ]);
    const activities = await db.activities.bulkGet(parts.map((p) => p.activityId));
    const meetings = await db.meetings.bulkGet(att.map((a) => a.meetingId));
    return {
      member,
      contacts,
      tiers,
      payments,
      overrides,
      parts,
      activities,
      att,
      meetings,
      certificates,
      offices,
      apps,
      settings,
      trackedFrom: tracked.year,
    };
  }, [id]);

  if (data === undefined)
    return (
      <Page title="会员档案" ready={false}>
        正在读取…
      </Page>
    );
  const m = data.member;
  if (!m || !('contacts' in data))
    return (
      <Page title="会员档案">
        <Empty description="找不到该会员" />
      </Page>
    );

  const asOf = today();
  const participationDates = [
    ...data.parts.map((p) => p.date),
    ...data.att.flatMap((a, i) =>
      a.status === 'present' && data.meetings[i] ? [data.meetings[i].date] : [],
    ),
  ];
  const { ledger, autoReasons } = memberDues(
    { ...m, id },
    {
      tiers: data.tiers,
      overrides: data.overrides,
      payments: data.payments,
      participations: participationDates,
    },
    asOf,
    data.settings,
    data.trackedFrom,
  );

  const participation = [
    ...data.parts.map((p, i) => ({
      key: `a${p.id}`,
      date: p.date,
      name: data.activities[i]?.name ?? '（活动）',
      kind: data.activities[i]?.kind ?? '活动',
      status: '参加',
    })),
    ...data.att.map((a, i) => ({
      key: `m${a.id}`,
      date: data.meetings[i]?.date ?? '',
      name: data.meetings[i]?.name ?? '（会议）',
      kind: data.meetings[i] ? BODY_LABEL[data.meetings[i].body] : '会议',
      status: ATTENDANCE_LABEL[a.status],
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : -1));

  // The stored records, plus the first tier and people when none is stored (imported members).
  const shown = withInitialHistory(m, data.contacts, data.tiers);
  const history = shown.contacts.sort((a, b) =>
    a.noticeOn === b.noticeOn ? (a.id ?? 0) - (b.id ?? 0) : a.noticeOn < b.noticeOn ? -1 : 1,
  );

  return (
    <Page
      title={`会员档案：${m.name}`}
      ready
      extra={
        <>
          <Button onClick={() => navigate('/members')}>返回名册</Button>
        </>
      }
    >
      <Flex vertical gap={16}>
        <ConflictMark table="members" id={id} what="该会员单位" />
        <Flex gap={8} wrap role="toolbar" aria-label="会员操作">
          <MemberActions member={m} autoReasons={autoReasons} />
        </Flex>
        {m.status === 'withdrawing' && m.withdrawal && (
          <Alert
            type="warning"
            showIcon
            message="退会办理中（章程第十二条）"
            description={
              <>
                书面通知收到日期：{m.withdrawal.noticeReceivedOn}；退会生效日期：{m.withdrawal.effectiveOn}；
                向常务理事会通报截止：{m.withdrawal.reportDueBy}
                {m.withdrawal.reportedOn ? `（已于 ${m.withdrawal.reportedOn} 通报）` : '（尚未通报）'}
              </>
            }
          />
        )}
        {m.left && (
          <Alert
            type="info"
            showIcon
            message={`已于 ${m.left.on} ${HOW_LABEL[m.left.how]}，记录保留（章程第十二、十三条）`}
            description={
              <>
                原因：{m.left.reason}
                {m.left.resolutionRef ? `；决议：${m.left.resolutionRef}` : ''}；
                {rejoinAllowedOn(m.left.on, m.left.how)} 起方可重新申请入会。
              </>
            }
          />
        )}
        {!m.approvedOn && (
          <Alert
            type="warning"
            showIcon
            message="未登记入会日期"
            description="会费台账不计算该单位的会费（章程第三十二条），入会是否满一年（申请理事单位，章程第十条）也无法判断。请用上方“补填入会日期”补上。"
          />
        )}
        {autoReasons.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message="自动退会候选（章程第十二条，须秘书处确认）"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {autoReasons.slice(0, 3).map((r) => (
                  <li key={r.message}>{r.message}</li>
                ))}
                {autoReasons.length > 3 && <li>等共 {autoReasons.length} 项（详见下方会费表）</li>}
              </ul>
            }
          />
        )}
        <Descriptions size="small" bordered column={2} title="基本信息">
          <Descriptions.Item label="单位名称">{m.name}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag status={m.status} />
          </Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">
            <span style={{ fontFamily: 'monospace' }}>{m.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label="注册地">{m.region}</Descriptions.Item>
          <Descriptions.Item label="单位性质">{m.nature}</Descriptions.Item>
          <Descriptions.Item label="会员级别">{TIER_LABEL[m.tier]}</Descriptions.Item>
          <Descriptions.Item label="入会日期">{m.approvedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="邮寄地址">{m.postalAddress}</Descriptions.Item>
          <Descriptions.Item label="主营业务" span={2}>
            {m.business}
          </Descriptions.Item>
          <Descriptions.Item label="会员代表">
            {m.representative.name} {m.representative.position} {m.representative.mobile}{' '}
            {m.representative.email}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">
            {m.contact.name} {m.contact.position} {m.contact.mobile} {m.contact.email}
          </Descriptions.Item>
          {m.confirmedWarnings?.length ? (
            <Descriptions.Item label="已确认的提示" span={2}>
              {m.confirmedWarnings.join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        <Card size="small" title="会员代表、联系人变更记录（书面通知，章程第十一条）">
          <DeskTable<ContactChange>
            label="会员代表、联系人变更记录"
            rowKey={(c) => c.id ?? `initial-${c.role}`}
            rows={history}
            columns={[
              { title: '书面通知日期', dataIndex: 'noticeOn', width: 130 },
              { title: '角色', width: 100, render: (_, c) => ROLE_LABEL[c.role] },
              { title: '姓名', render: (_, c) => c.person.name },
              { title: '职务', render: (_, c) => c.person.position },
              { title: '手机', render: (_, c) => c.person.mobile },
              { title: '邮箱', render: (_, c) => c.person.email },
            ]}
          />
        </Card>

        <Card size="small" title="级别记录（会费按每年 1 月 1 日所持级别计收）">
          <DeskTable<TierChange>
            label="级别记录"
            rowKey={(t) => t.id ?? 'initial'}
            rows={shown.tiers.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))}
            columns={[
              { title: '生效日期', dataIndex: 'effectiveFrom', width: 130 },
              { title: '级别', render: (_, t) => TIER_LABEL[t.tier] },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>

        <Card
          size="small"
          title="会费（按年度，只读）"
          extra={<Link to={`/dues?member=${id}`}>到会费台账办理</Link>}
        >
          {ledger && ledger.years.some((y) => y.year < data.trackedFrom) && (
            <Typography.Paragraph type="secondary">
              {data.trackedFrom}{' '}
              年之前的年度早于会费台账起始年度：此前的缴费未录入本系统，欠缴和逾期仅供参考，不列入自动退会提示。
            </Typography.Paragraph>
          )}
          {ledger ? (
            <DeskTable
              label="会费记录"
              rowKey="year"
              rows={ledger.years}
              columns={[
                { title: '年度', dataIndex: 'year', width: 80 },
                { title: '级别', render: (_, y) => TIER_LABEL[y.tier] },
                {
                  title: '应缴（元）',
                  render: (_, y) =>
                    `${y.amount}${y.halved ? '（下半年入会减半）' : ''}${y.override ? `（调整：${y.override.reason}）` : ''}`,
                },
                { title: '应缴日期', dataIndex: 'dueOn' },
                { title: '已缴（元）', dataIndex: 'applied' },
                { title: '欠缴（元）', dataIndex: 'outstanding' },
                {
                  title: '状态',
                  render: (_, y) => (
                    <>
                      <Tag color={y.status === 'paid' ? 'green' : y.status === 'overdue' ? 'red' : 'default'}>
                        {DUES_STATUS_LABEL[y.status]}
                      </Tag>
                      {y.year < data.trackedFrom && y.status !== 'paid' && (
                        <Typography.Text type="secondary">仅供参考</Typography.Text>
                      )}
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">
              {m.approvedOn ? '尚未入会，无会费记录。' : '未登记入会日期，无法计算会费。'}
            </Typography.Text>
          )}
        </Card>

        <Card size="small" title={`参加活动与会议（${participation.length}）`}>
          <DeskTable
            label="参加活动与会议"
            rowKey="key"
            perPage={8}
            rows={participation}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              { title: '类别', dataIndex: 'kind', width: 100 },
              { title: '名称', dataIndex: 'name' },
              { title: '出席', dataIndex: 'status', width: 80 },
            ]}
          />
        </Card>

        <Flex gap={16} wrap>
          <Card size="small" title="会员证书" style={{ flex: 1, minWidth: 320 }}>
            <DeskTable
              label="会员证书"
              rowKey="id"
              rows={data.certificates}
              columns={[
                { title: '证书编号', dataIndex: 'certificateNo' },
                { title: '发放日期', dataIndex: 'issuedOn' },
                {
                  title: '状态',
                  render: (_, c) => (c.status === 'valid' ? '有效' : `已交回（${c.returned?.on ?? ''}）`),
                },
              ]}
            />
          </Card>
          <Card size="small" title="任职" style={{ flex: 1, minWidth: 320 }}>
            <DeskTable
              label="任职记录"
              rowKey="id"
              rows={data.offices}
              columns={[
                { title: '职务', render: (_, o) => OFFICE_LABEL[o.role] },
                { title: '担任人', dataIndex: 'holderName' },
                { title: '任期', render: (_, o) => `${o.startOn} 至 ${o.ended?.on ?? o.endOn}` },
              ]}
            />
          </Card>
        </Flex>

        <Card size="small" title="入会申请">
          <DeskTable
            label="入会申请记录"
            rowKey="id"
            rows={data.apps}
            columns={[
              {
                title: '申请',
                render: (_, a) => (
                  <Link to={`/applications/${a.id}`}>{a.createdAt.slice(0, 10)} 提交的申请</Link>
                ),
              },
              { title: '进度', render: (_, a) => APPLICATION_STEP_LABEL[a.step] ?? a.step },
              {
                title: '常务理事会审议',
                render: (_, a) => (a.council ? `${a.council.on} ${a.council.resolutionRef}` : '—'),
              },
            ]}
          />
        </Card>

        <Card size="small" title="操作记录">
          <AuditTrail memberId={id} importBatchId={m.importBatchId} />
        </Card>
      </Flex>
    </Page>
  );
}
