import type {
  DownloadLink,
  DownloadRequest,
  GateStatus,
  GateSubmission,
  PublishedWhitepaperList,
  UpdateWhitepaperRequest,
  WhitepaperAdminView,
  WhitepaperList,
  WhitepaperView,
} from '@leadloop/shared';
import { Pages } from '@leadloop/shared';
import { api, upload } from '@/core/api/client';
import { entryStore } from '@/core/entry';
import { platform, type PickedFile } from '@/core/platform';
import { serverUrl } from '@/core/api/server-url';

const byId = (id: string) => ({ params: { id } });

/** The page a download's consent and touchpoint are recorded against. */
export const WHITEPAPER_PAGE = Pages.whitepaperDetail;

export function fetchWhitepaper(id: string): Promise<WhitepaperView> {
  return api('whitepaper', undefined, byId(id));
}

export function listPublished(limit = 50): Promise<PublishedWhitepaperList> {
  return api('whitepapers', undefined, { query: { limit } });
}

export function fetchGate(id: string): Promise<GateStatus> {
  return api('whitepaperGate', undefined, byId(id));
}

/**
 * Passes the gate and gets a signed link, crediting the share token or channel the person arrived
 * with. The same `requestId` (one per tap) answers the same download, so a retry is harmless.
 */
export function requestDownload(id: string, gate: GateSubmission, requestId: string): Promise<DownloadLink> {
  const entry = entryStore.get();
  const body: DownloadRequest = { requestId, gate, page: WHITEPAPER_PAGE };
  if (entry.shareToken) body.shareToken = entry.shareToken;
  if (entry.channelCode) body.channelCode = entry.channelCode;
  return api('downloadWhitepaper', body, byId(id));
}

/** WeChat downloads the PDF and opens its viewer; a browser downloads it. */
export function openDownloaded(link: DownloadLink): Promise<void> {
  return platform.openDocument(serverUrl(link.url), link.fileName);
}

// the console (admin and marketer): a desktop browser uses its scan-login session
const consoleScope = { scope: platform.consoleScope };

export function listForConsole(cursor?: string): Promise<WhitepaperList> {
  return api('consoleWhitepapers', undefined, { ...consoleScope, query: { limit: 50, cursor } });
}

export interface WhitepaperUpload {
  fields: { title: string; summary: string; tags: string; requiredFields: string };
  file: PickedFile;
  cover: PickedFile | null;
}

/**
 * Uploads a new whitepaper (a draft). A browser sends the PDF and the cover in one request; WeChat
 * uploads one file a request, so the cover follows as a file replacement of the new draft.
 */
export async function createWhitepaper({ fields, file, cover }: WhitepaperUpload): Promise<WhitepaperAdminView> {
  if (!cover || platform.uploadsSeveralFiles) {
    return upload('createWhitepaper', fields, cover ? { file, cover } : { file }, consoleScope);
  }
  const created = await upload('createWhitepaper', fields, { file }, consoleScope);
  return upload('replaceWhitepaperFiles', {}, { cover }, { ...consoleScope, ...byId(created.id) });
}

export function updateWhitepaper(id: string, changes: UpdateWhitepaperRequest): Promise<WhitepaperAdminView> {
  return api('updateWhitepaper', changes, { ...consoleScope, ...byId(id) });
}

export function replaceFiles(id: string, files: { file?: PickedFile; cover?: PickedFile }): Promise<WhitepaperAdminView> {
  const parts = Object.fromEntries(Object.entries(files).filter(([, f]) => f)) as Record<string, PickedFile>;
  return upload('replaceWhitepaperFiles', {}, parts, { ...consoleScope, ...byId(id) });
}

export function setPublished(id: string, published: boolean): Promise<WhitepaperAdminView> {
  return api(published ? 'publishWhitepaper' : 'unpublishWhitepaper', undefined, { ...consoleScope, ...byId(id) });
}
