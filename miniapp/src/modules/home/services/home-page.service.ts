import type { ContactRequestResponse, GateSubmission, HomeBlock, HomeCardItem, HomeContactRequest, HomeEditorView, HomeImageUploaded, HomeLinkType, PublishedHome } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { api, upload } from '@/core/api/client';
import { readAllPages } from '@/core/api/useKeysetList';
import { entryStore } from '@/core/entry';
import { platform, type PickedFile } from '@/core/platform';
import { Routes } from '@/core/routes';

export function fetchPublishedHome(): Promise<PublishedHome> {
  return api('publishedHome');
}

const ROUTE_OF: Record<HomeLinkType, string> = { live: Routes.liveDetail, whitepaper: Routes.whitepaperDetail, card: Routes.cardView };

/**
 * Opens an item of the home page. When the person arrived through someone's share of the home
 * page, the item opens with that sharer's own token for it (asked from the server), so the
 * chain continues through them, as a card's featured items do; otherwise without a token.
 */
export async function openHomeItem(contentType: HomeLinkType, contentId: string): Promise<void> {
  const arrivedWith = entryStore.get().shareToken;
  let token: string | null = null;
  if (arrivedWith) {
    try {
      token = (await api('homeLink', { shareToken: arrivedWith, contentType, contentId })).token;
    } catch {
      // the item opens anyway; only the credit is lost
    }
  }
  const query = `id=${encodeURIComponent(contentId)}${token ? `&s=${encodeURIComponent(token)}` : ''}`;
  await Taro.navigateTo({ url: `${ROUTE_OF[contentType]}?${query}` });
}

/** 请联系我 to the company: one request per tap (`requestId`), crediting the token the person arrived with. */
export function requestHomeContact(gate: GateSubmission, note: string, requestId: string): Promise<ContactRequestResponse> {
  const body: HomeContactRequest = { requestId, gate, note: note.trim() || null };
  const token = entryStore.get().shareToken;
  if (token) body.shareToken = token;
  return api('homeContact', body);
}

// the console's editor (a console session in a browser, the app's in WeChat)
const consoleScope = { scope: platform.consoleScope };

export function fetchHomeEditor(): Promise<HomeEditorView> {
  return api('homeEditor', undefined, consoleScope);
}

export function saveHomeDraft(blocks: HomeBlock[]): Promise<HomeEditorView> {
  return api('saveHomeDraft', { blocks }, consoleScope);
}

export function publishHome(): Promise<HomeEditorView> {
  return api('publishHome', undefined, consoleScope);
}

export function uploadBannerImage(file: PickedFile): Promise<HomeImageUploaded> {
  return upload('uploadHomeImage', {}, { image: file }, consoleScope);
}

/** Every card the home page may feature (the picker shows them all), page by page. */
export function fetchCardChoices(): Promise<HomeCardItem[]> {
  return readAllPages((cursor, limit) => api('homeCardChoices', undefined, { ...consoleScope, query: { limit, cursor } }));
}
