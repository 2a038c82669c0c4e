import type { z } from 'zod';
import { Access, type AccessRule } from './roles';
import { PageQuery, pageOf } from './pagination';
import * as accounts from './contracts/accounts';
import * as brand from './contracts/brand';
import * as card from './contracts/card';
import * as handoff from './contracts/handoff';
import * as home from './contracts/home-page';
import * as identity from './contracts/identity';
import * as leads from './contracts/leads';
import * as live from './contracts/live';
import * as merges from './contracts/merges';
import * as poster from './contracts/poster';
import * as privacy from './contracts/privacy';
import * as routing from './contracts/routing';
import * as salesOrg from './contracts/sales-org';
import * as profile from './contracts/profile';
import * as scoring from './contracts/scoring';
import * as share from './contracts/share-chain';
import * as signals from './contracts/signals';
import * as staff from './contracts/staff';
import * as stream from './contracts/stream';
import * as system from './contracts/system';
import * as whitepaper from './contracts/whitepaper';

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
  access: AccessRule;
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
  health: route({ method: 'GET', path: '/health', summary: 'Liveness and database check', tag: 'system', access: Access.public, response: system.HealthResponse }),
  streamStatus: route({ method: 'GET', path: '/stream/status', summary: 'Each activity-stream consumer: position, lag, failures', tag: 'system', access: Access.admin, response: stream.StreamStatusResponse }),
  deadLetters: route({ method: 'GET', path: '/stream/dead-letters', summary: 'Events a consumer quarantined after its retries', tag: 'system', access: Access.admin, query: PageQuery, response: stream.DeadLetterList }),
  replayDeadLetter: route({ method: 'POST', path: '/stream/dead-letters/{id}/replay', summary: 'Hand a quarantined event to its consumer again', tag: 'system', access: Access.admin, response: stream.ReplayResponse }),
  publicConfig: route({ method: 'GET', path: '/config', summary: 'What the client needs to know about this server', tag: 'system', access: Access.public, response: system.PublicConfigResponse }),

  login: route({ method: 'POST', path: '/auth/wechat/login', summary: 'Exchange a wx.login code for a session', tag: 'identity', access: Access.public, body: identity.LoginRequest, response: identity.SessionResponse }),
  me: route({ method: 'GET', path: '/me', summary: 'The signed-in person and their staff account', tag: 'identity', access: Access.person, response: identity.MeResponse }),
  updateProfile: route({ method: 'PATCH', path: '/me', summary: 'Edit my profile', tag: 'identity', access: Access.person, body: identity.UpdateProfileRequest, response: identity.MeResponse }),
  listMerges: route({ method: 'GET', path: '/persons/merges', summary: 'Person merges, newest first, with their evidence and what moved', tag: 'identity', access: Access.admin, query: PageQuery, response: merges.PersonMergeList }),
  getMerge: route({ method: 'GET', path: '/persons/merges/{id}', summary: 'One person merge, and what would stop undoing it exactly', tag: 'identity', access: Access.admin, response: merges.PersonMergeDetail }),
  unmerge: route({ method: 'POST', path: '/persons/merges/{id}/unmerge', summary: 'Undo a person merge exactly (refused with UNMERGE_NOT_EXACT when it cannot be)', tag: 'identity', access: Access.admin, response: merges.UnmergeResponse }),
  attachCrmId: route({ method: 'POST', path: '/persons/{id}/crm-ids', summary: 'Attach a CRM external id to a person (merges with the record already holding it)', tag: 'identity', access: Access.admin, body: merges.AttachCrmIdRequest, response: merges.AttachCrmIdResponse }),
  listIdentifierConflicts: route({ method: 'GET', path: '/persons/identifier-conflicts', summary: 'Identifiers refused because they would merge a staff member with someone else', tag: 'identity', access: Access.admin, query: PageQuery, response: merges.IdentifierConflictList }),
  resolveIdentifierConflict: route({ method: 'POST', path: '/persons/identifier-conflicts/{id}/resolve', summary: 'Mark a refused staff identifier as dealt with', tag: 'identity', access: Access.admin, response: merges.ResolveConflictResponse }),
  bindPhone: route({ method: 'POST', path: '/me/phone', summary: 'Bind a phone number from a getPhoneNumber code', tag: 'identity', access: Access.person, body: identity.BindPhoneRequest, response: identity.BindPhoneResponse }),

  createInvite: route({ method: 'POST', path: '/staff/invites', summary: 'Invite a staff member (one-time link)', tag: 'staff', access: Access.admin, body: staff.CreateInviteRequest, response: staff.InviteResponse, status: 201 }),
  listInvites: route({ method: 'GET', path: '/staff/invites', summary: 'Invites not yet accepted and still valid', tag: 'staff', access: Access.admin, query: PageQuery, response: staff.PendingInviteList }),
  revokeInvite: route({ method: 'DELETE', path: '/staff/invites/{id}', summary: 'Withdraw an invite that was not accepted yet', tag: 'staff', access: Access.admin, response: staff.RevokeInviteResponse }),
  previewInvite: route({ method: 'POST', path: '/staff/invites/preview', summary: 'What an invite is for, before accepting it', tag: 'staff', access: Access.person, body: staff.InvitePreviewRequest, response: staff.InvitePreview }),
  acceptInvite: route({ method: 'POST', path: '/staff/invites/accept', summary: 'Bind my WeChat to the invited staff account', tag: 'staff', access: Access.person, body: staff.AcceptInviteRequest, response: identity.SessionResponse }),
  listStaff: route({ method: 'GET', path: '/staff', summary: 'All staff accounts', tag: 'staff', access: Access.admin, query: staff.StaffListQuery, response: staff.StaffListResponse }),
  updateStaff: route({ method: 'PATCH', path: '/staff/{id}', summary: 'Change a staff member’s role or disable them', tag: 'staff', access: Access.admin, body: staff.UpdateStaffRequest, response: staff.StaffListItem }),

  handOverStaff: route({ method: 'POST', path: '/staff/{id}/handover', summary: 'Hand over everything a member owns to another member (and disable the leaver), logged', tag: 'staff', access: Access.admin, body: staff.HandoverRequest, response: staff.StaffHandover, status: 201 }),
  staffHandovers: route({ method: 'GET', path: '/staff/handovers', summary: 'The hand-over log, newest first', tag: 'staff', access: Access.admin, query: PageQuery, response: staff.StaffHandoverList }),

  createConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets', summary: 'Start a desktop scan-login (QR ticket)', tag: 'identity', access: Access.public, response: staff.ConsoleTicketResponse, status: 201 }),
  pollConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/poll', summary: 'Desktop polls its ticket; receives the session once confirmed', tag: 'identity', access: Access.public, body: staff.ConsolePollRequest, response: staff.ConsolePollResponse }),
  scanConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/scan', summary: 'Staff member scanned the desktop QR', tag: 'identity', access: Access.anyStaff, body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),
  confirmConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/confirm', summary: 'Staff member confirms the desktop login', tag: 'identity', access: Access.anyStaff, body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),

  shareTokenContent: route({ method: 'GET', path: '/share/tokens/{token}', summary: 'The content a share token opens (a poster code carries only the token)', tag: 'share-chain', access: Access.public, response: share.ShareTokenContent }),
  mintShare: route({ method: 'POST', path: '/share/tokens', summary: 'Mint (or return) my share token for a piece of content', tag: 'share-chain', access: Access.person, body: share.MintShareRequest, response: share.MintShareResponse }),
  ingestEvents: route({ method: 'POST', path: '/events', summary: 'Report touchpoints and in-app actions (batch of up to 50)', tag: 'share-chain', access: Access.public, body: share.IngestEventsRequest, response: share.IngestEventsResponse }),
  starMap: route({ method: 'GET', path: '/share/star-map', summary: 'The share tree of a content item, aggregated for display', tag: 'share-chain', access: Access.console, query: share.StarMapQuery, response: share.StarMapResponse }),
  sharedContents: route({ method: 'GET', path: '/share/contents', summary: 'Shared content with titles, most recently shared first (the star map’s picker)', tag: 'share-chain', access: Access.console, query: PageQuery, response: share.SharedContentList }),
  myShares: route({ method: 'GET', path: '/share/mine', summary: 'My shares, visitors and leads brought, per content', tag: 'share-chain', access: Access.anyStaff, query: PageQuery, response: share.MySharesResponse }),
  createChannel: route({ method: 'POST', path: '/channels', summary: 'Create a channel code (QR/link carrying c=)', tag: 'share-chain', access: Access.console, body: share.CreateChannelRequest, response: share.ChannelCreated, status: 201 }),
  listChannels: route({ method: 'GET', path: '/channels', summary: 'All channels', tag: 'share-chain', access: Access.console, query: PageQuery, response: share.ChannelList }),

  // salesperson cards: /cards/mine* are declared before /cards/{cardId} so `mine` is never taken for an id
  myCard: route({ method: 'GET', path: '/cards/mine', summary: 'My business card (created on first use), with my draft introduction', tag: 'card', access: Access.anyStaff, response: card.MyCard }),
  updateMyCard: route({ method: 'PUT', path: '/cards/mine', summary: 'Save my business card; a changed introduction is checked before others see it', tag: 'card', access: Access.anyStaff, body: card.UpdateCardRequest, response: card.MyCard }),
  uploadCardImage: route({ method: 'POST', path: '/cards/mine/images/{kind}', summary: 'Upload my avatar or contact QR (multipart part `image`, PNG/JPEG ≤ 2 MB; kind: avatar | contact-qr)', tag: 'card', access: Access.anyStaff, files: [{ name: card.CARD_IMAGE_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: card.MyCard }),
  myCardVisitors: route({ method: 'GET', path: '/cards/mine/visitors', summary: 'Who viewed my card, most recent first', tag: 'card', access: Access.anyStaff, query: PageQuery, response: card.CardVisitorList }),
  cardImage: route({ method: 'GET', path: '/cards/images/{imageId}', summary: 'A card image (PNG/JPEG bytes; immutable, cacheable)', tag: 'card', access: Access.public, response: card.CardImageBytes, produces: 'image/*' }),
  viewCard: route({ method: 'GET', path: '/cards/{cardId}', summary: 'A salesperson’s card as a prospect sees it (records the view)', tag: 'card', access: Access.person, query: card.CardViewQuery, response: card.CardView }),
  requestContact: route({ method: 'POST', path: '/cards/{cardId}/contact-requests', summary: '请联系我: ask the card owner to get in touch (name and phone, consent)', tag: 'card', access: Access.person, body: card.ContactRequest, response: card.ContactRequestResponse, status: 201 }),

  createLiveEvent: route({ method: 'POST', path: '/live', summary: 'Create a live event (draft)', tag: 'live', access: Access.console, body: live.CreateLiveEventRequest, response: live.ConsoleLiveEvent, status: 201 }),
  updateLiveEvent: route({ method: 'PATCH', path: '/live/{id}', summary: 'Edit a live event', tag: 'live', access: Access.console, body: live.UpdateLiveEventRequest, response: live.ConsoleLiveEvent }),
  publishLiveEvent: route({ method: 'POST', path: '/live/{id}/publish', summary: 'Publish a live event: sign-ups open', tag: 'live', access: Access.console, response: live.ConsoleLiveEvent }),
  uploadLiveCover: route({ method: 'POST', path: '/console/live/{id}/cover', summary: 'Upload the event’s cover (multipart part `cover`, PNG/JPEG ≤ 2 MB); bumps its version', tag: 'live', access: Access.console, files: [{ name: 'cover', required: true, accept: ['image/png', 'image/jpeg'] }], response: live.ConsoleLiveEvent }),
  liveCover: route({ method: 'GET', path: '/files/live-covers/{id}', summary: 'A live event’s uploaded cover image', tag: 'live', access: Access.public, query: live.LiveCoverQuery, response: live.LiveCoverBytes, produces: 'image/*' }),
  consoleLiveEvents: route({ method: 'GET', path: '/console/live', summary: 'All live events, newest first', tag: 'live', access: Access.console, query: PageQuery, response: live.ConsoleLiveEventList }),
  consoleLiveEvent: route({ method: 'GET', path: '/console/live/{id}', summary: 'One live event as the console edits it', tag: 'live', access: Access.console, response: live.ConsoleLiveEvent }),
  liveReport: route({ method: 'GET', path: '/live/{id}/report', summary: 'Sign-ups by channel and sharer, attendance, survey, revenue', tag: 'live', access: Access.console, response: live.LiveReport }),
  liveEvents: route({ method: 'GET', path: '/live', summary: 'Published live events, soonest first', tag: 'live', access: Access.public, query: PageQuery, response: live.LiveEventList }),
  liveEvent: route({ method: 'GET', path: '/live/{id}', summary: 'A live event, with my sign-up', tag: 'live', access: Access.public, response: live.LiveEventView }),
  liveGate: route({ method: 'GET', path: '/live/{id}/gate', summary: 'What sign-up still needs from me', tag: 'live', access: Access.person, response: profile.GateStatus }),
  signUp: route({ method: 'POST', path: '/live/{id}/signups', summary: 'Sign up (a paid event answers with payment parameters)', tag: 'live', access: Access.person, body: live.SignupRequest, response: live.SignupResponse }),
  cancelSignup: route({ method: 'POST', path: '/live/{id}/signups/cancel', summary: 'Cancel my sign-up (refunds a paid one)', tag: 'live', access: Access.person, response: live.CancelSignupResponse }),
  grantReminders: route({ method: 'POST', path: '/live/{id}/reminders', summary: 'Record what I granted to requestSubscribeMessage', tag: 'live', access: Access.person, body: live.ReminderGrantRequest, response: live.ReminderGrantResponse }),
  liveRoom: route({ method: 'GET', path: '/live/{id}/room', summary: 'Where to watch (signed-up people only)', tag: 'live', access: Access.person, response: live.LiveRoomResponse }),
  reportAttendance: route({ method: 'POST', path: '/live/{id}/attendance', summary: 'Join, heartbeat or leave the live room', tag: 'live', access: Access.person, body: live.AttendanceRequest, response: live.AttendanceResponse }),
  answerSurvey: route({ method: 'POST', path: '/live/{id}/survey', summary: 'Answer the event survey', tag: 'live', access: Access.person, body: live.SurveyAnswerRequest, response: live.SurveyAnswerResponse }),
  mySignups: route({ method: 'GET', path: '/me/signups', summary: 'My live-event sign-ups, newest first', tag: 'live', access: Access.person, query: PageQuery, response: live.MySignupList }),
  wechatPayNotify: route({ method: 'POST', path: '/payments/wechat/notify', summary: 'WeChat Pay notification (signed, encrypted; raw body verified)', tag: 'payments', access: Access.public, response: live.PayNotifyAck }),

  // whitepapers: console (/console/whitepapers…), prospects (/whitepapers/{id}…), signed files (/files/…)
  createWhitepaper: route({ method: 'POST', path: '/console/whitepapers', summary: 'Upload a whitepaper (multipart: text fields, `file` PDF, optional `cover` PNG/JPEG ≤ 2 MB)', tag: 'whitepaper', access: Access.console, body: whitepaper.CreateWhitepaperForm, files: [{ name: 'file', required: true, accept: ['application/pdf'] }, { name: 'cover', required: false, accept: ['image/png', 'image/jpeg'] }], response: whitepaper.WhitepaperAdminView, status: 201 }),
  consoleWhitepapers: route({ method: 'GET', path: '/console/whitepapers', summary: 'All whitepapers, newest first', tag: 'whitepaper', access: Access.console, query: whitepaper.WhitepaperListQuery, response: whitepaper.WhitepaperList }),
  consoleWhitepaper: route({ method: 'GET', path: '/console/whitepapers/{id}', summary: 'A whitepaper, drafts included', tag: 'whitepaper', access: Access.console, response: whitepaper.WhitepaperAdminView }),
  updateWhitepaper: route({ method: 'PATCH', path: '/console/whitepapers/{id}', summary: 'Edit a whitepaper’s title, summary, tags or gate fields (bumps its version)', tag: 'whitepaper', access: Access.console, body: whitepaper.UpdateWhitepaperRequest, response: whitepaper.WhitepaperAdminView }),
  replaceWhitepaperFiles: route({ method: 'POST', path: '/console/whitepapers/{id}/files', summary: 'Replace the PDF (`file`) and/or the cover (`cover`); bumps the version', tag: 'whitepaper', access: Access.console, body: whitepaper.ReplaceWhitepaperFilesForm, files: [{ name: 'file', required: false, accept: ['application/pdf'] }, { name: 'cover', required: false, accept: ['image/png', 'image/jpeg'] }], response: whitepaper.WhitepaperAdminView }),
  publishWhitepaper: route({ method: 'POST', path: '/console/whitepapers/{id}/publish', summary: 'Publish: prospects can see and download it', tag: 'whitepaper', access: Access.console, response: whitepaper.WhitepaperAdminView }),
  unpublishWhitepaper: route({ method: 'POST', path: '/console/whitepapers/{id}/unpublish', summary: 'Withdraw from prospects (links already given stop working)', tag: 'whitepaper', access: Access.console, response: whitepaper.WhitepaperAdminView }),
  whitepapers: route({ method: 'GET', path: '/whitepapers', summary: 'Published whitepapers, newest first', tag: 'whitepaper', access: Access.public, query: PageQuery, response: whitepaper.PublishedWhitepaperList }),
  whitepaper: route({ method: 'GET', path: '/whitepapers/{id}', summary: 'A published whitepaper', tag: 'whitepaper', access: Access.public, response: whitepaper.WhitepaperView }),
  whitepaperGate: route({ method: 'GET', path: '/whitepapers/{id}/gate', summary: 'What the download form still needs from me', tag: 'whitepaper', access: Access.person, response: profile.GateStatus }),
  downloadWhitepaper: route({ method: 'POST', path: '/whitepapers/{id}/downloads', summary: 'Pass the gate and get a signed, expiring download link', tag: 'whitepaper', access: Access.person, body: whitepaper.DownloadRequest, response: whitepaper.DownloadLink, status: 201 }),
  myDownloads: route({ method: 'GET', path: '/me/downloads', summary: 'Whitepapers I downloaded, newest first', tag: 'privacy', access: Access.person, query: PageQuery, response: whitepaper.MyDownloads }),
  whitepaperFile: route({ method: 'GET', path: '/files/whitepapers/{downloadId}', summary: 'The PDF behind a signed download link (no session: Taro.downloadFile sends none)', tag: 'whitepaper', access: Access.public, query: whitepaper.DownloadLinkQuery, response: whitepaper.FileBody, produces: 'application/pdf' }),
  whitepaperCover: route({ method: 'GET', path: '/files/whitepaper-covers/{id}', summary: 'A whitepaper’s cover image', tag: 'whitepaper', access: Access.public, query: whitepaper.CoverQuery, response: whitepaper.FileBody, produces: 'image/*' }),

  // privacy (我的): consents, export, erasure
  myConsents: route({ method: 'GET', path: '/me/consents', summary: 'My consent per purpose: policy version, when, where', tag: 'privacy', access: Access.person, response: privacy.MyConsents }),
  withdrawConsent: route({ method: 'POST', path: '/me/consents/{purpose}/withdraw', summary: 'Withdraw my consent to a purpose', tag: 'privacy', access: Access.person, body: privacy.WithdrawConsentRequest, response: privacy.MyConsents }),
  myProfile: route({ method: 'GET', path: '/me/profile', summary: 'My profile as I gave it, with my corrections', tag: 'privacy', access: Access.person, response: profile.MyProfile }),
  correctMyProfile: route({ method: 'PUT', path: '/me/profile', summary: 'Correct my name, company, title or email (更正权); each change is recorded', tag: 'privacy', access: Access.person, body: profile.CorrectProfileRequest, response: profile.MyProfile }),
  exportMyData: route({ method: 'GET', path: '/me/export', summary: 'Everything held about me, as one JSON document', tag: 'privacy', access: Access.person, response: privacy.PersonDataExport }),
  eraseMe: route({ method: 'DELETE', path: '/me', summary: 'Delete my personal data (body: { confirm: "DELETE" }); this session ends', tag: 'privacy', access: Access.person, body: privacy.EraseMeRequest, response: privacy.EraseMeResponse }),
  // share posters: made for a signed-in sharer; the image itself is public (public content and a share token, no personal data beyond the sharer's shown name)
  createPoster: route({ method: 'POST', path: '/posters', summary: 'My personal share poster for a piece of content (mini-program code carrying my share token); cached until the content changes', tag: 'posters', access: Access.person, body: poster.CreatePosterRequest, response: poster.PosterResponse }),
  posterImage: route({ method: 'GET', path: '/posters/{key}.png', summary: 'A poster image (PNG; immutable, cacheable)', tag: 'posters', access: Access.public, response: poster.PosterImageBytes, produces: 'image/png' }),

  // brand settings (admin) and what every prospect page shows of the company
  brand: route({ method: 'GET', path: '/brand', summary: 'The company as prospects see it (name, logo, colour, policy versions); ETag, short max-age', tag: 'brand', access: Access.public, response: brand.PublicBrand }),
  brandLogo: route({ method: 'GET', path: '/brand/logo/{id}', summary: 'The company logo (PNG/JPEG; immutable)', tag: 'brand', access: Access.public, response: brand.BrandLogoBytes, produces: 'image/*' }),
  policyDocument: route({ method: 'GET', path: '/brand/policies/{kind}', summary: 'The privacy policy or user agreement text (kind: privacy-policy | user-agreement)', tag: 'brand', access: Access.public, response: brand.PolicyDocument }),
  consoleBrand: route({ method: 'GET', path: '/console/brand', summary: 'Brand settings with the policy texts', tag: 'brand', access: Access.admin, response: brand.BrandSettings }),
  updateBrand: route({ method: 'PUT', path: '/console/brand', summary: 'Save brand settings; a new privacy-policy version asks everyone for consent again', tag: 'brand', access: Access.admin, body: brand.UpdateBrandRequest, response: brand.BrandSettings }),
  uploadBrandLogo: route({ method: 'POST', path: '/console/brand/logo', summary: 'Upload the company logo (multipart part `logo`, PNG/JPEG ≤ 1 MB)', tag: 'brand', access: Access.admin, files: [{ name: brand.BRAND_LOGO_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: brand.BrandSettings }),

  // the prospect home page (微页面): marketers edit a draft and publish versions
  publishedHome: route({ method: 'GET', path: '/home', summary: 'The published home page (the default page before the first publish)', tag: 'home', access: Access.public, response: home.PublishedHome }),
  homeLink: route({ method: 'POST', path: '/home/links', summary: 'The home page sharer’s own token for an item opened from it (the chain continues through them)', tag: 'home', access: Access.public, body: home.HomeLinkRequest, response: home.HomeLinkResponse }),
  homeImage: route({ method: 'GET', path: '/home/images/{id}', summary: 'A home-page banner image (immutable)', tag: 'home', access: Access.public, response: home.HomeImageBytes, produces: 'image/*' }),
  homeContact: route({ method: 'POST', path: '/home/contact-requests', summary: '请联系我 from the home page: name, phone, consent to sales follow-up', tag: 'home', access: Access.person, body: home.HomeContactRequest, response: home.HomeContactResponse, status: 201 }),
  homeEditor: route({ method: 'GET', path: '/console/home', summary: 'The home-page draft and what is published', tag: 'home', access: Access.console, response: home.HomeEditorView }),
  saveHomeDraft: route({ method: 'PUT', path: '/console/home/draft', summary: 'Save the home-page draft (prospects still see the published version)', tag: 'home', access: Access.console, body: home.SaveHomeDraftRequest, response: home.HomeEditorView }),
  publishHome: route({ method: 'POST', path: '/console/home/publish', summary: 'Publish the draft as a new version', tag: 'home', access: Access.console, response: home.HomeEditorView }),
  uploadHomeImage: route({ method: 'POST', path: '/console/home/images', summary: 'Upload a banner image (multipart part `image`, PNG/JPEG ≤ 2 MB)', tag: 'home', access: Access.console, files: [{ name: home.HOME_IMAGE_FIELD, required: true, accept: ['image/png', 'image/jpeg'] }], response: home.HomeImageUploaded, status: 201 }),
  homeCardChoices: route({ method: 'GET', path: '/console/home/cards', summary: 'Salespeople’s cards the home page may feature, by name', tag: 'home', access: Access.console, query: PageQuery, response: home.HomeCardChoices }),

  // the lead workspace: which leads a caller sees is decided per lead (LeadAccess); full phone numbers only through the logged reveal
  leads: route({ method: 'GET', path: '/leads', summary: 'Leads I may see (the pool for marketers and admins, my own for sales, SDRs and partners): filters, sort, keyset pages', tag: 'leads', access: Access.leads, query: leads.LeadListQuery, response: leads.LeadList }),
  leadSourceCounts: route({ method: 'GET', path: '/leads/sources', summary: 'How many leads stand behind each number of a live event, whitepaper or card (signed up, attended, watched ≥ N min, downloaded, asked to be contacted): what the pool filtered to it shows', tag: 'leads', access: Access.console, query: leads.LeadSourceCountsQuery, response: leads.LeadSourceCounts }),
  lead: route({ method: 'GET', path: '/leads/{id}', summary: 'A lead: profile (phone masked), account, stage, grade and score now, first touch and share chain, consents, the note left in 请联系我', tag: 'leads', access: Access.leads, response: leads.LeadDetail }),
  leadTimeline: route({ method: 'GET', path: '/leads/{id}/timeline', summary: 'Everything the lead did and what changed on it, newest first', tag: 'leads', access: Access.leads, query: leads.LeadTimelineQuery, response: leads.LeadTimeline }),
  revealLeadPhone: route({ method: 'POST', path: '/leads/{id}/phone', summary: 'The full phone number, to call back (the owner or the pool, never partners); every reveal is logged', tag: 'leads', access: Access.leads, response: leads.RevealedPhone }),
  // lead scoring (能力 × 意愿) and lifecycle stages
  leadScore: route({ method: 'GET', path: '/leads/{id}/score', summary: 'A lead’s fit grade, intent now and the breakdown behind them', tag: 'scoring', access: Access.leads, response: scoring.LeadScoreView }),
  changeLeadStage: route({ method: 'POST', path: '/leads/{id}/stage', summary: 'Move a lead to another lifecycle stage (the pool any legal move; an owner to SAL/SQL/won/lost/nurture)', tag: 'scoring', access: Access.leads, body: scoring.ChangeStageRequest, response: scoring.LeadStageView }),
  leadStages: route({ method: 'GET', path: '/leads/{id}/stages', summary: 'A lead’s stage history: from, to, why, who or which rule, when (newest first)', tag: 'scoring', access: Access.leads, query: PageQuery, response: pageOf(scoring.StageChangeView) }),
  leadSettings: route({ method: 'GET', path: '/console/scoring/settings', summary: 'Intent half-life and MQL thresholds', tag: 'scoring', access: Access.console, response: scoring.LeadSettingsView }),
  updateLeadSettings: route({ method: 'PUT', path: '/console/scoring/settings', summary: 'Save the half-life and MQL thresholds (a new half-life re-scores every lead)', tag: 'scoring', access: Access.console, body: scoring.UpdateLeadSettings, response: scoring.LeadSettingsView }),
  scoringRules: route({ method: 'GET', path: '/console/scoring/rules', summary: 'The active scoring rule set', tag: 'scoring', access: Access.console, response: scoring.RuleSetView }),
  saveScoringRules: route({ method: 'PUT', path: '/console/scoring/rules', summary: 'Save the rule set as a new version and re-score every lead in the background', tag: 'scoring', access: Access.console, body: scoring.RuleSetDraft, response: scoring.RuleSetView }),
  previewScoringRules: route({ method: 'POST', path: '/console/scoring/preview', summary: 'What a draft rule set would make of 5 recently active leads (or the ones named)', tag: 'scoring', access: Access.console, body: scoring.PreviewRequest, response: scoring.PreviewResponse }),
  rescoreProgress: route({ method: 'GET', path: '/console/scoring/rescore', summary: 'Progress of the latest background re-score', tag: 'scoring', access: Access.console, response: scoring.RescoreProgress }),

  // feedback from sales (accept / reject / contact / opportunity / won / lost) and how MQLs fared with it
  giveFeedback: route({ method: 'POST', path: '/leads/{id}/feedback', summary: 'Feedback on a lead from its owner (or marketing): moves its stage where the lifecycle allows, on the timeline with who gave it', tag: 'handoff', access: Access.leads, body: handoff.FeedbackRequest, response: handoff.FeedbackResult, status: 201 }),
  leadHandoff: route({ method: 'GET', path: '/leads/{id}/handoff', summary: 'The hand-off package beside the lead detail: the account’s other contacts, follow-up, opportunity, the latest feedback and what the caller may do now', tag: 'handoff', access: Access.leads, response: handoff.LeadHandoff }),
  calibration: route({ method: 'GET', path: '/console/scoring/calibration', summary: 'How MQLs fared with sales per scoring rule, channel and source, and the weight changes that evidence suggests', tag: 'handoff', access: Access.console, query: handoff.CalibrationQuery, response: handoff.CalibrationReport }),
  applyCalibration: route({ method: 'POST', path: '/console/scoring/calibration/apply', summary: 'Apply suggested weight changes as a new rule-set version (re-scored in the background)', tag: 'handoff', access: Access.console, body: handoff.ApplyCalibrationRequest, response: scoring.RuleSetView }),

  // the staff side of a lead's profile (edits recorded with who made them) and tags
  leadProfile: route({ method: 'GET', path: '/leads/{id}/profile', summary: 'A lead’s profile with tags, account and the last changes (who made them)', tag: 'leads', access: Access.leads, response: accounts.LeadProfile }),
  editLeadProfile: route({ method: 'PUT', path: '/leads/{id}/profile', summary: 'Edit a lead’s profile; each changed field is recorded with the staff member who changed it', tag: 'leads', access: Access.leads, body: accounts.LeadProfileEdit, response: accounts.LeadProfile }),
  setLeadTags: route({ method: 'PUT', path: '/leads/{id}/tags', summary: 'Replace a lead’s tags (≤ 20, each ≤ 20 characters)', tag: 'leads', access: Access.leads, body: accounts.SetTagsRequest, response: accounts.LeadProfile }),
  bulkTagLeads: route({ method: 'POST', path: '/leads/tags', summary: 'Add and remove tags on up to 100 leads the caller may see', tag: 'leads', access: Access.leads, body: accounts.BulkTagRequest, response: accounts.BulkTagResponse }),

  // accounts (ABM): the console lists, edits, merges and imports; an account's owner may open its page
  accounts: route({ method: 'GET', path: '/accounts', summary: 'Accounts, newest first; filters: target, tier, industry, owner, name', tag: 'accounts', access: Access.console, query: accounts.AccountListQuery, response: accounts.AccountList }),
  accountOwners: route({ method: 'GET', path: '/accounts/owners', summary: 'Active staff members an account may be assigned to, by name', tag: 'accounts', access: Access.console, query: PageQuery, response: accounts.AccountOwnerChoices }),
  importAccounts: route({ method: 'POST', path: '/accounts/import', summary: 'Import target accounts from CSV (multipart part `file`, UTF-8 or GBK ≤ 1 MB); any bad row refuses the whole file', tag: 'accounts', access: Access.console, files: [{ name: accounts.ACCOUNT_IMPORT_FIELD, required: true, accept: ['text/csv'] }], response: accounts.AccountImportResult, status: 201 }),
  account: route({ method: 'GET', path: '/accounts/{id}', summary: 'An account with its contacts (role, stage, grade, intent)', tag: 'accounts', access: Access.accountPage, response: accounts.AccountDetail }),
  updateAccount: route({ method: 'PATCH', path: '/accounts/{id}', summary: 'Edit an account: industry, size, region, owner, target flag and tier', tag: 'accounts', access: Access.console, body: accounts.UpdateAccountRequest, response: accounts.AccountDetail }),
  setContactRole: route({ method: 'PUT', path: '/accounts/{id}/contacts/{personId}/role', summary: 'Set a contact’s part in the buying decision', tag: 'accounts', access: Access.console, body: accounts.SetContactRoleRequest, response: accounts.AccountDetail }),
  mergeAccounts: route({ method: 'POST', path: '/accounts/{id}/merge', summary: 'Merge another account into this one: its contacts move here (recorded)', tag: 'accounts', access: Access.console, body: accounts.MergeAccountsRequest, response: accounts.AccountDetail }),

  // the sales organisation: admins manage groups and members; a group's manager reads and pauses their team (decided per group)
  salesGroups: route({ method: 'GET', path: '/sales-org/groups', summary: 'Sales groups with members, territory, capacity, availability and open leads (admins and marketers all; a manager their own)', tag: 'sales-org', access: Access.salesTeam, query: PageQuery, response: salesOrg.SalesGroupList }),
  createSalesGroup: route({ method: 'POST', path: '/sales-org/groups', summary: 'Create a sales group with its manager and partner-lead setting', tag: 'sales-org', access: Access.admin, body: salesOrg.SalesGroupInput, response: salesOrg.SalesGroupView, status: 201 }),
  updateSalesGroup: route({ method: 'PATCH', path: '/sales-org/groups/{id}', summary: 'Rename a group, change its manager or partner-lead setting', tag: 'sales-org', access: Access.admin, body: salesOrg.UpdateSalesGroup, response: salesOrg.SalesGroupView }),
  putSalesMember: route({ method: 'PUT', path: '/sales-org/groups/{id}/members/{staffId}', summary: 'Add a member to the group (or move them here) with territory, capacity and availability', tag: 'sales-org', access: Access.admin, body: salesOrg.SalesMemberInput, response: salesOrg.SalesGroupView }),
  removeSalesMember: route({ method: 'DELETE', path: '/sales-org/groups/{id}/members/{staffId}', summary: 'Take a member out of the group (their leads stay theirs)', tag: 'sales-org', access: Access.admin, response: salesOrg.RemoveMemberResponse }),
  setMemberAvailability: route({ method: 'PUT', path: '/sales-org/groups/{id}/members/{staffId}/availability', summary: 'Pause or resume a member, or set their leave (the admin or the group’s manager)', tag: 'sales-org', access: Access.salesTeam, body: salesOrg.MemberAvailability, response: salesOrg.SalesGroupView }),
  teamLeads: route({ method: 'GET', path: '/sales-org/groups/{id}/leads', summary: 'The team’s open leads, newest assignment first (the admin or the group’s manager)', tag: 'sales-org', access: Access.salesTeam, query: salesOrg.TeamLeadsQuery, response: salesOrg.TeamLeadList }),

  // routing on MQL and 请联系我: rules, the tester, the unassigned queue, manual reassignment, every decision
  routingRules: route({ method: 'GET', path: '/routing/rules', summary: 'The ordered routing rules (first enabled match wins)', tag: 'routing', access: Access.console, response: routing.RoutingRuleList }),
  saveRoutingRules: route({ method: 'PUT', path: '/routing/rules', summary: 'Replace the ordered routing rules', tag: 'routing', access: Access.console, body: routing.SaveRoutingRules, response: routing.RoutingRuleList }),
  testRoutingRules: route({ method: 'POST', path: '/routing/rules/test', summary: 'Which rule would take this lead (a lead, or region / industry / size / tier typed in)?', tag: 'routing', access: Access.console, body: routing.RoutingTestRequest, response: routing.RoutingTestResult }),
  unassignedLeads: route({ method: 'GET', path: '/routing/unassigned', summary: 'Leads routing could not place, oldest first', tag: 'routing', access: Access.console, query: routing.UnassignedQuery, response: routing.UnassignedLeadList }),
  reassignLead: route({ method: 'POST', path: '/leads/{id}/assignment', summary: 'Assign or reassign a lead by hand, with a reason (an admin, or the manager of the owner’s or the receiver’s group)', tag: 'routing', access: Access.salesTeam, body: routing.ReassignRequest, response: routing.ReassignResponse }),
  leadRouting: route({ method: 'GET', path: '/leads/{id}/routing', summary: 'Every routing decision on a lead, with its reason, newest first', tag: 'routing', access: Access.leads, query: PageQuery, response: routing.RoutingDecisionList }),

  // sales signals: each staff member reads only their own inbox; subscribe-message grants are theirs too
  signalInbox: route({ method: 'GET', path: '/me/signals', summary: 'My sales signals, newest first (keyset pages; `unread=true` for unread only), with the unread count', tag: 'signals', access: Access.anyStaff, query: signals.SignalInboxQuery, response: signals.SignalInbox }),
  signalUnread: route({ method: 'GET', path: '/me/signals/unread', summary: 'How many of my signals are unread (the badge)', tag: 'signals', access: Access.anyStaff, response: signals.SignalUnread }),
  readSignals: route({ method: 'POST', path: '/me/signals/read', summary: 'Mark my signals read (the ones named, or all)', tag: 'signals', access: Access.anyStaff, body: signals.MarkSignalsRead, response: signals.SignalUnread }),
  signalSubscription: route({ method: 'GET', path: '/me/signals/subscription', summary: 'The subscribe-message template for signals and how many one-time grants I have left', tag: 'signals', access: Access.anyStaff, response: signals.SignalSubscription }),
  grantSignalMessages: route({ method: 'POST', path: '/me/signals/subscription', summary: 'Record what I answered to requestSubscribeMessage for signals (each accept: one message)', tag: 'signals', access: Access.anyStaff, body: signals.SignalGrantRequest, response: signals.SignalSubscription }),
  workingCalendar: route({ method: 'GET', path: '/console/working-calendar', summary: 'The working calendar SLA deadlines count in (Asia/Shanghai)', tag: 'timers', access: Access.console, response: signals.WorkingCalendarView }),
  saveWorkingCalendar: route({ method: 'PUT', path: '/console/working-calendar', summary: 'Save working days, hours, holidays and make-up working days (调休)', tag: 'timers', access: Access.admin, body: signals.WorkingCalendarSettings, response: signals.WorkingCalendarView }),
} as const;

export type ApiName = keyof typeof Api;
export type ApiBody<N extends ApiName> = (typeof Api)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type ApiQuery<N extends ApiName> = (typeof Api)[N] extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
export type ApiResponse<N extends ApiName> = z.output<(typeof Api)[N]['response']>;
