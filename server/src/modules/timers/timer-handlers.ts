import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A due timer as its handler sees it. */
export interface DueTimer {
  id: string;
  kind: string;
  subject: string;
  payload: unknown;
  dueAt: Date;
}

/** Work to run once the firing transaction has committed (a call out of the database). */
export type AfterCommit = () => Promise<void>;

/**
 * What happens when timers of one kind fall due. `fire` runs inside the transaction that marks
 * them fired, so its database effects commit exactly once with that mark; it must not call out
 * of the database. A call out (a WeChat send) is returned as `AfterCommit` and runs after the
 * commit, at most once: the row it works on records that it was attempted.
 */
export interface TimerHandler {
  readonly kind: string;
  fire(em: EntityManager, timers: readonly DueTimer[]): Promise<AfterCommit | void>;
}

/**
 * Handlers by kind. Features (signals, SLA) register theirs at onModuleInit, so the timers module
 * serves them without importing them; registering a kind twice is a wiring mistake and throws.
 */
@Injectable()
export class TimerHandlers {
  private readonly handlers = new Map<string, TimerHandler>();

  register(handler: TimerHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`A timer handler for "${handler.kind}" is registered already`);
    this.handlers.set(handler.kind, handler);
  }

  get(kind: string): TimerHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}
