import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { upsertAdd } from '../../database/sql';
import { LeadEntity } from './leads.entity';

export interface LeadActivity {
  /** What happened: `event_signup`, `whitepaper_download`, `card_contact`… */
  kind: string;
  /** What it happened on (event id, whitepaper id, card id). */
  refId: string;
  at?: Date;
  /** The person asked to be contacted. */
  contactRequested?: boolean;
}

/** Creates or updates a person's lead as they act; one statement, safe under concurrency. */
@Injectable()
export class LeadService {
  async record(em: EntityManager, personId: string, activity: LeadActivity): Promise<void> {
    await this.recordMany(em, [personId], activity);
  }

  /** The same activity by many people (each named once), in one statement. */
  async recordMany(em: EntityManager, personIds: string[], activity: LeadActivity): Promise<void> {
    if (personIds.length === 0) return;
    const at = activity.at ?? new Date();
    const contact = activity.contactRequested ? ['status', 'contact_requested_at'] : [];
    const rows = personIds.map((personId) => ({
      person_id: personId,
      status: activity.contactRequested ? 'contact_requested' : 'new',
      first_kind: activity.kind,
      first_ref: activity.refId,
      last_kind: activity.kind,
      last_ref: activity.refId,
      activity_count: 1,
      contact_requested_at: activity.contactRequested ? at : null,
      created_at: at,
      last_activity_at: at,
    }));
    await upsertAdd(em, 'leads', ['person_id'], ['activity_count'], rows, ['last_kind', 'last_ref', 'last_activity_at', ...contact]);
  }

  find(em: EntityManager, personId: string): Promise<LeadEntity | null> {
    return em.findOneBy(LeadEntity, { personId });
  }
}
