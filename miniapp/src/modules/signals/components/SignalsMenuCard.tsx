import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { Routes } from '@/core/routes';
import { Card, MenuList } from '@/ui';
import { unreadSignalCount } from '../services/signals.service';

/** 我的 for staff: the way into 销售动态, with the unread count as a badge. */
export function SignalsMenuCard() {
  const { data: unread, reload } = useApiResource(unreadSignalCount);
  // back from the inbox the badge is read again; the first show is covered by the load
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return (
    <Card className='signals-menu' title='销售动态'>
      <MenuList
        block='signals-menu'
        entries={[{ key: 'signals', title: '客户新动态', description: '看直播、下载资料、回访名片、请你联系', badge: unread ?? 0, onClick: () => void Taro.navigateTo({ url: Routes.signalInbox }) }]}
      />
    </Card>
  );
}
