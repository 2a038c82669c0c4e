import type { LiveReport } from '@leadloop/shared';
import { useCallback } from 'react';
import { useApiResource, type ApiResource } from '@/core/api/useApiResource';
import { fetchLiveReport } from '../services/live-console.service';

export function useLiveReport(id: string): ApiResource<LiveReport> {
  const load = useCallback(() => fetchLiveReport(id), [id]);
  return useApiResource(load, !!id);
}
