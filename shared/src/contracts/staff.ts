import { z } from 'zod';
import { PageQuery, pageOf } from '../pagination';
import { StaffRoles } from '../roles';
import { SessionResponse, StaffSummary } from './identity';

export const StaffRoleSchema = z.enum(StaffRoles);

/** Invite and ticket secrets are 32 url-safe characters. */
export const OneTimeSecret = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a one-time secret');

export const CreateInviteRequest = z
  .object({
    name: z.string().trim().min(1).max(40),
    role: StaffRoleSchema,
    /** Hours until the invite expires. */
    ttlHours: z.number().int().min(1).max(24 * 14).default(72),
  })
  .strict();
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

export const InviteResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  expiresAt: z.string(),
  /** The one-time secret; shown once, only to the admin who created it. */
  token: z.string(),
  /** Mini-program page path (with query) that accepts the invite. */
  path: z.string(),
  /** PNG data URL of a QR code for the invite link. */
  qrDataUrl: z.string(),
});
export type InviteResponse = z.infer<typeof InviteResponse>;

export const InvitePreviewRequest = z.object({ token: OneTimeSecret }).strict();
export const InvitePreview = z.object({
  name: z.string(),
  role: StaffRoleSchema,
  status: z.enum(['pending', 'used', 'expired']),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const PendingInvite = z.object({
  id: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvite = z.infer<typeof PendingInvite>;
export const PendingInviteList = pageOf(PendingInvite);
export type PendingInviteList = z.infer<typeof PendingInviteList>;
export const RevokeInviteResponse = z.object({ id: z.string(), revoked: z.literal(true) });

export const AcceptInviteRequest = z.object({ token: OneTimeSecret }).strict();
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;

export const StaffStatuses = ['active', 'disabled'] as const;
export type StaffStatus = (typeof StaffStatuses)[number];

export const StaffListItem = StaffSummary.extend({
  status: z.enum(StaffStatuses),
  bound: z.boolean(),
  createdAt: z.string(),
});
export type StaffListItem = z.infer<typeof StaffListItem>;

/** The team a page at a time, oldest member first; `status=active` for the members who can take over work. */
export const StaffListQuery = PageQuery.extend({ status: z.enum(StaffStatuses).optional() }).strict();
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const StaffListResponse = pageOf(StaffListItem);
export type StaffListResponse = z.infer<typeof StaffListResponse>;

export const UpdateStaffRequest = z
  .object({ role: StaffRoleSchema.optional(), status: z.enum(StaffStatuses).optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.status !== undefined, 'role or status is required');
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;

/**
 * Hand over everything a staff member owns (their prospects, their card's visitors and contact
 * requests) to another active member, in one step; `disable` also disables the leaver.
 */
export const HandoverRequest = z.object({ toStaffId: z.string().trim().min(1).max(26), disable: z.boolean().default(true) }).strict();
export type HandoverRequest = z.input<typeof HandoverRequest>;

export const HandoverCounts = z.object({
  /** Prospects whose owner changed. */
  prospects: z.number().int(),
  /** People who had viewed the leaver's card. */
  cardVisitors: z.number().int(),
  /** 请联系我 requests made on the leaver's card. */
  contactRequests: z.number().int(),
});
export type HandoverCounts = z.infer<typeof HandoverCounts>;

/** One hand-over, as the log keeps it: who did it, when, from whom, to whom, what moved. */
export const StaffHandover = z.object({
  id: z.string(),
  from: StaffSummary,
  to: StaffSummary,
  by: StaffSummary.nullable(),
  disabled: z.boolean(),
  counts: HandoverCounts,
  at: z.string(),
});
export type StaffHandover = z.infer<typeof StaffHandover>;
/** The hand-over log, newest first, a page at a time. */
export const StaffHandoverList = pageOf(StaffHandover);
export type StaffHandoverList = z.infer<typeof StaffHandoverList>;

// Console scan-login: the desktop holds `pollSecret`, the QR carries only `ticket`.
export const ConsoleTicketResponse = z.object({
  ticket: z.string(),
  pollSecret: z.string(),
  expiresAt: z.string(),
  /** Mini-program page path (with query) the staff member opens by scanning. */
  path: z.string(),
  qrDataUrl: z.string(),
});
export type ConsoleTicketResponse = z.infer<typeof ConsoleTicketResponse>;

export const ConsoleTicketRef = z.object({ ticket: OneTimeSecret }).strict();
export type ConsoleTicketRef = z.infer<typeof ConsoleTicketRef>;

export const ConsolePollRequest = z.object({ ticket: OneTimeSecret, pollSecret: OneTimeSecret }).strict();
export type ConsolePollRequest = z.infer<typeof ConsolePollRequest>;

export const ConsoleTicketStatus = z.enum(['pending', 'scanned', 'confirmed', 'expired', 'consumed']);
export type ConsoleTicketStatus = z.infer<typeof ConsoleTicketStatus>;

export const ConsolePollResponse = z.object({
  status: ConsoleTicketStatus,
  /** Present once, on the poll that consumes a confirmed ticket. */
  session: SessionResponse.nullable(),
});
export type ConsolePollResponse = z.infer<typeof ConsolePollResponse>;

export const ConsoleScanResponse = z.object({ status: ConsoleTicketStatus, createdAt: z.string() });
export type ConsoleScanResponse = z.infer<typeof ConsoleScanResponse>;
