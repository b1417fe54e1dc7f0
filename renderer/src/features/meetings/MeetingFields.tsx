import { useRef } from 'react';
import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { BODY_LABEL, MEETING_FORM_LABEL, type Body, type MeetingForm } from '../../../../shared/domain/types';
import { BODIES } from '../../../../shared/domain/types';
import { DateInput } from '../../ui/DateInput';
import type { NewMeeting } from './data';
import { today } from '../../ui/today';

/** The fields of 新建会议 and 编辑会议信息. */
export interface MeetingFormValues {
  body: Body;
  form: MeetingForm;
  name: string;
  date: string;
  place?: string;
  chair?: string;
  recorder?: string;
  /** Remote meetings: 表决票寄回截止日期. */
  returnBy?: string;
}

/** The form's values as the meeting's own fields, trimmed; '' clears the return date (only remote meetings keep one). */
export function meetingFromValues(v: MeetingFormValues): NewMeeting {
  return {
    body: v.body,
    form: v.form,
    name: v.name.trim(),
    date: v.date,
    place: (v.place ?? '').trim(),
    chair: (v.chair ?? '').trim(),
    recorder: (v.recorder ?? '').trim(),
    returnBy: v.form === 'remote' ? (v.returnBy ?? '') : '',
  };
}

const BODY_OPTIONS = BODIES.map((b) => ({
  value: b,
  label: BODY_LABEL[b],
}));

export function defaultMeetingName(body: Body, form: MeetingForm, date: string): string {
  const y = date.slice(0, 4);
  return `中国网络安全产业联盟${y}年${BODY_LABEL[body]}${form === 'remote' ? '（通讯）' : ''}`;
}

/**
 * The form's onValuesChange: while the name is still the default name of the previous type, form and date,
 * it follows them; a name the clerk wrote is left alone.
 */
export function useNameFollowsDefault(
  form: FormInstance<MeetingFormValues>,
  initial: Pick<MeetingFormValues, 'body' | 'form' | 'date'>,
) {
  const prev = useRef(initial);
  return (changed: Partial<MeetingFormValues>, all: MeetingFormValues) => {
    if ('body' in changed || 'form' in changed || 'date' in changed) {
      const p = prev.current;
      if (all.name === defaultMeetingName(p.body, p.form, p.date ?? today()))
        form.setFieldValue('name', defaultMeetingName(all.body, all.form, all.date ?? today()));
    }
    prev.current = { body: all.body, form: all.form, date: all.date };
  };
}

/**
 * The meeting's fields, inside an antd Form. `bodyLocked`: why the type cannot change (shown under the
 * disabled select), or null.
 */
export function MeetingFields(props: { bodyLocked?: string | null }) {
  const locked = props.bodyLocked ?? null;
  return (
    <>
      <Form.Item name="body" label="会议类型" rules={mustChoose('会议类型')} extra={locked ?? undefined}>
        <Select options={BODY_OPTIONS} disabled={locked !== null} />
      </Form.Item>
      <Form.Item name="form" label="会议形式" rules={mustChoose('会议形式')}>
        <Radio.Group
          options={(['onsite', 'remote'] as const).map((f) => ({ value: f, label: MEETING_FORM_LABEL[f] }))}
        />
      </Form.Item>
      <Form.Item name="name" label="会议名称" rules={mustFill('会议名称')}>
        <Input />
      </Form.Item>
      <Form.Item name="date" label="日期" rules={mustChoose('会议日期')}>
        <DateInput />
      </Form.Item>
      <Form.Item noStyle dependencies={['form']}>
        {({ getFieldValue }) =>
          getFieldValue('form') === 'remote' ? (
            <Form.Item
              name="returnBy"
              label="表决票寄回截止日期"
              dependencies={['date']}
              extra="印在会议通知和表决票上；不填则留空由各单位按通知办理。"
              rules={[
                ({ getFieldValue: get }) => ({
                  validator: (_, v: string | undefined) => {
                    const date = get('date') as string | undefined;
                    return v && date && v > date
                      ? Promise.reject(new Error('表决票寄回截止日期不能晚于会议日期'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DateInput />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="place" label="地点" rules={mustFill('会议地点')}>
        <Input />
      </Form.Item>
      <Form.Item name="chair" label="主持人">
        <Input />
      </Form.Item>
      <Form.Item name="recorder" label="记录人">
        <Input />
      </Form.Item>
    </>
  );
}
