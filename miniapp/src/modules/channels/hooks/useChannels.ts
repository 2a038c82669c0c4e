import { useApiResource } from '@/core/api/useApiResource';
import { listChannels } from '../services/channels.service';

/** All channels, for the channel table and the star map's channel filter. */
export function useChannels(enabled = true) {
  const { data, error, reload } = useApiResource(listChannels, enabled);
  return { items: data, error, reload };
}
