import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { Card, MenuList } from '@/ui';

/** 我的 for staff: the card editor and its visitors (returning visitors are signals in 销售动态). */
export function CardToolsCard() {
  return (
    <Card className='card-tools' title='我的名片'>
      <MenuList
        block='card-tools'
        entries={[
          { key: 'card', title: '编辑与分享名片', description: '头像、联系方式、简介与精选内容', onClick: () => void Taro.navigateTo({ url: Routes.myCard }) },
          { key: 'visitors', title: '名片访客', description: '谁看过你的名片，谁请你联系', onClick: () => void Taro.navigateTo({ url: Routes.cardVisitors }) },
        ]}
      />
    </Card>
  );
}
