import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { describeError as describeApiError } from '@/core/api/api-error';
import { ActionButton } from './ActionButton';
import { Card } from './Card';
import { DataTable, type TableColumn } from './DataTable';
import { Loading } from './Loading';
import { Notice } from './Notice';

/** A list as the console loads it: `useKeysetList`'s result, or any list loaded in one go. */
export interface ResourceList<T> {
  /** null until the first load succeeds. */
  items: readonly T[] | null;
  error: unknown;
  hasMore?: boolean;
  loadingMore?: boolean;
  loadMore?(): unknown;
  reload?(): void;
}

interface ResourceTableProps<T> {
  list: ResourceList<T>;
  title: string;
  /** Under the title once rows are loaded, e.g. `共 12 个` (`hasMore`: more pages exist). */
  subtitle?(items: readonly T[], hasMore: boolean): ReactNode;
  /** Beside the title, e.g. a 新建 button. */
  extra?: ReactNode;
  className?: string;
  /** How the feature words a failed load (default: the API client's message). */
  describeError?(error: unknown): string;
  /** Another failure to show above the rows, e.g. of an action taken on one of them. */
  notice?: string | null;
  /** The table: its block class, columns, row key and what to say when there are no rows. */
  block: string;
  columns: readonly TableColumn<T>[];
  rowKey(row: T): string;
  empty: string;
}

/**
 * One console list: a card with its title, the error of a failed load (with 重试 when nothing is
 * shown yet), a spinner while loading, the table or what to say when it is empty, and 加载更多
 * while more pages exist.
 */
export function ResourceTable<T>({ list, title, subtitle, extra, className, describeError = describeApiError, notice, block, columns, rowKey, empty }: ResourceTableProps<T>) {
  const { items, error, hasMore = false, loadingMore = false, loadMore, reload } = list;
  return (
    <Card className={`ll-resource ${className ?? ''}`} title={title} subtitle={items && subtitle ? subtitle(items, hasMore) : undefined} extra={extra}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {notice ? <Notice tone='error'>{notice}</Notice> : null}
      {!items && !error && <Loading />}
      {!items && error && reload ? (
        <ActionButton variant='secondary' small block={false} onClick={reload}>
          重试
        </ActionButton>
      ) : null}
      {items && <DataTable block={block} columns={columns} rows={items} rowKey={rowKey} empty={empty} />}
      {items && hasMore && loadMore && (
        <View className='ll-resource__more'>
          <ActionButton variant='ghost' small block={false} loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
            加载更多
          </ActionButton>
        </View>
      )}
    </Card>
  );
}
