import { useEffect } from 'react';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { db } from '../../db';
import { saveLocalSettings, useLocalSettings, type LocalSettings } from '../../records/settings';
import { useRun } from '../../ui/useRun';
import { useUnsavedForm } from '../../ui/unsaved';

/**
 * 本工作站 (issue 19): this workstation's name and the clerk's, local-only settings that every audit entry
 * written here carries (and 多人协作 shows to the other workstations through the shared audit trail).
 */
export function WorkstationSection() {
  const current = useLocalSettings();
  const [form] = Form.useForm<LocalSettings>();
  useUnsavedForm(form, '本工作站设置', { initial: current });
  useEffect(() => form.setFieldsValue(current), [form, current]);
  const { run } = useRun();
  const save = (values: LocalSettings) => run(() => saveLocalSettings(db, values), '本工作站设置已保存');
  return (
    <Flex vertical gap={8} style={{ maxWidth: 720 }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        工作站名称和经办人只保存在本机（不随备份恢复、不同步到其他工作站），每条操作记录都会注明，便于多人协作时查明由谁在哪台电脑上办理。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={current} onFinish={save}>
        <Form.Item label="工作站名称" name="workstationName">
          <Input placeholder="如：秘书处-会费" maxLength={40} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="经办人" name="clerkName">
          <Input placeholder="姓名" maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">保存本工作站设置</Button>
        </Form.Item>
      </Form>
    </Flex>
  );
}
