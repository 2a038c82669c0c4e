import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A lead's next follow-up as sales set it (null: none any more). */
export interface FollowUpChange {
  personId: string;
  /** The lead's owner, who is to follow up. */
  ownerStaffId: string | null;
  /** China-time day (YYYY-MM-DD), or null when cleared (logged without a next date, rejected, won or lost). */
  on: string | null;
  byStaffId: string;
}

/**
 * Where a reminder hooks in: whoever reminds salespeople of their follow-ups (the signals inbox)
 * registers here and hears every change inside the feedback's transaction, so a durable reminder
 * row commits or rolls back with it. Handoff never imports the listener; a name registered twice
 * is a wiring mistake. The change is also on the activity stream (`sales_feedback`).
 */
export interface FollowUpListener {
  name: string;
  followUpChanged(em: EntityManager, change: FollowUpChange): Promise<void>;
}

@Injectable()
export class FollowUps {
  private readonly listeners = new Map<string, FollowUpListener>();

  register(listener: FollowUpListener): void {
    if (this.listeners.has(listener.name)) throw new Error(`Follow-up listener ${listener.name} is registered twice`);
    this.listeners.set(listener.name, listener);
  }

  async changed(em: EntityManager, change: FollowUpChange): Promise<void> {
    for (const listener of this.listeners.values()) await listener.followUpChanged(em, change);
  }
}
