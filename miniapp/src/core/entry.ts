import { parseEntry, type EntryContext, type EntryParams } from '@leadloop/shared';
import { anonymousId } from './install';
import { createStore } from './store';

/**
 * How this visit began (share token, channel code, WeChat launch scene). Captured on launch and on
 * every show; the share-chain feature reports it as a touchpoint.
 */
export const entryStore = createStore<EntryParams>({
  shareToken: null,
  channelCode: null,
  launchScene: null,
  singlePage: false,
});

export function captureEntry(query: Record<string, unknown> | undefined, scene: unknown): EntryParams {
  const next = parseEntry(query, scene);
  const prev = entryStore.get();
  // A later show without parameters keeps the attribution of the visit that brought the person in.
  entryStore.set({
    shareToken: next.shareToken ?? prev.shareToken,
    channelCode: next.channelCode ?? prev.channelCode,
    launchScene: next.launchScene ?? prev.launchScene,
    singlePage: next.launchScene !== null ? next.singlePage : prev.singlePage,
  });
  return entryStore.get();
}

/** Moments single-page mode (scene 1154) offers no login at all. */
export function loginAllowed(): boolean {
  return !entryStore.get().singlePage;
}

/** What the login sends as this person's entry (their first touch if the login creates them). */
export function entryContext(): EntryContext {
  const entry = entryStore.get();
  const context: EntryContext = { anonymousId: anonymousId() };
  if (entry.shareToken) context.shareToken = entry.shareToken;
  if (entry.channelCode) context.channelCode = entry.channelCode;
  if (entry.launchScene !== null) context.launchScene = entry.launchScene;
  return context;
}
