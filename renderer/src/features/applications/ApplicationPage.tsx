import { useMemo, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Steps,
  Typography,
} from 'antd';
import { mustFill } from '../../ui/rules';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import type { Application } from '../../../../shared/domain/records';
import { TIER_LABEL } from '../../../../shared/domain/types';
import { isIsoDate } from '../../../../shared/charter';
import { DateInput } from '../../ui/DateInput';
import { Page } from '../../ui/Page';
import { today } from '../../ui/today';
import { useExportFile } from '../../ui/exportFile';
import { nextCertificateNo } from '../../../../shared/charter';
import { db } from '../../db';
import { memberPath } from '../members';
import { passedStandingMotions } from '../../records/passedMotions';
import { MATERIALS, STEPS, currentStepIndex, firstYearDues, stepGates, type StepGate } from './logic';
import { issueCertificate, saveCouncil, saveMaterials, saveNotified, saveReview } from './data';
import { memberCertificateDocx, membershipApplicationDocx } from './word';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import { useRun } from '../../ui/useRun';
import { useCharterSettings } from '../../records/settings';
import { useFollowStored, useUnsavedForm } from '../../ui/unsaved';
import { StoredChangedNotice } from '../../ui/StoredChangedNotice';

function StepCard(props: {
  n: number;
  title: string;
  gate: StepGate;
  done: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={`${props.n}. ${props.title}`}
      role="region"
      aria-label={props.title}
      style={props.done ? { background: '#fafafa' } : undefined}
    >
      {props.done ?? (
        <Flex vertical gap={8}>
          {!props.gate.enabled && props.gate.reason && (
            <Alert type="info" showIcon message={props.gate.reason} />
          )}
          <fieldset disabled={!props.gate.enabled} style={{ border: 0, padding: 0, margin: 0 }}>
            {props.children}
          </fieldset>
        </Flex>
      )}
    </Card>
  );
}

const dateRule = (message: string) => [
  { required: true, message },
  {
    validator: (_: unknown, v: unknown) =>
      !v || isIsoDate(v) ? Promise.resolve() : Promise.reject(new Error('日期无效')),
  },
];

function MaterialsStep({ app, gate }: { app: Application; gate: StepGate }) {
  const { busy, run } = useRun();
  const [form] = Form.useForm();
  // The stored receipt (live): a box another workstation ticked shows here unless the clerk changed it, and
  // leaving with boxes ticked but not saved asks first.
  const stored = useMemo(
    () => ({ ...app.materials, receivedOn: app.materialsReceivedOn ?? today() }),
    [app.materials, app.materialsReceivedOn],
  );
  const unsaved = useUnsavedForm(form, `${app.unit.name}的材料接收情况`, {
    initial: stored,
    enabled: app.step === 'materials',
  });
  const followed = useFollowStored(form, stored);
  const done =
    app.step !== 'materials' ? (
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="收到日期">{app.materialsReceivedOn}</Descriptions.Item>
        <Descriptions.Item label="材料">{MATERIALS.map((m) => `☑ ${m.label}`).join('　')}</Descriptions.Item>
      </Descriptions>
    ) : null;
  return (
    <StepCard n={1} title="材料接收" gate={gate} done={done}>
      <Form
        form={form}
        name="materials"
        layout="vertical"
        initialValues={stored}
        onFinish={(v: Record<string, unknown>) =>
          run(
            () =>
              unsaved.saving(() =>
                saveMaterials(
                  db,
                  app.id as number,
                  Object.fromEntries(MATERIALS.map((m) => [m.key, v[m.key] === true])),
                  v.receivedOn as string | undefined,
                ),
              ),
            '已保存材料接收情况',
          )
        }
      >
        <StoredChangedNotice
          what="材料接收情况"
          conflicts={followed.conflicts}
          label={(path) =>
            path[0] === 'receivedOn'
              ? '收到日期'
              : (MATERIALS.find((m) => m.key === path[0])?.label ?? path.join('.'))
          }
          onTakeStored={followed.takeStored}
        />
        <Flex vertical>
          {MATERIALS.map((m) => (
            <Form.Item key={m.key} name={m.key} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{m.label}</Checkbox>
            </Form.Item>
          ))}
        </Flex>
        <Form.Item
          label="收到日期"
          name="receivedOn"
          rules={dateRule('请选择材料收到日期')}
          style={{ maxWidth: 240, marginTop: 8 }}
        >
          <DateInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存材料
        </Button>
      </Form>
    </StepCard>
  );
}

