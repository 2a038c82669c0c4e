import type { ContentType, MintShareRequest, MintShareResponse, MySharesResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { readAllPages } from '@/core/api/useKeysetList';
import { entryStore } from '@/core/entry';
import { platform } from '@/core/platform';
import { currentSession } from '@/core/session/session-store';
import { track } from '@/modules/tracking/services/tracker';

export interface ShareContent {
  contentType: ContentType;
  contentId: string;
}

export type ShareTarget = 'chat' | 'timeline' | 'link' | 'button';

/**
 * The mint request for this person and content. Arriving through a share token makes the new token
 * its child; arriving through a channel code (no token) roots the tree at that channel.
 */
export function mintRequestFor(content: ShareContent): MintShareRequest {
  const entry = entryStore.get();
  const request: MintShareRequest = { contentType: content.contentType, contentId: content.contentId };
  if (entry.shareToken) request.parentToken = entry.shareToken;
  else if (entry.channelCode) request.channelCode = entry.channelCode;
  return request;
}

// The server answers the same sharer/content/parent/channel with the same token, so one call per
// combination and session is enough.
const minted = new Map<string, Promise<MintShareResponse>>();

export function mintShare(content: ShareContent): Promise<MintShareResponse> {
  const request = mintRequestFor(content);
  const person = currentSession('app')?.person.id ?? '';
  const key = [person, request.contentType, request.contentId, request.parentToken ?? '', request.channelCode ?? ''].join('|');
  let pending = minted.get(key);
  if (!pending) {
    pending = api('mintShare', request);
    minted.set(key, pending);
    pending.catch(() => minted.delete(key));
  }
  return pending;
}

/** Parameters a shared page needs of its own (e.g. `{ id }` of a live event), in key order. */
export type SharePageParams = Record<string, string>;

/** Entry parameters belong to the share itself, never to the page's own parameters. */
const ENTRY_KEYS = new Set(['s', 'c', 'scene']);

/** `id=…&s=<token>`: the query a share opens its page with (also the Moments share's `query`). */
export function shareQuery(token: string | null, params: SharePageParams = {}): string {
  const pairs = Object.keys(params)
    .filter((key) => !ENTRY_KEYS.has(key) && params[key] !== '')
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key])}`);
  if (token) pairs.push(`s=${encodeURIComponent(token)}`);
  return pairs.join('&');
}

/** `/pages/index/index?s=<token>`, `/packages/live/pages/detail/index?id=…&s=<token>`: the page a share opens. */
export function sharePath(page: string, token: string | null, params: SharePageParams = {}): string {
  const path = `/${page.split('?')[0].replace(/^\/+/, '')}`;
  const query = shareQuery(token, params);
  return query ? `${path}?${query}` : path;
}

/** What a person opens from a copied link: a browser URL on H5, the page path in WeChat. */
export function shareLink(page: string, token: string, params: SharePageParams = {}): string {
  return platform.linkFor(sharePath(page, token, params));
}

/** WeChat never says whether a share was sent; the request for a token is what we can record. */
export function recordShareRequest(content: ShareContent, page: string, token: string, target: ShareTarget): void {
  track({
    type: 'share_request',
    page,
    shareToken: token,
    props: { contentType: content.contentType, contentId: content.contentId, target },
  });
}

/** All my shares, per content: the page shows totals over every one of them. */
export function fetchMyShares(): Promise<MySharesResponse['items']> {
  return readAllPages((cursor, limit) => api('myShares', undefined, { query: { limit, cursor } }));
}
