import type { LiveEventView, SignupResponse } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { useGatedAction } from '@/modules/profile-gate/hooks/useGatedAction';
import { confirmAction } from '@/ui';
import { describeLiveError } from '../services/live-errors';
import { formatLiveTime, formatMoney } from '../services/live-format';
import { cancelSignup, fetchGate, fetchLiveEvent, recordReminderAnswers, signUp } from '../services/live.service';

export type PaymentStep = 'idle' | 'paying' | 'confirming' | 'slow';
export type ReminderState = 'none' | 'asking' | 'granted' | 'declined';

const POLL_MS = 1000;
const POLL_ROUNDS = 45;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SignupOptions {
  event: LiveEventView;
  setEvent(event: LiveEventView): void;
  reload(): void;
}

/**
 * Sign-up for one live event, as a person goes through it: the profile gate (one tap when profile
 * and consent are already there, otherwise a sheet asking only for what is missing); then WeChat
 * Pay for a paid event and the wait for its confirmation, or the subscribe prompt for reminders;
 * and cancelling.
 */
export function useSignup({ event, setEvent, reload }: SignupOptions) {
  const [payment, setPayment] = useState<PaymentStep>('idle');
  const [templates, setTemplates] = useState<string[]>([]);
  const [reminders, setReminders] = useState<ReminderState>(event.mySignup?.reminderOn ? 'granted' : 'none');
  // after a reload the server says whether a reminder is already on
  useEffect(() => {
    if (event.mySignup?.reminderOn) setReminders('granted');
  }, [event.mySignup?.reminderOn]);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const latest = useRef(event);
  latest.current = event;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const eventId = event.id;

  const askReminders = useCallback(
    async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      setReminders('asking');
      try {
        const results = await platform.requestSubscribe(ids);
        if (Object.keys(results).length === 0) {
          if (mounted.current) setReminders('none');
          return;
        }
        await recordReminderAnswers(eventId, results);
        if (mounted.current) setReminders(Object.values(results).includes('accept') ? 'granted' : 'declined');
      } catch {
        // Reminders are a courtesy: the sign-up stands whatever happens here.
        if (mounted.current) setReminders('none');
      }
    },
    [eventId],
  );

  const pay = useCallback(
    async (order: NonNullable<SignupResponse['payment']>) => {
      setPayment('paying');
      try {
        await platform.requestPayment(order.params, { amountFen: order.amountFen, description: latest.current.title });
      } catch (failure) {
        setPayment('idle');
        if (isApiError(failure, 'CANCELLED')) {
          setProblem(`已取消支付。名额为你保留至 ${formatLiveTime(order.expiresAt)}，可随时继续支付`);
          return;
        }
        throw failure;
      }
      // WeChat tells the server, not the app: wait until the server has the notification.
      setPayment('confirming');
      for (let round = 0; round < POLL_ROUNDS && mounted.current; round++) {
        await sleep(POLL_MS);
        const fresh = await fetchLiveEvent(eventId).catch(() => null);
        if (fresh?.mySignup?.status === 'confirmed') {
          if (!mounted.current) return;
          setEvent(fresh);
          setPayment('idle');
          setNotice('支付成功，报名已确认');
          return;
        }
      }
      if (mounted.current) setPayment('slow');
    },
    [eventId, setEvent],
  );

  const gated = useGatedAction<SignupResponse>({
    loadGate: () => fetchGate(eventId),
    perform: async (submission) => {
      setProblem(null);
      setNotice(null);
      try {
        return await signUp(eventId, submission);
      } catch (failure) {
        // Someone took the last seat, or sign-up closed meanwhile: show the page as it is now.
        if (isApiError(failure, 'LIVE_FULL', 'LIVE_NOT_OPEN')) reload();
        throw failure;
      }
    },
    onDone: async (response) => {
      setTemplates(response.reminderTemplates);
      setEvent({ ...latest.current, mySignup: response.signup });
      if (response.signup.status === 'pending_payment' && response.payment) {
        await pay(response.payment);
      } else {
        setNotice('报名成功');
        // Still inside the tap that signed up: WeChat shows the subscribe prompt only from a tap.
        await askReminders(response.reminderTemplates);
      }
      reload();
    },
    describe: describeLiveError,
  });

  const cancel = useCallback(async () => {
    const current = latest.current;
    if (!current.mySignup || cancelling) return;
    const content = current.mySignup.paid
      ? `取消后，报名费 ${formatMoney(current.priceFen)} 将原路退回，一般 1–3 个工作日到账。`
      : current.mySignup.status === 'pending_payment'
        ? '取消后订单将关闭，名额会释放给其他人。'
        : '取消后名额会释放给其他人，之后仍可重新报名。';
    if (!(await confirmAction({ title: '确定取消报名吗？', content, confirmText: '取消报名', cancelText: '再想想', destructive: true }))) return;
    setCancelling(true);
    setProblem(null);
    setNotice(null);
    try {
      const result = await cancelSignup(current.id);
      setEvent({ ...latest.current, mySignup: null });
      setNotice(result.refund ? `已取消报名，${formatMoney(result.refund.amountFen)} 将原路退回` : '已取消报名');
      setReminders('none');
      setPayment('idle');
      reload();
    } catch (failure) {
      setProblem(describeLiveError(failure));
    } finally {
      if (mounted.current) setCancelling(false);
    }
  }, [cancelling, setEvent, reload]);

  const start = useCallback(() => {
    setProblem(null);
    setNotice(null);
    return gated.start();
  }, [gated]);

  return {
    gated,
    sheetOpen: gated.sheet !== null,
    busy: gated.busy || cancelling,
    /** The page's message (the sheet shows its own while it is open). */
    error: problem ?? (gated.sheet ? null : gated.error),
    payment,
    reminders,
    notice,
    canAskReminders: templates.length > 0,
    start,
    cancel,
    refresh: reload,
    askReminders: () => askReminders(templates),
  };
}

export type SignupFlow = ReturnType<typeof useSignup>;
