import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';

/**
 * A desk's list, alike on every desk: antd's small table named by `label` (screen readers and tests find it
 * by that name), `rows` loading while undefined (a live query not yet delivered), `perPage` rows a page with
 * no pager when one page holds them all (none: every row on one page), `empty` said when there are no rows.
 * Every other Table prop (columns, rowKey, rowSelection, scroll …) passes through.
 */
export function DeskTable<T extends object>(
  props: Omit<TableProps<T>, 'dataSource' | 'size' | 'pagination' | 'aria-label'> & {
    label: string;
    rows: readonly T[] | undefined;
    perPage?: number;
    empty?: ReactNode;
  },
) {
  const { label, rows, perPage, empty, ...table } = props;
  return (
    <Table<T>
      aria-label={label}
      size="small"
      loading={rows === undefined}
      dataSource={rows as T[] | undefined}
      pagination={perPage === undefined ? false : { pageSize: perPage, hideOnSinglePage: true }}
      {...(empty !== undefined ? { locale: { emptyText: empty } } : {})}
      {...table}
    />
  );
}
