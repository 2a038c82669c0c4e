import { z } from 'zod';
import { ConsentPurpose } from './profile';

/** 我的 → privacy: where each purpose stands for this person. */
export const MyConsent = z.object({
  purpose: ConsentPurpose,
  /** `never`: not asked yet. */
  status: z.enum(['granted', 'withdrawn', 'never']),
  /** The policy version of the latest entry (null when never asked). */
  policyVersion: z.string().nullable(),
  /** Granted under an older policy: the next gated action asks again. */
  outdated: z.boolean(),
  at: z.string().nullable(),
  sourcePage: z.string().nullable(),
});
export type MyConsent = z.infer<typeof MyConsent>;

export const MyConsents = z.object({ policyVersion: z.string(), items: z.array(MyConsent) });
export type MyConsents = z.infer<typeof MyConsents>;

export const WithdrawConsentRequest = z.object({ page: z.string().trim().min(1).max(128).optional() }).strict();
export type WithdrawConsentRequest = z.infer<typeof WithdrawConsentRequest>;

export const ConsentEntry = z.object({
  purpose: ConsentPurpose,
  action: z.enum(['granted', 'withdrawn']),
  policyVersion: z.string(),
  sourcePage: z.string(),
  at: z.string(),
});

/**
 * Everything held about the person (PIPL access and portability). Features beyond identity,
 * consent and leads contribute their own `sections` (whitepaper downloads, sign-ups, card visits,
 * profile corrections).
 */
export const PersonDataExport = z.object({
  exportedAt: z.string(),
  policyVersion: z.string(),
  person: z.object({
    id: z.string(),
    createdAt: z.string(),
    nickname: z.string().nullable(),
    name: z.string().nullable(),
    company: z.string().nullable(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    /** The full number: it is the person's own. */
    phone: z.string().nullable(),
    industry: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    sizeBand: z.string().nullable(),
    department: z.string().nullable(),
    seniority: z.string().nullable(),
    buyingRole: z.string().nullable(),
  }),
  /** How we recognise them (WeChat openid/unionid, phone): kinds and dates, not the raw values. */
  identifiers: z.array(z.object({ kind: z.string(), createdAt: z.string() })),
  consents: z.array(ConsentEntry),
  lead: z
    .object({
      status: z.string(),
      firstActivity: z.string(),
      lastActivity: z.string(),
      activityCount: z.number().int(),
      createdAt: z.string(),
      lastActivityAt: z.string(),
    })
    .nullable(),
  activity: z.object({ events: z.number().int() }),
  sections: z.record(z.string(), z.unknown()),
});
export type PersonDataExport = z.infer<typeof PersonDataExport>;

/** Deleting my data needs an explicit, typed confirmation. */
export const EraseMeRequest = z.object({ confirm: z.literal('DELETE', { error: 'type DELETE to confirm' }) }).strict();
export type EraseMeRequest = z.infer<typeof EraseMeRequest>;

export const EraseMeResponse = z.object({ erased: z.literal(true), erasureId: z.string(), erasedAt: z.string() });
export type EraseMeResponse = z.infer<typeof EraseMeResponse>;

/** The policy texts the app shows (privacy policy, user agreement), with their versions. */
export const PolicyKinds = ['privacy', 'terms'] as const;
export const PolicyKind = z.enum(PolicyKinds);
export type PolicyKind = z.infer<typeof PolicyKind>;

export const PolicyText = z.object({
  kind: PolicyKind,
  title: z.string(),
  version: z.string(),
  /** Plain text; paragraphs separated by blank lines. */
  text: z.string(),
});
export type PolicyText = z.infer<typeof PolicyText>;
