import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { Routes } from '@/core/routes';
import { Card, MenuList } from '@/ui';
import { unreadSignalCount } from '../services/card.service';

/** 我的 for staff: the card editor and its visitors, with the returning-visitor count as a badge. */
export function CardToolsCard() {
  const { data: unread, reload } = useApiResource(unreadSignalCount);
  // back from the visitors page the badge is read again; the first show is covered by the load
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return (
    <Card className='card-tools' title='我的名片'>
      <MenuList
        block='card-tools'
        entries={[
          { key: 'card', title: '编辑与分享名片', description: '头像、联系方式、简介与精选内容', onClick: () => void Taro.navigateTo({ url: Routes.myCard }) },
          { key: 'visitors', title: '名片访客', description: '谁看过你的名片，谁请你联系', badge: unread ?? 0, onClick: () => void Taro.navigateTo({ url: Routes.cardVisitors }) },
        ]}
      />
    </Card>
  );
}
