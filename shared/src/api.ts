import type { z } from 'zod';
import { Access, type StaffRole } from './roles';
import * as brand from './contracts/brand';
import * as card from './contracts/card';
import * as home from './contracts/home-page';
import * as identity from './contracts/identity';
import * as live from './contracts/live';
import * as poster from './contracts/poster';
import * as privacy from './contracts/privacy';
import * as profile from './contracts/profile';
import * as share from './contracts/share-chain';
import * as staff from './contracts/staff';
import * as stream from './contracts/stream';
import * as system from './contracts/system';
import * as whitepaper from './contracts/whitepaper';
import { PageQuery } from './pagination';

/**
 * Every HTTP route of the API, with its contract. The server validates against these schemas
 * and generates its OpenAPI document from this table; the mini-program's client is typed by it.
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /api, in OpenAPI form (`/staff/{id}`). */
  path: string;
  summary: string;
  tag: string;
  /** `public`: no session; `person`: any session; otherwise the staff roles allowed. */
  access: 'public' | 'person' | readonly StaffRole[];
  body?: z.ZodType;
  /** Query-string parameters, validated like bodies. */
  query?: z.ZodType;
  response: z.ZodType;
  status?: number;
  /** multipart/form-data: its file parts (the text fields are `body`). */
  files?: readonly UploadPart[];
  /** Media type of a response that is a file, not JSON. */
  produces?: string;
}

/** A file part of a multipart/form-data request. */
export interface UploadPart {
  name: string;
  required: boolean;
  /** Media types accepted (checked by content, not only by the declared type). */
  accept: readonly string[];
}

const route = <T extends ApiRoute>(r: T) => r;

