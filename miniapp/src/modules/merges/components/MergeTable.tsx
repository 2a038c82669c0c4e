import { MergeMatchedKindLabels, MergeMovedKindLabels, MergeMovedKinds, type PersonMergeSummary } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton, confirmAction, formatDateTime, Notice, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import { unmerge } from '../services/merges.service';
import { describeUnmergeFailure } from './unmerge-refusal';
import './MergeTable.scss';

/** `行为记录 12 · 活动报名 1`: what moved, per kind, in the contract's order. */
function movedSummary(merge: PersonMergeSummary): string {
  const parts = MergeMovedKinds.filter((kind) => (merge.moved[kind] ?? 0) > 0).map((kind) => `${MergeMovedKindLabels[kind]} ${merge.moved[kind]}`);
  return parts.length > 0 ? parts.join(' · ') : '无数据迁移';
}

function personLabel(person: PersonMergeSummary['survivor']): string {
  return person.phoneMasked && person.phoneMasked !== person.displayName ? `${person.displayName}（${person.phoneMasked}）` : person.displayName;
}

interface MergeTableProps {
  list: ResourceList<PersonMergeSummary>;
}

/** Admin: who was merged into whom, on what evidence, what moved; 撤销合并 with a confirmation. */
export function MergeTable({ list }: MergeTableProps) {
  const [working, setWorking] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const undo = async (merge: PersonMergeSummary) => {
    const confirmed = await confirmAction({
      title: '撤销合并',
      content: `撤销后「${merge.merged.displayName}」将恢复为独立的用户，合并时迁移的记录全部退回。确定撤销吗？`,
      confirmText: '撤销合并',
      destructive: true,
    });
    if (!confirmed) return;
    setWorking(merge.id);
    setFailure(null);
    setDone(null);
    try {
      await unmerge(merge.id);
      setDone(`已撤销「${merge.merged.displayName}」与「${merge.survivor.displayName}」的合并。`);
      list.reload?.();
    } catch (error) {
      setFailure(describeUnmergeFailure(error));
    } finally {
      setWorking(null);
    }
  };

  const columns: TableColumn<PersonMergeSummary>[] = [
    {
      title: '合并',
      tone: 'strong',
      className: 'merge-table__who',
      render: (merge) => (
        <View className='merge-table__pair'>
          <Text>{personLabel(merge.merged)}</Text>
          <Text className='merge-table__into'>并入 {personLabel(merge.survivor)}</Text>
        </View>
      ),
    },
    { title: '依据', render: (merge) => <Tag tone='brand'>{MergeMatchedKindLabels[merge.matchedKind]}</Tag> },
    { title: '时间', tone: 'muted', render: (merge) => formatDateTime(merge.createdAt) },
    { title: '迁移内容', className: 'merge-table__moved', render: (merge) => <Text className='merge-table__moved-text'>{movedSummary(merge)}</Text> },
    {
      title: '操作',
      render: (merge) =>
        merge.revertedAt ? (
          <Tag tone='neutral'>已撤销</Tag>
        ) : (
          <ActionButton variant='ghost' small block={false} loading={working === merge.id} disabled={working !== null} onClick={() => void undo(merge)}>
            撤销合并
          </ActionButton>
        ),
    },
  ];

  return (
    <>
      {done && <Notice tone='success'>{done}</Notice>}
      <ResourceTable
        list={list}
        className='merge-table-card'
        title='合并记录'
        subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 次合并，最新的在前`}
        notice={failure}
        block='merge-table'
        columns={columns}
        rowKey={(merge) => merge.id}
        empty='还没有合并记录。同一个人用另一个微信、或留下相同的手机号、邮箱、CRM 编号时，会在这里出现。'
      />
    </>
  );
}
