import type { ClientEvent, ClientEventType } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { entryStore } from '@/core/entry';
import { anonymousId } from '@/core/install';
import { randomId } from '@/core/random';
import { readStored, writeStored } from '@/core/storage';
import { EventQueue } from './event-queue';

const STORAGE_KEY = 'leadloop.event-queue';

type Props = NonNullable<ClientEvent['props']>;

let queue: EventQueue | null = null;

function outbox(): EventQueue {
  queue ??= new EventQueue({
    // The session goes along when there is one; otherwise the events stay anonymous (install id).
    send: (events) => api('ingestEvents', { events }, { sessionIfAny: true }),
    load: () => readStored<unknown>(STORAGE_KEY),
    save: (events) => writeStored(STORAGE_KEY, events.length > 0 ? events : null),
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: Math.random,
  });
  return queue;
}

/** `pages/index/index` from `/pages/index/index?s=…`. */
export function pagePath(path: string | undefined | null): string {
  return (path ?? '').split('?')[0].replace(/^\/+/, '').slice(0, 128);
}

export interface TrackInput {
  type: ClientEventType;
  page: string;
  props?: Props;
  /** Defaults to the share token of the current visit. */
  shareToken?: string | null;
  urgent?: boolean;
}

/** Records an event with the current visit's attribution (share token, channel, launch scene). */
export function track({ type, page, props, shareToken, urgent }: TrackInput): void {
  const entry = entryStore.get();
  const event: ClientEvent = {
    id: randomId(22),
    type,
    at: new Date().toISOString(),
    page: pagePath(page),
    anonymousId: anonymousId(),
  };
  const token = shareToken === undefined ? entry.shareToken : shareToken;
  if (token) event.shareToken = token;
  if (entry.channelCode) event.channelCode = entry.channelCode;
  if (entry.launchScene !== null) event.launchScene = entry.launchScene;
  if (props && Object.keys(props).length > 0) event.props = props;
  outbox().enqueue(event, { urgent });
}

/** Sends what is queued now (app hide, after login). */
export function flushEvents(): Promise<void> {
  return outbox().flush();
}

let lastEntryKey: string | null = null;

/**
 * An `entry` touchpoint: always on launch (with the launch scene), and on a later show or page
 * arrival only when it brings a different share token, channel or scene than the last one reported.
 */
export function reportEntry(page: string | undefined, origin: 'launch' | 'show' | 'page'): void {
  // Opening the desktop console is not a visit anyone brought about.
  if (pagePath(page).startsWith('packages/console/')) return;
  const entry = entryStore.get();
  const key = `${entry.shareToken ?? ''}|${entry.channelCode ?? ''}|${entry.launchScene ?? ''}`;
  if (origin !== 'launch' && key === lastEntryKey) return;
  if (origin === 'page' && !entry.shareToken && !entry.channelCode) return;
  lastEntryKey = key;
  track({ type: 'entry', page: page ?? '', props: { origin, singlePage: entry.singlePage }, urgent: true });
}
