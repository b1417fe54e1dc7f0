/**
 * 版头 and 版记 of one 发文 (GB/T 9704-2012 §7.2, §7.4): a switch each, the 发文机关标志, 抄送 and 印发日期.
 * A new draft takes the 版头 default from 公文设置; the seed notice has neither.
 */
import { useEffect, useRef } from 'react';
import { Flex, Form, Input, Switch } from 'antd';
import { mustFill } from '../../ui/rules';
import type { FormInstance } from 'antd';
import type { OutgoingDocument } from '../../../../shared/domain/records';
import { DateInput } from '../../ui/DateInput';
import { readDocumentSettings } from '../settings/documentSettings';
import type { DraftFields } from '../../records/register';
import type { NoticeFields } from './logic';

export interface LetterheadFormValues {
  letterhead?: { on?: boolean; mark?: string };
  colophon?: { on?: boolean; cc?: string; printDate?: string };
}

/** The form's values of a stored document. */
export function letterheadFormValues(d: OutgoingDocument): LetterheadFormValues {
  return {
    letterhead: { on: d.letterhead !== undefined, mark: d.letterhead?.mark ?? '' },
    colophon: {
      on: d.colophon !== undefined,
      cc: d.colophon?.cc ?? '',
      printDate: d.colophon?.printDate ?? '',
    },
  };
}

/** What a draft stores: present only when switched on. */
export function letterheadDraft(v: LetterheadFormValues): Pick<DraftFields, 'letterhead' | 'colophon'> {
  const mark = (v.letterhead?.mark ?? '').trim();
  const cc = (v.colophon?.cc ?? '').trim();
  const printDate = (v.colophon?.printDate ?? '').trim();
  return {
    ...(v.letterhead?.on === true && mark !== '' ? { letterhead: { mark } } : {}),
    ...(v.colophon?.on === true
      ? { colophon: { ...(cc ? { cc } : {}), ...(printDate ? { printDate } : {}) } }
      : {}),
  };
}

/** The preview's 版头 / 版记. */
export function letterheadPreview(
  v: LetterheadFormValues,
): Partial<Pick<NoticeFields, 'letterhead' | 'colophon'>> {
  return letterheadDraft(v);
}

export function LetterheadFields(props: {
  form: FormInstance;
  /** A new draft: the 版头 default comes from 公文设置. */
  isNew: boolean;
  /** Called after the defaults are set (they do not go through onValuesChange). */
  onDefaults: () => void;
}) {
  const { form, isNew, onDefaults } = props;
  const applied = useRef(false);
  useEffect(() => {
    if (!isNew || applied.current) return;
    applied.current = true;
    void readDocumentSettings().then((s) => {
      if (form.getFieldValue(['letterhead', 'on']) !== undefined) return;
      form.setFieldValue('letterhead', { on: s.letterheadDefault, mark: s.letterheadMark });
      onDefaults();
    });
  }, [isNew, form, onDefaults]);
  const letterheadOn = Form.useWatch(['letterhead', 'on'], form) === true;
  const colophonOn = Form.useWatch(['colophon', 'on'], form) === true;
  return (
    <Flex vertical gap={0}>
      <Flex gap={12} align="start">
        <Form.Item label="版头" name={['letterhead', 'on']} valuePropName="checked" style={{ width: 80 }}>
          <Switch aria-label="版头" />
        </Form.Item>
        {letterheadOn && (
          <Form.Item
            label="发文机关标志"
            name={['letterhead', 'mark']}
            style={{ flex: 1 }}
            extra="红色小标宋居中，其下为发文字号和红色分隔线（GB/T 9704-2012 第 7.2 条）。"
            rules={mustFill('发文机关标志')}
          >
            <Input placeholder="中国网络安全产业联盟秘书处" />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={12} align="start">
        <Form.Item label="版记" name={['colophon', 'on']} valuePropName="checked" style={{ width: 80 }}>
          <Switch aria-label="版记" />
        </Form.Item>
        {colophonOn && (
          <>
            <Form.Item
              label="抄送"
              name={['colophon', 'cc']}
              style={{ flex: 1 }}
              extra="单位之间用逗号或顿号分隔；印发机关为落款。"
            >
              <Input placeholder="（可不填）" />
            </Form.Item>
            <Form.Item label="印发日期" name={['colophon', 'printDate']} style={{ width: 180 }}>
              <DateInput aria-label="印发日期" />
            </Form.Item>
          </>
        )}
      </Flex>
    </Flex>
  );
}
