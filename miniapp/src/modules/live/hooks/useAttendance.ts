import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { randomId } from '@/core/random';
import { reportAttendance } from '../services/live.service';

export interface AttendanceState {
  /** Minutes watched so far (counted on the server, once per minute however many devices report it). */
  watchMinutes: number | null;
  /** The room is not open at this time (before it opens, or long after the end). */
  closed: boolean;
  /**
   * Call just before handing over to a WeChat Channels live: the app is hidden while the person
   * watches there, and the minutes until it shows again are counted by the server.
   */
  leavingForChannels(): Promise<void>;
}

/**
 * Presence in the live room: join when the page shows, a heartbeat every `heartbeatSeconds`
 * while it is on screen, leave when it hides or closes. One session id per opening of the room.
 * After a trip to a Channels live, the first report on showing again is `channels_return`.
 */
export function useAttendance(eventId: string, heartbeatSeconds: number | null): AttendanceState {
  const sessionId = useRef(randomId(22)).current;
  const inChannels = useRef(false);
  const [visible, setVisible] = useState(true);
  const [watchMinutes, setWatchMinutes] = useState<number | null>(null);
  const [closed, setClosed] = useState(false);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const send = useCallback(
    async (kind: 'join' | 'heartbeat' | 'leave' | 'channels_open' | 'channels_return') => {
      try {
        const result = await reportAttendance(eventId, kind, sessionId);
        setWatchMinutes(result.watchMinutes);
        setClosed(false);
      } catch (failure) {
        if (isApiError(failure, 'LIVE_NOT_OPEN')) setClosed(true);
        // Other failures (a network blip) are not worth a word: the next heartbeat tries again.
      }
    },
    [eventId, sessionId],
  );

  useEffect(() => {
    if (!eventId || !heartbeatSeconds || !visible) return;
    const back = inChannels.current;
    inChannels.current = false;
    void (back ? send('channels_return').then(() => send('join')) : send('join'));
    const timer = setInterval(() => void send('heartbeat'), Math.max(10, heartbeatSeconds) * 1000);
    return () => {
      clearInterval(timer);
      // on the way to Channels the server already knows (channels_open); a leave would be noise
      if (!inChannels.current) void send('leave');
    };
  }, [eventId, heartbeatSeconds, visible, send]);

  const leavingForChannels = useCallback(async () => {
    inChannels.current = true;
    await send('channels_open');
  }, [send]);

  return { watchMinutes, closed, leavingForChannels };
}
