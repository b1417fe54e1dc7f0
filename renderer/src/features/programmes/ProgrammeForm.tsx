import { useRef, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Select } from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Programme } from '../../../../shared/domain/records';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { db } from '../../db';
import { saveProgramme, type ProgrammeFields } from './data';
import { pastDeadlineWarning } from './logic';
import { errorText } from '../../ui/errorText';

interface FormValues {
  name: string;
  description: string;
  callNoticeDocId?: number;
  callYear: number;
  deadline: string;
  certificatePrefix: string;
}

function fieldsOf(v: FormValues): ProgrammeFields {
  return {
    name: v.name.trim(),
    description: (v.description ?? '').trim(),
    callYear: v.callYear,
    deadline: v.deadline,
    certificatePrefix: v.certificatePrefix.trim(),
    ...(v.callNoticeDocId != null ? { callNoticeDocId: v.callNoticeDocId } : {}),
  };
}

/** 新建 / 编辑专项行动 (R-P1): an edit writes only what the clerk changed. */
export function ProgrammeFormModal(props: {
  open: boolean;
  programme?: Programme;
  onClose: (id?: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const docs = useLiveQuery(() => db.documents.toArray(), []);
  const p = props.programme;
  const year = Number(today().slice(0, 4));
  const initial: FormValues = p
    ? {
        name: p.name,
        description: p.description,
        ...(p.callNoticeDocId !== undefined ? { callNoticeDocId: p.callNoticeDocId } : {}),
        callYear: p.callYear,
        deadline: p.deadline,
        certificatePrefix: p.certificatePrefix,
      }
    : // A new programme starts empty: no name, prefix or deadline of the 阳光行动 carried over (issue 16).
      {
        name: '',
        description: '',
        callYear: year,
        deadline: '',
        certificatePrefix: '',
      };
  // What the form opened with, while it is open (the programme is live: another workstation may change it).
  const opened = useRef<FormValues | null>(null);
  if (!props.open) opened.current = null;
  else if (opened.current === null) opened.current = initial;
  const deadline = Form.useWatch('deadline', form);
  const warning = pastDeadlineWarning(deadline, today());
  return (
    <FormDialog
      form={form}
      open={props.open}
      title={p ? '编辑专项行动' : '新建专项行动'}
      saving={busy}
      onClose={() => props.onClose()}
      onSave={async () => {
        const v = await form.validateFields().catch(() => undefined);
        if (!v) return;
        setBusy(true);
        try {
          const id = await saveProgramme(
            db,
            p?.id,
            fieldsOf(v),
            p && opened.current ? fieldsOf(opened.current) : undefined,
          );
          message.success('已保存');
          props.onClose(id);
        } catch (e) {
          message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item label="名称" name="name" rules={mustFill('名称')}>
          <Input />
        </Form.Item>
        <Form.Item label="简介" name="description">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="征集通知" name="callNoticeDocId" extra="从发文登记簿中选择">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择发文"
            options={(docs ?? [])
              .filter((d) => d.status !== 'void')
              .map((d) => ({ value: d.id as number, label: `${d.docNumber ?? '（草稿）'} ${d.title}` }))}
          />
        </Form.Item>
        <Form.Item
          label="征集年度"
          name="callYear"
          rules={[
            { required: true, type: 'integer', min: 2000, max: 2100, message: '请输入四位年度，例如 2022' },
          ]}
        >
          <InputNumber controls={false} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="截止日期" name="deadline" rules={mustChoose('截止日期')}>
          <DateInput aria-label="截止日期" />
        </Form.Item>
        {warning && (
          <Alert type="warning" showIcon role="alert" message={warning} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          label="证书编号前缀"
          name="certificatePrefix"
          extra="证书编号：前缀-年度-三位序号，例如前缀 YGXD 得 YGXD-2022-001"
          rules={[
            { required: true, whitespace: true, message: '请填写证书编号前缀' },
            { pattern: /^[A-Za-z0-9]{1,12}$/, message: '前缀只能是 1–12 位字母或数字' },
          ]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
