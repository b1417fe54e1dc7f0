import { useState, type ReactNode } from 'react';
import { App, Modal } from 'antd';
import { errorText } from './errorText';

export interface FormDialogProps {
  title: ReactNode;
  /** Default true: the dialog is mounted only while open. */
  open?: boolean;
  /** The confirm button is busy while saving. */
  saving?: boolean;
  /** Runs on the confirm button (保存 unless `okText` says otherwise). */
  onSave: () => unknown;
  /** Runs on 取消 and on the close button. */
  onClose: () => void;
  okText?: string;
  /** A destructive confirm (结束任职, 作废 …). */
  danger?: boolean;
  /** The confirm button is refused, e.g. while the form breaks a rule. */
  disabled?: boolean;
  width?: number;
  children: ReactNode;
}

/** antd's form validation rejects with the fields' errors, which the form already shows beside each field. */
const isValidation = (e: unknown) => typeof e === 'object' && e !== null && 'errorFields' in e;

/**
 * The desks' dialog around a form: 保存 and 取消, the confirm button busy while saving (also while the
 * promise `onSave` returns runs), the form's state dropped on close (the next opening starts clean). A
 * failure `onSave` did not handle itself is said in Chinese and the dialog stays open: nothing typed is lost.
 */
export function FormDialog(props: FormDialogProps) {
  const [running, setRunning] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    setRunning(true);
    try {
      await props.onSave();
    } catch (e) {
      if (!isValidation(e)) message.error(errorText(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Modal
      title={props.title}
      open={props.open ?? true}
      onCancel={props.onClose}
      onOk={() => void save()}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      okButtonProps={{ danger: props.danger, disabled: props.disabled, loading: props.saving || running }}
      destroyOnHidden
      width={props.width}
    >
      {props.children}
    </Modal>
  );
}
