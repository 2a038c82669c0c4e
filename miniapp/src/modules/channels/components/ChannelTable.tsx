import { ChannelKindLabels, type ChannelView } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { Card, DataTable, formatDate, Loading, Notice, Tag, type TableColumn } from '@/ui';
import './Channels.scss';

const Columns: TableColumn<ChannelView>[] = [
  { title: '名称', tone: 'strong', className: 'channel-table__name', render: (channel) => channel.name },
  { title: '编码', render: (channel) => <Text className='channel-table__code'>{channel.code}</Text> },
  { title: '类型', render: (channel) => <Tag tone='neutral'>{ChannelKindLabels[channel.kind]}</Tag> },
  { title: '创建时间', tone: 'muted', render: (channel) => formatDate(channel.createdAt) },
];

export function ChannelTable({ items, error }: { items: ChannelView[] | null; error: unknown }) {
  return (
    <Card title='全部渠道' subtitle={items ? `共 ${items.length} 个` : undefined}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {items && (
        <DataTable
          block='channel-table'
          columns={Columns}
          rows={items}
          rowKey={(channel) => channel.id}
          empty='还没有渠道。为展会、公众号菜单或广告各建一个渠道，来源就能分清。'
        />
      )}
    </Card>
  );
}
