import { Pages } from '@leadloop/shared';
import type { ActivityRecord } from '../activity/activity';
import type { ResolvedSource } from '../share-chain/touchpoints';
import type { WhitepaperDownloadEntity } from './whitepaper.entity';

/** The mini-program page of a whitepaper and its download form (the default when the app does not say). */
export const WHITEPAPER_PAGE = Pages.whitepaperDetail;

/** A download: a conversion, through the share that brought it. */
export function downloadActivity(download: WhitepaperDownloadEntity & { personId: string }, source: ResolvedSource): ActivityRecord {
  return {
    kind: 'download',
    personId: download.personId,
    refId: download.id,
    page: download.page,
    contentType: 'whitepaper',
    contentId: download.whitepaperId,
    source,
    unknownToken: source.unknownToken,
    at: download.createdAt,
  };
}
