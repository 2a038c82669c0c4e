import type { MintShareResponse } from '@leadloop/shared';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { entryStore, loginAllowed } from '@/core/entry';
import { useStore } from '@/core/store';
import { useSession } from '@/modules/identity/hooks/useSession';
import { pagePath } from '@/modules/tracking/services/tracker';
import { mintShare, recordShareRequest, shareLink, sharePath, shareQuery, type ShareContent, type SharePageParams, type ShareTarget } from '../services/share.service';

export interface ShareableOptions extends ShareContent {
  /** Title of the share card. */
  title: string;
  /** The page the share opens (default: the current page). */
  page?: string;
  /** The page's own parameters, kept in every share of it (e.g. `{ id }` of a detail page). */
  params?: SharePageParams;
  imageUrl?: string;
  /**
   * Mint as soon as a signed-in person sees the page (default), so WeChat's share handler answers
   * synchronously. Off: mint only when they actually share (the handler then hands WeChat a promise).
   */
  premint?: boolean;
}

export interface Shareable {
  /** This person's token for the content, once minted (pre-minted as soon as they are signed in). */
  share: MintShareResponse | null;
  minting: boolean;
  error: unknown;
  /** Mints (or reuses) the token and records a share request; resolves with the link to send. */
  requestLink(target?: ShareTarget): Promise<string>;
}

/**
 * Makes a page shareable with this person's share token: `onShareAppMessage` (`path` with
 * `?s=<token>`), `onShareTimeline` (`query: 's=<token>'`), and a link for browsers. The token is
 * minted when the page shows for a signed-in person, so WeChat's share handler can answer at once;
 * arriving through someone's token makes it a child of theirs. The page config must set
 * `enableShareAppMessage` / `enableShareTimeline`.
 */
export function useShareable(options: ShareableOptions): Shareable {
  const { contentType, contentId, title, imageUrl, premint = true } = options;
  const router = useRouter();
  const page = pagePath(options.page ?? router.path);
  const paramsKey = JSON.stringify(options.params ?? {});
  const params = useMemo<SharePageParams>(() => JSON.parse(paramsKey) as SharePageParams, [paramsKey]);
  const session = useSession('app');
  const entry = useStore(entryStore);
  const [share, setShare] = useState<MintShareResponse | null>(null);
  const [minting, setMinting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef<MintShareResponse | null>(null);

  const mint = useCallback(async (): Promise<MintShareResponse> => {
    setMinting(true);
    setError(null);
    try {
      const result = await mintShare({ contentType, contentId });
      latest.current = result;
      setShare(result);
      return result;
    } catch (failure) {
      setError(failure);
      throw failure;
    } finally {
      setMinting(false);
    }
  }, [contentType, contentId]);

  // Pre-mint for a signed-in person (again when the session or the entry's token changes).
  const personId = session?.person.id ?? null;
  useEffect(() => {
    latest.current = null;
    setShare(null);
    if (!premint || !personId || !loginAllowed()) return;
    mint().catch(() => undefined);
  }, [premint, personId, entry.shareToken, entry.channelCode, mint]);

  const requestLink = useCallback(
    async (target: ShareTarget = 'link') => {
      const result = latest.current ?? (await mint());
      recordShareRequest({ contentType, contentId }, page, result.token, target);
      return shareLink(page, result.token, params);
    },
    [mint, contentType, contentId, page, params],
  );

  useShareAppMessage(() => {
    const known = latest.current;
    if (known) {
      recordShareRequest({ contentType, contentId }, page, known.token, 'chat');
      return { title, path: sharePath(page, known.token, params), imageUrl };
    }
    // Not minted yet (e.g. signed in a moment ago): WeChat waits up to 3 s for the promise, then
    // shares the plain page.
    const fallback = { title, path: sharePath(page, null, params), imageUrl };
    if (!personId) return fallback;
    return {
      ...fallback,
      promise: mint().then((result) => {
        recordShareRequest({ contentType, contentId }, page, result.token, 'chat');
        return { title, path: sharePath(page, result.token, params), imageUrl };
      }),
    };
  });

  useShareTimeline(() => {
    const known = latest.current;
    if (known) recordShareRequest({ contentType, contentId }, page, known.token, 'timeline');
    return { title, query: shareQuery(known?.token ?? null, params), imageUrl };
  });

  return { share, minting, error, requestLink };
}
