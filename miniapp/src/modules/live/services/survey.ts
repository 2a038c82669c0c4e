import type { LiveEventView } from '@leadloop/shared';

type Question = LiveEventView['survey'][number];

/**
 * The answers to send, or the first question still needing one. Choice questions must be
 * answered with one of their choices; free-text questions may be left empty (and are left out).
 */
export function surveyAnswersOf(questions: readonly Question[], answers: Record<string, string>): { answers: Record<string, string>; missing: null } | { answers: null; missing: number } {
  const out: Record<string, string> = {};
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    const value = (answers[q.id] ?? '').trim();
    if (q.choices.length > 0 && !q.choices.includes(value)) return { answers: null, missing: i + 1 };
    if (value) out[q.id] = value.slice(0, 300);
  }
  if (Object.keys(out).length === 0) return { answers: null, missing: 1 };
  return { answers: out, missing: null };
}