function ReviewStep({ app, gate }: { app: Application; gate: StepGate }) {
  const { busy, run } = useRun();
  const done = app.reviewedOn ? (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label="审查日期">{app.reviewedOn}</Descriptions.Item>
      <Descriptions.Item label="审查意见">{app.reviewOpinion}</Descriptions.Item>
    </Descriptions>
  ) : null;
  return (
    <StepCard n={2} title="秘书处审查" gate={gate} done={done}>
      <Form
        name="review"
        layout="vertical"
        initialValues={{
          on: today(),
          opinion: '经审查，该单位申请材料齐全，符合入会条件，建议提交常务理事会审议。',
        }}
        onFinish={(v: { opinion: string; on: string }) =>
          run(() => saveReview(db, app.id as number, v.opinion.trim(), v.on), '已记录审查意见')
        }
      >
        <Form.Item label="审查意见" name="opinion" rules={mustFill('审查意见')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} disabled={!gate.enabled} />
        </Form.Item>
        <Form.Item label="审查日期" name="on" rules={dateRule('请选择审查日期')} style={{ maxWidth: 240 }}>
          <DateInput disabled={!gate.enabled} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!gate.enabled}>
          提交审查意见
        </Button>
      </Form>
    </StepCard>
  );
}

function DuesPreview({ app, on }: { app: Application; on: string | undefined }) {
  // The clerk's 会费标准 (章程参数), as the 会费 desk will bill the year.
  const settings = useCharterSettings();
  if (!on || !isIsoDate(on)) return null;
  const d = firstYearDues(app.unit.tier, on, settings);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={`首年（${d.year} 年）会费：${d.amount} 元，应于 ${d.dueOn} 前交纳`}
      description={`按${TIER_LABEL[app.unit.tier]}标准；自批准之日起一个月内交纳，7 月 1 日及以后批准的减半（章程第三十二条）。`}
    />
  );
}

