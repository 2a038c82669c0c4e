import type { SalesSignalView } from '@leadloop/shared';
import { useCallback, useRef, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { platform } from '@/core/platform';
import { fetchSignals, fetchSignalSubscription, markAllSignalsRead, recordSignalGrant } from '../services/signals.service';

const SIGNAL_PROMPT = { title: '允许发送客户动态提醒？', content: '客户有新动态时，通过微信服务通知提醒你一次（沙箱模拟）' };

/**
 * 销售动态: my signals a page at a time, newest first. Opening the inbox reads them (they stay
 * highlighted until the next visit); the subscribe-message grant is asked for from a tap.
 */
export function useSignalInbox() {
  const markedRead = useRef(false);
  const load = useCallback(async (cursor?: string) => {
    const page = await fetchSignals(cursor);
    if (!cursor && page.unread > 0 && !markedRead.current) {
      markedRead.current = true;
      await markAllSignalsRead().catch(() => undefined);
    }
    return page;
  }, []);
  const list = useKeysetList<SalesSignalView>(load, (s) => s.id);
  const subscription = useApiResource(fetchSignalSubscription);
  const [asking, setAsking] = useState(false);
  const [declined, setDeclined] = useState(false);

  /** Must run in a tap's handler chain: WeChat only asks from a tap. */
  const enableMessages = useCallback(async () => {
    const templateId = subscription.data?.templateId;
    if (!templateId || asking) return;
    setAsking(true);
    setDeclined(false);
    try {
      const results = await platform.requestSubscribe([templateId], SIGNAL_PROMPT);
      if (Object.keys(results).length === 0) return;
      subscription.setData(await recordSignalGrant(results));
      setDeclined(results[templateId] !== 'accept');
    } catch {
      // a refused or failed prompt leaves the inbox as it is
      setDeclined(true);
    } finally {
      setAsking(false);
    }
  }, [subscription, asking]);

  return { list, subscription: subscription.data, asking, declined, enableMessages };
}
