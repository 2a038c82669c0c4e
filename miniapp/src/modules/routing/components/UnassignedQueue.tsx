import { CompanySizeBandLabels, IndustryLabels, RoutingStepLabels, type UnassignedLead } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { useKeysetList } from '@/core/api/useKeysetList';
import { ActionButton, Card, DataTable, Loading, RetryCard, formatDateTime, type TableColumn } from '@/ui';
import { listUnassigned } from '../services/routing.service';
import { AssignSheet } from './AssignSheet';

const factsText = (l: UnassignedLead) =>
  [l.facts.region, l.facts.industry ? IndustryLabels[l.facts.industry] : null, l.facts.sizeBand ? CompanySizeBandLabels[l.facts.sizeBand] : null, l.facts.tier ? `${l.facts.tier} 级客户` : null].filter(Boolean).join(' · ') || '资料未填';

/** Leads routing could not place, oldest first; a marketer assigns each by hand with a reason. */
export function UnassignedQueue() {
  const list = useKeysetList(listUnassigned, (l) => l.personId);
  const [assigning, setAssigning] = useState<UnassignedLead | null>(null);
  const columns: TableColumn<UnassignedLead>[] = [
    { title: '客户', tone: 'strong', render: (l) => <Text>{l.displayName}</Text> },
    { title: '公司', render: (l) => <Text>{l.company ?? '—'}</Text> },
    { title: '资料', render: (l) => <Text>{factsText(l)}</Text> },
    { title: '原因', render: (l) => <Text>{RoutingStepLabels[l.step]}</Text> },
    { title: '进入时间', tone: 'muted', render: (l) => <Text>{formatDateTime(l.queuedAt)}</Text> },
    {
      title: '操作',
      className: 'routing__queue-action',
      render: (l) => (
        <ActionButton small block={false} onClick={() => setAssigning(l)}>
          分配
        </ActionButton>
      ),
    },
  ];
  return (
    <Card title='待分配线索' subtitle='没有规则命中、或组内暂无可接单成员的线索，按进入时间排列'>
      {list.error && !list.items ? (
        <RetryCard message={describeError(list.error)} onRetry={list.reload} />
      ) : !list.items ? (
        <Loading />
      ) : (
        <DataTable block='routing__queue' columns={columns} rows={list.items} rowKey={(l) => l.personId} empty='没有待分配的线索。' />
      )}
      {list.hasMore && (
        <ActionButton small block={false} variant='ghost' loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </ActionButton>
      )}
      {assigning && <AssignSheet lead={assigning} onClose={() => setAssigning(null)} onAssigned={list.reload} />}
    </Card>
  );
}
