import { useState, type ReactNode } from 'react';
import { App, Modal, type FormInstance } from 'antd';
import { errorText } from './errorText';
import { useConfirmDiscard, useUnsavedForm } from './unsaved';

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
  /**
   * The dialog's form: closing it (取消, ×, Esc, a click beside it) after something was filled in asks
   * first, and so does closing the window (ui/unsaved.ts).
   */
  form?: FormInstance;
  children: ReactNode;
}

/** antd's form validation rejects with the fields' errors, which the form already shows beside each field. */
const isValidation = (e: unknown) => typeof e === 'object' && e !== null && 'errorFields' in e;

/**
 * The desks' dialog around a form: 保存 and 取消, the confirm button busy while saving (also while the
 * promise `onSave` returns runs), the form's state dropped on close (the next opening starts clean). A
 * failure `onSave` did not handle itself is said in Chinese and the dialog stays open: nothing typed is lost;
 * neither is it by closing the dialog by mistake (`form`: asked first).
 */
export function FormDialog(props: FormDialogProps) {
  const [running, setRunning] = useState(false);
  const { message } = App.useApp();
  const open = props.open ?? true;
  const label = typeof props.title === 'string' ? props.title : '对话框';
  const unsaved = useUnsavedForm(props.form, label, { enabled: open });
  const confirmDiscard = useConfirmDiscard();
  const save = async () => {
    setRunning(true);
    try {
      // A save that navigates (新建会议 opens the meeting) is not asked about.
      await unsaved.saving(async () => props.onSave());
    } catch (e) {
      if (!isValidation(e)) message.error(errorText(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Modal
      title={props.title}
      open={open}
      onCancel={() => confirmDiscard(unsaved.isDirty(), props.onClose)}
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