function CouncilStep({ app, gate }: { app: Application; gate: StepGate }) {
  const { busy, run } = useRun();
  const [form] = Form.useForm();
  const on = Form.useWatch('on', form) as string | undefined;
  const decision = Form.useWatch('decision', form) as string | undefined;
  const motions = useLiveQuery(() => passedStandingMotions(db), []) ?? [];
  const done = app.council ? (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label="审议结果">
        {app.council.decision === 'approved' ? '通过' : '不通过'}
      </Descriptions.Item>
      <Descriptions.Item label="审议日期">{app.council.on}</Descriptions.Item>
      <Descriptions.Item label="决议">{app.council.resolutionRef}</Descriptions.Item>
      {app.memberId !== undefined && (
        <Descriptions.Item label="会员档案">
          <Link to={memberPath(app.memberId)}>{app.unit.name}</Link>（入会日期 {app.council.on}）
        </Descriptions.Item>
      )}
    </Descriptions>
  ) : null;
  return (
    <StepCard n={3} title="常务理事会审议" gate={gate} done={done}>
      <Form
        form={form}
        name="council"
        layout="vertical"
        initialValues={{ decision: 'approved', on: today() }}
        onFinish={(v: {
          decision: 'approved' | 'rejected';
          on: string;
          resolutionRef: string;
          motionId?: number;
        }) => {
          const m = motions.find((x) => x.id === v.motionId);
          return run(
            () =>
              saveCouncil(db, app.id as number, {
                decision: v.decision,
                on: v.on,
                resolutionRef: v.resolutionRef.trim(),
                motion: m ? { id: m.id, outcome: m.outcome } : undefined,
              }),
            v.decision === 'approved' ? '审议通过，已登记为正式会员' : '已记录：审议未通过',
          );
        }}
      >
        <Form.Item label="审议结果" name="decision">
          <Radio.Group
            disabled={!gate.enabled}
            options={[
              { value: 'approved', label: '通过' },
              { value: 'rejected', label: '不通过' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="审议日期"
          name="on"
          rules={dateRule('请选择常务理事会审议日期')}
          style={{ maxWidth: 240 }}
        >
          <DateInput disabled={!gate.enabled} />
        </Form.Item>
        {motions.length > 0 && (
          <Form.Item label="关联常务理事会决议" name="motionId" extra="仅列出已通过的常务理事会决议（可选）">
            <Select
              allowClear
              disabled={!gate.enabled}
              options={motions.map((m) => ({
                value: m.id,
                label: `${m.date} ${m.meetingName}：${m.title}（${m.label}）`,
              }))}
              onChange={(id) => {
                const m = motions.find((x) => x.id === id);
                if (m) form.setFieldsValue({ on: m.date, resolutionRef: `${m.meetingName}：${m.title}` });
              }}
            />
          </Form.Item>
        )}
        <Form.Item label="决议文号" name="resolutionRef" rules={mustFill('常务理事会决议文号或名称')}>
          <Input disabled={!gate.enabled} placeholder="例：2026 年第一次常务理事会决议" />
        </Form.Item>
        {decision === 'approved' && <DuesPreview app={app} on={on} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!gate.enabled}>
          保存审议结果
        </Button>
      </Form>
    </StepCard>
  );
}

function NotifyStep({ app, gate }: { app: Application; gate: StepGate }) {
  const { busy, run } = useRun();
  const done = app.notifiedOn ? (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label="通知日期">{app.notifiedOn}</Descriptions.Item>
    </Descriptions>
  ) : null;
  return (
    <StepCard n={4} title="通知办理手续" gate={gate} done={done}>
      <Form
        name="notify"
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={(v: { on: string }) => run(() => saveNotified(db, app.id as number, v.on), '已记录通知')}
      >
        <Form.Item label="通知日期" name="on" rules={dateRule('请选择通知日期')} style={{ maxWidth: 240 }}>
          <DateInput disabled={!gate.enabled} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!gate.enabled}>
          记录通知
        </Button>
      </Form>
    </StepCard>
  );
}

function CertificateStep({ app, gate }: { app: Application; gate: StepGate }) {
  const { busy, run } = useRun();
  const exportFile = useExportFile();
  const cert = useLiveQuery(
    () => (app.certificateId !== undefined ? db.certificates.get(app.certificateId) : undefined),
    [app.certificateId],
  );
  const [form] = Form.useForm();
  const on = (Form.useWatch('on', form) as string | undefined) ?? today();
  const next = useLiveQuery(async () => {
    const year = Number(on.slice(0, 4));
    if (!Number.isInteger(year)) return '';
    const nos = (await db.certificates.where('kind').equals('member').toArray()).map((c) => c.certificateNo);
    return nextCertificateNo(nos, year);
  }, [on]);
  const exportCert = async (c: NonNullable<typeof cert>) => {
    const bytes = await memberCertificateDocx(c, app.unit.name, await documentOptionsFromSettings());
    await exportFile(`会员证书-${c.certificateNo}-${app.unit.name}.docx`, bytes);
  };
  const done = cert ? (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="证书编号">{cert.certificateNo}</Descriptions.Item>
        <Descriptions.Item label="发证日期">{cert.issuedOn}</Descriptions.Item>
      </Descriptions>
      <div>
        <Button onClick={() => exportCert(cert)}>导出会员证书</Button>
      </div>
    </Flex>
  ) : null;
  return (
    <StepCard n={5} title="发放会员证书" gate={gate} done={done}>
      <Form
        form={form}
        name="certificate"
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={async (v: { on: string }) => {
          let issued: Awaited<ReturnType<typeof issueCertificate>> | null = null;
          const ok = await run(async () => {
            issued = await issueCertificate(db, app.id as number, v.on);
          }, '已发放会员证书');
          if (ok && issued) await exportCert(issued);
        }}
      >
        <Typography.Paragraph>
          证书编号：<Typography.Text strong>{gate.enabled ? next : '—'}</Typography.Text>
          （保存时分配，不重复使用）
        </Typography.Paragraph>
        <Form.Item label="发证日期" name="on" rules={dateRule('请选择发证日期')} style={{ maxWidth: 240 }}>
          <DateInput disabled={!gate.enabled} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!gate.enabled}>
          发放证书并导出
        </Button>
      </Form>
    </StepCard>
  );
}

/** One application and its steps (R-M3), each dated by the clerk. */
export function ApplicationPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const exportFile = useExportFile();
  const app = useLiveQuery(async () => (await db.applications.get(id)) ?? null, [id]);
  if (app === undefined) return <Page title="入会申请">正在读取…</Page>;
  if (app === null)
    return (
      <Page title="入会申请">
        <Empty description="找不到该申请" />
      </Page>
    );
  const gates = stepGates(app);
  const current = currentStepIndex(app);
  const rejected = app.outcome === 'rejected';
  return (
    <Page
      title={`入会申请：${app.unit.name}`}
      extra={
        <>
          <Button
            onClick={async () =>
              exportFile(
                `入会申请书-${app.unit.name}.docx`,
                await membershipApplicationDocx(app, await documentOptionsFromSettings()),
              )
            }
          >
            导出入会申请书
          </Button>
          <Button onClick={() => navigate('/applications')}>返回列表</Button>
        </>
      }
    >
      <Flex vertical gap={16}>
        <Steps
          current={current}
          status={rejected ? 'error' : app.step === 'done' ? 'finish' : 'process'}
          items={STEPS.map((s) => ({ title: s.title }))}
          aria-label="办理进度"
        />
        {rejected && (
          <Alert type="error" showIcon message={`常务理事会 ${app.council?.on} 审议未通过该申请`} />
        )}
        {app.step === 'done' && app.outcome === 'approved' && app.memberId !== undefined && (
          <Alert
            type="success"
            showIcon
            message={
              <>
                入会手续已办结：<Link to={memberPath(app.memberId)}>{app.unit.name}</Link> 为正式会员。
              </>
            }
          />
        )}
        <Descriptions size="small" bordered column={2} title="申请单位">
          <Descriptions.Item label="单位名称">{app.unit.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{app.unit.creditCode}</Descriptions.Item>
          <Descriptions.Item label="注册地">{app.unit.region}</Descriptions.Item>
          <Descriptions.Item label="会员级别">{TIER_LABEL[app.unit.tier]}</Descriptions.Item>
          <Descriptions.Item label="会员代表">
            {app.unit.representative.name} {app.unit.representative.mobile}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">
            {app.unit.contact.name} {app.unit.contact.mobile}
          </Descriptions.Item>
          {app.confirmedWarnings?.length ? (
            <Descriptions.Item label="已确认的提示" span={2}>
              {app.confirmedWarnings.join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <MaterialsStep app={app} gate={gates.materials} />
        <ReviewStep app={app} gate={gates.review} />
        <CouncilStep app={app} gate={gates.council} />
        <NotifyStep app={app} gate={gates.notify} />
        <CertificateStep app={app} gate={gates.certificate} />
      </Flex>
    </Page>
  );
}
