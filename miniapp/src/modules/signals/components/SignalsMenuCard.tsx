import Taro, { useDidShow } from '@tarojs/taro';
import { useApiResource } from '@/core/api/useApiResource';
import { Routes } from '@/core/routes';
import { Card, MenuList } from '@/ui';
import { unreadSignalCount } from '../services/signals.service';

/** 我的 for staff: the way into 销售动态, with the unread count as a badge. */
export function SignalsMenuCard() {
  const { data: unread, reload } = useApiResource(unreadSignalCount);
  // every show reads the badge again (back from the inbox it is gone); in H5 the first show may
  // come before this hook is registered, so no show is assumed to be covered by the first load
  useDidShow(reload);
  return (
    <Card className='signals-menu' title='销售动态'>
      <MenuList
        block='signals-menu'
        entries={[{ key: 'signals', title: '客户新动态', description: '看直播、下载资料、回访名片、请你联系', badge: unread ?? 0, onClick: () => void Taro.navigateTo({ url: Routes.signalInbox }) }]}
      />
    </Card>
  );
}
