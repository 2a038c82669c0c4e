import type { CardView } from '@leadloop/shared';
import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { loginAllowed } from '@/core/entry';
import { platform } from '@/core/platform';
import { useServerConfig } from '@/modules/identity/hooks/useServerConfig';
import { useSession } from '@/modules/identity/hooks/useSession';
import { viewCard } from '../services/card.service';

/**
 * A salesperson's card as this prospect sees it. Viewing is recorded for the owner, so it needs a
 * signed-in person: WeChat signs in silently; a browser waits for the sandbox login.
 */
export function useCardView(cardId: string | null) {
  const session = useSession('app');
  const config = useServerConfig();
  const canLoad = !!cardId && loginAllowed() && (session !== null || platform.loginMethod(config) === 'wechat');
  const load = useCallback((): Promise<CardView> => viewCard(cardId ?? ''), [cardId]);
  const { data, error, reload } = useApiResource(load, canLoad);
  return { card: data && data.id === cardId ? data : null, error, reload, needsSignIn: !!cardId && loginAllowed() && !canLoad && config !== null };
}
