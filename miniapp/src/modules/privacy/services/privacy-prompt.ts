import { platform, type PrivacyRequest } from '@/core/platform';
import { createStore } from '@/core/store';

/** WeChat's pending privacy question, if any: the popup shows while this is set. */
export const privacyPromptStore = createStore<PrivacyRequest | null>(null);

let installed = false;

/** Called once at launch; WeChat asks before the first privacy API (e.g. getPhoneNumber). */
export function installPrivacyPrompt(): void {
  if (installed) return;
  installed = true;
  platform.onPrivacyRequest((request) => privacyPromptStore.set(request));
}

export function answerPrivacyPrompt(agreed: boolean, buttonId = 'agree-privacy'): void {
  const request = privacyPromptStore.get();
  if (!request) return;
  request.resolve(agreed ? { event: 'agree', buttonId } : { event: 'disagree' });
  privacyPromptStore.set(null);
}
