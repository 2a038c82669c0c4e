import type { StarMapResponse } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Card } from '@/ui';
import './StarMapSide.scss';

type Spreader = StarMapResponse['topSpreaders'][number];

function SpreaderList({ title, items, empty }: { title: string; items: Spreader[]; empty: string }) {
  return (
    <View className='spreaders__group'>
      <Text className='spreaders__title'>{title}</Text>
      {items.length === 0 ? (
        <Text className='ll-muted'>{empty}</Text>
      ) : (
        items.map((item, i) => (
          <View className='spreaders__row' key={`${item.kind}-${item.id}`}>
            <Text className={`spreaders__rank ${i < 3 ? 'spreaders__rank--top' : ''}`}>{i + 1}</Text>
            <View className={`spreaders__dot spreaders__dot--${item.kind}`} />
            <Text className='spreaders__name'>{item.label}</Text>
            <Text className='spreaders__num'>分享 {item.shares}</Text>
            <Text className='spreaders__num'>访客 {item.visitors}</Text>
            <Text className='spreaders__num spreaders__num--strong'>转化 {item.conversions}</Text>
          </View>
        ))
      )}
    </View>
  );
}

/** Who really spreads the content: the team, and prospects who share onward (KOC). */
export function TopSpreaders({ items }: { items: Spreader[] }) {
  const team = items.filter((s) => s.kind !== 'prospect').slice(0, 10);
  const koc = items.filter((s) => s.kind === 'prospect').slice(0, 10);
  return (
    <Card className='spreaders' title='传播达人' subtitle='按带来的转化与访客排序'>
      <SpreaderList title='员工 / 渠道伙伴' items={team} empty='暂无上榜的员工或渠道伙伴' />
      <SpreaderList title='潜客 KOC' items={koc} empty='还没有潜客继续转发' />
    </Card>
  );
}
