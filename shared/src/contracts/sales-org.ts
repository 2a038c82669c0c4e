import { z } from 'zod';
import { pageOf, PageQuery } from '../pagination';
import { StaffRoles } from '../roles';
import { AccountTier, AccountTiers, LeadStage } from './lead-vocabulary';
import { Industries, Industry, Province, Provinces } from './profile-vocabulary';
import { RecordId } from './whitepaper';

/**
 * The sales organisation routing hands leads to: groups (teams) with a manager, and each member's
 * territory, capacity and availability. Admins manage it; a manager reads and pauses their team.
 */

export const StaffRef = z.object({ id: z.string(), name: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

/** Where a partner's leads go when the partner belongs to a group: stay with the partner, or go to the group's manager (the channel manager). */
export const PartnerLeadModes = ['partner', 'manager'] as const;
export const PartnerLeadMode = z.enum(PartnerLeadModes);
export type PartnerLeadMode = z.infer<typeof PartnerLeadMode>;
export const PartnerLeadModeLabels: Record<PartnerLeadMode, string> = { partner: '留给渠道伙伴', manager: '转给渠道经理（组长）' };

/** Staff roles that can be members of a group and receive leads. */
export const MemberRoles = ['sales', 'sdr', 'partner'] as const satisfies readonly (typeof StaffRoles)[number][];

const SalesGroupFields = z.object({
  name: z.string().trim().min(1).max(40),
  managerStaffId: RecordId.nullable(),
  partnerLeads: PartnerLeadMode,
});
export const SalesGroupInput = SalesGroupFields.extend({ partnerLeads: PartnerLeadMode.default('partner') }).strict();
export type SalesGroupInput = z.infer<typeof SalesGroupInput>;
/** Only what is sent changes (no defaults here: a rename keeps the partner setting). */
export const UpdateSalesGroup = SalesGroupFields.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateSalesGroup = z.infer<typeof UpdateSalesGroup>;

/** A calendar day (China time) a member is away until, inclusive. */
export const AwayUntil = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

/** Availability: paused by hand (or after SLA breaches), or on leave up to and including a day. */
export const MemberAvailability = z
  .object({
    paused: z.boolean(),
    awayUntil: AwayUntil.nullable(),
  })
  .strict();
export type MemberAvailability = z.infer<typeof MemberAvailability>;

/** A member's territory (an empty list accepts every value), capacity (null: no limit) and availability. */
export const SalesMemberInput = MemberAvailability.extend({
  regions: z.array(Province).max(Provinces.length).default([]),
  industries: z.array(Industry).max(Industries.length).default([]),
  tiers: z.array(AccountTier).max(AccountTiers.length).default([]),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
}).strict();
export type SalesMemberInput = z.infer<typeof SalesMemberInput>;

export const SalesMemberView = z.object({
  staff: StaffRef.extend({ role: z.enum(StaffRoles) }),
  regions: z.array(Province),
  industries: z.array(Industry),
  tiers: z.array(AccountTier),
  capacity: z.number().int().nullable(),
  paused: z.boolean(),
  awayUntil: z.string().nullable(),
  /** Leads assigned to them that are still open (MQL, accepted, opportunity). */
  openLeads: z.number().int(),
  /** Whether round-robin would hand them a lead now. */
  available: z.boolean(),
});
export type SalesMemberView = z.infer<typeof SalesMemberView>;

export const SalesGroupView = z.object({
  id: z.string(),
  name: z.string(),
  manager: StaffRef.nullable(),
  partnerLeads: PartnerLeadMode,
  members: z.array(SalesMemberView),
  /** The caller may change the group and its members (admins); a manager may only pause and resume. */
  editable: z.boolean(),
  updatedAt: z.string(),
});
export type SalesGroupView = z.infer<typeof SalesGroupView>;
export const SalesGroupList = pageOf(SalesGroupView);
export type SalesGroupList = z.infer<typeof SalesGroupList>;

export const RemoveMemberResponse = z.object({ staffId: z.string(), removed: z.literal(true) });

/** The manager's view: the team's open leads, newest assignment first, optionally one member's. */
export const TeamLeadsQuery = PageQuery.extend({ staffId: RecordId.optional() }).strict();
export type TeamLeadsQuery = z.infer<typeof TeamLeadsQuery>;
export const TeamLead = z.object({
  personId: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  stage: LeadStage,
  owner: StaffRef,
  assignedAt: z.string(),
});
export type TeamLead = z.infer<typeof TeamLead>;
export const TeamLeadList = pageOf(TeamLead);
export type TeamLeadList = z.infer<typeof TeamLeadList>;

/** Open leads the stages count as still in sales' hands. */
export const OpenLeadStages = ['mql', 'sal', 'sql'] as const satisfies readonly LeadStage[];
