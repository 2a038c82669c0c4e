import { Text, View } from '@tarojs/components';
import { memo, useMemo } from 'react';
import type { StarMapLayout } from '../services/star-map-layout';
import './StarMapGraph.scss';
import { controlProps, hiddenProps } from '@/core/platform/a11y';

interface StarMapGraphProps {
  layout: StarMapLayout;
  selectedId: string | null;
  onSelect(id: string): void;
  /** 1 = fits the width; larger values scroll. */
  zoom?: number;
}

/**
 * Labels stay readable: every node's for small trees, otherwise the roots, the biggest and the
 * selected chain. "Minor" labels (all the others) give way on narrow screens unless zoomed in.
 */
const ALL_LABELS_UP_TO = 60;
const LABELLED_BIGGEST = 24;
const MAJOR_BIGGEST = 8;

const pct = (unit: number) => `${(unit * 100).toFixed(3)}%`;

/**
 * The share tree as a radial graph made of plain views (circles, rotated hairlines), positioned by
 * percentage inside a square: no canvas, so it renders the same in WeChat and in browsers.
 */
export const StarMapGraph = memo(function StarMapGraph({ layout, selectedId, onSelect, zoom = 1 }: StarMapGraphProps) {
  const selected = selectedId ? layout.nodes.find((p) => p.node.id === selectedId) : undefined;
  const onPath = useMemo(() => new Set(selected?.path ?? []), [selected]);

  const { labelled, major } = useMemo(() => {
    const bySize = [...layout.nodes].sort((a, b) => b.r - a.r || (a.node.id < b.node.id ? -1 : 1));
    const roots = layout.nodes.filter((p) => p.level === 0);
    const ids = (list: typeof layout.nodes) => new Set(list.map((p) => p.node.id));
    return {
      labelled: layout.nodes.length <= ALL_LABELS_UP_TO ? ids(layout.nodes) : ids([...bySize.slice(0, LABELLED_BIGGEST), ...roots]),
      major: ids([...bySize.slice(0, MAJOR_BIGGEST), ...roots]),
    };
  }, [layout]);

  return (
    <View className={`star-map-graph ${zoom > 1 ? 'star-map-graph--zoomed' : ''}`} style={{ width: pct(zoom), paddingTop: pct(zoom) }}>
      <View className='star-map-graph__stage'>
        {layout.rings.map((radius, level) =>
          radius > 0 ? (
            <View
              key={`ring-${level}`}
              className='star-map-graph__ring'
              style={{ left: pct(0.5 - radius), top: pct(0.5 - radius), width: pct(radius * 2), height: pct(radius * 2) }}
            />
          ) : null,
        )}
        {layout.edges.map((edge) => (
          <View
            key={edge.id}
            className={`star-map-graph__edge ${onPath.has(edge.to) ? 'star-map-graph__edge--path' : ''}`}
            style={{ left: pct(edge.x), top: pct(edge.y), width: pct(edge.length), transform: `rotate(${edge.angleDeg.toFixed(2)}deg)` }}
          />
        ))}
        {layout.nodes.map((p) => {
          const { node } = p;
          const classes = [
            'star-map-graph__node',
            `star-map-graph__node--${node.kind}`,
            node.id === selectedId ? 'star-map-graph__node--selected' : '',
            onPath.has(node.id) && node.id !== selectedId ? 'star-map-graph__node--path' : '',
          ];
          return (
            <View
              key={node.id}
              className={classes.filter(Boolean).join(' ')}
              style={{ left: pct(p.x - p.r), top: pct(p.y - p.r), width: pct(p.r * 2), height: pct(p.r * 2) }}
              data-node-id={node.id}
              data-depth={node.depth}
              data-kind={node.kind}
              data-label={node.label}
              data-visitors={node.visitors}
              data-conversions={node.conversions}
              onClick={() => onSelect(node.id)}
              {...controlProps({ role: 'button', label: node.kind === 'collapsed' ? `另 ${node.subtreeNodes} 个节点` : `${node.label}，访客 ${node.visitors}`, onActivate: () => onSelect(node.id) })}
            >
              {node.kind === 'collapsed' && p.r >= 0.014 && <Text className='star-map-graph__more'>+{node.subtreeNodes}</Text>}
            </View>
          );
        })}
        {layout.nodes
          .filter((p) => labelled.has(p.node.id) || onPath.has(p.node.id))
          .map((p) => (
            <Text
              key={`label-${p.node.id}`}
              className={[
                'star-map-graph__label',
                p.node.id === selectedId ? 'star-map-graph__label--selected' : '',
                major.has(p.node.id) || onPath.has(p.node.id) ? '' : 'star-map-graph__label--minor',
              ]
                .filter(Boolean)
                .join(' ')}
              style={{ left: pct(p.x), top: pct(p.y + p.r + 0.004) }}
              onClick={() => onSelect(p.node.id)}
              {...hiddenProps()}
            >
              {p.node.kind === 'collapsed' ? `另 ${p.node.subtreeNodes} 个` : p.node.label}
            </Text>
          ))}
      </View>
    </View>
  );
});
