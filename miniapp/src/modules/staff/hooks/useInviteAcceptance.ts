import type { InvitePreview, SessionResponse } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { acceptInvite, previewInvite } from '../services/invite.service';

export type InviteState =
  | { step: 'loading' }
  | { step: 'ready'; invite: InvitePreview; accepting: boolean; error: unknown }
  | { step: 'accepted'; invite: InvitePreview; session: SessionResponse }
  | { step: 'failed'; error: unknown };

export function useInviteAcceptance(token: string) {
  const [state, setState] = useState<InviteState>({ step: 'loading' });

  useEffect(() => {
    let active = true;
    setState({ step: 'loading' });
    previewInvite(token)
      .then((invite) => active && setState({ step: 'ready', invite, accepting: false, error: null }))
      .catch((error: unknown) => active && setState({ step: 'failed', error }));
    return () => {
      active = false;
    };
  }, [token]);

  const accept = useCallback(async () => {
    if (state.step !== 'ready' || state.accepting) return;
    const { invite } = state;
    setState({ step: 'ready', invite, accepting: true, error: null });
    try {
      const session = await acceptInvite(token);
      setState({ step: 'accepted', invite, session });
    } catch (error) {
      setState({ step: 'ready', invite, accepting: false, error });
    }
  }, [state, token]);

  return { state, accept };
}
