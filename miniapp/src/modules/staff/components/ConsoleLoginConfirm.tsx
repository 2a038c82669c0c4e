import { StaffRoleLabels, type StaffSummary } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Loading, Notice } from '@/ui';
import { useBrandName } from '@/modules/brand/components/BrandMark';
import { useConsoleConfirm } from '../hooks/useConsoleConfirm';
import { goToMine, StaffOutcome } from './StaffOutcome';
import './ConsoleLoginConfirm.scss';

/** The phone side of console scan-login: the staff member confirms the desktop sign-in. */
export function ConsoleLoginConfirm({ ticket, staff }: { ticket: string; staff: StaffSummary | null }) {
  const { state, confirm } = useConsoleConfirm(ticket, staff !== null);
  const companyName = useBrandName();

  if (!staff) return <StaffOutcome tone='warning' title='仅团队成员可登录控制台' description='请先通过管理员发出的邀请绑定团队账号，再扫码登录。' />;
  if (state.step === 'scanning') return <Loading text='正在核对二维码…' />;
  if (state.step === 'failed') return <StaffOutcome tone='error' title='无法登录控制台' description={describeError(state.error)} />;
  if (state.step === 'confirmed') return <StaffOutcome tone='success' title='已确认登录' description='请回到电脑继续操作。' action='完成' />;

  return (
    <Card className='console-confirm'>
      <View className='console-confirm__screen'>
        <View className='console-confirm__monitor' />
        <View className='console-confirm__stand' />
      </View>
      <Text className='console-confirm__title'>{companyName ? `登录「${companyName}」管理控制台` : '登录管理控制台'}</Text>
      <Text className='console-confirm__account'>
        登录账号：{staff.name}（{StaffRoleLabels[staff.role]}）
      </Text>
      <Notice tone='warning'>请确认是你本人在电脑上操作。若非本人操作，请点击「取消」。</Notice>
      {state.error ? <Notice tone='error'>{describeError(state.error)}</Notice> : null}
      <View className='ll-stack'>
        <ActionButton loading={state.confirming} disabled={state.confirming} onClick={() => void confirm()}>
          确认登录控制台
        </ActionButton>
        <ActionButton variant='ghost' onClick={goToMine}>
          取消
        </ActionButton>
      </View>
    </Card>
  );
}
