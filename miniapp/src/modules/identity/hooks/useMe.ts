import type { MeResponse } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import type { SessionScope } from '@/core/session/session-store';
import { fetchMe } from '../services/identity.service';
import { useSession } from './useSession';

export interface MeState {
  me: MeResponse | null;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Replace the profile after an edit the server already answered with. */
  setMe(next: MeResponse | ((prev: MeResponse | null) => MeResponse | null)): void;
}

/** The signed-in person for a session scope; refetched whenever that session changes. */
export function useMe(scope: SessionScope = 'app'): MeState {
  const session = useSession(scope);
  const token = session?.token ?? null;
  const [me, setMe] = useState<MeResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!token) {
      setMe(null);
      setError(null);
      return;
    }
    let active = true;
    setLoading(true);
    setError(null);
    fetchMe(scope)
      .then((result) => active && setMe(result))
      .catch((failure: unknown) => active && setError(failure))
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [scope, token, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { me, loading, error, reload, setMe };
}
