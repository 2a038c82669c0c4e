import { Text, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import type { LiveEventView } from '@leadloop/shared';
import { ActionButton, Avatar, Card, Loading, Notice, ResultPanel, RetryCard } from '@/ui';
import { useAttendance } from '../hooks/useAttendance';
import { useLiveRoom } from '../hooks/useLiveRoom';
import { useNow } from '../hooks/useNow';
import { describeLiveError } from '../services/live-errors';
import { formatLiveRange, livePhase, phaseLine, type LivePhase } from '../services/live-format';
import './LiveRoom.scss';

/** The live room: the player (or the way to WeChat Channels), watch time, and the survey afterwards. */
export function LiveRoomView({ id }: { id: string }) {
  const { room, event, error, reload } = useLiveRoom(id);
  const attendance = useAttendance(id, room?.heartbeatSeconds ?? null);
  const now = useNow(1000);
  const [channelsError, setChannelsError] = useState<string | null>(null);
  const withId = (route: string) => `${route}?id=${encodeURIComponent(id)}`;

  if (error) {
    if (isApiError(error, 'LIVE_NOT_SIGNED_UP')) {
      return (
        <Card>
          <ResultPanel tone='info' title='报名后即可进入直播间' description='完成报名后，开播前 30 分钟开放直播间。'>
            <ActionButton onClick={() => void Taro.redirectTo({ url: withId(Routes.liveDetail) })}>去报名</ActionButton>
          </ResultPanel>
        </Card>
      );
    }
    return <RetryCard message={describeLiveError(error)} onRetry={reload} />;
  }
  if (!room || !event) return <Loading text='正在进入直播间…' />;

  const phase = livePhase(now, room.startAt, room.endAt);
  const watch = phase === 'ended' && room.replayUrl ? { kind: 'replay' as const, url: room.replayUrl } : room.watch;
  // a player only while there is something to play: the live itself, or its replay
  const showsPlayer = watch.kind === 'replay' || (watch.kind === 'stream' && phase === 'live');

  const openChannels = async () => {
    if (room.watch.kind !== 'channels') return;
    setChannelsError(null);
    try {
      await attendance.leavingForChannels();
      await platform.openChannelsLive(room.watch);
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setChannelsError(describeLiveError(failure));
    }
  };

  return (
    <View className='live-room'>
      <View className={`live-room__stage ${showsPlayer ? 'live-room__stage--player' : ''}`}>
        {!showsPlayer && watch.kind !== 'channels' ? (
          <RoomWaiting phase={phase} now={now} startAt={room.startAt} endAt={room.endAt} speakers={event.speakers} />
        ) : watch.kind === 'channels' ? (
          <View className='live-room__channels'>
            <Text className='live-room__channels-title'>本场直播在微信视频号进行</Text>
            <Text className='live-room__channels-text'>{phaseLine(now, room.startAt, room.endAt)}</Text>
            {event.speakers.length > 0 && <Text className='live-room__channels-text'>分享嘉宾：{event.speakers.map((s) => s.name).join('、')}</Text>}
            {platform.canOpenChannelsLive ? (
              <ActionButton block={false} onClick={() => void openChannels()}>
                前往视频号直播间
              </ActionButton>
            ) : (
              <Notice tone='info'>请在微信中打开小程序，直播将在视频号中播放</Notice>
            )}
          </View>
        ) : (
          <Video className='live-room__player' src={watch.url} controls autoplay={phase === 'live'} showCenterPlayBtn objectFit='contain' />
        )}
      </View>

      <Card>
        <Text className='live-room__title'>{event.title}</Text>
        <Text className='live-room__when'>{formatLiveRange(room.startAt, room.endAt)}</Text>
        <View className='live-room__stats'>
          <View className={`live-room__phase live-room__phase--${phase}`}>
            <Text>{watch.kind === 'replay' ? '回放中' : phase === 'live' ? '直播中' : phase === 'ended' ? '已结束' : phaseLine(now, room.startAt, room.endAt)}</Text>
          </View>
          <Text className='live-room__minutes'>已观看 {attendance.watchMinutes ?? 0} 分钟</Text>
        </View>
        {attendance.closed && <Notice tone='warning'>直播间将在开播前 30 分钟开放，观看时长从开播起计算</Notice>}
        {channelsError && <Notice tone='error'>{channelsError}</Notice>}
      </Card>

      {event.survey.length > 0 && phase !== 'upcoming' && (
        <Card title='直播问卷' subtitle='花 1 分钟告诉我们你的感受'>
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: withId(Routes.liveSurvey) })}>
            填写问卷
          </ActionButton>
        </Card>
      )}
    </View>
  );
}

interface RoomWaitingProps {
  phase: LivePhase;
  now: number;
  startAt: string;
  endAt: string;
  speakers: LiveEventView['speakers'];
}

/** Before the start (未开播, with the countdown) or after the end without a replay yet (已结束): who speaks, instead of a black player. */
function RoomWaiting({ phase, now, startAt, endAt, speakers }: RoomWaitingProps) {
  const upcoming = phase === 'upcoming';
  return (
    <View className={`live-room__waiting live-room__waiting--${phase}`}>
      <Text className='live-room__waiting-badge'>{upcoming ? '未开播' : '已结束'}</Text>
      <Text className='live-room__waiting-title'>{upcoming ? phaseLine(now, startAt, endAt) : '直播已结束，回放上线后可在这里观看'}</Text>
      <Text className='live-room__waiting-when'>{formatLiveRange(startAt, endAt)}</Text>
      {speakers.length > 0 && (
        <View className='live-room__waiting-speakers'>
          {speakers.map((speaker) => (
            <View className='live-room__waiting-speaker' key={`${speaker.name}-${speaker.title}`}>
              <Avatar name={speaker.name} />
              <Text className='live-room__waiting-name'>{speaker.name}</Text>
              {speaker.title && <Text className='live-room__waiting-role'>{speaker.title}</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
