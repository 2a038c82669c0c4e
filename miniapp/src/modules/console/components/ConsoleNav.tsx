import { Access, type AccessRule, roleAllowed, type StaffRole } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { Card, Tappable } from '@/ui';
import './ConsoleNav.scss';

interface Entry {
  key: string;
  glyph: string;
  title: string;
  description: string;
  url: string;
  access: AccessRule;
}

const Entries: Entry[] = [
  { key: 'leads', glyph: '线', title: '线索池', description: '全部客户线索：按阶段、等级、意向分、来源筛选', url: Routes.consoleLeads, access: Access.console },
  { key: 'star-map', glyph: '星', title: '分享星空图', description: '看清每条内容的转发链路与传播达人', url: Routes.starMap, access: Access.console },
  { key: 'channels', glyph: '渠', title: '渠道管理', description: '为展会、公众号、广告生成渠道码', url: Routes.channels, access: Access.console },
  { key: 'live', glyph: '播', title: '直播管理', description: '创建直播、开放报名，看报名来源与观看数据', url: Routes.consoleLive, access: Access.console },
  { key: 'whitepapers', glyph: '书', title: '白皮书管理', description: '上传资料、设置下载表单，留资即可下载', url: Routes.consoleWhitepapers, access: Access.console },
  { key: 'accounts', glyph: '客', title: '客户管理', description: '目标客户名单、分级与联系人的采购角色', url: Routes.consoleAccounts, access: Access.console },
  { key: 'home-page', glyph: '页', title: '首页装修', description: '用横幅、直播、资料、顾问和表单搭建访客首页', url: Routes.consoleHomePage, access: Access.console },
  { key: 'scoring', glyph: '评', title: '线索评分', description: '能力与意愿规则、衰减和 MQL 标准，改动后自动重新评分', url: Routes.consoleScoring, access: Access.console },
  { key: 'merges', glyph: '合', title: '用户合并', description: '按手机号、邮箱、CRM 编号合并的访客，可核对与撤销', url: Routes.consoleMerges, access: Access.admin },
  { key: 'brand', glyph: '品', title: '品牌设置', description: '公司名称、标志、品牌色、隐私政策与工作日历', url: Routes.consoleBrand, access: Access.admin },
];

/** The console's sections a role may open. */
export function ConsoleNav({ role }: { role: StaffRole }) {
  const entries = Entries.filter((e) => roleAllowed(e.access, role));
  if (entries.length === 0) return null;
  return (
    <Card title='增长分析'>
      <View className='console-nav'>
        {entries.map((entry) => (
          <Tappable className='console-nav__item' key={entry.key} onTap={() => void Taro.navigateTo({ url: entry.url })}>
            <View className={`console-nav__glyph console-nav__glyph--${entry.key}`}>
              <Text>{entry.glyph}</Text>
            </View>
            <View className='console-nav__text'>
              <Text className='console-nav__title'>{entry.title}</Text>
              <Text className='console-nav__description'>{entry.description}</Text>
            </View>
            <Text className='console-nav__arrow'>›</Text>
          </Tappable>
        ))}
      </View>
    </Card>
  );
}
