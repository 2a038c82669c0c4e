import { z } from 'zod';
import { pageOf, PageQuery } from '../pagination';
import { AccountTier, AccountTiers, CompanySizeBand, CompanySizeBands } from './lead-vocabulary';
import { Industries, Industry, Province, Provinces } from './profile-vocabulary';
import { StaffRef } from './sales-org';
import { RecordId } from './whitepaper';

/**
 * Routing on MQL and on 请联系我: the ordered rules that send a lead to a group, the tester, the
 * unassigned queue, manual reassignment and every decision with its reason.
 */

export const MAX_ROUTING_RULES = 50;

/** A rule: every non-empty list must contain the lead's value; empty lists match anything. */
export const RoutingRuleInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    regions: z.array(Province).max(Provinces.length).default([]),
    industries: z.array(Industry).max(Industries.length).default([]),
    sizeBands: z.array(CompanySizeBand).max(CompanySizeBands.length).default([]),
    tiers: z.array(AccountTier).max(AccountTiers.length).default([]),
    groupId: RecordId,
    enabled: z.boolean().default(true),
  })
  .strict();
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

/** The whole ordered list, saved at once: the first enabled rule that matches wins. */
export const SaveRoutingRules = z.object({ rules: z.array(RoutingRuleInput).max(MAX_ROUTING_RULES) }).strict();
export type SaveRoutingRules = z.infer<typeof SaveRoutingRules>;

export const RoutingRuleView = z.object({
  id: z.string(),
  name: z.string(),
  regions: z.array(Province),
  industries: z.array(Industry),
  sizeBands: z.array(CompanySizeBand),
  tiers: z.array(AccountTier),
  group: z.object({ id: z.string(), name: z.string() }),
  enabled: z.boolean(),
});
export type RoutingRuleView = z.infer<typeof RoutingRuleView>;
export const RoutingRuleList = z.object({ items: z.array(RoutingRuleView), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export type RoutingRuleList = z.infer<typeof RoutingRuleList>;

/** What routing knows of a lead when it applies the rules (the account's values fill gaps in the person's). */
export const RoutingFacts = z
  .object({
    region: Province.nullable().default(null),
    industry: Industry.nullable().default(null),
    sizeBand: CompanySizeBand.nullable().default(null),
    tier: AccountTier.nullable().default(null),
  })
  .strict();
export type RoutingFacts = z.infer<typeof RoutingFacts>;

/** "Which rule would take this lead?": a real lead, or facts typed in. */
export const RoutingTestRequest = z.union([z.object({ personId: RecordId }).strict(), z.object({ facts: RoutingFacts }).strict()]);
export type RoutingTestRequest = z.infer<typeof RoutingTestRequest>;
export const RoutingTestResult = z.object({
  facts: RoutingFacts,
  /** The winning rule and its place in the list (1-based); null: no rule matches, the lead would wait in the unassigned queue. */
  rule: z.object({ id: z.string(), name: z.string(), position: z.number().int(), group: z.object({ id: z.string(), name: z.string() }) }).nullable(),
});
export type RoutingTestResult = z.infer<typeof RoutingTestResult>;

/** Why a decision was made: which step of the order decided it. */
export const RoutingSteps = ['owner', 'account_owner', 'share_root', 'partner', 'rule', 'no_match', 'group_full', 'manual'] as const;
export const RoutingStep = z.enum(RoutingSteps);
export type RoutingStep = z.infer<typeof RoutingStep>;
export const RoutingStepLabels: Record<RoutingStep, string> = {
  owner: '已有负责人，通知负责人',
  account_owner: '所属客户已有负责人，通知负责人',
  share_root: '分享来源销售',
  partner: '渠道伙伴规则',
  rule: '分配规则',
  no_match: '无匹配规则，进入待分配',
  group_full: '组内无可分配成员，进入待分配',
  manual: '手动分配',
};
export const RoutingOutcomes = ['assigned', 'signalled_owner', 'unassigned', 'reassigned'] as const;
export const RoutingOutcome = z.enum(RoutingOutcomes);
export type RoutingOutcome = z.infer<typeof RoutingOutcome>;
export const RoutingTriggers = ['mql', 'contact_request', 'manual'] as const;
export const RoutingTrigger = z.enum(RoutingTriggers);
export type RoutingTrigger = z.infer<typeof RoutingTrigger>;

export const RoutingDecisionView = z.object({
  id: z.string(),
  trigger: RoutingTrigger,
  outcome: RoutingOutcome,
  step: RoutingStep,
  reason: z.string(),
  staff: StaffRef.nullable(),
  previous: StaffRef.nullable(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  by: StaffRef.nullable(),
  /** For owner signals: false when the owner was told about this lead recently (deduplicated). */
  signalled: z.boolean(),
  at: z.string(),
});
export type RoutingDecisionView = z.infer<typeof RoutingDecisionView>;
export const RoutingDecisionList = pageOf(RoutingDecisionView);

/** The unassigned queue marketers work through, oldest first. */
export const UnassignedLead = z.object({
  personId: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  facts: RoutingFacts,
  step: RoutingStep,
  queuedAt: z.string(),
});
export type UnassignedLead = z.infer<typeof UnassignedLead>;
export const UnassignedLeadList = pageOf(UnassignedLead);
export type UnassignedLeadList = z.infer<typeof UnassignedLeadList>;
export const UnassignedQuery = PageQuery;

export const ReassignRequest = z.object({ staffId: RecordId, reason: z.string().trim().min(1).max(200) }).strict();
export type ReassignRequest = z.infer<typeof ReassignRequest>;
export const ReassignResponse = z.object({ personId: z.string(), owner: StaffRef, decisionId: z.string() });
export type ReassignResponse = z.infer<typeof ReassignResponse>;
