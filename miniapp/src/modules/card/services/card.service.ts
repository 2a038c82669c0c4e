import type {
  CardImageKind,
  CardView,
  CardViewQuery,
  CardVisitorList,
  ContactRequest,
  ContactRequestResponse,
  GateStatus,
  GateSubmission,
  MyCard,
  UpdateCardRequest,
} from '@leadloop/shared';
import { CARD_IMAGE_FIELD } from '@leadloop/shared';
import { api, upload } from '@/core/api/client';
import { entryStore } from '@/core/entry';
import type { PickedFile } from '@/core/platform';
import { fetchMe } from '@/modules/identity/services/identity.service';
import { localGate } from '@/modules/profile-gate/services/gate-form';

/** 请联系我 asks for these (and consent to sales_contact). */
export const CONTACT_FIELDS = ['name', 'phone'] as const;

/** A card as the prospect sees it; the view is recorded with how they arrived (`s`, `c`). */
export function viewCard(cardId: string): Promise<CardView> {
  const entry = entryStore.get();
  const query: CardViewQuery = {};
  if (entry.shareToken) query.shareToken = entry.shareToken;
  if (entry.channelCode) query.channelCode = entry.channelCode;
  return api('viewCard', undefined, { params: { cardId }, query });
}

/** There is no gate route for 请联系我: the form is worked out from my profile and my consents. */
export async function contactGate(): Promise<GateStatus> {
  const [me, consents] = await Promise.all([fetchMe(), api('myConsents')]);
  return localGate(CONTACT_FIELDS, me, consents, 'sales_contact');
}

/** 请联系我: one request per tap (`requestId`), so a retry never asks twice. */
export function requestContact(cardId: string, gate: GateSubmission, note: string, requestId: string): Promise<ContactRequestResponse> {
  const body: ContactRequest = { requestId, gate, note: note.trim() || null };
  const token = entryStore.get().shareToken;
  if (token) body.shareToken = token;
  return api('requestContact', body, { params: { cardId } });
}

// the owner's side
export function fetchMyCard(): Promise<MyCard> {
  return api('myCard');
}

export function saveMyCard(card: UpdateCardRequest): Promise<MyCard> {
  return api('updateMyCard', card);
}

export function uploadCardImage(kind: CardImageKind, image: PickedFile): Promise<MyCard> {
  return upload('uploadCardImage', {}, { [CARD_IMAGE_FIELD]: image }, { params: { kind } });
}

export function fetchVisitors(cursor?: string): Promise<CardVisitorList> {
  return api('myCardVisitors', undefined, { query: { limit: 20, cursor } });
}

/** Something a salesperson can feature on their card. */
export interface FeaturedCandidate {
  contentType: 'whitepaper' | 'live';
  contentId: string;
  title: string;
  subtitle: string;
}

/** Published whitepapers and upcoming live events, to pick the card's featured content from. */
export async function featuredCandidates(): Promise<FeaturedCandidate[]> {
  const [papers, lives] = await Promise.all([api('whitepapers', undefined, { query: { limit: 50 } }), api('liveEvents', undefined, { query: { limit: 20 } })]);
  return [
    ...papers.items.map((p): FeaturedCandidate => ({ contentType: 'whitepaper', contentId: p.id, title: p.title, subtitle: p.tags.join(' · ') || '白皮书' })),
    ...lives.items.map((l): FeaturedCandidate => ({ contentType: 'live', contentId: l.id, title: l.title, subtitle: `直播 · ${l.startAt.slice(0, 10)}` })),
  ];
}
