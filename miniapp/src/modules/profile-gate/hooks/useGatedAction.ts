import type { GateStatus, GateSubmission } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { loginAllowed } from '@/core/entry';
import { platform } from '@/core/platform';
import { serverConfigStore } from '@/core/platform/server-config';
import { currentSession } from '@/core/session/session-store';
import { useSession } from '@/modules/identity/hooks/useSession';
import { describeGateError } from '../services/gate-errors';
import { checkGate, gateFieldErrorsFrom, gateSatisfied, type GateFieldErrors, type GateValues } from '../services/gate-form';
import { requestIds } from '../services/request-ids';

export interface GatedActionOptions<R> {
  /** What the gate still needs (`GET …/gate`, or a gate made with `localGate`). */
  loadGate(): Promise<GateStatus>;
  /**
   * The action. `requestId` is chosen per tap and kept when the outcome is unknown (network
   * failure), so tapping again resends the same request and the server answers the same record.
   */
  perform(submission: GateSubmission, requestId: string): Promise<R>;
  /** After the action succeeded (e.g. open the document). Failures here are shown like the action's. */
  onDone?(result: R): Promise<void> | void;
  /** Sentences for the feature's own error codes (the gate's are handled here). */
  describe?(error: unknown): string;
  /** Open the sheet even when nothing is missing (e.g. to confirm and add a note). */
  alwaysConfirm?: boolean;
}

/** The sheet: open with the gate to fill, or with no gate yet while the person signs in. */
export interface GateSheetState {
  gate: GateStatus | null;
}

/**
 * A gated action as a person goes through it: one tap when the profile and consent are already
 * there, otherwise a sheet asking only for what is missing (signing in first in a browser); the
 * server's refusals (PROFILE_INCOMPLETE, CONSENT_REQUIRED, CONSENT_POLICY_OUTDATED) reopen the
 * sheet with a fresh gate.
 */
export function useGatedAction<R>(options: GatedActionOptions<R>) {
  const latest = useRef(options);
  latest.current = options;
  const session = useSession('app');
  const [sheet, setSheet] = useState<GateSheetState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<GateFieldErrors>({});
  const [result, setResult] = useState<R | null>(null);
  const [requestId] = useState(requestIds);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const describe = useCallback((failure: unknown) => latest.current.describe?.(failure) ?? describeGateError(failure), []);

  const openGate = useCallback(async (message: string | null) => {
    const gate = await latest.current.loadGate();
    if (!mounted.current) return;
    setSheet({ gate });
    setError(message);
  }, []);

  const fail = useCallback(
    async (failure: unknown) => {
      if (isApiError(failure, 'PROFILE_INCOMPLETE', 'CONSENT_REQUIRED', 'CONSENT_POLICY_OUTDATED')) {
        const message = describeGateError(failure);
        await openGate(message).catch(() => setError(message));
        return;
      }
      if (isApiError(failure, 'VALIDATION_FAILED')) {
        const next = gateFieldErrorsFrom(failure.details);
        if (Object.keys(next).length > 0) {
          setFieldErrors(next);
          setError(null);
          return;
        }
      }
      if (isApiError(failure, 'CANCELLED')) return;
      setError(describe(failure));
    },
    [openGate, describe],
  );

  const complete = useCallback(async (submission: GateSubmission) => {
    let done: R;
    try {
      done = await latest.current.perform(submission, requestId.next());
    } catch (failure) {
      requestId.settle(failure);
      throw failure;
    }
    requestId.settle();
    if (!mounted.current) return;
    setSheet(null);
    setFieldErrors({});
    setError(null);
    setResult(done);
    await latest.current.onDone?.(done);
  }, [requestId]);

  /** The page's action button: one tap when nothing is missing, the sheet otherwise. */
  const start = useCallback(async () => {
    if (busy) return;
    setError(null);
    if (!loginAllowed()) {
      setError('当前为朋友圈预览，点击底部「前往小程序」后即可继续');
      return;
    }
    // WeChat signs in silently; a browser needs the sandbox persona first, chosen in the sheet.
    if (!currentSession('app') && platform.loginMethod(serverConfigStore.get()) !== 'wechat') {
      setSheet({ gate: null });
      return;
    }
    setBusy(true);
    try {
      const gate = await latest.current.loadGate();
      if (gateSatisfied(gate) && !latest.current.alwaysConfirm) await complete({ profile: {} });
      else {
        setFieldErrors({});
        setSheet({ gate });
      }
    } catch (failure) {
      await fail(failure);
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, [busy, complete, fail]);

  /** The sheet's submit button. */
  const submit = useCallback(
    async (values: GateValues, consentTicked: boolean, followUpTicked = false) => {
      const gate = sheet?.gate;
      if (!gate || busy) return;
      const check = checkGate(gate, values, consentTicked, followUpTicked);
      if (!check.ok) {
        setFieldErrors(check.fieldErrors);
        setError(check.message);
        return;
      }
      setBusy(true);
      setError(null);
      try {
        await complete(check.submission);
      } catch (failure) {
        await fail(failure);
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [sheet, busy, complete, fail],
  );

  /** After signing in or binding a phone inside the sheet: what does the gate still need? */
  const refreshGate = useCallback(() => {
    latest.current
      .loadGate()
      .then((gate) => mounted.current && setSheet((open) => (open ? { gate } : open)))
      .catch((failure: unknown) => mounted.current && setError(describe(failure)));
  }, [describe]);

  const signedIn = session !== null;
  const waitingForLogin = sheet !== null && sheet.gate === null;
  useEffect(() => {
    if (waitingForLogin && signedIn) refreshGate();
  }, [waitingForLogin, signedIn, refreshGate]);

  const closeSheet = useCallback(() => {
    setSheet(null);
    setError(null);
    setFieldErrors({});
  }, []);

  return { sheet, busy, error, fieldErrors, result, start, submit, closeSheet, refreshGate, setError, clearResult: () => setResult(null) };
}

export type GatedAction<R = unknown> = ReturnType<typeof useGatedAction<R>>;
