import type { MySharesResponse } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { Routes } from '@/core/routes';
import { ActionButton, Card, Loading, RetryCard, Tag } from '@/ui';
import { ContentTypeLabels, describeContent } from '../services/content';
import './MySharesList.scss';

type Item = MySharesResponse['items'][number];

const Numbers: { key: keyof Pick<Item, 'shares' | 'visitors' | 'leads' | 'conversions'>; label: string; meaning: string }[] = [
  { key: 'shares', label: '分享', meaning: '你和好友转发出去的次数' },
  { key: 'visitors', label: '访客', meaning: '通过这些分享打开的人' },
  { key: 'leads', label: '线索', meaning: '经你的分享第一次来、归你跟进的客户' },
  { key: 'conversions', label: '转化', meaning: '报名直播、下载资料等行动的次数' },
];

/** A staff member's own shares, per content: how far each one went. */
export function MySharesList({ items, error, onRetry }: { items: Item[] | null; error: unknown; onRetry(): void }) {
  if (error) return <RetryCard message={describeError(error)} onRetry={onRetry} />;
  if (!items) return <Loading />;

  const totals = Numbers.map(({ key, label }) => ({ label, value: items.reduce((sum, item) => sum + item[key], 0) }));

  return (
    <View>
      <Text className='my-shares__caption'>全部内容合计 · 访客与转化含好友继续转发带来的</Text>
      <View className='my-shares__totals'>
        {totals.map((t) => (
          <View className='my-shares__total' key={t.label}>
            <Text className='my-shares__total-value'>{t.value}</Text>
            <Text className='my-shares__total-label'>{t.label}</Text>
          </View>
        ))}
      </View>
      <View className='my-shares__legend'>
        {Numbers.map(({ key, label, meaning }) => (
          <Text className='my-shares__legend-line' key={key}>
            <Text className='my-shares__legend-term'>{label}</Text>
            {meaning}
          </Text>
        ))}
      </View>
      {items.length === 0 ? (
        <Card>
          <View className='my-shares__empty'>
            <Text className='my-shares__empty-title'>还没有分享记录</Text>
            <Text className='ll-muted'>把首页、直播或白皮书分享给客户，谁打开了、留了资，都会记在这里。</Text>
            <ActionButton variant='secondary' onClick={() => void Taro.switchTab({ url: Routes.home })}>
              去首页分享
            </ActionButton>
          </View>
        </Card>
      ) : (
        items.map((item) => (
          <Card
            key={`${item.contentType}-${item.contentId}`}
            className='my-shares__item'
            title={describeContent(item.contentType, item.title)}
            extra={<Tag tone='neutral'>{ContentTypeLabels[item.contentType]}</Tag>}
          >
            <View className='my-shares__numbers'>
              {Numbers.map(({ key, label }) => (
                <View className='my-shares__number' key={key}>
                  <Text className={`my-shares__value ${key === 'conversions' && item[key] > 0 ? 'my-shares__value--good' : ''}`}>{item[key]}</Text>
                  <Text className='my-shares__label'>{label}</Text>
                </View>
              ))}
            </View>
          </Card>
        ))
      )}
    </View>
  );
}
