import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import type { AgendaItem, Ballot, Meeting, Motion } from '../../../../shared/domain/records';
import { VOTE_LABEL, type VoteChoice } from '../../../../shared/domain/types';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { addMotion, castBallot, recordGuidingDecision, saveCounts, updateMotion } from './data';
import { motionTally, UNCOUNTED_REASON } from '../../../../shared/charter';
import { tallyError, VOTE_CHOICES, type QuorumView } from './logic';
import { errorText } from '../../ui/errorText';

function outcomeColor(outcome: string | undefined): string | undefined {
  if (outcome === 'adopted' || outcome === 'approved') return 'green';
  if (outcome === 'pending-approval') return 'gold';
  if (outcome === 'not-adopted' || outcome === 'rejected') return 'red';
  return undefined;
}

function CountsForm(props: { motion: Motion; present: number }) {
  const { motion } = props;
  const [counts, setCounts] = useState(motion.counts ?? { for: 0, against: 0, abstain: 0 });
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const set = (k: 'for' | 'against' | 'abstain') => (v: number | null) => {
    const next = { ...counts, [k]: v ?? 0 };
    setCounts(next);
    setError(tallyError(props.present, next));
  };
  const save = async () => {
    const err = tallyError(props.present, counts);
    setError(err);
    if (err) return;
    await saveCounts(db, motion.id!, counts);
    message.success('表决结果已保存');
  };
  const cast = counts.for + counts.against + counts.abstain;
  return (
    <Flex vertical gap={6}>
      <Space wrap>
        {(['for', 'against', 'abstain'] as const).map((k) => (
          <label key={k}>
            {VOTE_LABEL[k]}{' '}
            <InputNumber
              controls={false}
              aria-label={VOTE_LABEL[k]}
              min={0}
              precision={0}
              value={counts[k]}
              onChange={set(k)}
              style={{ width: 80 }}
            />
          </label>
        ))}
        <Typography.Text type="secondary">未表决 {Math.max(0, props.present - cast)}</Typography.Text>
        <Button type="primary" onClick={() => void save()}>
          保存表决结果
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Flex>
  );
}

function NamedVotes(props: { meeting: Meeting; motion: Motion; presentIds: number[]; ballots: Ballot[] }) {
  const { message } = App.useApp();
  const cast = (memberId: number, choice: VoteChoice) =>
    castBallot(db, props.motion.id!, memberId, choice).catch((e: unknown) => message.error(errorText(e)));
  const names = new Map(props.meeting.entitled.map((e) => [e.memberId, e.name]));
  const byMember = new Map(props.ballots.map((b) => [b.memberId, b]));
  const returned = props.meeting.form === 'remote';
  const rows = props.presentIds.map((id) => ({
    id,
    name: names.get(id) ?? String(id),
    ballot: byMember.get(id),
  }));
  if (rows.length === 0)
    return (
      <Typography.Text type="secondary">
        {returned ? '还没有收回的表决票：先在“签到”中填写表决票收回日期。' : '还没有出席的代表。'}
      </Typography.Text>
    );
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      aria-label={`记名表决：${props.motion.title}`}
      columns={[
        { title: '单位', dataIndex: 'name' },
        {
          title: '表决意见',
          width: 240,
          render: (_, r) => (
            <Radio.Group
              aria-label={`表决：${r.name}`}
              value={r.ballot?.choice}
              onChange={(e) => void cast(r.id, e.target.value as VoteChoice)}
              options={VOTE_CHOICES.map((c) => ({ value: c, label: VOTE_LABEL[c] }))}
            />
          ),
        },
      ]}
    />
  );
}

