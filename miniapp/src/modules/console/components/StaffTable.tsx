import { StaffRoleLabels, type StaffListItem } from '@leadloop/shared';
import { formatDate, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import './StaffTable.scss';

function StatusTag({ member }: { member: StaffListItem }) {
  if (member.status === 'disabled') return <Tag tone='danger'>已停用</Tag>;
  return member.bound ? <Tag tone='success'>已绑定</Tag> : <Tag tone='warning'>待绑定</Tag>;
}

const Columns: TableColumn<StaffListItem>[] = [
  { title: '姓名', tone: 'strong', className: 'staff-table__name', render: (member) => member.name },
  { title: '角色', render: (member) => <Tag tone='brand'>{StaffRoleLabels[member.role]}</Tag> },
  { title: '状态', render: (member) => <StatusTag member={member} /> },
  { title: '加入时间', tone: 'muted', render: (member) => formatDate(member.createdAt) },
];

export function StaffTable({ list }: { list: ResourceList<StaffListItem> }) {
  return (
    <ResourceTable
      list={list}
      title='团队成员'
      subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 人`}
      block='staff-table'
      columns={Columns}
      rowKey={(member) => member.id}
      empty='还没有成员，先邀请一位吧。'
    />
  );
}
