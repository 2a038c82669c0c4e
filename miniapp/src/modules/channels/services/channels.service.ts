import type { ChannelCreated, ChannelView, CreateChannelRequest, Page } from '@leadloop/shared';
import type { z } from 'zod';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';
import { readAllPages } from '@/core/api/useKeysetList';

export type CreatedChannel = z.infer<typeof ChannelCreated>;

/** A page of channels, newest first. */
export function listChannels(cursor?: string, limit = 20): Promise<Page<ChannelView>> {
  return api('listChannels', undefined, { scope: platform.consoleScope, query: { limit, cursor } });
}

/** Every channel (a filter offers them all). */
export function listAllChannels(): Promise<ChannelView[]> {
  return readAllPages(listChannels);
}

export function createChannel(input: CreateChannelRequest): Promise<CreatedChannel> {
  return api('createChannel', input, { scope: platform.consoleScope });
}
