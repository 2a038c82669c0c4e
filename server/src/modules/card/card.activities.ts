import { Pages } from '@leadloop/shared';
import type { ActivityRecord } from '../activity/activity';
import type { ResolvedSource } from '../share-chain/touchpoints';

export const CARD_PAGE = Pages.card;

/** A counted view of a salesperson's card (not a conversion). */
export function cardViewActivity(view: { id: string; cardId: string; personId: string; viewedAt: Date }, source: ResolvedSource): ActivityRecord {
  return { kind: 'card_view', personId: view.personId, refId: view.id, page: CARD_PAGE, contentType: 'card', contentId: view.cardId, source, unknownToken: source.unknownToken, at: view.viewedAt };
}

/** "请联系我": a conversion, through the share that brought the person to the card. */
export function contactRequestActivity(request: { id: string; cardId: string; personId: string; createdAt: Date }, source: ResolvedSource): ActivityRecord {
  return { kind: 'contact_request', personId: request.personId, refId: request.id, page: CARD_PAGE, contentType: 'card', contentId: request.cardId, source, unknownToken: source.unknownToken, at: request.createdAt };
}

/** A visitor came back to the card after a while (the owner's 回访 signal): a sign of intent of its own. */
export function cardReturnActivity(signal: { id: string; cardId: string; personId: string; createdAt: Date }, source: ResolvedSource): ActivityRecord {
  return { kind: 'card_return', personId: signal.personId, refId: signal.id, page: CARD_PAGE, contentType: 'card', contentId: signal.cardId, source, at: signal.createdAt };
}
