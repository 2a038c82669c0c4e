import type { InvitePreview, SessionResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { sessions } from '@/core/session/session-store';

export function previewInvite(token: string): Promise<InvitePreview> {
  return api('previewInvite', { token });
}

/** Binds this WeChat to the invited staff account and switches to the session that says so. */
export async function acceptInvite(token: string): Promise<SessionResponse> {
  const session = await api('acceptInvite', { token });
  sessions.app.set(session);
  return session;
}
