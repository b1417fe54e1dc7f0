import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Activity } from '../../../../shared/domain/records';
import { db } from '../../db';
import { DateInput } from '../../app/DateInput';
import { today } from '../../app/today';
import { addActivity } from './data';
import { filterMember, memberOptions } from './Offices';

export const ACTIVITY_KINDS = ['会议', '培训', '研讨', '调研', '论坛', '其他'];

interface ActivityForm {
  name: string;
  date: string;
  kind: string;
  place?: string;
  memberIds: number[];
}

function NewActivityForm(props: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ActivityForm>();
  const members = useLiveQuery(() => db.members.toArray(), []);
  const options = useMemo(
    () => memberOptions((members ?? []).filter((m) => m.approvedOn && !m.left)),
    [members],
  );
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    await addActivity(
      db,
      { name: v.name.trim(), date: v.date, kind: v.kind, place: (v.place ?? '').trim() },
      v.memberIds ?? [],
    );
    message.success(`活动已登记：${v.memberIds?.length ?? 0} 家单位参加`);
    form.resetFields();
    props.onClose();
  };
  return (
    <Modal
      title="登记活动"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ date: today(), kind: '会议', memberIds: [] }}>
        <Form.Item
          name="name"
          label="活动名称"
          rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}
        >
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="date"
            label="日期"
            rules={[{ required: true, message: '请选择日期' }]}
            style={{ flex: 1 }}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            name="kind"
            label="类型"
            rules={[{ required: true, message: '请选择类型' }]}
            style={{ flex: 1 }}
          >
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label="地点">
          <Input />
        </Form.Item>
        <Form.Item name="memberIds" label="参加单位">
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
    </Modal>
  );
}

/** 活动登记: alliance activities and the units that took part (R-M7 participation). */
export function Activities() {
  const activities = useLiveQuery(() => db.activities.orderBy('date').reverse().toArray(), []);
  const participations = useLiveQuery(() => db.participations.toArray(), []);
  const [open, setOpen] = useState(false);
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
      <Table<Activity>
        size="small"
        rowKey="id"
        loading={activities === undefined}
        dataSource={activities ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '活动名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 80 },
          { title: '地点', dataIndex: 'place', width: 120 },
          { title: '参加单位', width: 100, render: (_, a) => counts.get(a.id!) ?? 0 },
        ]}
      />
      {open ? <NewActivityForm open={open} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
}
