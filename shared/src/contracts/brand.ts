import { z } from 'zod';
import { CARD_PHONE_PATTERN } from './card';

/** The logo: PNG or JPEG (checked by its bytes), at most 1 MB, sent as multipart field `logo`. */
export const BRAND_LOGO_FIELD = 'logo';
export const BRAND_LOGO_MAX_BYTES = 1024 * 1024;
export const MAX_POLICY_CHARS = 20_000;
/** `#1f5eff` (six hex digits; stored lowercase). */
export const BRAND_COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** What a fresh install shows until an admin names the company. */
export const DEFAULT_BRAND_COLOUR = '#1f5eff';

const policyVersion = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\w.-]+$/, 'must be letters, digits, dots or dashes (e.g. 2026-12)');

/** Everything an admin sets on the 品牌设置 page (the logo is uploaded on its own). */
export const UpdateBrandRequest = z
  .object({
    companyName: z.string().trim().min(2).max(60),
    shortName: z.string().trim().min(1).max(12),
    colour: z
      .string()
      .trim()
      .regex(BRAND_COLOUR_PATTERN, 'must be a colour like #1f5eff')
      .transform((v) => v.toLowerCase()),
    servicePhone: z
      .string()
      .trim()
      .max(20)
      .refine((v) => v === '' || CARD_PHONE_PATTERN.test(v) || /^[48]00-?\d{3}-?\d{4}$/.test(v), 'must be a mobile, a landline with area code or a 400/800 number')
      .nullable()
      .optional()
      .transform((v) => v || null),
    privacyPolicy: z.object({ text: z.string().trim().min(20).max(MAX_POLICY_CHARS), version: policyVersion }).strict(),
    userAgreement: z.object({ text: z.string().trim().min(20).max(MAX_POLICY_CHARS), version: policyVersion }).strict(),
  })
  .strict();
export type UpdateBrandRequest = z.infer<typeof UpdateBrandRequest>;

/** What every page a prospect sees needs: served publicly, cached briefly (ETag). */
export const PublicBrand = z.object({
  /** False on a fresh install: the console asks an admin to fill in the company. */
  configured: z.boolean(),
  companyName: z.string(),
  shortName: z.string(),
  colour: z.string(),
  /** `/api/brand/logo/{id}` (immutable) or null: pages then draw the short name's first character. */
  logoUrl: z.string().nullable(),
  servicePhone: z.string().nullable(),
  privacyPolicyVersion: z.string(),
  userAgreementVersion: z.string(),
  /** Bumped by every save: part of the ETag and of poster keys. */
  version: z.number().int(),
});
export type PublicBrand = z.infer<typeof PublicBrand>;

export const PolicyDocumentKinds = ['privacy-policy', 'user-agreement'] as const;
export type PolicyDocumentKind = (typeof PolicyDocumentKinds)[number];

/** One of the policy texts, as the app shows it. */
export const PolicyDocument = z.object({
  kind: z.enum(PolicyDocumentKinds),
  title: z.string(),
  companyName: z.string(),
  version: z.string(),
  text: z.string(),
  updatedAt: z.string().nullable(),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** The admin's view: the public fields and both texts. */
export const BrandSettings = PublicBrand.extend({
  privacyPolicy: z.object({ text: z.string(), version: z.string() }),
  userAgreement: z.object({ text: z.string(), version: z.string() }),
  updatedAt: z.string().nullable(),
});
export type BrandSettings = z.infer<typeof BrandSettings>;

/** Image bytes (not JSON). */
export const BrandLogoBytes = z.unknown();
