import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import { useUnsavedForm } from '../../ui/unsaved';
import { useLiveQuery } from 'dexie-react-hooks';
import { DateInput } from '../../ui/DateInput';
import { useExportFile } from '../../ui/exportFile';
import { today } from '../../ui/today';
import { db } from '../../db';
import type { Payment } from '../../../../shared/domain/records';
import { TIER_LABEL } from '../../../../shared/domain/types';
import { matchesSearch, normalizeQuery } from '../../../../shared/search/memberSearch';
import type { LedgerRow } from './ledger';
import { yuan } from './ledger';
import { buildDuesNoticesDocx, buildDuesNoticesZip } from './word';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import { PAYMENT_METHODS, PaymentWriteError, recordPayment, setOverride, voidPayment } from './writes';
import type { ReceiptClash } from '../../../../shared/data/receipts';
import { saveBank, saveTrackedFrom, type BankSetting } from '../../records/settings';
import { errorText } from '../../ui/errorText';
import { useRun } from '../../ui/useRun';

/** The form's values, or null when a field is invalid (antd shows the messages; nothing is thrown). */
async function validated<T>(form: { validateFields: () => Promise<T> }): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

const integerYuanRule = (min: number) => ({
  validator: async (_: unknown, v: unknown) => {
    if (v === null || v === undefined || v === '') throw new Error('请填写金额');
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('金额必须是整数元');
    if (v < min) throw new Error(min > 0 ? '金额必须大于 0' : '金额不能为负');
  },
});

interface PaymentValues {
  memberId?: number;
  paidOn?: string;
  amount?: number;
  method?: string;
  receiptNo?: string;
  note?: string;
}

