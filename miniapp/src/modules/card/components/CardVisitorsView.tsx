import type { CardVisitor } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { ActionButton, Card, formatMonthDayTime, Loading, Notice, RetryCard, Tag } from '@/ui';
import { useCardVisitors } from '../hooks/useCardVisitors';
import './CardEditor.scss';

function VisitorRow({ visitor }: { visitor: CardVisitor }) {
  return (
    <View className='card-visitors__row'>
      <View className='card-visitors__who'>
        <Text className='card-visitors__name'>{visitor.displayName}</Text>
        <Text className='ll-muted'>{visitor.phoneMasked ?? '未留手机号'}</Text>
      </View>
      <View className='card-visitors__numbers'>
        <View className='ll-row card-visitors__tags'>
          {visitor.contactRequested && <Tag tone='success'>请求联系</Tag>}
          {visitor.views > 1 && <Tag tone='warning'>回访</Tag>}
          <Text className='card-visitors__views'>查看 {visitor.views} 次</Text>
        </View>
        <Text className='ll-muted'>最近 {formatMonthDayTime(visitor.lastViewAt)}</Text>
      </View>
    </View>
  );
}

/** 名片访客: everyone who viewed the card, most recent first (a returning visitor is also a signal in 销售动态). */
export function CardVisitorsView() {
  const { visitors, hasMore, loadingMore, error, loadMore, reload } = useCardVisitors();
  if (!visitors) return error ? <RetryCard message={error} onRetry={reload} /> : <Loading />;
  const requested = visitors.filter((v) => v.contactRequested).length;

  return (
    <View className='card-visitors'>
      <Card title='名片访客' subtitle={`${visitors.length}${hasMore ? '+' : ''} 位访客 · ${requested} 位请求联系`}>
        {error && <Notice tone='error'>{error}</Notice>}
        {visitors.length === 0 ? (
          <Text className='ll-muted'>还没有访客。把名片分享给客户，谁看过、看了几次都会显示在这里。</Text>
        ) : (
          visitors.map((visitor, i) => <VisitorRow key={`${visitor.lastViewAt}-${i}`} visitor={visitor} />)
        )}
        {hasMore && (
          <ActionButton variant='ghost' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
            加载更多
          </ActionButton>
        )}
      </Card>
    </View>
  );
}
