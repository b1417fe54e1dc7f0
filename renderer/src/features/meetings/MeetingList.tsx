import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import type { Meeting } from '../../../../shared/domain/records';
import { BODY_LABEL, MEETING_FORM_LABEL, type Body, type MeetingForm } from '../../../../shared/domain/types';
import { db } from '../../db';
import { DateInput } from '../../app/DateInput';
import { today } from '../../app/today';
import { createMeeting, type NewMeeting } from './data';
import { quorumOf } from './logic';

const BODY_OPTIONS = (['assembly', 'council', 'standing'] as const).map((b) => ({
  value: b,
  label: BODY_LABEL[b],
}));

function defaultName(body: Body, form: MeetingForm, date: string): string {
  const y = date.slice(0, 4);
  return `中国网络安全产业联盟${y}年${BODY_LABEL[body]}${form === 'remote' ? '（通讯）' : ''}`;
}

export function NewMeetingForm(props: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewMeeting>();
  const [saving, setSaving] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const id = await createMeeting(db, {
        body: v.body,
        form: v.form,
        name: v.name.trim(),
        date: v.date,
        place: (v.place ?? '').trim(),
        chair: (v.chair ?? '').trim(),
        recorder: (v.recorder ?? '').trim(),
      });
      message.success('会议已创建，应到名单已按会议日期确定');
      props.onClose();
      form.resetFields();
      navigate(`/meetings/m/${id}`);
    } catch (e) {
      message.error(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="新建会议"
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          body: 'standing',
          form: 'onsite',
          date: today(),
          name: defaultName('standing', 'onsite', today()),
          recorder: '',
        }}
        onValuesChange={(changed, all) => {
          if (('body' in changed || 'form' in changed || 'date' in changed) && !form.isFieldTouched('name'))
            form.setFieldValue('name', defaultName(all.body, all.form, all.date ?? today()));
        }}
      >
        <Form.Item name="body" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
          <Select options={BODY_OPTIONS} />
        </Form.Item>
        <Form.Item name="form" label="会议形式" rules={[{ required: true, message: '请选择会议形式' }]}>
          <Radio.Group
            options={(['onsite', 'remote'] as const).map((f) => ({ value: f, label: MEETING_FORM_LABEL[f] }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          name="place"
          label="地点"
          rules={[{ required: true, whitespace: true, message: '请填写会议地点' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="chair" label="主持人">
          <Input />
        </Form.Item>
        <Form.Item name="recorder" label="记录人">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MeetingList() {
  const [open, setOpen] = useState(false);
  const meetings = useLiveQuery(() => db.meetings.toArray(), []);
  const attendance = useLiveQuery(() => db.attendance.toArray(), []);
  const rows = useMemo(() => {
    const byMeeting = new Map<number, typeof attendance>();
    for (const a of attendance ?? []) {
      const list = byMeeting.get(a.meetingId) ?? [];
      list.push(a);
      byMeeting.set(a.meetingId, list);
    }
    return [...(meetings ?? [])]
      .sort((a, b) => b.date.localeCompare(a.date) || (b.id ?? 0) - (a.id ?? 0))
      .map((m) => ({ meeting: m, quorum: quorumOf(m, byMeeting.get(m.id!) ?? []) }));
  }, [meetings, attendance]);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between">
        <span>共 {rows.length} 次会议</span>
        <Button type="primary" onClick={() => setOpen(true)}>
          新建会议
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey={(r) => r.meeting.id!}
        loading={meetings === undefined}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '日期', render: (_, r) => r.meeting.date, width: 110 },
          {
            title: '会议名称',
            render: (_, r: { meeting: Meeting }) => (
              <Link to={`/meetings/m/${r.meeting.id}`}>{r.meeting.name}</Link>
            ),
          },
          { title: '会议类型', render: (_, r) => BODY_LABEL[r.meeting.body], width: 110 },
          { title: '形式', render: (_, r) => MEETING_FORM_LABEL[r.meeting.form], width: 70 },
          { title: '应到', render: (_, r) => r.quorum.entitled, width: 70 },
          { title: '出席', render: (_, r) => r.quorum.present, width: 70 },
          {
            title: '法定人数',
            width: 130,
            render: (_, r) => <Tag color={r.quorum.quorate ? 'green' : 'red'}>{r.quorum.label}</Tag>,
          },
        ]}
      />
      <NewMeetingForm open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
