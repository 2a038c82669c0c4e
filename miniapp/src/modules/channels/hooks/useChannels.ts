import type { ChannelView } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { listChannels } from '../services/channels.service';

export function useChannels(enabled = true) {
  const [items, setItems] = useState<ChannelView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setError(null);
    listChannels()
      .then((result) => active && setItems(result))
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { items, error, reload };
}
