import type { ChannelCreated, ChannelView, CreateChannelRequest } from '@leadloop/shared';
import type { z } from 'zod';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

export type CreatedChannel = z.infer<typeof ChannelCreated>;

export async function listChannels(): Promise<ChannelView[]> {
  return (await api('listChannels', undefined, { scope: platform.consoleScope })).items;
}

export function createChannel(input: CreateChannelRequest): Promise<CreatedChannel> {
  return api('createChannel', input, { scope: platform.consoleScope });
}
