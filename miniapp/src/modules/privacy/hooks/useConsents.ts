import type { ConsentPurpose, MyConsents } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { confirmAction } from '@/ui';
import { PurposeLabels } from '../services/privacy-format';
import { fetchConsents, withdrawConsent } from '../services/privacy.service';

/** My consents per purpose, and withdrawing one (after a confirmation). */
export function useConsents() {
  const { data, error, reload } = useApiResource(fetchConsents);
  const [consents, setConsents] = useState<MyConsents | null>(null);
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    if (data) setConsents(data);
  }, [data]);

  const withdraw = useCallback(async (purpose: ConsentPurpose) => {
    const { title } = PurposeLabels[purpose];
    const confirmed = await confirmAction({
      title: `撤回「${title}」授权？`,
      content: '撤回后我们将不再为该用途使用你的信息；下次使用相关功能时会重新征求你的同意。',
      confirmText: '撤回',
      destructive: true,
    });
    if (!confirmed) return;
    setBusy(purpose);
    setActionError(null);
    try {
      setConsents(await withdrawConsent(purpose));
    } catch (failure) {
      setActionError(describeError(failure));
    } finally {
      setBusy(null);
    }
  }, []);

  return { consents, error, reload, busy, actionError, withdraw };
}
