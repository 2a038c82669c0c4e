import type { z } from 'zod';
import type { StaffRole } from './roles';
import * as identity from './contracts/identity';
import * as share from './contracts/share-chain';
import * as staff from './contracts/staff';
import * as system from './contracts/system';

/**
 * Every HTTP route of the API, with its contract. The server validates against these schemas
 * and generates its OpenAPI document from this table; the mini-program's client is typed by it.
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
}

const route = <T extends ApiRoute>(r: T) => r;

export const Api = {
  health: route({ method: 'GET', path: '/health', summary: 'Liveness and database check', tag: 'system', access: 'public', response: system.HealthResponse }),
  publicConfig: route({ method: 'GET', path: '/config', summary: 'What the client needs to know about this server', tag: 'system', access: 'public', response: system.PublicConfigResponse }),

  login: route({ method: 'POST', path: '/auth/wechat/login', summary: 'Exchange a wx.login code for a session', tag: 'identity', access: 'public', body: identity.LoginRequest, response: identity.SessionResponse }),
  me: route({ method: 'GET', path: '/me', summary: 'The signed-in person and their staff account', tag: 'identity', access: 'person', response: identity.MeResponse }),
  updateProfile: route({ method: 'PATCH', path: '/me', summary: 'Edit my profile', tag: 'identity', access: 'person', body: identity.UpdateProfileRequest, response: identity.MeResponse }),
  bindPhone: route({ method: 'POST', path: '/me/phone', summary: 'Bind a phone number from a getPhoneNumber code', tag: 'identity', access: 'person', body: identity.BindPhoneRequest, response: identity.BindPhoneResponse }),

  createInvite: route({ method: 'POST', path: '/staff/invites', summary: 'Invite a staff member (one-time link)', tag: 'staff', access: ['admin'], body: staff.CreateInviteRequest, response: staff.InviteResponse, status: 201 }),
  listInvites: route({ method: 'GET', path: '/staff/invites', summary: 'Invites not yet accepted and still valid', tag: 'staff', access: ['admin'], response: staff.PendingInviteList }),
  revokeInvite: route({ method: 'DELETE', path: '/staff/invites/{id}', summary: 'Withdraw an invite that was not accepted yet', tag: 'staff', access: ['admin'], response: staff.RevokeInviteResponse }),
  previewInvite: route({ method: 'POST', path: '/staff/invites/preview', summary: 'What an invite is for, before accepting it', tag: 'staff', access: 'person', body: staff.InvitePreviewRequest, response: staff.InvitePreview }),
  acceptInvite: route({ method: 'POST', path: '/staff/invites/accept', summary: 'Bind my WeChat to the invited staff account', tag: 'staff', access: 'person', body: staff.AcceptInviteRequest, response: identity.SessionResponse }),
  listStaff: route({ method: 'GET', path: '/staff', summary: 'All staff accounts', tag: 'staff', access: ['admin'], response: staff.StaffListResponse }),
  updateStaff: route({ method: 'PATCH', path: '/staff/{id}', summary: 'Change a staff member’s role or disable them', tag: 'staff', access: ['admin'], body: staff.UpdateStaffRequest, response: staff.StaffListItem }),

  createConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets', summary: 'Start a desktop scan-login (QR ticket)', tag: 'identity', access: 'public', response: staff.ConsoleTicketResponse, status: 201 }),
  pollConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/poll', summary: 'Desktop polls its ticket; receives the session once confirmed', tag: 'identity', access: 'public', body: staff.ConsolePollRequest, response: staff.ConsolePollResponse }),
  scanConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/scan', summary: 'Staff member scanned the desktop QR', tag: 'identity', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),
  confirmConsoleTicket: route({ method: 'POST', path: '/auth/console/tickets/confirm', summary: 'Staff member confirms the desktop login', tag: 'identity', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], body: staff.ConsoleTicketRef, response: staff.ConsoleScanResponse }),

  mintShare: route({ method: 'POST', path: '/share/tokens', summary: 'Mint (or return) my share token for a piece of content', tag: 'share-chain', access: 'person', body: share.MintShareRequest, response: share.MintShareResponse }),
  ingestEvents: route({ method: 'POST', path: '/events', summary: 'Report touchpoints and in-app actions (batch of up to 50)', tag: 'share-chain', access: 'public', body: share.IngestEventsRequest, response: share.IngestEventsResponse }),
  starMap: route({ method: 'GET', path: '/share/star-map', summary: 'The share tree of a content item, aggregated for display', tag: 'share-chain', access: ['admin', 'marketer'], query: share.StarMapQuery, response: share.StarMapResponse }),
  myShares: route({ method: 'GET', path: '/share/mine', summary: 'My shares, visitors and leads brought, per content', tag: 'share-chain', access: ['admin', 'marketer', 'sdr', 'sales', 'partner'], response: share.MySharesResponse }),
  createChannel: route({ method: 'POST', path: '/channels', summary: 'Create a channel code (QR/link carrying c=)', tag: 'share-chain', access: ['admin', 'marketer'], body: share.CreateChannelRequest, response: share.ChannelCreated, status: 201 }),
  listChannels: route({ method: 'GET', path: '/channels', summary: 'All channels', tag: 'share-chain', access: ['admin', 'marketer'], response: share.ChannelList }),
} as const;

export type ApiName = keyof typeof Api;
export type ApiBody<N extends ApiName> = (typeof Api)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type ApiQuery<N extends ApiName> = (typeof Api)[N] extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
export type ApiResponse<N extends ApiName> = z.output<(typeof Api)[N]['response']>;
