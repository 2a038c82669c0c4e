import { useApiResource } from '@/core/api/useApiResource';
import { useKeysetList } from '@/core/api/useKeysetList';
import { listAllChannels, listChannels } from '../services/channels.service';

/** Every channel, for the star map's channel filter. */
export function useAllChannels(enabled = true) {
  const { data, error, reload } = useApiResource(listAllChannels, enabled);
  return { items: data, error, reload };
}

/** The channel table: newest first, a page at a time. */
export function useChannelPages() {
  return useKeysetList(listChannels, (channel) => channel.id);
}
