import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, Tooltip } from 'antd';
import { errorText } from './errorText';
import { useConfirmDiscard, useUnsavedForm } from './unsaved';

/**
 * A button that opens a small modal form; the write runs on 保存 and the modal closes when it succeeded.
 * Closing it after something was filled in asks first (ui/unsaved.ts).
 */
export function ActionButton<T extends object>(props: {
  label: string;
  title?: string;
  disabled?: boolean;
  disabledReason?: string;
  danger?: boolean;
  initialValues?: Partial<T>;
  children: (form: ReturnType<typeof Form.useForm<T>>[0]) => ReactNode;
  run: (values: T) => Promise<void>;
  done: string;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<T>();
  const title = props.title ?? props.label;
  const unsaved = useUnsavedForm(form, title, { enabled: open });
  const confirmDiscard = useConfirmDiscard();
  const ok = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unsaved.saving(() => props.run(values));
      message.success(props.done);
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button
      danger={props.danger}
      disabled={props.disabled}
      onClick={() => {
        form.resetFields();
        setError(null);
        setOpen(true);
      }}
    >
      {props.label}
    </Button>
  );
  return (
    <>
      {props.disabled && props.disabledReason ? (
        <Tooltip title={props.disabledReason}>{button}</Tooltip>
      ) : (
        button
      )}
      <Modal
        title={title}
        open={open}
        onOk={ok}
        onCancel={() => confirmDiscard(unsaved.isDirty(), () => setOpen(false))}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        width={560}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={props.initialValues}
          name={`action-${props.label}`}
        >
          {props.children(form)}
        </Form>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </Modal>
    </>
  );
}
