import { useState } from 'react';
import { Alert, App, Form, Typography } from 'antd';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import type { EntitledEntry, Meeting } from '../../../../shared/domain/records';
import { BODY_LABEL, type Body } from '../../../../shared/domain/types';
import { db } from '../../db';
import {
  meetingRecords,
  previewMeetingUpdate,
  recordsText,
  updateMeeting,
  type EntitledChange,
  type NewMeeting,
} from './data';
import {
  MeetingFields,
  meetingFromValues,
  useNameFollowsDefault,
  type MeetingFormValues,
} from './MeetingFields';
import { errorText } from '../../ui/errorText';
import { sameValue } from '../../../../shared/data/followStored';
import { useRun } from '../../ui/useRun';

const FIELDS = ['body', 'form', 'name', 'date', 'place', 'chair', 'recorder', 'returnBy'] as const;

function entryName(e: EntitledEntry): string {
  return e.observer ? `${e.name}（${e.representative}，列席）` : e.name;
}

function names(list: EntitledEntry[], max = 8): string {
  const shown = list.slice(0, max).map(entryName).join('、');
  return list.length > max ? `${shown}等` : shown;
}

/** The confirmation shown before the entitled list is fixed again on a new date (R-O2, R-O4, R-O6). */
function RefixExplanation(props: { date: string; body: Body | undefined; change: EntitledChange }) {
  const { change } = props;
  return (
    <Typography>
      <Typography.Paragraph>
        应到名单以会议当日的登记为准（章程第十六、二十、二十二条）。
        {props.body ? `会议类型改为${BODY_LABEL[props.body]}，` : `会议日期改为 ${props.date}，`}
        应到名单将按 {props.date} 的登记重新确定：
      </Typography.Paragraph>
      <ul>
        {change.added.length ? (
          <li>
            新增 {change.added.length} 家：{names(change.added)}
          </li>
        ) : null}
        {change.removed.length ? (
          <li>
            移出 {change.removed.length} 家：{names(change.removed)}
          </li>
        ) : null}
      </ul>
      {change.markedRemoved ? (
        <Typography.Paragraph type="warning">
          移出的单位中有 {change.markedRemoved}{' '}
          家已有签到或表决票记录：记录保留在档案中，但不再计入出席人数和表决结果。
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">
        不希望改变应到名单时，请点“返回修改”，保留原来的{props.body ? '会议类型' : '日期'}。
      </Typography.Paragraph>
    </Typography>
  );
}

/**
 * 编辑会议信息: the fields of 新建会议. The type cannot change once attendance or a vote is recorded; a new date
 * fixes the entitled list again on that date (R-O2, R-O4, R-O6), after the clerk confirms the changes.
 */
export function EditMeetingForm(props: { meeting: Meeting; onClose: () => void }) {
  const { meeting } = props;
  const id = meeting.id!;
  const [form] = Form.useForm<MeetingFormValues>();
  const { busy: saving, run } = useRun();
  const { message, modal } = App.useApp();
  const records = useLiveQuery(() => meetingRecords(db, id), [id]);
  const [initial] = useState<MeetingFormValues>(() => ({
    body: meeting.body,
    form: meeting.form,
    name: meeting.name,
    date: meeting.date,
    place: meeting.place,
    chair: meeting.chair,
    recorder: meeting.recorder,
    ...(meeting.returnBy ? { returnBy: meeting.returnBy } : {}),
  }));
  const onValuesChange = useNameFollowsDefault(form, initial);
  const date = Form.useWatch('date', form) as string | undefined;
  const body = Form.useWatch('body', form) as string | undefined;
  const locked =
    records && (records.attendance || records.votes)
      ? `${recordsText(records)}，会议类型不能更改：应到名单和表决规则都由会议类型决定。如类型有误，请新建会议。`
      : null;

  const save = async (patch: Partial<NewMeeting>) => {
    await run(
      async () => {
        const change = await updateMeeting(db, id, patch);
        message.success(
          change.refixed
            ? `会议信息已保存，应到名单已按 ${patch.date ?? meeting.date} 重新确定`
            : patch.date || patch.body
              ? '会议信息已保存（应到名单不变）'
              : '会议信息已保存',
        );
        props.onClose();
      },
      undefined,
      '保存失败',
    );
  };

  const submit = async () => {
    const v = await form.validateFields();
    const next = meetingFromValues(v);
    // Only what the clerk changed since the dialog opened: a field another workstation changed meanwhile
    // (the meeting is live) and the clerk left as it was keeps the other's value.
    const opened = meetingFromValues(initial);
    const patch: Partial<NewMeeting> = {};
    for (const k of FIELDS) if (!sameValue(next[k], opened[k])) Object.assign(patch, { [k]: next[k] });
    if (Object.keys(patch).length === 0) {
      message.info('没有修改');
      props.onClose();
      return;
    }
    if (patch.date === undefined && patch.body === undefined) return save(patch);
    let change: EntitledChange;
    try {
      change = await previewMeetingUpdate(db, id, patch);
    } catch (e) {
      message.error(`保存失败：${errorText(e)}`);
      return;
    }
    if (!change.refixed) return save(patch);
    modal.confirm({
      title: patch.body ? '应到名单将按新的会议类型重新确定' : '应到名单将按新日期重新确定',
      width: 560,
      content: <RefixExplanation date={next.date} body={patch.body} change={change} />,
      okText: '确认修改',
      cancelText: '返回修改',
      onOk: () => save(patch),
    });
  };

  return (
    <FormDialog form={form} title="编辑会议信息" onClose={props.onClose} onSave={submit} saving={saving}>
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <MeetingFields bodyLocked={locked} />
      </Form>
      {(date && date !== meeting.date) || (body && body !== meeting.body) ? (
        <Alert
          type="info"
          showIcon
          message={`应到名单按会议类型和会议当日的登记确定（原为 ${meeting.date} 的${BODY_LABEL[meeting.body]}，应到 ${meeting.entitled.filter((e) => !e.observer).length}）。保存时如应到单位有变化，将先列出变化，确认后重新确定。`}
        />
      ) : null}
    </FormDialog>
  );
}
