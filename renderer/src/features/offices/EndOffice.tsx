import { App, Button, Flex, Form, Input, List, Typography } from 'antd';
import { mustFill } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import type { Office } from '../../../../shared/domain/records';
import { OFFICE_LABEL } from '../../../../shared/domain/types';
import { compareDates } from '../../../../shared/charter';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { endOffices } from './data';
import { useRun } from '../../ui/useRun';

/** R-O6 (章程第二十二条): the reason written when a standing director loses the seat. */
export const SEAT_LOST_REASON = '连续两次未出席常务理事会（章程第二十二条）';
export const QUICK_REASONS = [SEAT_LOST_REASON, '辞职', '任职单位退会'];

interface EndOfficeValues {
  on: string;
  reason: string;
}

/**
 * 结束任职: ends one office, or every standing-council seat of a flagged unit (R-O6), on a date with a reason.
 * The end date is the last day in office; it may not be before the start or after the recorded term end.
 */
export function EndOfficeDialog(props: {
  offices: Office[];
  names: Map<number | undefined, string>;
  reason?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<EndOfficeValues>();
  const { busy: saving, run } = useRun();
  const { message, modal } = App.useApp();
  const latestStart = props.offices
    .map((o) => o.startOn)
    .sort()
    .at(-1)!;
  const earliestEnd = props.offices.map((o) => o.endOn).sort()[0]!;
  const now = today();
  const initialDate =
    compareDates(now, latestStart) < 0 ? latestStart : compareDates(now, earliestEnd) > 0 ? earliestEnd : now;

  const submit = async () => {
    const v = await form.validateFields();
    await run(
      async () => {
        const notes = await endOffices(
          db,
          props.offices.map((o) => o.id!),
          v.on,
          v.reason.trim(),
        );
        message.success(`已结束任职（最后任职日 ${v.on}）`);
        if (notes.length) modal.info({ title: '会员级别已调整', content: notes.join('\n') });
        props.onClose();
      },
      undefined,
      '保存失败',
    );
  };

  return (
    <FormDialog
      form={form}
      title="结束任职"
      onClose={props.onClose}
      onSave={submit}
      okText="结束任职"
      danger
      saving={saving}
      width={600}
    >
      <List
        size="small"
        bordered
        header={<Typography.Text strong>结束以下任职</Typography.Text>}
        dataSource={props.offices}
        renderItem={(o) => (
          <List.Item key={o.id}>
            {OFFICE_LABEL[o.role]} · {o.memberId ? (props.names.get(o.memberId) ?? o.memberId) : '—'} ·{' '}
            {o.holderName}（任期 {o.startOn} 至 {o.endOn}）
          </List.Item>
        )}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" initialValues={{ on: initialDate, reason: props.reason ?? '' }}>
        <Form.Item
          name="on"
          label="结束日期"
          extra="该日为最后一天在任：此后召开的会议不再列入应到名单，已召开会议的应到名单不变。"
          rules={[
            { required: true, message: '请选择结束日期' },
            {
              validator: async (_, value?: string) => {
                if (!value) return;
                if (compareDates(value, latestStart) < 0)
                  throw new Error(`结束日期不能早于任期开始日期（${latestStart}）`);
                if (compareDates(value, earliestEnd) > 0)
                  throw new Error(`结束日期不能晚于任期结束日期（${earliestEnd}）`);
              },
            },
          ]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={mustFill('结束原因（可点选常用原因）')}
          extra={
            <Flex gap={8} wrap align="center" role="group" aria-label="常用原因" style={{ marginTop: 6 }}>
              <span>常用原因：</span>
              {QUICK_REASONS.map((r) => (
                <Button
                  key={r}
                  size="small"
                  onClick={() => {
                    form.setFieldValue('reason', r);
                    void form.validateFields(['reason']);
                  }}
                >
                  {r}
                </Button>
              ))}
            </Flex>
          }
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="点选常用原因，或直接填写" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
