import { z } from 'zod';

export const HealthResponse = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']) });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** What the mini-program needs to know about the server it talks to, read at start-up. */
export const PublicConfigResponse = z.object({
  appId: z.string(),
  /** True when WeChat is the local sandbox: the H5 build then offers test personas. */
  sandbox: z.boolean(),
  privacyPolicyVersion: z.string(),
});
export type PublicConfigResponse = z.infer<typeof PublicConfigResponse>;

export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string(),
});
