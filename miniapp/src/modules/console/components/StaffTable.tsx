import { StaffRoleLabels, type StaffListItem } from '@leadloop/shared';
import { useState } from 'react';
import { formatDate, Notice, ResourceTable, Tag, ActionButton, type ResourceList, type TableColumn } from '@/ui';
import { StaffManageSheet } from './StaffManageSheet';
import './StaffTable.scss';

function StatusTag({ member }: { member: StaffListItem }) {
  if (member.status === 'disabled') return <Tag tone='danger'>已停用</Tag>;
  return member.bound ? <Tag tone='success'>已绑定</Tag> : <Tag tone='warning'>待绑定</Tag>;
}

interface StaffTableProps {
  /** The team, a page at a time (`useStaffDirectory`). */
  list: ResourceList<StaffListItem>;
  /** After a role change or a hand-over: reload the team and the hand-over log. */
  onChanged(): void;
}

export function StaffTable({ list, onChanged }: StaffTableProps) {
  const [managing, setManaging] = useState<StaffListItem | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const columns: TableColumn<StaffListItem>[] = [
    { title: '姓名', tone: 'strong', className: 'staff-table__name', render: (member) => member.name },
    { title: '角色', render: (member) => <Tag tone='brand'>{StaffRoleLabels[member.role]}</Tag> },
    { title: '状态', render: (member) => <StatusTag member={member} /> },
    { title: '加入时间', tone: 'muted', render: (member) => formatDate(member.createdAt) },
    {
      title: '操作',
      render: (member) => (
        <ActionButton className='staff-table__manage' variant='ghost' small block={false} onClick={() => setManaging(member)}>
          管理
        </ActionButton>
      ),
    },
  ];

  return (
    <>
      {message && <Notice tone='success'>{message}</Notice>}
      <ResourceTable
        list={list}
        title='团队成员'
        subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 人`}
        block='staff-table'
        columns={columns}
        rowKey={(member) => member.id}
        empty='还没有成员，先邀请一位吧。'
      />
      {managing && list.items && (
        <StaffManageSheet
          member={managing}
          onClose={() => setManaging(null)}
          onChanged={(sentence) => {
            setManaging(null);
            setMessage(sentence);
            onChanged();
          }}
        />
      )}
    </>
  );
}
