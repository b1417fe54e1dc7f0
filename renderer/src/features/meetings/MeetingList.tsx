import { useState } from 'react';
import { App, Button, Flex, Form, Table, Tag } from 'antd';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import { BODY_LABEL, MEETING_FORM_LABEL } from '../../../../shared/domain/types';
import { db } from '../../db';
import { today } from '../../ui/today';
import { createMeeting } from './data';
import { keptMeetingList } from './listRows';
import {
  defaultMeetingName,
  MeetingFields,
  meetingFromValues,
  useNameFollowsDefault,
  type MeetingFormValues,
} from './MeetingFields';
import { useRun } from '../../ui/useRun';

export function NewMeetingForm(props: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<MeetingFormValues>();
  const { busy: saving, run } = useRun();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [initial] = useState(() => {
    const date = today();
    return {
      body: 'standing' as const,
      form: 'onsite' as const,
      date,
      name: defaultMeetingName('standing', 'onsite', date),
      recorder: '',
    };
  });
  const onValuesChange = useNameFollowsDefault(form, initial);
  const submit = async () => {
    const v = await form.validateFields();
    await run(
      async () => {
        const id = await createMeeting(db, meetingFromValues(v));
        message.success('会议已创建，应到名单已按会议日期确定');
        props.onClose();
        form.resetFields();
        navigate(`/meetings/m/${id}`);
      },
      undefined,
      '保存失败',
    );
  };
  return (
    <FormDialog
      form={form}
      title="新建会议"
      open={props.open}
      onClose={props.onClose}
      onSave={submit}
      saving={saving}
    >
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <MeetingFields />
      </Form>
    </FormDialog>
  );
}

export function MeetingList() {
  const [open, setOpen] = useState(false);
  // Kept while meetings and attendance are unchanged: at 10,000 members the quorum of each meeting is
  // counted from ~30,000 attendance records and entitled lists of ~10,000 units (issue 17).
  const list = useLiveQuery(() => keptMeetingList(db), []);
  const rows = list?.value ?? [];
  const ready = list !== undefined;
  return (
    <Flex vertical gap={12} aria-busy={!ready} data-desk-ready={String(ready)}>
      <Flex justify="space-between">
        <span>共 {rows.length} 次会议</span>
        <Button type="primary" onClick={() => setOpen(true)}>
          新建会议
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey={(r) => r.meeting.id}
        loading={!ready}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '日期', render: (_, r) => r.meeting.date, width: 110 },
          {
            title: '会议名称',
            render: (_, r) => <Link to={`/meetings/m/${r.meeting.id}`}>{r.meeting.name}</Link>,
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
      {open ? <NewMeetingForm open={open} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
}
