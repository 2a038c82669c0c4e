import { parseScene, type ContentType, type ShareTokenContent } from '@leadloop/shared';
import { api } from '@/core/api/client';

const known = new Map<string, Promise<ShareTokenContent>>();

/** Which content a share token opens (`GET /share/tokens/{token}`), asked once per token. */
export function contentOfToken(token: string): Promise<ShareTokenContent> {
  let pending = known.get(token);
  if (!pending) {
    pending = api('shareTokenContent', undefined, { params: { token } });
    known.set(token, pending);
    pending.catch(() => known.delete(token));
  }
  return pending;
}

/**
 * The content id a detail page was opened for: its `id` parameter, or, for a poster's mini-program
 * code (which carries only the share token as `scene`), what the token opens — if it is this kind
 * of content.
 */
export async function routedContentId(contentType: ContentType, params: Record<string, string | undefined>): Promise<string | null> {
  if (params.id) return params.id;
  const token = typeof params.scene === 'string' ? parseScene(params.scene).shareToken : null;
  if (!token) return null;
  const content = await contentOfToken(token);
  return content.contentType === contentType ? content.contentId : null;
}
