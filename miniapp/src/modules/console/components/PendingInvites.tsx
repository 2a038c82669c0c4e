import { StaffRoleLabels, type PendingInvite } from '@leadloop/shared';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, confirmAction, formatDate, ResourceTable, Tag, type ResourceList, type TableColumn } from '@/ui';
import './PendingInvites.scss';

interface PendingInvitesProps {
  list: ResourceList<PendingInvite>;
  onRevoke(id: string): Promise<void>;
}

/** Admin: invites not accepted yet, each of which can be withdrawn. */
export function PendingInvites({ list, onRevoke }: PendingInvitesProps) {
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async (invite: PendingInvite) => {
    const confirmed = await confirmAction({
      title: '撤销邀请',
      content: `撤销后「${invite.name}」的邀请链接将立即失效，确定撤销吗？`,
      confirmText: '撤销',
      destructive: true,
    });
    if (!confirmed) return;
    setRevoking(invite.id);
    setRevokeError(null);
    try {
      await onRevoke(invite.id);
    } catch (failure) {
      setRevokeError(failure);
    } finally {
      setRevoking(null);
    }
  };

  const columns: TableColumn<PendingInvite>[] = [
    { title: '姓名', tone: 'strong', className: 'pending-invites__name', render: (invite) => invite.name },
    { title: '角色', render: (invite) => <Tag tone='brand'>{StaffRoleLabels[invite.role]}</Tag> },
    { title: '有效期至', tone: 'muted', render: (invite) => formatDate(invite.expiresAt) },
    {
      title: '操作',
      render: (invite) => (
        <ActionButton variant='ghost' small block={false} loading={revoking === invite.id} disabled={revoking !== null} onClick={() => void revoke(invite)}>
          撤销
        </ActionButton>
      ),
    },
  ];

  return (
    <ResourceTable
      list={list}
      className='pending-invites-card'
      title='待加入'
      subtitle={(items, hasMore) => `${items.length}${hasMore ? '+' : ''} 个邀请未接受`}
      notice={revokeError ? describeError(revokeError) : null}
      block='pending-invites'
      columns={columns}
      rowKey={(invite) => invite.id}
      empty='没有待接受的邀请。'
    />
  );
}
