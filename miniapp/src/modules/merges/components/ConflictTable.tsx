import { MergeMatchedKindLabels, type IdentifierConflict } from '@leadloop/shared';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, confirmAction, formatDateTime, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import { resolveIdentifierConflict } from '../services/merges.service';

interface ConflictTableProps {
  list: ResourceList<IdentifierConflict>;
}

/**
 * Admin: identifiers refused because binding them would have merged a staff member with someone
 * else (staff are never merged automatically). The admin checks with the people involved, then
 * marks the conflict dealt with.
 */
export function ConflictTable({ list }: ConflictTableProps) {
  const [working, setWorking] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const resolve = async (conflict: IdentifierConflict) => {
    const confirmed = await confirmAction({
      title: '标记已处理',
      content: `确认已与员工「${conflict.staff.name}」和「${conflict.other.displayName}」核实？两条记录将保持独立。`,
      confirmText: '已处理',
    });
    if (!confirmed) return;
    setWorking(conflict.id);
    setFailure(null);
    try {
      await resolveIdentifierConflict(conflict.id);
      list.reload?.();
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(null);
    }
  };

  const columns: TableColumn<IdentifierConflict>[] = [
    {
      title: '涉及的人',
      tone: 'strong',
      className: 'conflict-table__who',
      render: (c) => (c.boundBy === 'staff' ? `员工 ${c.staff.name} 绑定了 ${c.other.displayName} 的${MergeMatchedKindLabels[c.kind]}` : `${c.other.displayName} 绑定了员工 ${c.staff.name} 的${MergeMatchedKindLabels[c.kind]}`),
    },
    { title: '依据', render: (c) => <Tag tone='warning'>{MergeMatchedKindLabels[c.kind]}</Tag> },
    { title: '时间', tone: 'muted', render: (c) => formatDateTime(c.createdAt) },
    {
      title: '操作',
      render: (c) => (
        <ActionButton variant='ghost' small block={false} loading={working === c.id} disabled={working !== null} onClick={() => void resolve(c)}>
          标记已处理
        </ActionButton>
      ),
    },
  ];

  return (
    <ResourceTable
      list={list}
      title='待处理：员工身份冲突'
      subtitle={(items, hasMore) => (items.length === 0 ? '员工不会被自动合并' : `${items.length}${hasMore ? '+' : ''} 条未处理，员工不会被自动合并`)}
      notice={failure ? describeError(failure) : null}
      block='conflict-table'
      columns={columns}
      rowKey={(c) => c.id}
      empty='没有待处理的冲突。'
    />
  );
}
