import { useApiResource } from '@/core/api/useApiResource';
import { fetchSharedContents } from '../services/star-map.service';

/** Shared content with titles, for picking which star map to show. */
export function useSharedContents() {
  const { data, error, reload } = useApiResource(fetchSharedContents);
  return { items: data, error, reload };
}
