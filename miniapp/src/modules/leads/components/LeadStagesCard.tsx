import { LeadStageLabels, type StageChangeView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { useKeysetList } from '@/core/api/useKeysetList';
import type { SessionScope } from '@/core/session/session-store';
import { ActionButton, Card, formatDateTime, Loading, Notice } from '@/ui';
import { fetchStages } from '../services/leads.service';
import { describeLeadError } from '../services/lead-format';

/** Every stage change: from, to, why, and who made it (a colleague, or the scoring rule). */
export function LeadStagesCard({ scope, id }: { scope: SessionScope; id: string }) {
  const load = useCallback((cursor?: string) => fetchStages(scope, id, cursor), [scope, id]);
  const { items, error, hasMore, loadingMore, loadMore } = useKeysetList<StageChangeView>(load, (item) => item.id, !!id);
  return (
    <Card title='阶段记录'>
      {error ? <Notice tone='error'>{describeLeadError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <Text className='ll-muted'>阶段还没有变化过。</Text>}
      {items?.map((change) => (
        <View key={change.id} className='lead-timeline__item'>
          <View className='lead-timeline__dot' />
          <View className='lead-timeline__text'>
            <Text className='lead-timeline__label'>
              {change.from ? `${LeadStageLabels[change.from]} → ` : ''}
              {LeadStageLabels[change.to]}
            </Text>
            {change.reason && <Text>{change.reason}</Text>}
            <Text className='ll-muted'>
              {formatDateTime(change.at)} · {change.by}
            </Text>
          </View>
        </View>
      ))}
      {items && hasMore && loadMore && (
        <ActionButton variant='ghost' small block={false} loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          查看更早的记录
        </ActionButton>
      )}
    </Card>
  );
}
