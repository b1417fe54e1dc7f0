import { Alert, Descriptions, Form, Input, Radio, Select, Typography } from 'antd';
import { mustChoose } from '../../ui/rules';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Member } from '../../../../shared/domain/records';
import type { Tier } from '../../../../shared/domain/types';
import { TIER_LABEL } from '../../../../shared/domain/types';
import {
  canTransition,
  checkTransition,
  isIsoDate,
  isOutsideKnownHolidayYears,
  yearOf,
  type AutoWithdrawalReason,
} from '../../../../shared/charter';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { db } from '../../db';
import {
  changeContact,
  changeTier,
  setApprovedOn,
  confirmAutoWithdrawal,
  confirmWithdrawal,
  expelMember,
  markWithdrawalReported,
  registerWithdrawal,
  revokeWithdrawal,
  withdrawalDates,
} from '../../records/members';
import { passedStandingMotions } from '../../records/passedMotions';
import { EMAIL_MESSAGE, EMAIL_RE, MOBILE_MESSAGE, MOBILE_RE, TIER_OPTIONS } from './logic';
import { hasLeft } from '../../../../shared/charter';
import { ActionButton } from '../../ui/ActionButton';

const required = (message: string) => [{ required: true, whitespace: true, message }];

interface ContactValues {
  role: 'representative' | 'contact';
  name: string;
  position?: string;
  mobile: string;
  email?: string;
  noticeOn: string;
}

interface TierValues {
  tier: Tier;
  reason: string;
  effectiveFrom: string;
}

