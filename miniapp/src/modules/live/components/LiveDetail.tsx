import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import { useBrand } from '@/modules/brand/hooks/useBrand';
import { brandedTitle } from '@/modules/brand/services/brand.service';
import type { LiveEventView } from '@leadloop/shared';
import { Text, Video, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { Routes } from '@/core/routes';
import { PosterButton } from '@/modules/posters/components/PosterButton';
import { GateSheet } from '@/modules/profile-gate/components/GateSheet';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { useContentView } from '@/modules/tracking/hooks/useContentView';
import { Card, GoneCard, Loading, RetryCard } from '@/ui';
import { useLiveEvent } from '../hooks/useLiveEvent';
import { useNow } from '../hooks/useNow';
import { useSignup } from '../hooks/useSignup';
import { describeLiveError } from '../services/live-errors';
import { formatLiveTime, formatPrice } from '../services/live-format';
import { liveActions } from '../services/live-state';
import { LiveHero } from './LiveHero';
import { LiveInfo } from './LiveInfo';
import { SignupBar } from './SignupBar';
import { SignupStatus } from './SignupStatus';
import { WechatSandboxSheet } from './WechatSandboxSheet';
import './LiveDetail.scss';

/** 【直播】制造业数字化转型 · 11月23日 19:00 */
export function shareTitleOf(event: Pick<LiveEventView, 'title' | 'startAt'> | null): string {
  return event ? `【直播】${event.title} · ${formatLiveTime(event.startAt)}` : '邀你一起看直播';
}

function DetailBody({ event, setEvent, reload }: { event: LiveEventView; setEvent(e: LiveEventView): void; reload(): void }) {
  const now = useNow(1000);
  const flow = useSignup({ event, setEvent, reload });
  const [replaying, setReplaying] = useState(false);
  const actions = liveActions(event, now);
  const withId = (route: string) => `${route}?id=${encodeURIComponent(event.id)}`;

  return (
    <>
      <LiveHero event={event} now={now} />
      {replaying && event.replayUrl && (
        <Card className='live-replay' title='直播回放'>
          <View className='live-replay__stage'>
            <Video className='live-replay__player' src={event.replayUrl} controls autoplay />
          </View>
        </Card>
      )}
      <SignupStatus event={event} actions={actions} flow={flow} onSurvey={() => void Taro.navigateTo({ url: withId(Routes.liveSurvey) })} />
      <LiveInfo event={event} />
      <SignupBar
        event={event}
        actions={actions}
        flow={flow}
        onEnterRoom={() => void Taro.navigateTo({ url: withId(Routes.liveRoom) })}
        onReplay={() => setReplaying(true)}
      />
      {flow.sheetOpen && (
        <GateSheet
          action={flow.gated}
          className='signup-sheet'
          title='报名直播'
          subtitle={`${event.title} · ${formatLiveTime(event.startAt)}`}
          purpose='event_signup'
          submitLabel={event.priceFen > 0 ? `提交并支付 ${formatPrice(event.priceFen)}` : '提交报名'}
          signInDescription='登录后即可报名，开播前提醒你；填写过的信息无需重复填写。'
          footnote='信息仅用于本场直播的报名与服务联系，你可在「我的」中随时查看和管理。'
        />
      )}
      <WechatSandboxSheet />
    </>
  );
}

/** An event's page: what it is, the sign-up, and the share with this person's token. */
export function LiveDetail({ id }: { id: string }) {
  const { event, error, reload, setEvent } = useLiveEvent(id);
  useContentView({ contentType: 'live', contentId: id || 'unknown' });
  const brand = useBrand();
  const shareable = useShareable({ contentType: 'live', contentId: id || 'unknown', params: { id }, title: brandedTitle(shareTitleOf(event), brand), premint: !!id });
  // Coming back from the live room or the survey shows fresh numbers (the first load is the hook's own).
  const loaded = useRef(false);
  loaded.current = event !== null;
  useDidShow(() => {
    if (loaded.current) reload();
  });

  if (!id || (error && isApiError(error, 'NOT_FOUND'))) {
    return <GoneCard title='直播不存在或已下线' description='链接可能已失效，去首页看看近期的其他直播吧。' />;
  }
  if (!event) return error ? <RetryCard message={describeLiveError(error)} onRetry={reload} /> : <Loading />;

  return (
    <View className='live-detail'>
      <DetailBody event={event} setEvent={setEvent} reload={reload} />
      <SharePanel shareable={shareable} title='邀请同事一起看' />
      <View className='poster-button-row'>
        <PosterButton contentType='live' contentId={event.id} title={event.title} variant='ghost' />
      </View>
      <Text className='live-detail__footnote'>直播时间均为北京时间。报名信息仅用于本场活动，可在「我的」中管理。</Text>
      <BrandFooter />
    </View>
  );
}
