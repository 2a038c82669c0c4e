import type { Page, SalesSignalView, SignalSubscription } from '@leadloop/shared';
import { api } from '@/core/api/client';
import type { SubscribeResults } from '@/core/platform/subscribe';

export function fetchSignals(cursor?: string): Promise<Page<SalesSignalView> & { unread: number }> {
  return api('signalInbox', undefined, { query: { limit: 20, cursor } });
}

/** The badge on 我的: unread signals, without reading them. */
export async function unreadSignalCount(): Promise<number> {
  return (await api('signalUnread')).unread;
}

export function markAllSignalsRead(): Promise<{ unread: number }> {
  return api('readSignals', {});
}

export function fetchSignalSubscription(): Promise<SignalSubscription> {
  return api('signalSubscription');
}

export function recordSignalGrant(results: SubscribeResults): Promise<SignalSubscription> {
  return api('grantSignalMessages', { results });
}
