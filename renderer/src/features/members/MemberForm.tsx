import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { MemberFields } from '../../../../shared/domain/records';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { db } from '../../db';
import { TIER_OPTIONS, normalizeMemberFields, validateMemberFields, warningsConfirmed } from './logic';
import { duplicateMessages, findDuplicates, MemberWriteError } from '../../records/members';
import { errorText } from '../../ui/errorText';
import { useUnsavedForm } from '../../ui/unsaved';

export interface MemberFormValues extends Partial<MemberFields> {
  approvedOn?: string;
}

export interface MemberFormSubmit {
  fields: MemberFields;
  /** Only with `withApprovedOn`. */
  approvedOn?: string;
  /** The R-M2 warnings the clerk confirmed (empty when none). */
  confirmedWarnings: string[];
}

const NATURE_OPTIONS = ['企业', '事业单位', '社会团体', '高等院校', '科研院所', '其他'].map((v) => ({
  value: v,
  label: v,
}));

/** A refusal the page showed itself (not an error to report again). */
const NOT_SAVED = Symbol('not saved');

/**
 * The member form (R-M1, R-M2), shared by 新增会员 and 新建申请. R-M2 warnings (check digit, region
 * outside the mainland) block the first 保存; the clerk confirms them explicitly (确认无误，仍然保存).
 * Duplicates of credit code or unit name are refused (`checkDuplicates`, default on).
 */
export function MemberForm(props: {
  initialValues?: MemberFormValues;
  /** Show 入会日期 (direct entry of an existing member, default today). */
  withApprovedOn?: boolean;
  checkDuplicates?: boolean;
  excludeId?: number;
  submitLabel?: string;
  /** The form's name where unsaved edits are listed (leaving the page asks first): the page's title. */
  label: string;
  /** Resolves false when the page refused it and says why (nothing saved: leaving still asks). */
  onSubmit: (v: MemberFormSubmit) => Promise<void | false>;
  onCancel?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const initial: MemberFormValues = {
    tier: 'member',
    ...(props.withApprovedOn ? { approvedOn: today() } : {}),
    ...props.initialValues,
  };
  const unsaved = useUnsavedForm(form, props.label, { initial });

  type FieldList = Parameters<typeof form.setFields>[0];
  const setErrors = (list: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(list as unknown as FieldList);

  const submit = async () => {
    const raw = form.getFieldsValue(true) as MemberFormValues;
    const fields = normalizeMemberFields(raw);
    const { errors, warnings: found } = validateMemberFields(fields);
    if (props.withApprovedOn && !raw.approvedOn) errors.approvedOn = '请选择入会日期';
    if (props.checkDuplicates !== false && !errors.creditCode && !errors.name) {
      Object.assign(errors, duplicateMessages(await findDuplicates(db, fields, props.excludeId)));
    }
    const all = form.getFieldsError().map((f) => f.name);
    setErrors(all.map((name) => ({ name, errors: [] })));
    const entries = Object.entries(errors);
    if (entries.length > 0) {
      setErrors(entries.map(([path, msg]) => ({ name: path.split('.'), errors: [msg] })));
      void form.scrollToField(entries[0]![0].split('.') as never);
      return;
    }
    if (found.length > 0 && !(confirmed && warnings && warningsConfirmed(found, warnings))) {
      // R-M2: not saved on the first 保存 — the clerk sees why and confirms explicitly.
      setWarnings(found);
      setConfirmed(false);
      return;
    }
    setBusy(true);
    try {
      await unsaved.saving(async () => {
        const saved = await props.onSubmit({
          fields,
          ...(props.withApprovedOn && raw.approvedOn ? { approvedOn: raw.approvedOn } : {}),
          confirmedWarnings: found,
        });
        if (saved === false) throw NOT_SAVED;
      });
    } catch (e) {
      if (e === NOT_SAVED) return;
      if (e instanceof MemberWriteError && e.field)
        setErrors([{ name: e.field.split('.'), errors: [e.message] }]);
      else if (e instanceof Error && e.name === 'ConstraintError')
        setErrors([{ name: ['creditCode'], errors: ['该统一社会信用代码已被登记'] }]);
      else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const person = (
    role: 'representative' | 'contact',
    title: string,
    labels: [string, string, string, string],
  ) => (
    <>
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 8 }}>
        {title}
      </Typography.Title>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={labels[0]} name={[role, 'name']} required>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={labels[1]} name={[role, 'position']}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={labels[2]} name={[role, 'mobile']} required>
            <Input maxLength={20} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={labels[3]} name={[role, 'email']}>
            <Input maxLength={80} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );

  return (
    <Form
      form={form}
      name="member"
      layout="vertical"
      initialValues={initial}
      onValuesChange={() => {
        if (confirmed) setConfirmed(false);
      }}
      onFinish={submit}
      style={{ maxWidth: 880 }}
    >
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        单位信息
      </Typography.Title>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item label="单位名称" name="name" required>
            <Input maxLength={80} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="统一社会信用代码"
            name="creditCode"
            required
            extra="18 位，GB 32100-2015，末位为校验码（章程第八条）"
          >
            <Input maxLength={20} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="注册地"
            name="region"
            required
            extra="例：北京市；须在中国大陆境内注册（章程第八条）"
          >
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="单位性质" name="nature" required>
            <Select options={NATURE_OPTIONS} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="会员级别" name="tier" required>
            <Select options={TIER_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="主营业务" name="business" required>
            <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
        {props.withApprovedOn && (
          <Col span={12}>
            <Form.Item
              label="入会日期"
              name="approvedOn"
              required
              extra="被批准入会之日（决定首年会费，章程第三十二条）"
            >
              <DateInput />
            </Form.Item>
          </Col>
        )}
      </Row>
      {person('representative', '会员代表', ['会员代表', '代表职务', '代表手机', '代表邮箱'])}
      {person('contact', '联系人', ['联系人', '联系人职务', '联系人手机', '联系人邮箱'])}
      <Form.Item label="邮寄地址" name="postalAddress" required>
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      {warnings && warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message="请核实以下情况（章程第八条：在中国大陆境内注册；统一社会信用代码须有效）"
          description={
            <Flex vertical gap={8}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                确认无误，仍然保存
              </Checkbox>
            </Flex>
          }
        />
      )}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitLabel ?? '保存'}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>取消</Button>}
      </Flex>
    </Form>
  );
}
