import type { ContentType, MintShareRequest, MintShareResponse, MySharesResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
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

/** `/pages/index/index?s=<token>`: the page a share opens. */
export function sharePath(page: string, token: string | null): string {
  const path = `/${page.split('?')[0].replace(/^\/+/, '')}`;
  return token ? `${path}?s=${encodeURIComponent(token)}` : path;
}

/** What a person opens from a copied link: a browser URL on H5, the page path in WeChat. */
export function shareLink(page: string, token: string): string {
  return platform.linkFor(sharePath(page, token));
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

export function fetchMyShares(): Promise<MySharesResponse> {
  return api('myShares');
}
