import type { StarMapResponse } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { fetchStarMap, type StarMapFilters } from '../services/star-map.service';

/** The star map for the filters; refetched when they change or on `reload`. */
export function useStarMap(filters: StarMapFilters) {
  const [data, setData] = useState<StarMapResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const { contentType, contentId, range, channelCode } = filters;

  useEffect(() => {
    let active = true;
    setLoading(true);
    setError(null);
    fetchStarMap({ contentType, contentId, range, channelCode })
      .then((result) => active && setData(result))
      .catch((failure: unknown) => active && setError(failure))
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [contentType, contentId, range, channelCode, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
