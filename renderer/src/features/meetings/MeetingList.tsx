import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Table, Tag } from 'antd';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate } from 'react-router';
import type { Meeting } from '../../../../shared/domain/records';
import { BODY_LABEL, MEETING_FORM_LABEL } from '../../../../shared/domain/types';
import { db } from '../../db';
import { today } from '../../ui/today';
import { createMeeting } from './data';
import { quorumOf } from './logic';
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
    <FormDialog title="新建会议" open={props.open} onClose={props.onClose} onSave={submit} saving={saving}>
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <MeetingFields />
      </Form>
    </FormDialog>
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
  const ready = meetings !== undefined && attendance !== undefined;
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
      {open ? <NewMeetingForm open={open} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
}