function WithdrawalPreview({ receivedOn }: { receivedOn: string | undefined }) {
  if (!receivedOn || !isIsoDate(receivedOn)) return null;
  const d = withdrawalDates(receivedOn);
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label="退会生效日期">
        {d.effectiveOn}（收到通知后 30 日，章程第十二条）
      </Descriptions.Item>
      <Descriptions.Item label="向常务理事会通报截止">
        {d.reportDueBy}（收到后 5 个工作日内
        {isOutsideKnownHolidayYears(receivedOn) ? '；该年度节假日安排未录入，按周末估算' : ''}）
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The action buttons of a member file, enabled by the engine's status machine. */
export function MemberActions({
  member,
  autoReasons,
}: {
  member: Member;
  autoReasons: readonly AutoWithdrawalReason[];
}) {
  const id = member.id as number;
  const gone = hasLeft(member.status);
  const goneReason = gone ? '该单位已不是会员（记录保留）' : undefined;
  const motions = useLiveQuery(() => passedStandingMotions(db), []) ?? [];
  const w = member.withdrawal;
  const withdrawnCheck =
    member.status === 'withdrawing' && w
      ? checkTransition('withdrawing', 'withdrawn', {
          on: today(),
          withdrawalNoticeReceivedOn: w.noticeReceivedOn,
          standingCouncilInformedOn: w.reportedOn ?? null,
        })
      : null;

  return (
    <>
      {!member.approvedOn && (
        <ActionButton<{ approvedOn: string }>
          label="补填入会日期"
          title="补填入会日期（会费自入会之日起计算，章程第三十二条）"
          done="已补填入会日期"
          run={(v) => setApprovedOn(db, id, v.approvedOn, today())}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">
                按常务理事会批准入会的日期填写（见入会通知或会员证书）。填写后会费台账自该年度起计算该单位的会费。
              </Typography.Paragraph>
              <Form.Item label="入会日期" name="approvedOn" rules={required('请选择入会日期')}>
                <DateInput />
              </Form.Item>
            </>
          )}
        </ActionButton>
      )}
      <ActionButton<ContactValues>
        label="变更联系人"
        title="变更会员代表或联系人（书面通知，章程第十一条）"
        disabled={gone}
        disabledReason={goneReason}
        initialValues={{ role: 'representative', noticeOn: today() }}
        done="已记录变更"
        run={(v) =>
          changeContact(
            db,
            id,
            v.role,
            {
              name: v.name.trim(),
              position: (v.position ?? '').trim(),
              mobile: v.mobile.trim(),
              email: (v.email ?? '').trim(),
            },
            v.noticeOn,
          )
        }
      >
        {() => (
          <>
            <Form.Item label="变更对象" name="role">
              <Radio.Group
                options={[
                  { value: 'representative', label: '会员代表' },
                  { value: 'contact', label: '联系人' },
                ]}
              />
            </Form.Item>
            <Form.Item label="姓名" name="name" rules={required('请填写新的姓名')}>
              <Input />
            </Form.Item>
            <Form.Item label="职务" name="position">
              <Input />
            </Form.Item>
            <Form.Item
              label="手机"
              name="mobile"
              rules={[...required('请填写手机'), { pattern: MOBILE_RE, message: MOBILE_MESSAGE }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label="邮箱" name="email" rules={[{ pattern: EMAIL_RE, message: EMAIL_MESSAGE }]}>
              <Input />
            </Form.Item>
            <Form.Item label="书面通知日期" name="noticeOn" rules={required('请选择书面通知日期')}>
              <DateInput />
            </Form.Item>
          </>
        )}
      </ActionButton>

      <ActionButton<TierValues>
        label="调整级别"
        disabled={gone}
        disabledReason={goneReason}
        initialValues={{ effectiveFrom: today() }}
        done="已调整级别"
        run={(v) => changeTier(db, id, v.tier, v.effectiveFrom, v.reason.trim())}
      >
        {(form) => (
          <>
            <Typography.Paragraph>当前级别：{TIER_LABEL[member.tier]}</Typography.Paragraph>
            <Form.Item label="新级别" name="tier" rules={mustChoose('新级别')}>
              <Select options={TIER_OPTIONS.filter((o) => o.value !== member.tier)} />
            </Form.Item>
            <Form.Item label="调整原因" name="reason" rules={required('请填写调整原因（如理事会选举决议）')}>
              <Input />
            </Form.Item>
            <Form.Item label="生效日期" name="effectiveFrom" rules={required('请选择生效日期')}>
              <DateInput />
            </Form.Item>
            <TierNote form={form} />
          </>
        )}
      </ActionButton>

      <ActionButton<{ noticeReceivedOn: string }>
        label="登记退会申请"
        title="登记退会申请（章程第十二条）"
        disabled={!canTransition(member.status, 'withdrawing')}
        disabledReason={member.status === 'withdrawing' ? '已登记退会申请' : goneReason}
        initialValues={{ noticeReceivedOn: today() }}
        done="已登记退会申请"
        run={(v) => registerWithdrawal(db, id, v.noticeReceivedOn)}
      >
        {(form) => (
          <>
            <Form.Item
              label="书面通知收到日期"
              name="noticeReceivedOn"
              rules={required('请选择收到书面通知的日期')}
            >
              <DateInput />
            </Form.Item>
            <WithdrawalWatch form={form} />
          </>
        )}
      </ActionButton>

      {member.status === 'withdrawing' && (
        <>
          <ActionButton<{ reportedOn: string }>
            label="已向常务理事会通报"
            disabled={!!w?.reportedOn}
            disabledReason={w?.reportedOn ? `已于 ${w.reportedOn} 通报` : undefined}
            initialValues={{ reportedOn: today() }}
            done="已记录通报"
            run={(v) => markWithdrawalReported(db, id, v.reportedOn)}
          >
            {() => (
              <Form.Item label="通报日期" name="reportedOn" rules={required('请选择通报日期')}>
                <DateInput />
              </Form.Item>
            )}
          </ActionButton>
          <ActionButton<{ on: string }>
            label="确认退会生效"
            disabled={!withdrawnCheck?.allowed}
            disabledReason={withdrawnCheck?.messages.join('；')}
            initialValues={{ on: today() }}
            done="退会已生效"
            run={(v) => confirmWithdrawal(db, id, v.on)}
          >
            {() => (
              <>
                <Typography.Paragraph>
                  退会自 {w?.effectiveOn} 起生效；会员证书将标记为已交回；{withdrawnCheck?.notes.join('；')}。
                </Typography.Paragraph>
                <Form.Item label="确认日期" name="on" rules={required('请选择确认日期')}>
                  <DateInput />
                </Form.Item>
              </>
            )}
          </ActionButton>
          <ActionButton<{ on: string }>
            label="撤回退会通知"
            initialValues={{ on: today() }}
            done="已撤回退会通知"
            run={(v) => revokeWithdrawal(db, id, v.on)}
          >
            {() => (
              <Form.Item label="书面撤回日期" name="on" rules={required('请选择书面撤回日期')}>
                <DateInput />
              </Form.Item>
            )}
          </ActionButton>
        </>
      )}

      <ActionButton<{ ground?: string; text?: string; on: string }>
        label="确认自动退会"
        title="确认自动退会（章程第十二条）"
        danger
        disabled={!canTransition(member.status, 'auto-withdrawn')}
        disabledReason={goneReason ?? '当前状态不能确认自动退会'}
        initialValues={{ on: today(), ...(autoReasons[0] ? { ground: autoReasons[0].message } : {}) }}
        done="已确认自动退会"
        run={(v) => {
          const reason = [v.ground, v.text?.trim()].filter(Boolean).join('；');
          return confirmAutoWithdrawal(db, id, v.on, reason);
        }}
      >
        {() => (
          <>
            {autoReasons.length === 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message="系统未发现该会员有欠缴会费或连续 12 个月未参加活动的情况；如确有依据，请在说明中写明。"
              />
            )}
            <Form.Item label="依据" name="ground">
              <Select
                allowClear
                options={autoReasons.map((r) => ({ value: r.message, label: r.message }))}
                placeholder="系统标记的理由"
              />
            </Form.Item>
            <Form.Item label="说明" name="text">
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item label="确认日期" name="on" rules={required('请选择确认日期')}>
              <DateInput />
            </Form.Item>
          </>
        )}
      </ActionButton>

      <ActionButton<{
        on: string;
        reason: string;
        verifiedOn: string;
        resolutionRef: string;
        resolutionOn: string;
        motionId?: number;
      }>
        label="除名"
        title="除名（章程第十三条）"
        danger
        disabled={!canTransition(member.status, 'expelled')}
        disabledReason={goneReason}
        initialValues={{ on: today(), verifiedOn: today() }}
        done="已除名"
        run={(v) => {
          const picked = motions.find((m) => m.id === v.motionId);
          return expelMember(db, id, {
            on: v.on,
            reason: v.reason.trim(),
            verifiedOn: v.verifiedOn,
            resolutionRef: v.resolutionRef.trim(),
            resolutionOn: v.resolutionOn,
            motion: picked ? { id: picked.id, outcome: picked.outcome } : undefined,
          });
        }}
      >
        {(form) => (
          <>
            <Form.Item label="除名理由" name="reason" rules={required('请填写除名理由')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item label="秘书处核实日期" name="verifiedOn" rules={required('请选择秘书处核实日期')}>
              <DateInput />
            </Form.Item>
            {motions.length > 0 && (
              <Form.Item label="关联常务理事会决议" name="motionId" extra="仅列出已通过的常务理事会决议">
                <Select
                  allowClear
                  options={motions.map((m) => ({
                    value: m.id,
                    label: `${m.date} ${m.meetingName}：${m.title}（${m.label}）`,
                  }))}
                  onChange={(mid) => {
                    const m = motions.find((x) => x.id === mid);
                    if (m)
                      form.setFieldsValue({
                        resolutionOn: m.date,
                        resolutionRef: `${m.meetingName}：${m.title}`,
                      });
                  }}
                />
              </Form.Item>
            )}
            <Form.Item
              label="决议文号"
              name="resolutionRef"
              rules={required('请填写常务理事会决议文号或名称')}
            >
              <Input />
            </Form.Item>
            <Form.Item label="决议日期" name="resolutionOn" rules={required('请选择决议日期')}>
              <DateInput />
            </Form.Item>
            <Form.Item label="除名日期" name="on" rules={required('请选择除名日期')}>
              <DateInput />
            </Form.Item>
            <Typography.Text type="secondary">
              已交纳的会费不予返还；2 年内不得重新申请入会（章程第十三条）。
            </Typography.Text>
          </>
        )}
      </ActionButton>
    </>
  );
}

function WithdrawalWatch({
  form,
}: {
  form: ReturnType<typeof Form.useForm<{ noticeReceivedOn: string }>>[0];
}) {
  const receivedOn = Form.useWatch('noticeReceivedOn', form);
  return <WithdrawalPreview receivedOn={receivedOn} />;
}

function TierNote({ form }: { form: ReturnType<typeof Form.useForm<TierValues>>[0] }) {
  const on = Form.useWatch('effectiveFrom', form);
  // R-D5: the tier held on 1 January fixes the year's dues, so a change on 1 January counts that year.
  const y = on && isIsoDate(on) ? (on.endsWith('-01-01') ? yearOf(on) - 1 : yearOf(on)) : null;
  return (
    <Alert
      type="info"
      showIcon
      message={`会费按每年 1 月 1 日所持级别计收：本次调整${y ? `自 ${y + 1} 年起` : '自次年起'}影响会费。`}
    />
  );
}
