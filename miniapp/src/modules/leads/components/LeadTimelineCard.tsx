import type { LeadTimelineItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { ActionButton, Card, formatDateTime, Loading, Notice } from '@/ui';
import type { ResourceList } from '@/ui';
import { describeLeadError } from '../services/lead-format';
import './Leads.scss';

/** Everything the lead did and what changed on it, newest first. */
export function LeadTimelineCard({ list }: { list: ResourceList<LeadTimelineItem> }) {
  const { items, error, hasMore, loadingMore, loadMore, reload } = list;
  return (
    <Card title='动态时间线' subtitle='访问、报名、观看、问卷、下载、名片与留言，以及授权、资料、阶段的变更和重复记录的合并'>
      {error ? <Notice tone='error'>{describeLeadError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {!items && error && reload ? (
        <ActionButton variant='secondary' small block={false} onClick={reload}>
          重试
        </ActionButton>
      ) : null}
      {items && items.length === 0 && <Text className='ll-muted'>还没有动态。</Text>}
      {items?.map((item) => (
        <View key={item.id} className='lead-timeline__item'>
          <View className='lead-timeline__dot' />
          <View className='lead-timeline__text'>
            <Text className='lead-timeline__label'>
              {item.label}
              {item.contentTitle ? `《${item.contentTitle}》` : ''}
            </Text>
            {item.detail && <Text>{item.detail}</Text>}
            <Text className='ll-muted'>
              {formatDateTime(item.at)}
              {item.by ? ` · ${item.by}` : ''}
            </Text>
          </View>
        </View>
      ))}
      {items && hasMore && loadMore && (
        <ActionButton variant='ghost' small block={false} loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          查看更早的动态
        </ActionButton>
      )}
    </Card>
  );
}
