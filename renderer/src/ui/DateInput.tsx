import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A date field whose value is a `YYYY-MM-DD` calendar string (never a Date: no time-zone shifts).
 * Use inside antd Form.Item like any input; pass `id`/`aria-label` through for labelling.
 */
export function DateInput(props: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  return (
    <DatePicker
      id={props.id}
      aria-label={props['aria-label']}
      disabled={props.disabled}
      placeholder={props.placeholder ?? '选择日期'}
      format="YYYY-MM-DD"
      value={props.value ? dayjs(props.value, 'YYYY-MM-DD') : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%' }}
    />
  );
}
