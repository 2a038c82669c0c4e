import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { describeError } from '@/core/api/api-error';
import { useKeysetList, type PageLoader } from '@/core/api/useKeysetList';
import { Routes } from '@/core/routes';
import { ActionButton, Card, formatDateTime, formatMonthDayTime, Loading, Notice, RetryCard, Tag, Tappable } from '@/ui';
import { fetchMyDownloads, fetchMySignups, SignupStatusLabels } from '../services/activity.service';
import './Activity.scss';

const open = (url: string) => void Taro.navigateTo({ url });
const goHome = () => void Taro.switchTab({ url: Routes.home });

interface ActivityListProps<T> {
  title: string;
  /** The measure word in 共 N 场 / 共 N 份. */
  unit: string;
  load: PageLoader<T>;
  keyOf(item: T): string;
  empty: { text: string; action: string };
  renderRow(item: T): ReactNode;
}

/** One of my activity lists: loaded a page at a time, with a way home when it is empty. */
function ActivityList<T>({ title, unit, load, keyOf, empty, renderRow }: ActivityListProps<T>) {
  const { items, error, hasMore, loadingMore, loadMore, reload } = useKeysetList(load, keyOf);
  if (!items) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;
  return (
    <Card title={title} subtitle={`共 ${items.length}${hasMore ? '+' : ''} ${unit}`}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {items.length === 0 ? (
        <View className='activity__empty'>
          <Text className='ll-muted'>{empty.text}</Text>
          <ActionButton variant='secondary' onClick={goHome}>
            {empty.action}
          </ActionButton>
        </View>
      ) : (
        items.map(renderRow)
      )}
      {hasMore && (
        <ActionButton variant='ghost' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          加载更多
        </ActionButton>
      )}
    </Card>
  );
}

/** 我的报名: each sign-up with its status; tap to open the event. */
export function MySignupsList() {
  return (
    <ActivityList
      title='我的报名'
      unit='场'
      load={fetchMySignups}
      keyOf={(signup) => signup.signupId}
      empty={{ text: '还没有报名过直播。', action: '去看看近期直播' }}
      renderRow={(signup) => {
        const status = SignupStatusLabels[signup.status];
        return (
          <Tappable key={signup.signupId} className='activity__row my-signups__row' onTap={() => open(`${Routes.liveDetail}?id=${encodeURIComponent(signup.eventId)}`)}>
            <View className='activity__text'>
              <Text className='activity__title'>{signup.title}</Text>
              <Text className='ll-muted'>开播 {formatMonthDayTime(signup.startAt)}</Text>
            </View>
            <Tag tone={status.tone}>{status.label}</Tag>
          </Tappable>
        );
      }}
    />
  );
}

/** 我的下载: whitepapers I downloaded; tap to open the whitepaper (and download it again). */
export function MyDownloadsList() {
  return (
    <ActivityList
      title='我的下载'
      unit='份'
      load={fetchMyDownloads}
      keyOf={(download) => download.downloadId}
      empty={{ text: '还没有下载过资料。', action: '返回首页' }}
      renderRow={(download) => (
        <Tappable key={download.downloadId} className='activity__row my-downloads__row' onTap={() => open(`${Routes.whitepaperDetail}?id=${encodeURIComponent(download.whitepaperId)}`)}>
          <View className='activity__text'>
            <Text className='activity__title'>{download.title}</Text>
            <Text className='ll-muted'>下载于 {formatDateTime(download.at)}</Text>
          </View>
          <Text className='activity__arrow'>›</Text>
        </Tappable>
      )}
    />
  );
}
