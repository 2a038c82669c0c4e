import { useCallback } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import type { SessionScope } from '@/core/session/session-store';
import { fetchHandoff } from '../services/handoff.service';

/** The hand-off package of one lead, read once for the action area and the account card. */
export function useLeadHandoff(scope: SessionScope, id: string) {
  const load = useCallback(() => fetchHandoff(scope, id), [scope, id]);
  return useApiResource(load, !!id);
}
