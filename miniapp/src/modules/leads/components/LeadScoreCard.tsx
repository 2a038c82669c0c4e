import type { ScoreItemView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import type { SessionScope } from '@/core/session/session-store';
import { Card, formatDateTime, Loading, RetryCard } from '@/ui';
import { fetchScore } from '../services/leads.service';
import { describeLeadError } from '../services/lead-format';

/** +12 / −20 / +7.4: points as they count, one decimal once decay makes them fractional. */
function points(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded)}`;
}

function Item({ item }: { item: ScoreItemView }) {
  const decayed = item.dimension === 'intent' && Math.abs(item.pointsNow - item.points) >= 0.05;
  return (
    <View className='lead-score__item'>
      <View className='lead-score__text'>
        <Text className='lead-score__label'>{item.label}</Text>
        {item.dimension === 'intent' && (
          <Text className='ll-muted'>
            {[item.activity !== item.label ? item.activity : null, item.contentTitle ? `《${item.contentTitle}》` : null, formatDateTime(item.at)].filter(Boolean).join(' · ')}
          </Text>
        )}
      </View>
      <View className='lead-score__points'>
        <Text>{points(item.pointsNow)}</Text>
        {decayed && <Text className='ll-muted'>原 {points(item.points)}</Text>}
      </View>
    </View>
  );
}

/**
 * Why this lead is, say, 72/B: the fit grade with the profile rules that gave it, and the intent
 * score with each activity that earned points, as they count today after decay.
 */
export function LeadScoreCard({ scope, id }: { scope: SessionScope; id: string }) {
  const load = useCallback(() => fetchScore(scope, id), [scope, id]);
  const { data, error, reload } = useApiResource(load, !!id);
  if (!data) return error ? <RetryCard message={describeLeadError(error)} onRetry={reload} /> : <Loading />;
  const fit = data.items.filter((i) => i.dimension === 'fit');
  const intent = data.items.filter((i) => i.dimension === 'intent');
  return (
    <Card title='评分明细' subtitle={`意向分每 ${data.halfLifeDays} 天减半，按今天计算`}>
      <View className='lead-score__head'>
        <Text className='lead-score__figure'>{Math.round(data.intent)}</Text>
        <Text className='ll-muted'>意向分</Text>
        <Text className='lead-score__figure'>{data.grade}</Text>
        <Text className='ll-muted'>匹配度（{data.fitPoints} 分）</Text>
      </View>
      <Text className='lead-score__section'>匹配度规则</Text>
      {fit.length === 0 ? <Text className='ll-muted'>资料还不满足任何匹配度规则。</Text> : fit.map((item) => <Item key={`${item.ruleKey}-${item.at}`} item={item} />)}
      <Text className='lead-score__section'>意向行为</Text>
      {intent.length === 0 ? <Text className='ll-muted'>还没有计分的行为。</Text> : intent.map((item, i) => <Item key={`${item.ruleKey}-${item.at}-${i}`} item={item} />)}
    </Card>
  );
}
