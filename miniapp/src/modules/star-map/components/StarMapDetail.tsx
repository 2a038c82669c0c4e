import type { StarMapNode } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Card, Tag } from '@/ui';
import { NodeKindLabels } from '../services/node-kinds';
import type { PlacedNode } from '../services/star-map-layout';
import './StarMapSide.scss';

const KindTones = { staff: 'brand', channel: 'warning', partner: 'neutral', prospect: 'success', collapsed: 'neutral' } as const;

/** The tapped node: who, where in the chain, and what they brought. */
export function StarMapDetail({ placed, nodesById }: { placed: PlacedNode | null; nodesById: Map<string, StarMapNode> }) {
  if (!placed) {
    return (
      <Card title='节点详情'>
        <Text className='ll-muted'>点击星空图中的圆点，查看分享人及其带来的访客与转化。</Text>
      </Card>
    );
  }
  const { node } = placed;
  const chain = placed.path.map((id) => nodesById.get(id)?.label ?? id);
  const collapsed = node.kind === 'collapsed';
  return (
    <Card className='star-map-detail' title={collapsed ? `另有 ${node.subtreeNodes} 个节点` : node.label} extra={<Tag tone={KindTones[node.kind]}>{NodeKindLabels[node.kind]}</Tag>}>
      <Text className='star-map-detail__meta'>{node.kind === 'channel' ? '渠道入口' : node.depth <= 0 ? '分享源头' : `第 ${node.depth} 级转发`}</Text>
      {chain.length > 1 && (
        <View className='star-map-detail__chain'>
          {chain.map((label, i) => (
            <Text key={`${i}-${label}`} className={`star-map-detail__hop ${i === chain.length - 1 ? 'star-map-detail__hop--last' : ''}`}>
              {i > 0 ? '→ ' : ''}
              {label}
            </Text>
          ))}
        </View>
      )}
      {!collapsed && node.kind !== 'channel' && (
        <View className='star-map-stats'>
          <Stat label='直接访客' value={node.visitors} />
          <Stat label='直接转化' value={node.conversions} />
        </View>
      )}
      <View className='star-map-stats'>
        <Stat label={collapsed ? '合并节点' : '下级节点'} value={collapsed ? node.subtreeNodes : Math.max(0, node.subtreeNodes - 1)} />
        <Stat label='累计访客' value={node.subtreeVisitors} />
        <Stat label='累计转化' value={node.subtreeConversions} />
      </View>
      {collapsed && <Text className='ll-muted'>为保证流畅，较小的分支已合并显示；数字为合并分支的合计。</Text>}
    </Card>
  );
}

export function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <View className='star-map-stats__item'>
      <Text className='star-map-stats__value'>{value}</Text>
      <Text className='star-map-stats__label'>{label}</Text>
    </View>
  );
}
