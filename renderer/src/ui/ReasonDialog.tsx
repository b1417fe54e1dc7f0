import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { errorText } from './errorText';
import { registerUnsaved } from '../platform/unsaved';
import { useConfirmDiscard } from './unsaved';

export interface ReasonPrompt {
  title: string;
  /** The field's label, e.g. 退回原因; an empty reason is refused with 请填写{label}. */
  label: string;
  onOk: (reason: string) => Promise<void>;
  /** The confirm button's text (default 确定) and whether it is a dangerous action. */
  okText?: string;
  danger?: boolean;
  /** What the action does, shown above the field. */
  note?: ReactNode;
}

/**
 * A prompt for a reason (退回补充, 撤销成员资格, 作废 …): `ask(title, label, onOk, options)` opens it; the confirm button
 * refuses an empty reason, runs `onOk` with the trimmed text and closes when it succeeded (else shows the
 * Chinese message and stays open, nothing lost; closing it with a reason typed asks first). Render `dialog`
 * once in the component.
 */
export function useReasonDialog() {
  const [state, setState] = useState<ReasonPrompt | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  // A reason typed and not yet confirmed: closing the dialog or the window asks first (ui/unsaved.ts).
  const typed = useRef('');
  typed.current = reason.trim();
  const running = useRef(false);
  const title = state?.title;
  useEffect(() => {
    if (title === undefined) return;
    return registerUnsaved(() => (typed.current !== '' && !running.current ? title : null));
  }, [title]);
  const dialog = (
    <Modal
      open={state !== null}
      title={state?.title}
      okText={state?.okText ?? '确定'}
      okButtonProps={{ danger: state?.danger ?? false, loading: busy }}
      cancelText="取消"
      onCancel={() => confirmDiscard(reason.trim() !== '', () => setState(null))}
      onOk={async () => {
        if (!state) return;
        if (reason.trim() === '') {
          message.error(`请填写${state.label}`);
          return;
        }
        setBusy(true);
        running.current = true;
        try {
          await state.onOk(reason.trim());
          setState(null);
        } catch (e) {
          message.error(errorText(e));
        } finally {
          running.current = false;
          setBusy(false);
        }
      }}
    >
      {state?.note ? <Typography.Paragraph type="secondary">{state.note}</Typography.Paragraph> : null}
      <Form layout="vertical">
        <Form.Item label={state?.label} htmlFor="reason-input" required>
          <Input.TextArea
            id="reason-input"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
  return {
    dialog,
    ask: (
      title: string,
      label: string,
      onOk: (reason: string) => Promise<void>,
      options: Pick<ReasonPrompt, 'okText' | 'danger' | 'note'> = {},
    ) => {
      setReason('');
      setState({ title, label, onOk, ...options });
    },
  };
}
