import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Activity } from '../../../../shared/domain/records';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { addActivity, updateActivity } from './data';
import { filterMember, memberOptions } from '../offices/Offices';
import { useRun } from '../../ui/useRun';
import { DeskTable } from '../../ui/DeskTable';

export const ACTIVITY_KINDS = ['会议', '培训', '研讨', '调研', '论坛', '其他'];

interface ActivityForm {
  name: string;
  date: string;
  kind: string;
  place?: string;
  memberIds: number[];
}

/**
 * 登记活动, or 更正活动登记 when `activity` is given: name, date, kind, place and the units that took part
 * (R-M7 counts participation). A correction rewrites the participation rows, audited with the before state.
 */
function ActivityDialog(props: { activity?: Activity; participants?: number[]; onClose: () => void }) {
  const { activity } = props;
  const editing = activity !== undefined;
  const title = editing ? '更正活动登记' : '登记活动';
  const [form] = Form.useForm<ActivityForm>();
  // What the form opened with: 更正 writes only what the clerk changed since (another workstation may change
  // the activity or its units meanwhile, and that change stays).
  const [initial] = useState<ActivityForm>(() =>
    activity
      ? {
          name: activity.name,
          date: activity.date,
          kind: activity.kind,
          place: activity.place ?? '',
          memberIds: props.participants ?? [],
        }
      : { name: '', date: today(), kind: '会议', memberIds: [] },
  );
  const { busy: saving, run } = useRun();
  const members = useLiveQuery(() => db.members.toArray(), []);
  const options = useMemo(() => {
    // Units that took part stay selectable after they left, so that a correction never drops them silently.
    const listed = new Set(props.participants ?? []);
    return memberOptions((members ?? []).filter((m) => (m.approvedOn && !m.left) || listed.has(m.id!)));
  }, [members, props.participants]);
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    const input = { name: v.name.trim(), date: v.date, kind: v.kind, place: (v.place ?? '').trim() };
    const ids = v.memberIds ?? [];
    await run(
      async () => {
        if (editing) {
          await updateActivity(db, activity.id!, input, ids, {
            activity: {
              name: initial.name,
              date: initial.date,
              kind: initial.kind,
              place: initial.place ?? '',
            },
            memberIds: initial.memberIds,
          });
          message.success(`活动已更正：${ids.length} 家单位参加`);
        } else {
          await addActivity(db, input, ids);
          message.success(`活动已登记：${ids.length} 家单位参加`);
        }
        props.onClose();
      },
      undefined,
      '保存失败',
    );
  };
  return (
    <FormDialog form={form} title={title} onClose={props.onClose} onSave={submit} saving={saving} width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={activity ? initial : { date: initial.date, kind: initial.kind, memberIds: [] }}
      >
        <Form.Item name="name" label="活动名称" rules={mustFill('活动名称')}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="date" label="日期" rules={mustChoose('日期')} style={{ flex: 1 }}>
            <DateInput />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={mustChoose('类型')} style={{ flex: 1 }}>
            <Select
              options={[...new Set([...ACTIVITY_KINDS, ...(activity ? [activity.kind] : [])])].map((k) => ({
                value: k,
                label: k,
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label="地点">
          <Input />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label="参加单位"
          extra={editing ? '移出或新增单位后保存；更正前的参加名单保留在操作记录中。' : undefined}
        >
          <Select
            mode="multiple"
            showSearch
            allowClear
            placeholder="输入单位名称、拼音或信用代码查找，可多选"
            options={options}
            filterOption={filterMember}
            loading={members === undefined}
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 更正: loads the activity's participants, then opens the dialog with them. */
function EditActivity(props: { activity: Activity; onClose: () => void }) {
  const participants = useLiveQuery(
    async () => [
      ...new Set(
        (await db.participations.where('activityId').equals(props.activity.id!).toArray()).map(
          (p) => p.memberId,
        ),
      ),
    ],
    [props.activity.id],
  );
  if (!participants) return null;
  return <ActivityDialog activity={props.activity} participants={participants} onClose={props.onClose} />;
}

/** 活动登记: alliance activities and the units that took part (R-M7 participation). */
export function Activities() {
  const activities = useLiveQuery(() => db.activities.orderBy('date').reverse().toArray(), []);
  const participations = useLiveQuery(() => db.participations.toArray(), []);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Activity | null>(null);
  const counts = useMemo(() => {
    const c = new Map<number, number>();
    for (const p of participations ?? []) c.set(p.activityId, (c.get(p.activityId) ?? 0) + 1);
    return c;
  }, [participations]);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <span>参加联盟活动或出席会议均计为参与活动（12 个月未参与的单位由首页提示，章程第十二条）。</span>
        <Button type="primary" onClick={() => setOpen(true)}>
          登记活动
        </Button>
      </Flex>
      <DeskTable<Activity>
        label="活动列表"
        rowKey="id"
        rows={activities}
        perPage={20}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '活动名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 80 },
          { title: '地点', dataIndex: 'place', width: 120 },
          { title: '参加单位', width: 100, render: (_, a) => counts.get(a.id!) ?? 0 },
          {
            title: '操作',
            width: 80,
            render: (_, a) => (
              <Button size="small" type="link" onClick={() => setEditing(a)}>
                更正
              </Button>
            ),
          },
        ]}
      />
      {open ? <ActivityDialog onClose={() => setOpen(false)} /> : null}
      {editing ? <EditActivity activity={editing} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}
