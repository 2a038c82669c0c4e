import { LeadStageLabels, type SalesGroupView, type TeamLead } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, DataTable, Loading, RetryCard, SelectField, formatDateTime, type TableColumn } from '@/ui';
import { useTeamLeads } from '../hooks/useSalesTeams';

const columns: TableColumn<TeamLead>[] = [
  { title: '客户', tone: 'strong', render: (l) => <Text>{l.displayName}</Text> },
  { title: '公司', render: (l) => <Text>{l.company ?? '—'}</Text> },
  { title: '阶段', render: (l) => <Text>{LeadStageLabels[l.stage]}</Text> },
  { title: '负责人', render: (l) => <Text>{l.owner.name}</Text> },
  { title: '分配时间', tone: 'muted', render: (l) => <Text>{formatDateTime(l.assignedAt)}</Text> },
];

/** The team's open leads (MQL, accepted, opportunity), newest assignment first, filterable by member. */
export function TeamLeads({ group }: { group: SalesGroupView }) {
  const { list, staffId, setStaffId } = useTeamLeads(group.id);
  const names = Object.fromEntries(group.members.map((m) => [m.staff.id, `${m.staff.name}（${m.openLeads}）`]));
  return (
    <View className='sales-teams__lead-list'>
      <SelectField label='成员' options={Object.keys(names)} names={names} value={staffId ?? null} onChange={(v) => setStaffId(v ?? undefined)} clearable placeholder='全部成员' className='team-leads__member' />
      {list.error && !list.items ? (
        <RetryCard message={describeError(list.error)} onRetry={list.reload} />
      ) : !list.items ? (
        <Loading />
      ) : (
        <DataTable block='sales-teams__team-leads' columns={columns} rows={list.items} rowKey={(l) => l.personId} empty='本组暂无在跟线索。' />
      )}
      {list.hasMore && (
        <ActionButton small block={false} variant='ghost' loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </ActionButton>
      )}
    </View>
  );
}
