import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Flex, Form, Input, Select, Switch, Tag, Typography } from 'antd';
import { mustFill } from '../../ui/rules';
import { db } from '../../db';
import { FONT_SCHEMES } from '../../../../shared/documents';
import {
  saveDocumentSettings,
  sessionFontDetection,
  useDocumentSettings,
  type DocumentSettings,
} from './documentSettings';

import { useRun } from '../../ui/useRun';
import { useFollowStored, useUnsavedForm } from '../../ui/unsaved';
import { StoredChangedNotice } from '../../ui/StoredChangedNotice';
import { fieldLabel } from '../../../../shared/data/auditView';
import { chineseFamilies, OFFICIAL_FACES, recommendedScheme, type FontDetection } from './fonts';
import type { InstalledFonts } from '../../../../shared/channels';

/** Where the list came from and how much of it, in Chinese. */
function fontsSummary(f: InstalledFonts): string {
  const how = f.source === 'font-files' ? '读取本机字体文件夹中的字体文件' : '通过浏览器的本机字体访问接口';
  const chinese = chineseFamilies(f).length;
  return (
    `${how}，找到 ${f.families.length} 个字体（其中中文名称 ${chinese} 个）` +
    (f.skipped ? `，${f.skipped} 个字体文件无法读取，已跳过` : '') +
    (f.truncated ? '；字体文件过多，只读取了一部分' : '') +
    '。'
  );
}

const SCHEME_LABEL = {
  gb2312: 'GB/T 9704 字体（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312）',
  windows: 'Windows 自带字体（仿宋、宋体加粗、黑体、楷体）',
} as const;

/** 公文设置: which official faces this machine has, the font scheme of exports, the default 版头. */
export function DocumentSettingsSection() {
  const settings = useDocumentSettings();
  const [form] = Form.useForm<DocumentSettings>();
  const unsaved = useUnsavedForm(form, '公文设置', { initial: settings });
  const followed = useFollowStored(form, settings);
  const [detection, setDetection] = useState<FontDetection | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void sessionFontDetection().then((d) => {
      if (live) setDetection(d);
    });
    return () => {
      live = false;
    };
  }, []);
  const recommended = detection ? recommendedScheme(detection) : undefined;
  const { run } = useRun();
  const save = (values: DocumentSettings) =>
    run(() => unsaved.saving(() => saveDocumentSettings(db, values)), '公文设置已保存');
  const inEffect = settings.fontScheme === 'auto' ? recommended?.scheme : settings.fontScheme;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Descriptions column={1} size="small" bordered aria-label="本机公文字体">
        {OFFICIAL_FACES.map((f) => (
          <Descriptions.Item key={f.face} label={f.face}>
            {detection === undefined ? (
              '正在检查…'
            ) : detection.status === 'ok' ? (
              detection.installed[f.face] ? (
                <Tag color="green">已安装</Tag>
              ) : (
                <Tag color="orange">未安装</Tag>
              )
            ) : (
              <Tag>无法确认</Tag>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {detection && detection.status !== 'ok' && (
        <Alert type="warning" showIcon message={detection.message} />
      )}
      {detection?.status === 'ok' && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {fontsSummary(detection.fonts)}
          {chineseFamilies(detection.fonts).length > 0 &&
            `中文字体：${chineseFamilies(detection.fonts).slice(0, 40).join('、')}${chineseFamilies(detection.fonts).length > 40 ? ' 等' : ''}。`}
        </Typography.Paragraph>
      )}
      {recommended && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {settings.fontScheme === 'auto' ? '当前字体方案（自动）：' : '建议的字体方案：'}
          {SCHEME_LABEL[recommended.scheme]}。{recommended.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={settings} onFinish={save}>
        <StoredChangedNotice
          what="公文设置"
          conflicts={followed.conflicts}
          label={(path) => fieldLabel(path.join('.'), 'settings')}
          onTakeStored={followed.takeStored}
        />
        <Form.Item label="导出 Word 的字体方案" name="fontScheme">
          <Select
            style={{ maxWidth: 520 }}
            options={[
              { value: 'auto', label: '自动（按本机已安装的字体选择）' },
              { value: 'gb2312', label: SCHEME_LABEL.gb2312 },
              { value: 'windows', label: SCHEME_LABEL.windows },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="新建发文默认带版头"
          name="letterheadDefault"
          valuePropName="checked"
          extra="版头：红色发文机关标志、发文字号和红色分隔线（GB/T 9704-2012 第 7.2 条）；种子通知不带版头。每份发文可单独开关。"
        >
          <Switch aria-label="新建发文默认带版头" />
        </Form.Item>
        <Form.Item
          label="发文机关标志"
          name="letterheadMark"
          rules={mustFill('发文机关标志')}
          extra="发文机关全称或规范化简称，也可加“文件”二字，如：中国网络安全产业联盟文件。"
        >
          <Input style={{ maxWidth: 520 }} />
        </Form.Item>
        <Button htmlType="submit">保存公文设置</Button>
      </Form>
      {inEffect && (
        <Typography.Text type="secondary">
          导出时使用：{SCHEME_LABEL[inEffect]}（{FONT_SCHEMES[inEffect].body}正文）。
        </Typography.Text>
      )}
    </Flex>
  );
}
