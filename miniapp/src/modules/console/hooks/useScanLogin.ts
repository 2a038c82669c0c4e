import type { ConsoleTicketResponse } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { adoptConsoleSession, pollScanLogin, startScanLogin } from '../services/console-auth.service';

const POLL_INTERVAL_MS = 1500;

export type ScanLoginPhase = 'creating' | 'waiting' | 'scanned' | 'expired' | 'failed';

export interface ScanLoginState {
  phase: ScanLoginPhase;
  ticket: ConsoleTicketResponse | null;
  error: unknown;
}

/**
 * Desktop side of scan-login: shows a ticket, polls it every 1.5 s, and on confirmation stores the
 * console session it receives (exactly once) and calls `onSignedIn`.
 */
export function useScanLogin(onSignedIn: () => void) {
  const [state, setState] = useState<ScanLoginState>({ phase: 'creating', ticket: null, error: null });
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  const refresh = useCallback(() => {
    setState({ phase: 'creating', ticket: null, error: null });
    startScanLogin()
      .then((ticket) => setState({ phase: 'waiting', ticket, error: null }))
      .catch((error: unknown) => setState({ phase: 'failed', ticket: null, error }));
  }, []);

  useEffect(refresh, [refresh]);

  const ticket = state.ticket;
  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expire = () => setState((prev) => (prev.ticket === ticket ? { ...prev, phase: 'expired' } : prev));

    const tick = async () => {
      if (stopped) return;
      if (Date.parse(ticket.expiresAt) <= Date.now()) return expire();
      try {
        const result = await pollScanLogin(ticket);
        if (stopped) return;
        if (result.status === 'confirmed' && result.session) {
          adoptConsoleSession(result.session);
          stopped = true;
          signedIn.current();
          return;
        }
        if (result.status === 'expired' || result.status === 'consumed') return expire();
        if (result.status === 'scanned') setState((prev) => (prev.ticket === ticket ? { ...prev, phase: 'scanned' } : prev));
      } catch (error) {
        if (stopped) return;
        if (isApiError(error, 'LOGIN_TICKET_EXPIRED', 'LOGIN_TICKET_INVALID', 'LOGIN_TICKET_USED')) return expire();
        // Network hiccups: keep polling until the ticket's own expiry.
      }
      timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
    };

    timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [ticket]);

  return { state, refresh };
}
