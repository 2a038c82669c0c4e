import { RoutingStepLabels, type RoutingDecisionView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { useKeysetList } from '@/core/api/useKeysetList';
import type { SessionScope } from '@/core/session/session-store';
import { describeLeadError } from '@/modules/leads/services/lead-format';
import { ActionButton, Card, formatDateTime, Loading, Notice } from '@/ui';
import { fetchLeadRouting } from '../services/routing.service';

/** What the decision did, in a line: who got the lead, or why nobody did. */
function outcomeOf(d: RoutingDecisionView): string {
  switch (d.outcome) {
    case 'assigned':
      return `分配给 ${d.staff?.name ?? '销售'}${d.group ? `（${d.group.name}）` : ''}`;
    case 'reassigned':
      return `${d.previous ? `由 ${d.previous.name} ` : ''}改派给 ${d.staff?.name ?? '销售'}`;
    case 'signalled_owner':
      return `已有负责人 ${d.staff?.name ?? ''}，不再分配`;
    case 'unassigned':
      return '进入待分配队列';
  }
}

const TriggerLabels: Record<RoutingDecisionView['trigger'], string> = { mql: '成为 MQL', contact_request: '客户请求联系', manual: '手动分配' };

/** Why this lead is with whom: every routing decision with its step and reason, and who made the manual ones. */
export function LeadRoutingCard({ scope, id }: { scope: SessionScope; id: string }) {
  const load = useCallback((cursor?: string) => fetchLeadRouting(scope, id, cursor), [scope, id]);
  const { items, error, hasMore, loadingMore, loadMore } = useKeysetList<RoutingDecisionView>(load, (item) => item.id, !!id);
  return (
    <Card title='分配记录' subtitle='线索为什么分给了现在的负责人'>
      {error ? <Notice tone='error'>{describeLeadError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <Text className='ll-muted'>这条线索还没有经过分配。成为 MQL 或客户请求联系后会自动分配。</Text>}
      {items?.map((d) => (
        <View key={d.id} className='lead-timeline__item'>
          <View className='lead-timeline__dot' />
          <View className='lead-timeline__text'>
            <Text className='lead-timeline__label'>{outcomeOf(d)}</Text>
            <Text>
              {TriggerLabels[d.trigger]} · {RoutingStepLabels[d.step]}
              {d.reason ? `：${d.reason}` : ''}
            </Text>
            <Text className='ll-muted'>
              {formatDateTime(d.at)}
              {d.by ? ` · 操作人 ${d.by.name}` : ' · 系统自动'}
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
