import { useCallback, useEffect, useState } from 'react';
import type { ConsoleTicketStatus } from '@leadloop/shared';
import { ApiError } from '@/core/api/api-error';
import { confirmTicket, markTicketScanned } from '../services/console-confirm.service';

export type ConsoleConfirmState =
  | { step: 'scanning' }
  | { step: 'ready'; confirming: boolean; error: unknown }
  | { step: 'confirmed' }
  | { step: 'failed'; error: unknown };

/** A ticket that can no longer be confirmed, as the error the person sees. */
function problemOf(status: ConsoleTicketStatus): ApiError | null {
  if (status === 'expired') return new ApiError('LOGIN_TICKET_EXPIRED', 'ticket expired');
  if (status === 'confirmed' || status === 'consumed') return new ApiError('LOGIN_TICKET_USED', 'ticket already used');
  return null;
}

/** Marks the ticket scanned on open, then waits for the staff member's explicit confirmation. */
export function useConsoleConfirm(ticket: string, enabled: boolean) {
  const [state, setState] = useState<ConsoleConfirmState>({ step: 'scanning' });

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setState({ step: 'scanning' });
    markTicketScanned(ticket)
      .then(({ status }) => {
        if (!active) return;
        const problem = problemOf(status);
        setState(problem ? { step: 'failed', error: problem } : { step: 'ready', confirming: false, error: null });
      })
      .catch((error: unknown) => active && setState({ step: 'failed', error }));
    return () => {
      active = false;
    };
  }, [ticket, enabled]);

  const confirm = useCallback(async () => {
    if (state.step !== 'ready' || state.confirming) return;
    setState({ step: 'ready', confirming: true, error: null });
    try {
      await confirmTicket(ticket);
      setState({ step: 'confirmed' });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  }, [state, ticket]);

  return { state, confirm };
}
