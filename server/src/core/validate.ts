import type { z } from 'zod';
import { AppError } from './app-error';
import { formatIssues } from './route';

/** Parses `input` or throws VALIDATION_FAILED listing the failing fields. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what = 'Request'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `${what} is invalid`, { fields: formatIssues(parsed.error) });
  return parsed.data;
}
