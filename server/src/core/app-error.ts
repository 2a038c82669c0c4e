import { type ErrorCode, httpStatusOf } from '@leadloop/shared';

/** An error the client is meant to see: a stable code, a human message, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}