function GuidingDialog(props: { motion: Motion; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ decision: 'approved' | 'rejected'; on: string }>();
  const { message } = App.useApp();
  return (
    <FormDialog
      form={form}
      title="记录指导单位意见"
      open={props.open}
      onClose={props.onClose}
      okText="确定"
      onSave={async () => {
        const v = await form.validateFields();
        await recordGuidingDecision(db, props.motion.id!, v);
        message.success('已记录指导单位意见');
        props.onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={props.motion.guidingDecision ?? { decision: 'approved', on: today() }}
      >
        <Form.Item name="decision" label="指导单位意见" rules={mustChoose('')}>
          <Radio.Group
            options={[
              { value: 'approved', label: '批准' },
              { value: 'rejected', label: '不批准' },
            ]}
          />
        </Form.Item>
        <Form.Item name="on" label="批复日期" rules={[{ required: true, message: '请填写批复日期' }]}>
          <DateInput />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function MotionCard(props: { meeting: Meeting; motion: Motion; quorum: QuorumView; ballots: Ballot[] }) {
  const { meeting, motion, quorum } = props;
  const ballots = props.ballots.filter((b) => b.motionId === motion.id);
  const tally = motionTally(meeting, motion, [], ballots, quorum.presentIds);
  const names = new Map(meeting.entitled.map((e) => [e.memberId, e.name]));
  const [guiding, setGuiding] = useState(false);
  const remote = meeting.form === 'remote';
  const canRecordGuiding = meeting.body === 'standing' && tally.decision?.adopted === true;
  return (
    <section
      aria-label={`议案：${motion.title}`}
      style={{
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: 10,
        marginTop: 10,
        background: '#fafafa',
      }}
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>议案：{motion.title}</Typography.Text>
        <Space>
          {tally.decision ? (
            <Tag
              color={outcomeColor(tally.decision.outcome)}
              style={{ fontSize: 14 }}
              data-testid="motion-outcome"
            >
              {tally.decision.label}
            </Tag>
          ) : (
            <Tag>未表决</Tag>
          )}
          {canRecordGuiding ? (
            <Button size="small" onClick={() => setGuiding(true)}>
              记录指导单位意见
            </Button>
          ) : null}
        </Space>
      </Flex>
      {motion.text ? (
        <Typography.Paragraph style={{ margin: '6px 0' }}>{motion.text}</Typography.Paragraph>
      ) : null}
      {motion.guidingDecision ? (
        <Typography.Text type="secondary">
          指导单位{motion.guidingDecision.decision === 'approved' ? '批准' : '不批准'}（
          {motion.guidingDecision.on}）
        </Typography.Text>
      ) : null}
      <Flex gap={8} align="center" style={{ margin: '6px 0' }}>
        <span>计票方式</span>
        <Segmented
          aria-label="计票方式"
          size="small"
          value={remote ? 'names' : motion.tallyMode}
          disabled={remote}
          options={[
            { value: 'counts', label: '按票数' },
            { value: 'names', label: '记名' },
          ]}
          onChange={(v) => void updateMotion(db, motion.id!, { tallyMode: v as Motion['tallyMode'] })}
        />
        {remote ? <Typography.Text type="secondary">通讯会议须记名表决</Typography.Text> : null}
      </Flex>
      {motion.tallyMode === 'names' || remote ? (
        <NamedVotes meeting={meeting} motion={motion} presentIds={quorum.presentIds} ballots={ballots} />
      ) : (
        <CountsForm key={motion.updatedAt} motion={motion} present={quorum.present} />
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        同意 {tally.inFavour} · 反对 {tally.against} · 弃权 {tally.abstain} · 未表决 {tally.notVoted}
        {tally.decision ? `（通过须同意 ${tally.decision.votesNeeded} 票）` : ''}
      </Typography.Text>
      {motion.tallyMode === 'names' && tally.uncounted.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 4 }}
          message={`${tally.uncounted.length} 张记名表决票${UNCOUNTED_REASON}`}
          description={tally.uncounted
            .map((b) => `${names.get(b.memberId) ?? b.memberId}：${VOTE_LABEL[b.choice]}`)
            .join('；')}
        />
      ) : null}
      {tally.error ? <Alert type="error" showIcon message={tally.error} /> : null}
      {guiding ? <GuidingDialog motion={motion} open={guiding} onClose={() => setGuiding(false)} /> : null}
    </section>
  );
}

export function MotionsOf(props: {
  meeting: Meeting;
  item: AgendaItem;
  quorum: QuorumView;
  motions: Motion[];
  ballots: Ballot[];
}) {
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ title: string; text: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    await addMotion(db, {
      meetingId: props.meeting.id!,
      agendaItemId: props.item.id!,
      title: v.title.trim(),
      text: (v.text ?? '').trim(),
      tallyMode: props.meeting.form === 'remote' ? 'names' : 'counts',
    });
    form.resetFields();
    setAdding(false);
  };
  return (
    <div>
      {props.motions.map((m) => (
        <MotionCard
          key={m.id}
          meeting={props.meeting}
          motion={m}
          quorum={props.quorum}
          ballots={props.ballots}
        />
      ))}
      {adding ? (
        <Form
          form={form}
          name={`motion-${props.item.id}`}
          layout="vertical"
          style={{ marginTop: 10 }}
          aria-label="新议案"
        >
          <Form.Item name="title" label="标题" rules={mustFill('议案标题')}>
            <Input />
          </Form.Item>
          <Form.Item name="text" label="内容">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => void submit()}>
              保存议案
            </Button>
            <Button onClick={() => setAdding(false)}>取消</Button>
          </Space>
        </Form>
      ) : (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setAdding(true)}>
          添加议案
        </Button>
      )}
    </div>
  );
}
