import { useEffect } from 'react';
import { loadServerConfig, serverConfigStore, type ServerConfig } from '@/core/platform/server-config';
import { useStore } from '@/core/store';

/** The server's /config (null until loaded); triggers the load if nobody has yet. */
export function useServerConfig(): ServerConfig | null {
  const config = useStore(serverConfigStore);
  useEffect(() => {
    if (!config) loadServerConfig().catch(() => undefined);
  }, [config]);
  return config;
}
