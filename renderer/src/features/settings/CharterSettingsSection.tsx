import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  allHolidaySchedules,
  builtinHolidaySchedules,
  parseHolidaySchedule,
  duesScheduleFrom,
  resolveCharterSettings,
  setHolidaySchedule,
  withDuesSchedule,
  type CharterSettings,
  type DuesSchedule,
} from '../../../../shared/charter';
import { TIER_LABEL, TIERS_HIGHEST_FIRST } from '../../../../shared/domain/types';
import { db } from '../../db';
import {
  readClerkHolidaySchedules,
  saveCharterSettings,
  saveHolidaySchedule,
  useCharterSettings,
} from '../../records/settings';
import { errorText } from '../../ui/errorText';
import { useRun } from '../../ui/useRun';
import { useFollowStored, useUnsavedForm } from '../../ui/unsaved';
import { StoredChangedNotice } from '../../ui/StoredChangedNotice';
import { fieldLabel } from '../../../../shared/data/auditView';
import { today } from '../../ui/today';

const TIERS = TIERS_HIGHEST_FIRST;

/** The form's fields: the readings, and from which year changed amounts apply (R-D1). */
type CharterValues = Omit<CharterSettings, 'earlierDuesSchedules'> & { duesFrom?: number | 'all' };

/** 章程参数: the readings marked **Reading** in the rules (R-D1, R-O9, R-W1, R-O6), editable by the clerk. */
export function CharterSettingsSection() {
  const settings = useCharterSettings();
  const [form] = Form.useForm<CharterValues>();
  const unsaved = useUnsavedForm(form, '章程参数', { initial: settings });
  const followed = useFollowStored(form, settings);
  const { run } = useRun();
  const amountsChanged = (s: Partial<DuesSchedule> | undefined) =>
    TIERS.some((t) => s?.[t] !== undefined && s[t] !== settings.duesSchedule[t]);
  const edited = amountsChanged(Form.useWatch('duesSchedule', form));
  // R-D1: a resolution changes the 会费标准 from a year on; the years before keep what they owed.
  const save = ({ duesFrom, ...values }: CharterValues) => {
    const others = resolveCharterSettings({ ...settings, ...values, duesSchedule: settings.duesSchedule });
    const next = amountsChanged(values.duesSchedule)
      ? withDuesSchedule(others, values.duesSchedule, duesFrom === 'all' ? null : (duesFrom as number))
      : others;
    return run(() => unsaved.saving(() => saveCharterSettings(db, next)), '章程参数已保存');
  };
  const thisYear = Number(today().slice(0, 4));
  const from = duesScheduleFrom(settings);
  return (
    <Form form={form} layout="vertical" initialValues={settings} onFinish={save} style={{ maxWidth: 720 }}>
      <StoredChangedNotice
        what="章程参数"
        conflicts={followed.conflicts}
        label={(path) => fieldLabel(path.join('.'), 'settings')}
        onTakeStored={followed.takeStored}
      />
      <Typography.Paragraph type="secondary">
        会费标准（章程第三十二条）可由会员大会决议调整；理事长连任届数（章程第二十五条）、发文字号括号样式、请假是否计为缺席（章程第二十二条）为章程解读，默认值即《章程规则》所选解读。
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        {TIERS.map((t) => (
          <Form.Item
            key={t}
            name={['duesSchedule', t]}
            label={`${TIER_LABEL[t]}年会费（元）`}
            rules={[{ required: true, type: 'integer', min: 0, message: '请输入不小于 0 的整数金额' }]}
          >
            <InputNumber controls={false} min={0} step={1000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="dues-schedule-periods">
        {from === null
          ? '现行会费标准适用于所有年度。'
          : `现行会费标准自 ${from} 年起适用；${settings.earlierDuesSchedules
              .map(
                (e, i) =>
                  `${i === 0 ? `${e.until - 1} 年及以前` : `${settings.earlierDuesSchedules[i - 1]!.until}–${e.until - 1} 年`}：${TIERS.map(
                    (t) => `${TIER_LABEL[t]} ${e.schedule[t]} 元`,
                  ).join('、')}`,
              )
              .join('；')}。`}
      </Typography.Paragraph>
      {edited && (
        <Form.Item
          name="duesFrom"
          label="新会费标准适用于"
          rules={[{ required: true, message: '会费标准已修改：请选择新标准从哪一年起适用' }]}
          extra="按会员大会决议调整的，选决议规定的起始年度，此前各年度仍按原标准计收；只是更正录入错误的，选“所有年度”。"
        >
          <Select
            style={{ width: 260 }}
            options={[
              ...[-1, 0, 1, 2].map((d) => ({ value: thisYear + d, label: `${thisYear + d} 年起` })),
              {
                value: 'all',
                label: from === null ? '所有年度（更正录入错误）' : `${from} 年起的所有年度（更正录入错误）`,
              },
            ]}
          />
        </Form.Item>
      )}
      <Flex gap={12} wrap>
        <Form.Item
          name="termYears"
          label="任期（年）"
          rules={[{ required: true, type: 'integer', min: 1, max: 10 }]}
        >
          <InputNumber controls={false} min={1} max={10} precision={0} />
        </Form.Item>
        <Form.Item
          name="chairMaxConsecutiveTerms"
          label="理事长最多连续任职届数"
          rules={[{ required: true, type: 'integer', min: 1, max: 10 }]}
        >
          <InputNumber controls={false} min={1} max={10} precision={0} />
        </Form.Item>
        <Form.Item name="docNumberStyle" label="发文字号样式">
          <Select
            style={{ width: 260 }}
            options={[
              { value: 'seed', label: 'CCIA 秘[2022]056 号（与原通知一致）' },
              { value: 'gbt9704', label: 'CCIA秘〔2022〕56号（GB/T 9704-2012）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="leaveCountsAsAbsence" label="请假计为缺席（常务理事连续两次缺席）">
          <Select
            style={{ width: 120 }}
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit">
        保存章程参数
      </Button>
    </Form>
  );
}

function splitDates(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 节假日安排: built-in 2022–2026 schedules (State Council notices) plus years the clerk adds. */
export function HolidaySettingsSection() {
  const { message } = App.useApp();
  const clerk = useLiveQuery(() => readClerkHolidaySchedules(), []) ?? {};
  const builtin = builtinHolidaySchedules();
  const [year, setYear] = useState<number | null>(null);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const all = { ...allHolidaySchedules() };
  const rows = Object.keys(all)
    .map(Number)
    .sort((a, b) => a - b)
    .map((y) => ({
      year: y,
      holidays: all[y]!.holidays.length,
      workdays: all[y]!.workdays.length,
      source: all[y]!.source ?? '',
      origin: String(y) in clerk ? '本机添加' : y in builtin ? '内置' : '本机添加',
    }));
  const save = async () => {
    setError(null);
    if (!year || year < 2000 || year > 2100) return setError('请填写 2000 至 2100 之间的年份');
    const input = {
      holidays: splitDates(holidays),
      workdays: splitDates(workdays),
      source: source || undefined,
    };
    let parsed;
    try {
      parsed = parseHolidaySchedule(year, input);
    } catch (e) {
      return setError(errorText(e));
    }
    await saveHolidaySchedule(db, year, parsed);
    setHolidaySchedule(year, parsed);
    message.success(`${year} 年节假日安排已保存`);
    setHolidays('');
    setWorkdays('');
    setSource('');
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">
        工作日按国务院办公厅公布的节假日安排计算（退会通报期限等，章程第十二条）。没有安排的年份按周一至周五估算；新一年的安排公布后请在此添加。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '年份', dataIndex: 'year' },
          { title: '放假天数', dataIndex: 'holidays' },
          { title: '调休上班天数', dataIndex: 'workdays' },
          { title: '来源', dataIndex: 'source' },
          { title: '类别', dataIndex: 'origin' },
        ]}
      />
      <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={save}>
        <Form.Item label="年份" htmlFor="holiday-year">
          <InputNumber
            controls={false}
            id="holiday-year"
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => setYear(v)}
          />
        </Form.Item>
        <Form.Item label="放假日期（每行或用逗号分隔，YYYY-MM-DD）" htmlFor="holiday-days">
          <Input.TextArea
            id="holiday-days"
            rows={3}
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="调休上班日期（周六或周日）" htmlFor="holiday-workdays">
          <Input.TextArea
            id="holiday-workdays"
            rows={2}
            value={workdays}
            onChange={(e) => setWorkdays(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="来源（通知名称与日期）" htmlFor="holiday-source">
          <Input id="holiday-source" value={source} onChange={(e) => setSource(e.target.value)} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button htmlType="submit">保存节假日安排</Button>
      </Form>
    </Flex>
  );
}
