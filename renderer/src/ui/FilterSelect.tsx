import { Select } from 'antd';

/**
 * A list's filter: a select whose cleared state means 全部 (the roster's 会员级别/状态/入会年份, the audit
 * trail's 操作/对象). Labelled by the form item's `id` (htmlFor) or by `aria-label` beside a visible label.
 */
export function FilterSelect<V extends string | number>(props: {
  id?: string;
  'aria-label'?: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: readonly { value: V; label: string }[];
  width: number;
}) {
  return (
    <Select<V>
      {...(props.id ? { id: props.id } : {})}
      {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
      allowClear
      placeholder="全部"
      value={props.value}
      onChange={(v) => props.onChange(v)}
      options={props.options as { value: V; label: string }[]}
      style={{ width: props.width }}
    />
  );
}
