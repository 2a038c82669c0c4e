import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { Routes } from '@/core/routes';
import { ActionButton, Card, formatDateTime, formatMonthDayTime, Loading, Notice, RetryCard, Tag } from '@/ui';
import { usePagedList } from '../hooks/usePagedList';
import { fetchMyDownloads, fetchMySignups, SignupStatusLabels } from '../services/activity.service';
import './Activity.scss';

const loadSignups = (after?: string) => fetchMySignups(after).then((page) => ({ items: page.items, next: page.next }));
const loadDownloads = (cursor?: string) => fetchMyDownloads(cursor).then((page) => ({ items: page.items, next: page.nextCursor }));

const open = (url: string) => void Taro.navigateTo({ url });

function Empty({ text, action, onAction }: { text: string; action: string; onAction(): void }) {
  return (
    <View className='activity__empty'>
      <Text className='ll-muted'>{text}</Text>
      <ActionButton variant='secondary' onClick={onAction}>
        {action}
      </ActionButton>
    </View>
  );
}

/** 我的报名: each sign-up with its status; tap to open the event. */
export function MySignupsList() {
  const { items, error, hasMore, loadingMore, loadMore, reload } = usePagedList(loadSignups);
  if (!items) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;
  return (
    <Card title='我的报名' subtitle={`共 ${items.length}${hasMore ? '+' : ''} 场`}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {items.length === 0 ? (
        <Empty text='还没有报名过直播。' action='去看看近期直播' onAction={() => void Taro.switchTab({ url: Routes.home })} />
      ) : (
        items.map((signup) => {
          const status = SignupStatusLabels[signup.status];
          return (
            <View key={signup.signupId} className='activity__row my-signups__row' onClick={() => open(`${Routes.liveDetail}?id=${encodeURIComponent(signup.eventId)}`)}>
              <View className='activity__text'>
                <Text className='activity__title'>{signup.title}</Text>
                <Text className='ll-muted'>开播 {formatMonthDayTime(signup.startAt)}</Text>
              </View>
              <Tag tone={status.tone}>{status.label}</Tag>
            </View>
          );
        })
      )}
      {hasMore && (
        <ActionButton variant='ghost' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          加载更多
        </ActionButton>
      )}
    </Card>
  );
}

/** 我的下载: whitepapers I downloaded; tap to open the whitepaper (and download it again). */
export function MyDownloadsList() {
  const { items, error, hasMore, loadingMore, loadMore, reload } = usePagedList(loadDownloads);
  if (!items) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;
  return (
    <Card title='我的下载' subtitle={`共 ${items.length}${hasMore ? '+' : ''} 份`}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {items.length === 0 ? (
        <Empty text='还没有下载过资料。' action='返回首页' onAction={() => void Taro.switchTab({ url: Routes.home })} />
      ) : (
        items.map((download) => (
          <View key={download.downloadId} className='activity__row my-downloads__row' onClick={() => open(`${Routes.whitepaperDetail}?id=${encodeURIComponent(download.whitepaperId)}`)}>
            <View className='activity__text'>
              <Text className='activity__title'>{download.title}</Text>
              <Text className='ll-muted'>下载于 {formatDateTime(download.at)}</Text>
            </View>
            <Text className='activity__arrow'>›</Text>
          </View>
        ))
      )}
      {hasMore && (
        <ActionButton variant='ghost' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
          加载更多
        </ActionButton>
      )}
    </Card>
  );
}