/** 登记缴费: a payment for the selected year (several per year allowed). */
export function PaymentModal(props: {
  open: boolean;
  year: number;
  /** Preselected member (row action); otherwise a member select is shown. */
  row?: LedgerRow;
  rows: readonly LedgerRow[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const { busy: saving, run } = useRun();
  const selectedId = Form.useWatch('memberId', form);
  const current = props.row ?? props.rows.find((r) => r.memberId === selectedId);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const memberId = props.row?.memberId ?? v.memberId;
    if (memberId === undefined) return;
    await run(
      async () => {
        try {
          await recordPayment(
            db,
            {
              memberId,
              year: props.year,
              paidOn: v.paidOn ?? '',
              amount: v.amount ?? 0,
              method: (v.method ?? '') as (typeof PAYMENT_METHODS)[number],
              receiptNo: v.receiptNo ?? '',
              note: v.note || undefined,
            },
            today(),
          );
        } catch (e) {
          // A receipt number already used: said at the field, the dialog kept as typed.
          if (!(e instanceof PaymentWriteError) || !e.field) throw e;
          form.setFields([{ name: e.field, errors: [e.message] }]);
          return;
        }
        message.success('缴费已登记');
        form.resetFields();
        props.onClose();
      },
      undefined,
      '登记失败',
    );
  };
  return (
    <FormDialog
      form={form}
      open={props.open}
      title={`登记缴费（${props.year} 年度）`}
      saving={saving}
      onSave={submit}
      onClose={props.onClose}
    >
      <Form
        form={form}
        name="dues-payment"
        layout="vertical"
        preserve={false}
        initialValues={{
          paidOn: today(),
          method: '银行转账',
          amount: props.row && props.row.outstanding > 0 ? props.row.outstanding : undefined,
        }}
      >
        {props.row ? (
          <Typography.Paragraph strong>{props.row.name}</Typography.Paragraph>
        ) : (
          <Form.Item label="会员单位" name="memberId" rules={mustChoose('会员单位')}>
            <Select
              showSearch={{
                filterOption: (input, option) =>
                  matchesSearch(String(option?.search ?? ''), normalizeQuery(input)),
              }}
              placeholder="输入名称或拼音首字母"
              options={props.rows.map((r) => ({ value: r.memberId, label: r.name, search: r.searchText }))}
              onChange={(id: number) => {
                const r = props.rows.find((x) => x.memberId === id);
                if (r && r.outstanding > 0) form.setFieldValue('amount', r.outstanding);
              }}
            />
          </Form.Item>
        )}
        {current && (
          <Typography.Paragraph type="secondary">
            应缴 {yuan(current.amount)} 元，已缴 {yuan(current.paid)} 元，欠缴 {yuan(current.outstanding)} 元
          </Typography.Paragraph>
        )}
        <Form.Item
          label="缴费日期"
          name="paidOn"
          rules={[
            { required: true, message: '请填写缴费日期' },
            {
              validator: async (_, v?: string) => {
                if (v && v > today()) throw new Error('缴费日期不能晚于今天');
              },
            },
          ]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label="金额" name="amount" required rules={[integerYuanRule(1)]} extra="单位：元（整数）">
          <InputNumber controls={false} style={{ width: '100%' }} min={0} precision={0} />
        </Form.Item>
        <Form.Item label="缴费方式" name="method" rules={mustChoose('缴费方式')}>
          <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item label="收据号" name="receiptNo" rules={[{ max: 50, message: '收据号不超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="备注" name="note" rules={[{ max: 500, message: '备注不超过 500 个字符' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 调整应缴金额 (R-D5): the new amount with a required reason. */
export function OverrideModal(props: { open: boolean; year: number; row?: LedgerRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount?: number; reason?: string }>();
  const { busy: saving, run } = useRun();
  const row = props.row;
  const submit = async () => {
    if (!row) return;
    const v = await validated(form);
    if (!v) return;
    await run(
      async () => {
        await setOverride(db, {
          memberId: row.memberId,
          year: props.year,
          amount: v.amount ?? -1,
          reason: v.reason ?? '',
          previousAmount: row.amount,
        });
        message.success('应缴金额已调整');
        props.onClose();
      },
      undefined,
      '调整失败',
    );
  };
  return (
    <FormDialog
      form={form}
      open={props.open}
      title={`调整应缴金额（${props.year} 年度）`}
      saving={saving}
      onSave={submit}
      onClose={props.onClose}
    >
      {row && (
        <Form
          form={form}
          name="dues-override"
          layout="vertical"
          preserve={false}
          initialValues={{ amount: row.amount, reason: row.override?.reason }}
        >
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="单位名称">{row.name}</Descriptions.Item>
            <Descriptions.Item label="会员级别">{TIER_LABEL[row.tier]}</Descriptions.Item>
            <Descriptions.Item label="章程标准">
              {yuan(row.standardAmount)} 元{row.halved ? '（当年 7 月 1 日后入会，减半）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="当前应缴">{yuan(row.amount)} 元</Descriptions.Item>
          </Descriptions>
          <Form.Item
            label="调整后金额"
            name="amount"
            required
            rules={[integerYuanRule(0)]}
            extra="单位：元（整数）"
          >
            <InputNumber controls={false} style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
          <Form.Item
            label="原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写调整原因' },
              { max: 500, message: '原因不超过 500 个字符' },
            ]}
          >
            <Input.TextArea rows={3} placeholder="例：经常务理事会决议减免" />
          </Form.Item>
        </Form>
      )}
    </FormDialog>
  );
}

/**
 * A member's payments (all years), with 作废 (void with a reason; never deleted). A payment of a receipt
 * number stored twice (`clashes`, shared/data/receipts.ts) is marked, and its 作废 reason says so.
 */
export function PaymentsDrawer(props: {
  row?: LedgerRow;
  clashes?: readonly ReceiptClash[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const memberId = props.row?.memberId;
  const payments = useLiveQuery(
    async () => (memberId === undefined ? [] : db.payments.where('memberId').equals(memberId).toArray()),
    [memberId],
  );
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const [reasonForm] = Form.useForm<{ reason?: string }>();
  const clashOf = useMemo(() => {
    const m = new Map<number, ReceiptClash>();
    for (const c of props.clashes ?? []) for (const p of c.payments) if (p.id !== undefined) m.set(p.id, c);
    return m;
  }, [props.clashes]);
  const sorted = [...(payments ?? [])].sort((a, b) => b.year - a.year || b.paidOn.localeCompare(a.paidOn));
  const doVoid = async () => {
    if (!voiding?.id) return;
    const v = await validated(reasonForm);
    if (!v) return;
    try {
      await voidPayment(db, voiding.id, v.reason ?? '');
      message.success('缴费记录已作废');
      setVoiding(null);
    } catch (e) {
      message.error(`作废失败：${errorText(e)}`);
    }
  };
  return (
    <Drawer
      destroyOnHidden
      open={props.row !== undefined}
      onClose={props.onClose}
      size={760}
      title={props.row ? `缴费明细：${props.row.name}` : '缴费明细'}
    >
      <Table<Payment>
        rowKey={(p) => p.id ?? 0}
        size="small"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: '暂无缴费记录' }}
        columns={[
          { title: '所属年度', dataIndex: 'year', width: 80 },
          { title: '缴费日期', dataIndex: 'paidOn', width: 110 },
          { title: '金额', dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
          { title: '缴费方式', dataIndex: 'method' },
          { title: '收据号', dataIndex: 'receiptNo' },
          { title: '备注', dataIndex: 'note' },
          {
            title: '状态',
            key: 'state',
            render: (_, p) =>
              p.voided ? (
                <Tag title={`作废原因：${p.voided.reason}`}>已作废：{p.voided.reason}</Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag color="green">有效</Tag>
                  {p.id !== undefined && clashOf.has(p.id) ? (
                    <Tag color="red">{RECEIPT_CLASH_TAG[clashOf.get(p.id)!.kind]}</Tag>
                  ) : null}
                </Space>
              ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, p) =>
              p.voided ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    reasonForm.resetFields();
                    const clash = p.id !== undefined ? clashOf.get(p.id) : undefined;
                    if (clash)
                      reasonForm.setFieldValue(
                        'reason',
                        clash.kind === 'twice'
                          ? `重复登记（收据号 ${clash.receiptNo}）`
                          : `收据号 ${clash.receiptNo} 与其他单位的缴费重复`,
                      );
                    setVoiding(p);
                  }}
                >
                  作废
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={voiding !== null}
        title="作废缴费记录"
        okText="确认作废"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onOk={doVoid}
        onCancel={() => setVoiding(null)}
      >
        {voiding && (
          <Typography.Paragraph>
            {voiding.year} 年度 {voiding.paidOn} 缴费 {yuan(voiding.amount)}{' '}
            元。作废后记录保留，不计入已缴金额。
          </Typography.Paragraph>
        )}
        <Form form={reasonForm} name="dues-void" layout="vertical">
          <Form.Item label="作废原因" name="reason" rules={mustFill('作废原因')}>
            <Input.TextArea rows={2} placeholder="例：重复登记" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** How a payment of a clashing receipt number is marked. */
export const RECEIPT_CLASH_TAG: Record<ReceiptClash['kind'], string> = {
  twice: '收据号重复登记',
  units: '收据号与其他单位重复',
};

/** The bank details printed on dues notices (db.settings 'bank'): 户名, 开户行, 账号. */
export function BankForm(props: { initial?: BankSetting; onSaved?: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BankSetting>();
  useUnsavedForm(form, '收款账户', { initial: props.initial });
  const { busy: saving, run } = useRun();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    await run(
      async () => {
        await saveBank(db, v);
        message.success('收款账户已保存');
        props.onSaved?.();
      },
      undefined,
      '保存失败',
    );
  };
  return (
    <Form form={form} name="dues-bank" layout="inline" initialValues={props.initial} aria-label="收款账户">
      <Form.Item label="户名" name="accountName" rules={mustFill('户名')}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="开户行" name="bank" rules={mustFill('开户行')}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        label="账号"
        name="accountNo"
        rules={[
          { required: true, whitespace: true, message: '请填写账号' },
          { pattern: /^[0-9 -]{6,40}$/, message: '账号应为数字（可含空格或短横线）' },
        ]}
      >
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" onClick={submit} loading={saving}>
          保存账户
        </Button>
      </Form.Item>
    </Form>
  );
}

/** Batch export of 会费缴纳通知 for the selected members, with a progress bar. */
export function ExportModal(props: {
  open: boolean;
  year: number;
  rows: readonly LedgerRow[];
  bank?: BankSetting;
  onClose: () => void;
}) {
  const exportFile = useExportFile();
  const [mode, setMode] = useState<'single' | 'zip'>('single');
  const [date, setDate] = useState<string | undefined>(today());
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!props.bank || !date) return;
    setError(null);
    setProgress(0);
    try {
      const ctx = { year: props.year, date, bank: props.bank, options: await documentOptionsFromSettings() };
      const onProgress = (done: number, total: number) => setProgress(Math.round((done / total) * 100));
      // One Word file with every notice, or a zip of one file per member.
      const kind = mode === 'single' ? 'docx' : 'zip';
      const build = kind === 'docx' ? buildDuesNoticesDocx : buildDuesNoticesZip;
      const bytes = await build(props.rows, ctx, onProgress);
      const name = `${props.year}年度会费缴纳通知（${props.rows.length}家）.${kind}`;
      if (await exportFile(name, bytes, kind)) props.onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Modal
      open={props.open}
      title="导出会费缴纳通知"
      okText="开始导出"
      cancelText="取消"
      okButtonProps={{
        disabled: !props.bank || !date || props.rows.length === 0,
        loading: progress !== null,
      }}
      onOk={run}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          已选 {props.rows.length} 家会员单位，{props.year} 年度。
        </Typography.Text>
        {!props.bank && (
          <Alert type="warning" showIcon title="请先在会费页面填写收款账户（户名、开户行、账号）。" />
        )}
        <Radio.Group
          aria-label="导出方式"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'single' | 'zip')}
          options={[
            { value: 'single', label: '合并为一个 Word 文件（每家一页）' },
            { value: 'zip', label: '每家一个 Word 文件（打包为 zip）' },
          ]}
        />
        <Form layout="vertical">
          <Form.Item label="落款日期" htmlFor="dues-notice-date">
            <DateInput id="dues-notice-date" value={date} onChange={setDate} />
          </Form.Item>
        </Form>
        {progress !== null && <Progress percent={progress} aria-label="导出进度" />}
        {error && <Alert type="error" showIcon title={`导出失败：${error}`} />}
      </Flex>
    </Modal>
  );
}

/** 台账起始年度: years before it were settled before the desk was used and are not reported as arrears. */
export function TrackedFromForm(props: { value: number; isSet: boolean; years: number[] }) {
  const { message } = App.useApp();
  const save = async (year: number) => {
    try {
      await saveTrackedFrom(db, year);
      message.success(`会费台账起始年度已设为 ${year} 年`);
    } catch (e) {
      message.error(`保存失败：${errorText(e)}`);
    }
  };
  return (
    <Flex gap={8} align="center" wrap>
      <Form layout="inline">
        <Form.Item label="台账起始年度" htmlFor="dues-tracked-from">
          <Select
            id="dues-tracked-from"
            style={{ width: 110 }}
            value={props.value}
            onChange={(y: number) => void save(y)}
            options={props.years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {props.isSet ? '' : '（未设置，按最早录入的缴费年度）'}
        此前年度的会费视为已在本系统启用前结清，不列入欠缴和自动退会提示。
      </Typography.Text>
    </Flex>
  );
}
