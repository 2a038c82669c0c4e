import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { Card, MenuList, type MenuEntry } from '@/ui';

const go = (url: string) => () => void Taro.navigateTo({ url });

const Entries: MenuEntry[] = [
  { key: 'profile', title: '个人信息', description: '查看并更正姓名、公司、职位和邮箱', onClick: go(Routes.myProfile) },
  { key: 'signups', title: '我的报名', description: '报名过的直播与状态', onClick: go(Routes.mySignups) },
  { key: 'downloads', title: '我的下载', description: '下载过的白皮书', onClick: go(Routes.myDownloads) },
  { key: 'privacy', title: '隐私与授权', description: '查看或撤回各项授权', onClick: go(Routes.myPrivacy) },
  { key: 'data', title: '导出与注销', description: '导出我的数据，或注销并删除', onClick: go(Routes.myData) },
];

/** 我的: where my sign-ups, downloads and data rights live (each its own page in the `me` package). */
export function MineMenu() {
  return (
    <Card className='mine-menu'>
      <MenuList block='mine-menu' entries={Entries} />
    </Card>
  );
}
