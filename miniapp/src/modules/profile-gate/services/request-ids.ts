import { randomId } from '../../../core/random';
import { outcomeUnknown } from './gate-errors';

export interface RequestIds {
  /** The id for this tap: a new one, unless the last attempt's outcome is unknown. */
  next(): string;
  /** The attempt ended: forget its id, unless nobody knows whether the server acted on it. */
  settle(error?: unknown): void;
}

/**
 * One `requestId` per tap of a gated action, kept across a failure whose outcome is unknown
 * (network down, server error): tapping again then resends the same request, and the server
 * answers the record it may already have made instead of making a second one.
 */
export function requestIds(newId: () => string = () => randomId(22)): RequestIds {
  let pending: string | null = null;
  return {
    next() {
      pending ??= newId();
      return pending;
    },
    settle(error?: unknown) {
      if (error === undefined || !outcomeUnknown(error)) pending = null;
    },
  };
}
