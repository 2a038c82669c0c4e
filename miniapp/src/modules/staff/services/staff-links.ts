import { OneTimeSecret } from '@leadloop/shared';

/**
 * The one-time secret in a staff link: `scene` when opened from a mini-program code (URL-encoded
 * by WeChat), or `t` from a shared link.
 */
export function secretFromParams(params: Record<string, string | undefined>): string | null {
  const raw = params.scene ?? params.t;
  if (!raw) return null;
  let value = raw;
  // Decode until stable: WeChat encodes `scene`, and routers may encode it once more.
  for (let i = 0; i < 2 && value.includes('%'); i++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return OneTimeSecret.safeParse(value).success ? value : null;
}
