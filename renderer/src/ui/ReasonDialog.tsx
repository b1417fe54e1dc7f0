import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { errorText } from './errorText';

/**
 * A prompt for a reason (退回补充, 撤销成员资格, 作废 …): `ask(title, label, onOk)` opens it; 确定 refuses an empty
 * reason, runs `onOk` with the trimmed text and closes when it succeeded (else shows the Chinese message).
 * Render `dialog` once in the component.
 */
export function useReasonDialog() {
  const [state, setState] = useState<{
    title: string;
    label: string;
    onOk: (r: string) => Promise<void>;
  } | null>(null);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const dialog = (
    <Modal
      open={state !== null}
      title={state?.title}
      okText="确定"
      cancelText="取消"
      onCancel={() => setState(null)}
      onOk={async () => {
        if (!state) return;
        if (reason.trim() === '') {
          message.error(`请填写${state.label}`);
          return;
        }
        try {
          await state.onOk(reason.trim());
          setState(null);
        } catch (e) {
          message.error(errorText(e));
        }
      }}
    >
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
    ask: (title: string, label: string, onOk: (r: string) => Promise<void>) => {
      setReason('');
      setState({ title, label, onOk });
    },
  };
}
