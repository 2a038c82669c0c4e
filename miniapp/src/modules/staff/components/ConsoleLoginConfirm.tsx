import { StaffRoleLabels, type StaffSummary } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Loading, Notice, ResultPanel } from '@/ui';
import { useConsoleConfirm } from '../hooks/useConsoleConfirm';
import './ConsoleLoginConfirm.scss';
import { Routes } from '@/core/routes';

/** The phone side of console scan-login: the staff member confirms the desktop sign-in. */
export function ConsoleLoginConfirm({ ticket, staff }: { ticket: string; staff: StaffSummary | null }) {
  const { state, confirm } = useConsoleConfirm(ticket, staff !== null);
  const leave = () => void Taro.switchTab({ url: Routes.mine });

  if (!staff) {
    return (
      <Card>
        <ResultPanel tone='warning' title='仅团队成员可登录控制台' description='请先通过管理员发出的邀请绑定团队账号，再扫码登录。'>
          <ActionButton variant='secondary' onClick={leave}>
            返回我的
          </ActionButton>
        </ResultPanel>
      </Card>
    );
  }

  if (state.step === 'scanning') return <Loading text='正在核对二维码…' />;

  if (state.step === 'failed') {
    return (
      <Card>
        <ResultPanel tone='error' title='无法登录控制台' description={describeError(state.error)}>
          <ActionButton variant='secondary' onClick={leave}>
            返回我的
          </ActionButton>
        </ResultPanel>
      </Card>
    );
  }

  if (state.step === 'confirmed') {
    return (
      <Card>
        <ResultPanel tone='success' title='已确认登录' description='请回到电脑继续操作。'>
          <ActionButton variant='secondary' onClick={leave}>
            完成
          </ActionButton>
        </ResultPanel>
      </Card>
    );
  }

  return (
    <Card className='console-confirm'>
      <View className='console-confirm__screen'>
        <View className='console-confirm__monitor' />
        <View className='console-confirm__stand' />
      </View>
      <Text className='console-confirm__title'>登录线索闭环管理控制台</Text>
      <Text className='console-confirm__account'>
        登录账号：{staff.name}（{StaffRoleLabels[staff.role]}）
      </Text>
      <Notice tone='warning'>请确认是你本人在电脑上操作。若非本人操作，请点击「取消」。</Notice>
      {state.error ? <Notice tone='error'>{describeError(state.error)}</Notice> : null}
      <View className='ll-stack'>
        <ActionButton loading={state.confirming} disabled={state.confirming} onClick={() => void confirm()}>
          确认登录控制台
        </ActionButton>
        <ActionButton variant='ghost' onClick={leave}>
          取消
        </ActionButton>
      </View>
    </Card>
  );
}
