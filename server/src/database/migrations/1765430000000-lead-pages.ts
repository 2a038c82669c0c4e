import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

/** Indexes name the lead list's filter and its sort, then the person id that breaks ties (the keyset); (last_activity_at, person_id) exists since the first leads migration. */
const LeadListIndexes: { name: string; columnNames: string[] }[] = [
  { name: 'ix_leads_owner_intent', columnNames: ['owner_staff_id', 'intent_key', 'person_id'] },
  { name: 'ix_leads_stage_intent', columnNames: ['stage', 'intent_key', 'person_id'] },
  { name: 'ix_leads_grade_intent', columnNames: ['fit_grade', 'intent_key', 'person_id'] },
  { name: 'ix_leads_intent', columnNames: ['intent_key', 'person_id'] },
  { name: 'ix_leads_owner_activity', columnNames: ['owner_staff_id', 'last_activity_at', 'person_id'] },
  { name: 'ix_leads_created', columnNames: ['created_at', 'person_id'] },
];

/**
 * The lead list and detail: the owner copied onto the lead (kept equal to person_attribution's,
 * backfilled here), the list's indexes, and the log of every full phone number shown to staff.
 */
export class LeadPages1765430000000 implements MigrationInterface {
  name = 'LeadPages1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('UPDATE leads SET owner_staff_id = (SELECT a.owner_staff_id FROM person_attribution a WHERE a.person_id = leads.person_id)');
    for (const index of LeadListIndexes) await q.createIndex('leads', new TableIndex(index));
    // the lead detail reads a person's 请联系我 notes (the table was indexed by card only)
    await q.createIndex('card_contact_requests', new TableIndex({ name: 'ix_card_contact_requests_person', columnNames: ['person_id', 'created_at'] }));
    await q.createTable(
      new Table({
        name: 'phone_reveals',
        columns: [col.id(), col.ref('person_id'), col.ref('staff_id'), col.text('staff_name', 40), col.time('revealed_at')],
        indices: [
          { name: 'ix_phone_reveals_person', columnNames: ['person_id', 'revealed_at'] },
          { name: 'ix_phone_reveals_staff', columnNames: ['staff_id', 'revealed_at'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('phone_reveals');
    await q.dropIndex('card_contact_requests', 'ix_card_contact_requests_person');
    for (const index of LeadListIndexes) await q.dropIndex('leads', index.name);
  }
}