export const Api = {
  health: route({ method: 'GET', path: '/health', summary: 'Liveness and database check', tag: 'system', access: 'public', response: system.HealthResponse }),
  streamStatus: route({ method: 'GET', path: '/stream/status', summary: 'Each activity-stream consumer: position, lag, failures', tag: 'system', access: ['admin'], response: stream.StreamStatusResponse }),
  deadLetters: route({ method: 'GET', path: '/stream/dead-letters', summary: 'Events a consumer quarantined after its retries', tag: 'system', access: ['admin'], query: PageQuery, response: stream.DeadLetterList }),
  replayDeadLetter: route({ method: 'POST', path: '/stream/dead-letters/{id}/replay', summary: 'Hand a quarantined event to its consumer again', tag: 'system', access: ['admin'], response: stream.ReplayResponse }),
  publicConfig: route({ method: 'GET', path: '/config', summary: 'What the client needs to know about this server', tag: 'system', access: 'public', response: system.PublicConfigResponse }),

  login: route({ method: 'POST', path: '/auth/wechat/login', summary: 'Exchange a wx.login code for a session', tag: 'identity', access: 'public', body: identity.LoginRequest, response: identity.SessionResponse }),
  me: route({ method: 'GET', path: '/me', summary: 'The signed-in person and their staff account', tag: 'identity', access: 'person', response: identity.MeResponse }),
  updateProfile: route({ method: 'PATCH', path: '/me', summary: 'Edit my profile', tag: 'identity', access: 'person', body: identity.UpdateProfileRequest, response: identity.MeResponse }),
  bindPhone: route({ method: 'POST', path: '/me/phone', summary: 'Bind a phone number from a getPhoneNumber code', tag: 'identity', access: 'person', body: identity.BindPhoneRequest, response: identity.BindPhoneResponse }),

  createInvite: route({ method: 'POST', path: '/staff/invites', summary: 'Invite a staff member (one-time link)', tag: 'staff', access: ['admin'], body: staff.CreateInviteRequest, response: staff.InviteResponse, status: 201 }),
  listInvites: route({ method: 'GET', path: '/staff/invites', summary: 'Invites not yet accepted and still valid', tag: 'staff', access: ['admin'], query: PageQuery, response: staff.PendingInviteList }),
  revokeInvite: route({ method: 'DELETE', path: '/staff/invites/{id}', summary: 'Withdraw an invite that was not accepted yet', tag: 'staff', access: ['admin'], response: staff.RevokeInviteResponse }),
  previewInvite: route({ method: 'POST', path: '/staff/invites/preview', summary: 'What an invite is for, before accepting it', tag: 'staff', access: 'person', body: staff.InvitePreviewRequest, response: staff.InvitePreview }),
  acceptInvite: route({ method: 'POST', path: '/staff/invites/accept', summary: 'Bind my WeChat to the invited staff account', tag: 'staff', access: 'person', body: staff.AcceptInviteRequest, response: identity.SessionResponse }),
  listStaff: route({ method: 'GET', path: '/staff', summary: 'All staff accounts', tag: 'staff', access: ['admin'], query: PageQuery, response: staff.StaffListResponse }),
  updateStaff: route({ method: 'PATCH', path: '/staff/{id}', summary: 'Change a staff member’s role or disable them', tag: 'staff', access: ['admin'], body: staff.UpdateStaffRequest, response: staff.StaffListItem }),

  createConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets', summary: 'Start a desktop scan-login (QR ticket)', tag: 'identity', access: 'public', response: staff.ConsoleTicketResponse, status: 201 }),
  pollConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/poll', summary: 'Desktop polls its ticket; receives the session once confirmed', tag: 'identity', access: 'public', body: staff.ConsolePollRequest, response: staff.ConsolePollResponse }),
  scanConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/scan', summary: 'Staff member scanned the desktop QR', tag: 'identity', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),
  confirmConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/confirm', summary: 'Staff member confirms the desktop login', tag: 'identity', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),

  shareTokenContent: route({ method: 'GET', path: '/share/tokens/{token}', summary: 'The content a share token opens (a poster code carries only the token)', tag: 'share-chain', access: 'public', response: share.ShareTokenContent }),
  mintShare: route({ method: 'POST', path: '/share/tokens', summary: 'Mint (or return) my share token for a piece of content', tag: 'share-chain', access: 'person', body: share.MintShareRequest, response: share.MintShareResponse }),
  ingestEvents: route({ method: 'POST', path: '/events', summary: 'Report touchpoints and in-app actions (batch of up to 50)', tag: 'share-chain', access: 'public', body: share.IngestEventsRequest, response: share.IngestEventsResponse }),
  starMap: route({ method: 'GET', path: '/share/star-map', summary: 'The share tree of a content item, aggregated for display', tag: 'share-chain', access: ['admin', 'marketer'], query: share.StarMapQuery, response: share.StarMapResponse }),
  myShares: route({ method: 'GET', path: '/share/mine', summary: 'My shares, visitors and leads brought, per content', tag: 'share-chain', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], query: PageQuery, response: share.MySharesResponse }),
  createChannel: route({ method: 'POST', path: '/channels', summary: 'Create a channel code (QR/link carrying c=)', tag: 'share-chain', access: ['admin', 'marketer'], body: share.CreateChannelRequest, response: share.ChannelCreated, status: 201 }),
  listChannels: route({ method: 'GET', path: '/channels', summary: 'All channels', tag: 'share-chain', access: ['admin', 'marketer'], query: PageQuery, response: share.ChannelList }),

  // salesperson cards: /cards/mine* are declared before /cards/{cardId} so `mine` is never taken for an id
  myCard: route({ method: 'GET', path: '/cards/mine', summary: 'My business card (created on first use), with my draft introduction and unread signals', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], response: card.MyCard }),
  updateMyCard: route({ method: 'PUT', path: '/cards/mine', summary: 'Save my business card; a changed introduction is checked before others see it', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: card.UpdateCardRequest, response: card.MyCard }),
  uploadCardImage: route({ method: 'POST', path: '/cards/mine/images/{kind}', summary: 'Upload my avatar or contact QR (multipart part `image`, PNG/JPEG ≤ 2 MB; kind: avatar | contact-qr)', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], files: [{ name: card.CARD_IMAGE_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: card.MyCard }),
  myCardVisitors: route({ method: 'GET', path: '/cards/mine/visitors', summary: 'Who viewed my card, most recent first', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], query: PageQuery, response: card.CardVisitorList }),
  myCardSignals: route({ method: 'GET', path: '/cards/mine/signals', summary: 'Signals about my card (returning visitors) after a given one', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], query: card.CardSignalsQuery, response: card.CardSignalList }),
  readMyCardSignals: route({ method: 'POST', path: '/cards/mine/signals/read', summary: 'Mark my card signals read', tag: 'card', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: card.MarkSignalsReadRequest, response: card.MarkSignalsReadResponse }),
  cardImage: route({ method: 'GET', path: '/cards/images/{imageId}', summary: 'A card image (PNG/JPEG bytes; immutable, cacheable)', tag: 'card', access: 'public', response: card.CardImageBytes, produces: 'image/*' }),
  viewCard: route({ method: 'GET', path: '/cards/{cardId}', summary: 'A salesperson’s card as a prospect sees it (records the view)', tag: 'card', access: 'person', query: card.CardViewQuery, response: card.CardView }),
  requestContact: route({ method: 'POST', path: '/cards/{cardId}/contact-requests', summary: '请联系我: ask the card owner to get in touch (name and phone, consent)', tag: 'card', access: 'person', body: card.ContactRequest, response: card.ContactRequestResponse, status: 201 }),

  createLiveEvent: route({ method: 'POST', path: '/live', summary: 'Create a live event (draft)', tag: 'live', access: ['admin', 'marketer'], body: live.CreateLiveEventRequest, response: live.ConsoleLiveEvent, status: 201 }),
  updateLiveEvent: route({ method: 'PATCH', path: '/live/{id}', summary: 'Edit a live event', tag: 'live', access: ['admin', 'marketer'], body: live.UpdateLiveEventRequest, response: live.ConsoleLiveEvent }),
  publishLiveEvent: route({ method: 'POST', path: '/live/{id}/publish', summary: 'Publish a live event: sign-ups open', tag: 'live', access: ['admin', 'marketer'], response: live.ConsoleLiveEvent }),
  consoleLiveEvents: route({ method: 'GET', path: '/console/live', summary: 'All live events, newest first', tag: 'live', access: ['admin', 'marketer'], query: PageQuery, response: live.ConsoleLiveEventList }),
  consoleLiveEvent: route({ method: 'GET', path: '/console/live/{id}', summary: 'One live event as the console edits it', tag: 'live', access: ['admin', 'marketer'], response: live.ConsoleLiveEvent }),
  liveReport: route({ method: 'GET', path: '/live/{id}/report', summary: 'Sign-ups by channel and sharer, attendance, survey, revenue', tag: 'live', access: ['admin', 'marketer'], response: live.LiveReport }),
  liveEvents: route({ method: 'GET', path: '/live', summary: 'Published live events, soonest first', tag: 'live', access: 'public', query: PageQuery, response: live.LiveEventList }),
  liveEvent: route({ method: 'GET', path: '/live/{id}', summary: 'A live event, with my sign-up', tag: 'live', access: 'public', response: live.LiveEventView }),
  liveGate: route({ method: 'GET', path: '/live/{id}/gate', summary: 'What sign-up still needs from me', tag: 'live', access: 'person', response: profile.GateStatus }),
  signUp: route({ method: 'POST', path: '/live/{id}/signups', summary: 'Sign up (a paid event answers with payment parameters)', tag: 'live', access: 'person', body: live.SignupRequest, response: live.SignupResponse }),
  cancelSignup: route({ method: 'POST', path: '/live/{id}/signups/cancel', summary: 'Cancel my sign-up (refunds a paid one)', tag: 'live', access: 'person', response: live.CancelSignupResponse }),
  grantReminders: route({ method: 'POST', path: '/live/{id}/reminders', summary: 'Record what I granted to requestSubscribeMessage', tag: 'live', access: 'person', body: live.ReminderGrantRequest, response: live.ReminderGrantResponse }),
  liveRoom: route({ method: 'GET', path: '/live/{id}/room', summary: 'Where to watch (signed-up people only)', tag: 'live', access: 'person', response: live.LiveRoomResponse }),
  reportAttendance: route({ method: 'POST', path: '/live/{id}/attendance', summary: 'Join, heartbeat or leave the live room', tag: 'live', access: 'person', body: live.AttendanceRequest, response: live.AttendanceResponse }),
  answerSurvey: route({ method: 'POST', path: '/live/{id}/survey', summary: 'Answer the event survey', tag: 'live', access: 'person', body: live.SurveyAnswerRequest, response: live.SurveyAnswerResponse }),
  mySignups: route({ method: 'GET', path: '/me/signups', summary: 'My live-event sign-ups, newest first', tag: 'live', access: 'person', query: PageQuery, response: live.MySignupList }),
  wechatPayNotify: route({ method: 'POST', path: '/payments/wechat/notify', summary: 'WeChat Pay notification (signed, encrypted; raw body verified)', tag: 'payments', access: 'public', response: live.PayNotifyAck }),

  // whitepapers: console (/console/whitepapers…), prospects (/whitepapers/{id}…), signed files (/files/…)
  createWhitepaper: route({ method: 'POST', path: '/console/whitepapers', summary: 'Upload a whitepaper (multipart: text fields, `file` PDF, optional `cover` PNG/JPEG ≤ 2 MB)', tag: 'whitepaper', access: ['admin', 'marketer'], body: whitepaper.CreateWhitepaperForm, files: [{ name: 'file', required: true, accept: ['application/pdf'] }, { name: 'cover', required: false, accept: ['image/png', 'image/jpeg'] }], response: whitepaper.WhitepaperAdminView, status: 201 }),
  consoleWhitepapers: route({ method: 'GET', path: '/console/whitepapers', summary: 'All whitepapers, newest first', tag: 'whitepaper', access: ['admin', 'marketer'], query: whitepaper.WhitepaperListQuery, response: whitepaper.WhitepaperList }),
  consoleWhitepaper: route({ method: 'GET', path: '/console/whitepapers/{id}', summary: 'A whitepaper, drafts included', tag: 'whitepaper', access: ['admin', 'marketer'], response: whitepaper.WhitepaperAdminView }),
  updateWhitepaper: route({ method: 'PATCH', path: '/console/whitepapers/{id}', summary: 'Edit a whitepaper’s title, summary, tags or gate fields (bumps its version)', tag: 'whitepaper', access: ['admin', 'marketer'], body: whitepaper.UpdateWhitepaperRequest, response: whitepaper.WhitepaperAdminView }),
  replaceWhitepaperFiles: route({ method: 'POST', path: '/console/whitepapers/{id}/files', summary: 'Replace the PDF (`file`) and/or the cover (`cover`); bumps the version', tag: 'whitepaper', access: ['admin', 'marketer'], body: whitepaper.ReplaceWhitepaperFilesForm, files: [{ name: 'file', required: false, accept: ['application/pdf'] }, { name: 'cover', required: false, accept: ['image/png', 'image/jpeg'] }], response: whitepaper.WhitepaperAdminView }),
  publishWhitepaper: route({ method: 'POST', path: '/console/whitepapers/{id}/publish', summary: 'Publish: prospects can see and download it', tag: 'whitepaper', access: ['admin', 'marketer'], response: whitepaper.WhitepaperAdminView }),
  unpublishWhitepaper: route({ method: 'POST', path: '/console/whitepapers/{id}/unpublish', summary: 'Withdraw from prospects (links already given stop working)', tag: 'whitepaper', access: ['admin', 'marketer'], response: whitepaper.WhitepaperAdminView }),
  whitepapers: route({ method: 'GET', path: '/whitepapers', summary: 'Published whitepapers, newest first', tag: 'whitepaper', access: 'public', query: PageQuery, response: whitepaper.PublishedWhitepaperList }),
  whitepaper: route({ method: 'GET', path: '/whitepapers/{id}', summary: 'A published whitepaper', tag: 'whitepaper', access: 'public', response: whitepaper.WhitepaperView }),
  whitepaperGate: route({ method: 'GET', path: '/whitepapers/{id}/gate', summary: 'What the download form still needs from me', tag: 'whitepaper', access: 'person', response: profile.GateStatus }),
  downloadWhitepaper: route({ method: 'POST', path: '/whitepapers/{id}/downloads', summary: 'Pass the gate and get a signed, expiring download link', tag: 'whitepaper', access: 'person', body: whitepaper.DownloadRequest, response: whitepaper.DownloadLink, status: 201 }),
  myDownloads: route({ method: 'GET', path: '/me/downloads', summary: 'Whitepapers I downloaded, newest first', tag: 'privacy', access: 'person', query: PageQuery, response: whitepaper.MyDownloads }),
  whitepaperFile: route({ method: 'GET', path: '/files/whitepapers/{downloadId}', summary: 'The PDF behind a signed download link (no session: Taro.downloadFile sends none)', tag: 'whitepaper', access: 'public', query: whitepaper.DownloadLinkQuery, response: whitepaper.FileBody, produces: 'application/pdf' }),
  whitepaperCover: route({ method: 'GET', path: '/files/whitepaper-covers/{id}', summary: 'A whitepaper’s cover image', tag: 'whitepaper', access: 'public', query: whitepaper.CoverQuery, response: whitepaper.FileBody, produces: 'image/*' }),

  // privacy (我的): consents, export, erasure
  myConsents: route({ method: 'GET', path: '/me/consents', summary: 'My consent per purpose: policy version, when, where', tag: 'privacy', access: 'person', response: privacy.MyConsents }),
  withdrawConsent: route({ method: 'POST', path: '/me/consents/{purpose}/withdraw', summary: 'Withdraw my consent to a purpose', tag: 'privacy', access: 'person', body: privacy.WithdrawConsentRequest, response: privacy.MyConsents }),
  exportMyData: route({ method: 'GET', path: '/me/export', summary: 'Everything held about me, as one JSON document', tag: 'privacy', access: 'person', response: privacy.PersonDataExport }),
  eraseMe: route({ method: 'DELETE', path: '/me', summary: 'Delete my personal data (body: { confirm: "DELETE" }); this session ends', tag: 'privacy', access: 'person', body: privacy.EraseMeRequest, response: privacy.EraseMeResponse }),
  // share posters: made for a signed-in sharer; the image itself is public (public content and a share token, no personal data beyond the sharer's shown name)
  createPoster: route({ method: 'POST', path: '/posters', summary: 'My personal share poster for a piece of content (mini-program code carrying my share token); cached until the content changes', tag: 'posters', access: 'person', body: poster.CreatePosterRequest, response: poster.PosterResponse }),
  posterImage: route({ method: 'GET', path: '/posters/{key}.png', summary: 'A poster image (PNG; immutable, cacheable)', tag: 'posters', access: 'public', response: poster.PosterImageBytes, produces: 'image/png' }),

  // brand settings (admin) and what every prospect page shows of the company
  brand: route({ method: 'GET', path: '/brand', summary: 'The company as prospects see it (name, logo, colour, policy versions); ETag, short max-age', tag: 'brand', access: 'public', response: brand.PublicBrand }),
  brandLogo: route({ method: 'GET', path: '/brand/logo/{id}', summary: 'The company logo (PNG/JPEG; immutable)', tag: 'brand', access: 'public', response: brand.BrandLogoBytes, produces: 'image/*' }),
  policyDocument: route({ method: 'GET', path: '/brand/policies/{kind}', summary: 'The privacy policy or user agreement text (kind: privacy-policy | user-agreement)', tag: 'brand', access: 'public', response: brand.PolicyDocument }),
  consoleBrand: route({ method: 'GET', path: '/console/brand', summary: 'Brand settings with the policy texts', tag: 'brand', access: Access.brand, response: brand.BrandSettings }),
  updateBrand: route({ method: 'PUT', path: '/console/brand', summary: 'Save brand settings; a new privacy-policy version asks everyone for consent again', tag: 'brand', access: Access.brand, body: brand.UpdateBrandRequest, response: brand.BrandSettings }),
  uploadBrandLogo: route({ method: 'POST', path: '/console/brand/logo', summary: 'Upload the company logo (multipart part `logo`, PNG/JPEG ≤ 1 MB)', tag: 'brand', access: Access.brand, files: [{ name: brand.BRAND_LOGO_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: brand.BrandSettings }),

  // the prospect home page (微页面): marketers edit a draft and publish versions
  publishedHome: route({ method: 'GET', path: '/home', summary: 'The published home page (the default page before the first publish)', tag: 'home', access: 'public', response: home.PublishedHome }),
  homeLink: route({ method: 'POST', path: '/home/links', summary: 'The home page sharer’s own token for an item opened from it (the chain continues through them)', tag: 'home', access: 'public', body: home.HomeLinkRequest, response: home.HomeLinkResponse }),
  homeImage: route({ method: 'GET', path: '/home/images/{id}', summary: 'A home-page banner image (immutable)', tag: 'home', access: 'public', response: home.HomeImageBytes, produces: 'image/*' }),
  homeContact: route({ method: 'POST', path: '/home/contact-requests', summary: '请联系我 from the home page: name, phone, consent to sales follow-up', tag: 'home', access: 'person', body: home.HomeContactRequest, response: home.HomeContactResponse, status: 201 }),
  homeEditor: route({ method: 'GET', path: '/console/home', summary: 'The home-page draft and what is published', tag: 'home', access: Access.homePage, response: home.HomeEditorView }),
  saveHomeDraft: route({ method: 'PUT', path: '/console/home/draft', summary: 'Save the home-page draft (prospects still see the published version)', tag: 'home', access: Access.homePage, body: home.SaveHomeDraftRequest, response: home.HomeEditorView }),
  publishHome: route({ method: 'POST', path: '/console/home/publish', summary: 'Publish the draft as a new version', tag: 'home', access: Access.homePage, response: home.HomeEditorView }),
  uploadHomeImage: route({ method: 'POST', path: '/console/home/images', summary: 'Upload a banner image (multipart part `image`, PNG/JPEG ≤ 2 MB)', tag: 'home', access: Access.homePage, files: [{ name: home.HOME_IMAGE_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: home.HomeImageUploaded, status: 201 }),
  homeCardChoices: route({ method: 'GET', path: '/console/home/cards', summary: 'Salespeople’s cards the home page may feature', tag: 'home', access: Access.homePage, response: home.HomeCardChoices }),
} as const;

export type ApiName = keyof typeof Api;
export type ApiBody<N extends ApiName> = (typeof Api)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type ApiQuery<N extends ApiName> = (typeof Api)[N] extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
export type ApiResponse<N extends ApiName> = z.output<(typeof Api)[N]['response']>;
