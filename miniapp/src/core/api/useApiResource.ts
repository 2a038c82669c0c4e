import { useCallback, useEffect, useState } from 'react';

export interface ApiResource<T> {
  /** The last value loaded; null until the first load succeeds. */
  data: T | null;
  error: unknown;
  /** Loads again; what was shown stays until the new value arrives. */
  reload(): void;
  /** Replaces the value with a fresher copy already fetched some other way. */
  setData(data: T): void;
}

/**
 * Something read from the API: loaded while `enabled`, and again on `reload`. A result that arrives
 * after unmounting or after a newer load started is dropped. `load` should be a module-level
 * function: a new one on every render would load on every render.
 */
export function useApiResource<T>(load: () => Promise<T>, enabled = true): ApiResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setError(null);
    load()
      .then((result) => active && setData(result))
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [load, enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, reload, setData };
}
