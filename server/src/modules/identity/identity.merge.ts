import { Injectable } from '@nestjs/common';
import { Clock } from '../../core/clock';
import type { MergeStep, PersonMergeContributor } from '../person-merge/person-merge';
import { PersonEntity } from './identity.entity';

/** Profile values the survivor takes from the merged record where it has none (the phone as a pair). */
const GAP_FIELDS = ['nickname', 'name', 'company', 'title', 'email', 'industry', 'province', 'city', 'sizeBand', 'department', 'seniority', 'accountId', 'buyingRole'] as const;

/**
 * Identity's part of a merge: the merged record's identifiers (openid, unionid, phone, email, CRM
 * ids) now recognise the survivor; what the merged record knew and the survivor did not (a typed
 * company, say) is kept on the survivor; the merged record points at the survivor.
 */
@Injectable()
export class IdentityMerge implements PersonMergeContributor {
  readonly module = 'identity';

  constructor(private readonly clock: Clock) {}

  async move(step: MergeStep): Promise<void> {
    const { em, fromId, toId } = step;
    await step.reassign({ table: 'person_identifiers', column: 'person_id', keyColumns: ['id'], kind: 'identifiers' });
    const [survivor, merged] = await Promise.all([em.findOneBy(PersonEntity, { id: toId }), em.findOneBy(PersonEntity, { id: fromId })]);
    if (!survivor || !merged) throw new Error('Merge: a person record is missing');
    const gaps: Partial<PersonEntity> = {};
    for (const field of GAP_FIELDS) if (survivor[field] === null && merged[field] !== null) Object.assign(gaps, { [field]: merged[field] });
    if (survivor.phoneEnc === null && merged.phoneEnc !== null) Object.assign(gaps, { phoneEnc: merged.phoneEnc, phoneMasked: merged.phoneMasked });
    if (Object.keys(gaps).length > 0) {
      await step.update(PersonEntity, { id: toId }, gaps);
      step.count('profile', Object.keys(gaps).length);
    }
    await step.update(PersonEntity, { id: fromId }, { mergedInto: toId, updatedAt: this.clock.now() });
  }
}
