import { ChannelKindLabels, type ChannelView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { Card, formatDate, Loading, Notice, Tag } from '@/ui';
import './Channels.scss';

export function ChannelTable({ items, error }: { items: ChannelView[] | null; error: unknown }) {
  return (
    <Card title='全部渠道' subtitle={items ? `共 ${items.length} 个` : undefined}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <Text className='ll-muted'>还没有渠道。为展会、公众号菜单或广告各建一个渠道，来源就能分清。</Text>}
      {items && items.length > 0 && (
        <View className='channel-table'>
          <View className='channel-table__row channel-table__row--head'>
            <Text className='channel-table__cell channel-table__cell--name'>名称</Text>
            <Text className='channel-table__cell'>编码</Text>
            <Text className='channel-table__cell'>类型</Text>
            <Text className='channel-table__cell channel-table__cell--date'>创建时间</Text>
          </View>
          {items.map((channel) => (
            <View className='channel-table__row' key={channel.id}>
              <Text className='channel-table__cell channel-table__cell--name'>{channel.name}</Text>
              <Text className='channel-table__cell channel-table__cell--code'>{channel.code}</Text>
              <View className='channel-table__cell'>
                <Tag tone='neutral'>{ChannelKindLabels[channel.kind]}</Tag>
              </View>
              <Text className='channel-table__cell channel-table__cell--date'>{formatDate(channel.createdAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}
