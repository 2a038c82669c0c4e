import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { forUpdateSql } from '../../database/locks';
import { insertNew, upsertAdd } from '../../database/sql';
import type { ActivityKind, ActivityProps } from '../activity/activity';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { LeadOwners } from './lead-owners';
import { LeadEntity } from './leads.entity';

/** What each activity means for the lead, and what it is about (the lead keeps the content, not the record). */
const LeadKinds: Partial<Record<ActivityKind, string>> = {
  signup: 'event_signup',
  order: 'event_signup',
  download: 'whitepaper_download',
  contact_request: 'card_contact',
  attend: 'live_attend',
};

interface LeadActivity {
  personId: string;
  kind: string;
  refId: string;
  at: Date;
  contactRequested: boolean;
}

/**
 * One lead per person, created and updated as they act: a consumer of the activity stream, so no
 * feature writes leads itself. Each statement covers a run of same-kind activities, in stream order.
 */
@Injectable()
export class LeadService implements StreamConsumer {
  readonly name = 'leads';
  readonly startAt = 'beginning';

  constructor(private readonly owners: LeadOwners) {}

  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const activities = await ofActivePersons(em, leadActivitiesOf(events));
    for (let start = 0; start < activities.length; ) {
      let end = start + 1;
      while (end < activities.length && activities[end].kind === activities[start].kind) end += 1;
      await this.apply(em, activities.slice(start, end));
      start = end;
    }
    await this.owners.copyOwners(em, activities.map((a) => a.personId));
  }

  /**
   * Creates the leads these events make, where none exists yet, exactly as `handle` would but with
   * no activity counted (`handle` counts it when it gets there). For consumers that run beside this
   * one and need the row now (scoring): whichever inserts first, the other finds it.
   */
  async ensureLeads(em: EntityManager, events: EventEntity[]): Promise<void> {
    const first = new Map<string, LeadActivity>();
    for (const a of await ofActivePersons(em, leadActivitiesOf(events))) if (!first.has(a.personId)) first.set(a.personId, a);
    await insertNew(em, 'leads', [...first.values()].map((a) => ({ ...leadRow(a), activity_count: 0 })));
  }

  find(em: EntityManager, personId: string): Promise<LeadEntity | null> {
    return em.findOneBy(LeadEntity, { personId });
  }

  /** Same-kind activities in one statement: creates missing leads, moves the others' last activity. */
  private async apply(em: EntityManager, run: LeadActivity[]): Promise<void> {
    const contact = run[0].contactRequested ? ['status', 'contact_requested_at'] : [];
    const rows = run.map(leadRow);
    await upsertAdd(em, 'leads', ['person_id'], ['activity_count'], rows, ['last_kind', 'last_ref', 'last_activity_at', ...contact]);
  }
}

/**
 * The activities of persons who have not erased their data. The persons' rows are locked for this
 * transaction, so an erasure either committed before (and its person is left out) or waits for
 * this batch to commit (and then deletes the lead it wrote): a batch read before an erasure never
 * writes a lead back after it.
 */
async function ofActivePersons(em: EntityManager, activities: LeadActivity[]): Promise<LeadActivity[]> {
  const active = await lockActivePersons(em, activities.map((a) => a.personId));
  return activities.filter((a) => active.has(a.personId));
}

/**
 * Locks these persons' rows (in id order, as erasure and every consumer take them) and answers
 * those not erased: what a consumer writes about them then either precedes an erasure, which
 * deletes it, or sees the erasure and writes nothing.
 */
export async function lockActivePersons(em: EntityManager, personIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await em.query(`SELECT id FROM persons WHERE id IN (${ids.map(() => '?').join(', ')}) AND erased_at IS NULL ORDER BY id${forUpdateSql(em)}`, ids);
  return new Set(rows.map((r) => r.id));
}

function leadActivitiesOf(events: EventEntity[]): LeadActivity[] {
  return events.flatMap((e): LeadActivity[] => {
    const kind = e.origin === 'server' && e.personId ? LeadKinds[e.type as ActivityKind] : undefined;
    if (!kind || !e.personId || !e.props) return [];
    const props = JSON.parse(e.props) as ActivityProps;
    // a contact request from a card names the card; one from the home page's form, the company
    const leadKind = e.type === 'contact_request' && props.contentType !== 'card' ? 'contact_request' : kind;
    return [{ personId: e.personId, kind: leadKind, refId: props.contentId, at: e.occurredAt, contactRequested: e.type === 'contact_request' }];
  });
}

/** A new lead's row from the activity that made it. */
function leadRow(a: LeadActivity) {
  return {
    person_id: a.personId,
    status: a.contactRequested ? 'contact_requested' : 'new',
    first_kind: a.kind,
    first_ref: a.refId,
    last_kind: a.kind,
    last_ref: a.refId,
    activity_count: 1,
    contact_requested_at: a.contactRequested ? a.at : null,
    created_at: a.at,
    last_activity_at: a.at,
  };
}
