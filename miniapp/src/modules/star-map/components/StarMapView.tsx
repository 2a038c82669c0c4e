import type { ContentType, StarMapNode } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { controlProps } from '@/core/platform/a11y';
import { useAllChannels } from '@/modules/channels/hooks/useChannels';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { describeContent } from '@/modules/share-chain/services/content';
import { ActionButton, Card, Loading, Notice } from '@/ui';
import { useSharedContents } from '../hooks/useSharedContents';
import { useStarMap } from '../hooks/useStarMap';
import { layoutStarMap } from '../services/star-map-layout';
import { DefaultFilters, HOME_CONTENT, type StarMapFilters as Filters } from '../services/star-map.service';
import { StarMapDetail, Stat } from './StarMapDetail';
import { StarMapFilters } from './StarMapFilters';
import { StarMapGraph } from './StarMapGraph';
import { StarMapLegend } from './StarMapLegend';
import { TopSpreaders } from './TopSpreaders';
import './StarMapSide.scss';

const ZOOMS = [1, 1.5, 2, 3];

function ZoomControl({ zoom, onChange }: { zoom: number; onChange(next: number): void }) {
  const index = ZOOMS.indexOf(zoom);
  const step = (delta: number) => {
    const next = ZOOMS[index + delta];
    if (next !== undefined) onChange(next);
  };
  return (
    <View className='star-map-zoom'>
      <Text className={`star-map-zoom__button ${index === 0 ? 'star-map-zoom__button--disabled' : ''}`} onClick={() => step(-1)} {...controlProps({ role: 'button', label: '缩小', disabled: index === 0, onActivate: () => step(-1) })}>
        −
      </Text>
      <Text className='star-map-zoom__value'>{Math.round(zoom * 100)}%</Text>
      <Text
        className={`star-map-zoom__button ${index === ZOOMS.length - 1 ? 'star-map-zoom__button--disabled' : ''}`}
        onClick={() => step(1)}
        {...controlProps({ role: 'button', label: '放大', disabled: index === ZOOMS.length - 1, onActivate: () => step(1) })}
      >
        +
      </Text>
    </View>
  );
}

/**
 * The star map (星空图) of one content: filters, the radial share tree, the tapped node, totals and
 * top spreaders. `initial` is the content a console row opened it for (default: the home page).
 */
export function StarMapView({ initial }: { initial?: { contentType: ContentType; contentId: string } | null }) {
  const [filters, setFilters] = useState<Filters>(() => (initial ? { ...DefaultFilters, ...initial } : DefaultFilters));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const { data, error, loading, reload } = useStarMap(filters);
  const channels = useAllChannels();
  const contents = useSharedContents();
  const current = [HOME_CONTENT, ...(contents.items ?? [])].find((c) => c.contentType === filters.contentType && c.contentId === filters.contentId);
  // A content not shared yet has no list entry: its name comes with the first share.
  const contentName = current ? describeContent(current.contentType, current.title) : '这条内容';

  const layout = useMemo(() => layoutStarMap(data?.nodes ?? []), [data]);
  const nodesById = useMemo(() => new Map<string, StarMapNode>((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const selected = layout.nodes.find((p) => p.node.id === selectedId) ?? null;

  const totals = useMemo(() => {
    const roots = layout.nodes.filter((p) => p.level === 0).map((p) => p.node);
    // Share nodes under the current filters: the shown ones plus those folded into summaries
    // (channel roots are groupings, not shares).
    const shares = layout.nodes.reduce((sum, p) => sum + (p.node.kind === 'collapsed' ? p.node.subtreeNodes : p.node.kind === 'channel' ? 0 : 1), 0);
    return {
      shares,
      visitors: roots.reduce((sum, n) => sum + n.subtreeVisitors, 0),
      conversions: roots.reduce((sum, n) => sum + n.subtreeConversions, 0),
      // Levels of sharing: a source is level 1 (channel groupings and summaries do not count).
      levels: layout.nodes.reduce((max, p) => (p.node.kind === 'channel' || p.node.kind === 'collapsed' ? max : Math.max(max, p.node.depth + 1)), 0),
    };
  }, [layout]);

  const change = (next: Filters) => {
    setSelectedId(null);
    setFilters(next);
  };

  const graph = (
    <Card
      className='star-map-card'
      title={`${contentName} · 分享星空图`}
      subtitle={data && data.nodes.length > 0 ? (data.collapsed ? `显示 ${data.nodes.length} / 共 ${data.totalNodes} 个节点` : `共 ${totals.shares} 个节点`) : undefined}
      extra={
        <View className='ll-row'>
          {data && data.nodes.length > 0 && <ZoomControl zoom={zoom} onChange={setZoom} />}
          <ActionButton variant='ghost' small block={false} onClick={reload} loading={loading}>
            刷新
          </ActionButton>
        </View>
      }
    >
      {error ? (
        <Notice tone='error'>{describeError(error)}</Notice>
      ) : !data ? (
        <Loading />
      ) : data.nodes.length === 0 ? (
        <View className='star-map-empty'>
          <Text className='star-map-empty__title'>还没有分享数据</Text>
          <Text className='ll-muted'>员工或渠道分享后，好友通过链接打开，就会出现在这里。</Text>
        </View>
      ) : (
        <>
          {data.collapsed && data.nodes.length > 0 && <Notice tone='info'>{`节点较多，较小的分支已合并：显示 ${data.nodes.length} / 共 ${data.totalNodes} 个节点`}</Notice>}
          <View className='star-map-viewport'>
            <StarMapGraph layout={layout} selectedId={selectedId} onSelect={setSelectedId} zoom={zoom} />
          </View>
          <StarMapLegend metric={layout.metric} />
        </>
      )}
    </Card>
  );

  return (
    <View className='star-map-view'>
      <StarMapFilters value={filters} channels={channels.items} contents={contents.items} onChange={change} />
      {data && (
        <View className='star-map-summary'>
          <Stat label='分享节点' value={data.collapsed && data.nodes.length > 0 ? data.totalNodes : totals.shares} />
          <Stat label='累计访客' value={totals.visitors} />
          <Stat label='累计转化' value={totals.conversions} />
          <Stat label='传播层级' value={totals.levels} />
        </View>
      )}
      <ConsoleLayout
        main={graph}
        side={
          <>
            <StarMapDetail placed={selected} nodesById={nodesById} />
            <TopSpreaders items={data?.topSpreaders ?? []} />
          </>
        }
      />
    </View>
  );
}
