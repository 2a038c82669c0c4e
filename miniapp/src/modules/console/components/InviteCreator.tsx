import { StaffRoleLabels, StaffRoles, type InviteResponse, type StaffRole } from '@leadloop/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, Card, formatDateTime, Notice, TextField } from '@/ui';
import { createStaffInvite } from '../services/staff-admin.service';
import './InviteCreator.scss';

const RoleHints: Record<StaffRole, string> = {
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
    const link = platform.linkFor(invite.path);
    return (
      <Card title='邀请已生成' subtitle='仅可使用一次，请只发给受邀本人'>
        <View className='invite-result'>
          <Image className='invite-result__qr' src={invite.qrDataUrl} mode='scaleToFill' />
          <View className='invite-result__info'>
            <Text className='invite-result__who'>
              {invite.name} · {StaffRoleLabels[invite.role]}
            </Text>
            <Text className='ll-muted'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
            <Text className='invite-result__label'>邀请链接</Text>
            <Text className='invite-result__link' selectable>
              {link}
            </Text>
            <View className='ll-row'>
              <ActionButton small block={false} onClick={() => void Taro.setClipboardData({ data: link })}>
                复制链接
              </ActionButton>
              <ActionButton variant='ghost' small block={false} onClick={() => setInvite(null)}>
                继续邀请
              </ActionButton>
            </View>
          </View>
        </View>
      </Card>
    );
  }

  return (
    <Card title='邀请成员' subtitle='对方用微信扫码或打开链接即可绑定团队账号'>
      <TextField label='成员姓名' name='invite-name' value={name} onChange={setName} placeholder='例如：李销售' maxlength={40} onConfirm={() => void submit()} />
      <Text className='invite-form__label'>角色</Text>
      <View className='invite-form__roles'>
        {StaffRoles.map((option) => (
          <View
            key={option}
            className={`invite-form__role ${option === role ? 'invite-form__role--active' : ''}`}
            onClick={() => setRole(option)}
          >
            <Text className='invite-form__role-name'>{StaffRoleLabels[option]}</Text>
            <Text className='invite-form__role-hint'>{RoleHints[option]}</Text>
          </View>
        ))}
      </View>
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void submit()}>
        生成邀请
      </ActionButton>
    </Card>
  );
}
