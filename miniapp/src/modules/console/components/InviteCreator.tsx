import { StaffRoleLabels, StaffRoles, type InviteResponse, type StaffRole } from '@leadloop/shared';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, Card, ChoiceCards, formatDateTime, Notice, QrLinkCard, TextField } from '@/ui';
import { createStaffInvite } from '../services/staff-admin.service';
import './InviteCreator.scss';

export const RoleHints: Record<StaffRole, string> = {
  admin: '管理团队、配置规则和全部数据',
  marketer: '创建直播、白皮书与活动，查看报表',
  sdr: '筛选与培育线索，移交销售',
  sales: '跟进线索、管理名片与商机',
  partner: '以渠道身份分享内容并获得归因',
};

/** Admin: invite a staff member with a one-time link and mini-program code. */
export function InviteCreator({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('sales');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteResponse | null>(null);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('请填写成员姓名');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setInvite(await createStaffInvite({ name: trimmed, role }));
      setName('');
      onCreated();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (invite) {
    return (
      <QrLinkCard
        block='invite-result'
        title='邀请已生成'
        subtitle='仅可使用一次，请只发给受邀本人'
        qrDataUrl={invite.qrDataUrl}
        heading={`${invite.name} · ${StaffRoleLabels[invite.role]}`}
        detail={`有效期至 ${formatDateTime(invite.expiresAt)}`}
        linkLabel='邀请链接'
        link={platform.linkFor(invite.path)}
        againLabel='继续邀请'
        onAgain={() => setInvite(null)}
      />
    );
  }

  return (
    <Card title='邀请成员' subtitle='对方用微信扫码或打开链接即可绑定团队账号'>
      <TextField label='成员姓名' name='invite-name' value={name} onChange={setName} placeholder='例如：李销售' maxlength={40} onConfirm={() => void submit()} />
      <ChoiceCards label='角色' options={StaffRoles} value={role} onChange={setRole} names={StaffRoleLabels} hints={RoleHints} optionClassName='invite-form__role' />
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void submit()}>
        生成邀请
      </ActionButton>
    </Card>
  );
}
