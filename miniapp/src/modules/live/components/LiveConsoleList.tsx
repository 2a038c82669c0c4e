import type { ConsoleLiveEvent } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useKeysetList } from '@/core/api/useKeysetList';
import { controlProps } from '@/core/platform/a11y';
import { Routes } from '@/core/routes';
import { ActionButton, ResourceTable, Tag, type TableColumn } from '@/ui';
import { listConsoleEvents } from '../services/live-console.service';
import { describeLiveError } from '../services/live-errors';
import { formatLiveTime, formatPrice, livePhase } from '../services/live-format';
import './LiveConsole.scss';

const withId = (route: string, id: string) => `${route}?id=${encodeURIComponent(id)}`;
const open = (url: string) => void Taro.navigateTo({ url });
const eventId = (e: ConsoleLiveEvent) => e.id;
const starMapOf = (id: string) => `${Routes.starMap}?contentType=live&contentId=${encodeURIComponent(id)}`;
const linkProps = (label: string, url: string) => controlProps({ role: 'link', label, onActivate: () => open(url) });

function StatusTag({ event }: { event: ConsoleLiveEvent }) {
  if (event.status === 'draft') return <Tag tone='neutral'>草稿</Tag>;
  if (event.status === 'cancelled') return <Tag tone='danger'>已取消</Tag>;
  const phase = livePhase(Date.now(), event.startAt, event.endAt);
  if (phase === 'live') return <Tag tone='danger'>直播中</Tag>;
  if (phase === 'ended') return <Tag tone='neutral'>已结束</Tag>;
  return <Tag tone='success'>报名中</Tag>;
}

const Columns: TableColumn<ConsoleLiveEvent>[] = [
  { title: '直播', tone: 'strong', className: 'live-table__title', render: (e) => <Text className='live-table__name'>{e.title}</Text> },
  { title: '开播时间', tone: 'muted', render: (e) => formatLiveTime(e.startAt) },
  { title: '状态', render: (e) => <StatusTag event={e} /> },
  { title: '价格', render: (e) => formatPrice(e.priceFen) },
  { title: '报名 / 名额', render: (e) => `${e.signups} / ${e.capacity}` },
  {
    title: '操作',
    className: 'live-table__actions',
    render: (e) => (
      <View className='live-table__links'>
        <Text className='live-table__link' onClick={() => open(withId(Routes.consoleLiveEdit, e.id))} {...linkProps(`编辑「${e.title}」`, withId(Routes.consoleLiveEdit, e.id))}>
          编辑
        </Text>
        <Text className='live-table__link' onClick={() => open(withId(Routes.consoleLiveReport, e.id))} {...linkProps(`「${e.title}」的数据`, withId(Routes.consoleLiveReport, e.id))}>
          数据
        </Text>
        <Text className='live-table__link live-table__star-map' onClick={() => open(starMapOf(e.id))} {...linkProps(`「${e.title}」的分享星空图`, starMapOf(e.id))}>
          星空图
        </Text>
      </View>
    ),
  },
];

/** Every live event for marketers, newest first, a page at a time. */
export function LiveConsoleList() {
  const list = useKeysetList(listConsoleEvents, eventId);
  // Back from the form: the list shows what was just saved. (The first load is the hook's own;
  // this component may mount after the page's first show, so "loaded" is what tells them apart.)
  const loaded = useRef(false);
  loaded.current = list.items !== null;
  useDidShow(() => {
    if (loaded.current) list.reload();
  });

  return (
    <ResourceTable
      list={list}
      className='live-list'
      title='全部直播'
      subtitle={(items, hasMore) => (hasMore ? `已显示 ${items.length} 场，还有更早的直播` : `共 ${items.length} 场`)}
      extra={
        <ActionButton small block={false} onClick={() => open(Routes.consoleLiveEdit)}>
          新建直播
        </ActionButton>
      }
      describeError={describeLiveError}
      block='live-table'
      columns={Columns}
      rowKey={eventId}
      empty='还没有直播。点击「新建直播」，几分钟就能开放报名。'
    />
  );
}
