import type { MeResponse, SalesGroupView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Loading, RetryCard } from '@/ui';
import { useSalesTeams } from '../hooks/useSalesTeams';
import { GroupCard } from './GroupCard';
import { GroupSheet } from './GroupSheet';
import './SalesTeams.scss';

/** 销售团队: admins build groups and members; a manager sees and pauses their own team. */
export function SalesTeamsConsole({ me }: { me: MeResponse }) {
  const isAdmin = me.staff?.role === 'admin';
  const { groups, staff, replace } = useSalesTeams(isAdmin);
  const [creating, setCreating] = useState(false);
  if (!groups.data) return groups.error ? <RetryCard message={describeError(groups.error)} onRetry={groups.reload} /> : <Loading />;
  const items = groups.data.items;
  return (
    <View className='sales-teams'>
      {isAdmin && (
        <View className='sales-teams__toolbar'>
          <Text className='ll-muted'>新线索按「线索分配」中的规则进入销售组，组内按加入顺序轮流分配。</Text>
          <ActionButton block={false} small onClick={() => setCreating(true)}>
            新建销售组
          </ActionButton>
        </View>
      )}
      {items.length === 0 && (
        <Card>
          <Text className='ll-muted'>{isAdmin ? '还没有销售组。新建一个销售组并添加成员后，分配规则才能把线索交给他们。' : '你目前不是任何销售组的组长，暂无可查看的团队。'}</Text>
        </Card>
      )}
      {items.map((group: SalesGroupView) => (
        <GroupCard key={group.id} group={group} me={me} staff={staff.data ?? []} onChanged={replace} />
      ))}
      {creating && <GroupSheet staff={staff.data ?? []} onClose={() => setCreating(false)} onSaved={replace} />}
    </View>
  );
}
