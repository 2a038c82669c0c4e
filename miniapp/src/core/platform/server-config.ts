import { PublicConfigResponse } from '@leadloop/shared';
import { ApiError } from '../api/api-error';
import { httpJson } from '../api/http';
import { createStore } from '../store';
import { apiBase } from './env';

export type ServerConfig = PublicConfigResponse;

/** `GET /api/config`, read once at start-up; null until it arrives. */
export const serverConfigStore = createStore<ServerConfig | null>(null);

let inflight: Promise<ServerConfig> | null = null;

export function loadServerConfig(): Promise<ServerConfig> {
  const known = serverConfigStore.get();
  if (known) return Promise.resolve(known);
  inflight ??= httpJson({ url: `${apiBase}/api/config`, method: 'GET' })
    .then((body) => {
      const parsed = PublicConfigResponse.safeParse(body);
      if (!parsed.success) throw new ApiError('BAD_RESPONSE', 'unexpected /config response');
      serverConfigStore.set(parsed.data);
      return parsed.data;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}
