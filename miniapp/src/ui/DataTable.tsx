import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface TableColumn<T> {
  title: string;
  render(row: T): ReactNode;
  /** `strong` for the column that names the row, `muted` for dates and the like. */
  tone?: 'strong' | 'muted';
  /** A class on the column's cells, header included (e.g. for a wider column). */
  className?: string;
}

interface DataTableProps<T> {
  /** Class of the table; every row also carries `<block>__row`. */
  block: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** What to say when there are no rows. */
  empty: string;
}

/** Rows of records under a header row, for the console's lists. */
export function DataTable<T>({ block, columns, rows, rowKey, empty }: DataTableProps<T>) {
  if (rows.length === 0) return <Text className='ll-muted'>{empty}</Text>;
  const cellClass = ({ tone, className }: TableColumn<T>) =>
    ['ll-table__cell', tone ? `ll-table__cell--${tone}` : '', className ?? ''].filter(Boolean).join(' ');

  return (
    <View className={`ll-table ${block}`} role='table'>
      <View className={`ll-table__row ll-table__row--head ${block}__row ${block}__row--head`} role='row'>
        {columns.map((column) => (
          <Text key={column.title} className={cellClass(column)} {...{ role: 'columnheader' }}>
            {column.title}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View className={`ll-table__row ${block}__row`} key={rowKey(row)} role='row'>
          {columns.map((column) => (
            // data-title: narrow layouts may show the column's title beside the value
            <View key={column.title} className={cellClass(column)} role='cell' {...{ 'data-title': column.title }}>
              {column.render(row)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
