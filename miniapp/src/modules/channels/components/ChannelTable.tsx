import { ChannelKindLabels, type ChannelView } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import { formatDate, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import './Channels.scss';

const Columns: TableColumn<ChannelView>[] = [
  { title: '名称', tone: 'strong', className: 'channel-table__name', render: (channel) => channel.name },
  { title: '编码', render: (channel) => <Text className='channel-table__code'>{channel.code}</Text> },
  { title: '类型', render: (channel) => <Tag tone='neutral'>{ChannelKindLabels[channel.kind]}</Tag> },
  { title: '创建时间', tone: 'muted', render: (channel) => formatDate(channel.createdAt) },
];

export function ChannelTable({ list }: { list: ResourceList<ChannelView> }) {
  return (
    <ResourceTable
      list={list}
      title='全部渠道'
      subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 个`}
      block='channel-table'
      columns={Columns}
      rowKey={(channel) => channel.id}
      empty='还没有渠道。为展会、公众号菜单或广告各建一个渠道，来源就能分清。'
    />
  );
}
