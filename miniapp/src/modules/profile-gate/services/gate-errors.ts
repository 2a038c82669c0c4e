import { describeError, isApiError } from '../../../core/api/api-error';
import { missingOf, missingSentence } from './gate-form';

const Messages: Record<string, string> = {
  CONSENT_REQUIRED: '请先阅读并勾选同意《隐私政策》',
  CONSENT_POLICY_OUTDATED: '隐私政策已更新，请重新阅读并勾选同意',
};

/** The sentence for a gate's refusal; anything else reads as the app's usual message. */
export function describeGateError(error: unknown): string {
  if (isApiError(error, 'PROFILE_INCOMPLETE')) return missingSentence(missingOf(error.details));
  if (isApiError(error) && Messages[error.code]) return Messages[error.code];
  return describeError(error);
}

/** Failures after which nobody knows whether the server acted: the next tap resends the same request id. */
export function outcomeUnknown(error: unknown): boolean {
  return isApiError(error, 'NETWORK_ERROR', 'INTERNAL', 'SERVICE_UNAVAILABLE', 'BAD_RESPONSE');
}
