import { z } from 'zod';
import { StaffRoles } from '../roles';
import { ProfileValues } from './profile';
import { EntryContext } from './share-chain';

/** A wx.login / getPhoneNumber code: single use, opaque, short. */
export const WechatCode = z.string().trim().min(1).max(128).regex(/^[\w-]+$/, 'must be a WeChat code');

export const LoginRequest = z
  .object({
    code: WechatCode,
    /** How this person arrived (share token, channel, scene, install id): their first touch if they are new. */
    entry: EntryContext.optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffSummary = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(StaffRoles),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const PersonProfile = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: z.object({ id: z.string() }),
  staff: StaffSummary.nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const MeResponse = z.object({
  person: PersonProfile,
  staff: StaffSummary.nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const UpdateProfileRequest = ProfileValues.extend({ nickname: z.string().trim().min(1).max(40).optional() })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

export const BindPhoneRequest = z.object({ code: WechatCode }).strict();
export type BindPhoneRequest = z.infer<typeof BindPhoneRequest>;

export const BindPhoneResponse = z.object({
  phoneMasked: z.string(),
  /** Set when the phone already belonged to another person record and the two were merged. */
  mergedFrom: z.string().nullable(),
  /** A new session when the merge changed which person this login belongs to. */
  session: SessionResponse.nullable(),
});
export type BindPhoneResponse = z.infer<typeof BindPhoneResponse>;
