/**
 * The desks' one wording for required fields: 请填写{what} for what the clerk types (blank or spaces
 * refused), 请选择{what} for what the clerk picks.
 */
import type { FormRule } from 'antd';

export const mustFill = (what: string): FormRule[] => [
  { required: true, whitespace: true, message: `请填写${what}` },
];

export const mustChoose = (what: string): FormRule[] => [{ required: true, message: `请选择${what}` }];
