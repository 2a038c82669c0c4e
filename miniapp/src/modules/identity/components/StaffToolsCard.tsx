import { StaffRoleLabels, type StaffSummary } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, Card, Notice, Tag } from '@/ui';
import './StaffToolsCard.scss';
import { Routes } from '@/core/routes';

/** What a staff member can do from 我的: sign a desktop console in, open the console. */
export function StaffToolsCard({ staff }: { staff: StaffSummary }) {
  const [error, setError] = useState<string | null>(null);

  const scan = async () => {
    setError(null);
    try {
      await platform.scanConsoleQr();
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setError(describeError(failure));
    }
  };

  return (
    <Card title='员工工作台' extra={<Tag tone='brand'>{StaffRoleLabels[staff.role]}</Tag>}>
      <View className='staff-tools__who'>
        <Text className='staff-tools__name'>{staff.name}</Text>
        <Text className='ll-muted'>已绑定团队账号</Text>
      </View>
      <View className='ll-stack'>
        <ActionButton onClick={() => void Taro.navigateTo({ url: Routes.myLeads })}>我的线索</ActionButton>
        <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: Routes.myShares })}>
          我的分享
        </ActionButton>
        {platform.canScanConsoleQr && (
          <ActionButton onClick={() => void scan()}>扫码登录控制台</ActionButton>
        )}
        {platform.consoleNeedsScanLogin ? (
          <Notice tone='info'>在电脑浏览器打开管理控制台，用小程序「扫码登录控制台」即可登录。</Notice>
        ) : (
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: Routes.consoleHome })}>
            进入管理控制台
          </ActionButton>
        )}
      </View>
      {error && (
        <View className='staff-tools__error'>
          <Notice tone='error'>{error}</Notice>
        </View>
      )}
    </Card>
  );
}
