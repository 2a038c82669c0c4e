import { Access, roleAllowed, StaffRoleLabels, type MeResponse, type StaffListItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { Card, Notice } from '@/ui';
import { type ContentFigure, useConsoleOverview } from '../hooks/useConsoleOverview';
import './ConsoleWelcome.scss';

interface Tile {
  key: string;
  label: string;
  value: string;
  hint: string;
  url?: string;
}

function contentTile(key: string, label: string, url: string, figure: ContentFigure | undefined, failed: boolean, words: { unit: string; activity: string; empty: string }): Tile {
  if (!figure) return { key, label, url, value: '—', hint: failed ? '暂时无法读取，点击查看' : '正在读取…' };
  if (figure.count === 0) return { key, label, url, value: `0 ${words.unit}`, hint: words.empty };
  const hint = figure.more ? `最近：${figure.latestTitle}` : `共 ${figure.activity} ${words.activity}`;
  return { key, label, url, value: figure.more ? `50+ ${words.unit}` : `${figure.count} ${words.unit}`, hint };
}

/** Who is signed in to the console, what their role can do here, and the content at a glance. */
/** `team`: the member table's rows loaded so far, and whether more pages exist (the count is then a floor). */
export function ConsoleWelcome({ me, team }: { me: MeResponse; team?: { items: readonly StaffListItem[] | null; hasMore: boolean } }) {
  const staff = me.staff;
  const canManage = staff !== null && roleAllowed(Access.console, staff.role);
  const overview = useConsoleOverview(canManage);
  if (!staff) return null;

  const tiles: Tile[] = canManage
    ? [
        contentTile('live', '直播', Routes.consoleLive, overview.data?.live, !!overview.error, { unit: '场', activity: '人次报名', empty: '还没有直播，点击创建' }),
        contentTile('whitepapers', '白皮书', Routes.consoleWhitepapers, overview.data?.whitepapers, !!overview.error, { unit: '份', activity: '次下载', empty: '还没有白皮书，点击上传' }),
      ]
    : [];
  if (team !== undefined) {
    const active = team.items?.filter((member) => member.status === 'active').length;
    tiles.push({ key: 'team', label: '在职成员', value: active === undefined ? '—' : `${active}${team.hasMore ? '+' : ''} 人`, hint: active === undefined ? '正在读取…' : '在下方管理成员与邀请' });
  }

  return (
    <Card className='console-welcome'>
      <Text className='console-welcome__hello'>你好，{staff.name}</Text>
      <Text className='console-welcome__meta'>
        当前身份：{StaffRoleLabels[staff.role]}
        {me.person.phoneMasked ? ` · 手机 ${me.person.phoneMasked}` : ''}
      </Text>
      {tiles.length > 0 && (
        <View className='console-welcome__stats'>
          {tiles.map((tile) => (
            <View
              className={`console-welcome__stat ${tile.url ? 'console-welcome__stat--link' : ''}`}
              key={tile.key}
              onClick={tile.url ? () => void Taro.navigateTo({ url: tile.url as string }) : undefined}
            >
              <Text className='console-welcome__stat-label'>{tile.label}</Text>
              <Text className='console-welcome__stat-value'>{tile.value}</Text>
              <Text className='console-welcome__stat-hint'>{tile.hint}</Text>
            </View>
          ))}
        </View>
      )}
      {!canManage && <Notice tone='info'>你的角色可在小程序中使用名片与分享；管理功能仅对管理员和市场同事开放。</Notice>}
    </Card>
  );
}
