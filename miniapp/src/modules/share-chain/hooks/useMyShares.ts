import type { MySharesResponse } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { fetchMyShares } from '../services/share.service';

export function useMyShares(enabled: boolean) {
  const [items, setItems] = useState<MySharesResponse['items'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setError(null);
    fetchMyShares()
      .then((result) => active && setItems(result.items))
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { items, error, reload };
}
