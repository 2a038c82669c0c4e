import { type SalesSignalView, SignalKindLabels } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { Routes } from '@/core/routes';
import { ActionButton, Card, formatMonthDayTime, Loading, Notice, RetryCard, Tag } from '@/ui';
import { useSignalInbox } from '../hooks/useSignalInbox';
import './SignalInbox.scss';

const KindTone: Partial<Record<SalesSignalView['kind'], 'success' | 'warning' | 'brand'>> = {
  contact_request: 'success',
  follow_up_due: 'warning',
  sla_due: 'warning',
  sla_escalated: 'warning',
  lead_assigned: 'brand',
};

function SignalRow({ signal }: { signal: SalesSignalView }) {
  const open = signal.leadPersonId ? () => void Taro.navigateTo({ url: `${Routes.leadDetail}?id=${encodeURIComponent(signal.leadPersonId!)}` }) : undefined;
  return (
    <View className={`signal-row ${signal.read ? '' : 'signal-row--unread'}`} onClick={open}>
      <View className='signal-row__main'>
        <View className='ll-row signal-row__head'>
          {!signal.read && <View className='signal-row__dot' />}
          <Text className='signal-row__name'>{signal.displayName}</Text>
          <Tag tone={KindTone[signal.kind] ?? 'neutral'}>{SignalKindLabels[signal.kind]}</Tag>
        </View>
        {signal.detail && <Text className='ll-muted signal-row__detail'>{signal.detail}</Text>}
      </View>
      <Text className='ll-muted signal-row__time'>{formatMonthDayTime(signal.at)}</Text>
    </View>
  );
}

function MessagesCard({ available, asking, declined, onEnable }: { available: number; asking: boolean; declined: boolean; onEnable(): void }) {
  return (
    <Card title='微信提醒' subtitle={available > 0 ? `还可接收 ${available} 条微信提醒` : '未开启'}>
      <Text className='ll-muted'>
        开启后，客户有新动态会通过微信服务通知提醒你；每授权一次可收到一条，同一时段的多条动态会合并为一条，22:00–08:00 不打扰，顺延到早上发送。
      </Text>
      {declined && <Notice tone='info'>未开启微信提醒，动态仍会显示在这里。</Notice>}
      <View className='signal-inbox__enable'>
        <ActionButton variant={available > 0 ? 'secondary' : 'primary'} loading={asking} disabled={asking} onClick={onEnable}>
          {available > 0 ? '再授权一条提醒' : '开启微信提醒'}
        </ActionButton>
      </View>
    </Card>
  );
}

/** 销售动态: what my leads did that is worth a follow-up, newest first; tapping one opens the lead. */
export function SignalInboxView() {
  const { list, subscription, asking, declined, enableMessages } = useSignalInbox();
  return (
    <View className='signal-inbox'>
      {subscription && <MessagesCard available={subscription.available} asking={asking} declined={declined} onEnable={() => void enableMessages()} />}
      <Card title='销售动态' subtitle='客户看直播、下载资料、回访名片或请你联系时，第一时间告诉你'>
        {list.error && list.items ? <Notice tone='error'>{describeError(list.error)}</Notice> : null}
        {!list.items && (list.error ? <RetryCard message={describeError(list.error)} onRetry={list.reload} /> : <Loading />)}
        {list.items && list.items.length === 0 && <Text className='ll-muted'>还没有新动态。把直播、白皮书或名片分享给客户，客户的关键动作会出现在这里。</Text>}
        {list.items?.map((signal) => <SignalRow key={signal.id} signal={signal} />)}
        {list.items && list.hasMore && (
          <ActionButton variant='ghost' loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </ActionButton>
        )}
      </Card>
    </View>
  );
}
