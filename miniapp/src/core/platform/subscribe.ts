/** What a person answered for each subscribe-message template (wx.requestSubscribeMessage). */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export type SubscribeResults = Record<string, SubscribeAnswer>;

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/** WeChat asks for at most three one-time templates per call. */
export const MAX_SUBSCRIBE_TEMPLATES = 3;

/** The templates to ask for: no repeats, no blanks, at most three. */
export function subscribeRequestOf(templateIds: readonly string[]): string[] {
  return [...new Set(templateIds.filter((id) => typeof id === 'string' && id.length > 0))].slice(0, MAX_SUBSCRIBE_TEMPLATES);
}

/**
 * The per-template answers out of WeChat's success result (`{ errMsg, [templateId]: answer }`);
 * templates WeChat did not answer for are left out.
 */
export function subscribeResultsOf(templateIds: readonly string[], raw: unknown): SubscribeResults {
  const answers = (raw ?? {}) as Record<string, unknown>;
  const results: SubscribeResults = {};
  for (const id of templateIds) {
    const answer = answers[id];
    if (typeof answer === 'string' && ANSWERS.includes(answer)) results[id] = answer as SubscribeAnswer;
  }
  return results;
}

/**
 * A failed call: 20004 means the person switched subscribe messages off altogether, which is a
 * refusal of every template (recorded, never asked again blindly); other failures answer nothing.
 */
export function subscribeFailureOf(templateIds: readonly string[], errCode: unknown): SubscribeResults {
  if (Number(errCode) !== 20004) return {};
  return Object.fromEntries(templateIds.map((id) => [id, 'ban' as const]));
}

/** Every template answered the same way (the sandbox's 允许 / 拒绝). */
export function uniformResults(templateIds: readonly string[], allowed: boolean): SubscribeResults {
  return Object.fromEntries(templateIds.map((id) => [id, allowed ? ('accept' as const) : ('reject' as const)]));
}
