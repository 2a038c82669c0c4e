import { StaffRoleLabels } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, formatMonthDayTime, Loading, Notice, Tag } from '@/ui';
import { useBrandName } from '@/modules/brand/components/BrandMark';
import { useInviteAcceptance } from '../hooks/useInviteAcceptance';
import { StaffOutcome } from './StaffOutcome';
import './InviteAcceptance.scss';

export function InviteAcceptance({ token }: { token: string }) {
  const { state, accept } = useInviteAcceptance(token);
  const companyName = useBrandName();

  if (state.step === 'loading') return <Loading text='正在读取邀请…' />;
  if (state.step === 'failed') return <StaffOutcome tone='error' title='邀请无法使用' description={describeError(state.error)} />;

  if (state.step === 'accepted') {
    const staff = state.session.staff;
    return (
      <StaffOutcome
        tone='success'
        title='已加入团队'
        description={staff ? `你已绑定为「${StaffRoleLabels[staff.role]}」：${staff.name}` : '你的微信已绑定团队账号'}
        action='前往我的'
        primary
      />
    );
  }

  const { invite, accepting, error } = state;
  const usable = invite.status === 'pending';
  return (
    <Card className='invite'>
      <View className='invite__hero'>
        <Text className='invite__kicker'>团队邀请</Text>
        <Text className='invite__title'>{companyName ? `邀请你加入「${companyName}」团队` : '邀请你加入团队'}</Text>
      </View>
      <View className='invite__rows'>
        <View className='invite__row'>
          <Text className='invite__label'>姓名</Text>
          <Text className='invite__value'>{invite.name}</Text>
        </View>
        <View className='invite__row'>
          <Text className='invite__label'>角色</Text>
          <Tag tone='brand'>{StaffRoleLabels[invite.role]}</Tag>
        </View>
        <View className='invite__row'>
          <Text className='invite__label'>有效期至</Text>
          <Text className='invite__value'>{formatMonthDayTime(invite.expiresAt)}</Text>
        </View>
      </View>
      {invite.status === 'used' && <Notice tone='warning'>该邀请已被使用。如需加入，请联系管理员重新邀请。</Notice>}
      {invite.status === 'expired' && <Notice tone='warning'>邀请已过期，请联系管理员重新邀请。</Notice>}
      {usable && <Text className='invite__explain'>接受后，你的微信将绑定该团队账号，可使用名片、分享追踪和线索跟进等员工功能。</Text>}
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {usable && (
        <ActionButton loading={accepting} disabled={accepting} onClick={() => void accept()}>
          接受邀请并绑定
        </ActionButton>
      )}
    </Card>
  );
}
