import { Injectable } from '@nestjs/common';
import type { RevealedPhone } from '@leadloop/shared';
import { DataSource, type EntityManager, MoreThanOrEqual } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { PersonEntity } from '../identity/identity.entity';
import { PiiVault } from '../identity/pii-vault';
import type { PersonDataContributor } from '../privacy/person-data';
import { LeadAccess } from './lead-access';
import { PhoneRevealEntity } from './phone-reveal.entity';

/** A salesperson calls back a few leads an hour; hundreds is someone copying the list. */
const REVEALS_PER_HOUR = 100;

/**
 * The one way a full phone number leaves the server: to the lead's owner or the pool (never to
 * a partner), each time logged in the same transaction as the answer is made.
 */
@Injectable()
export class PhoneReveals implements PersonDataContributor {
  readonly section = 'phoneReveals';

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly vault: PiiVault,
    private readonly clock: Clock,
  ) {}

  async reveal(auth: AuthContext, personId: string): Promise<RevealedPhone> {
    await this.access.readable(auth, personId);
    if (!this.access.mayRevealPhones(auth)) throw new AppError('LEAD_PHONE_HIDDEN', 'Partners see phone numbers masked');
    const staff = auth.staff!;
    const person = await this.dataSource.manager.findOne(PersonEntity, { where: { id: personId }, select: { id: true, phoneEnc: true } });
    if (!person?.phoneEnc) throw new AppError('LEAD_PHONE_MISSING', 'This lead has not given a phone number');
    const now = this.clock.now();
    const lastHour = await this.dataSource.manager.count(PhoneRevealEntity, { where: { staffId: staff.id, revealedAt: MoreThanOrEqual(new Date(now.getTime() - 3_600_000)) } });
    if (lastHour >= REVEALS_PER_HOUR) throw new AppError('RATE_LIMITED', 'Too many phone numbers shown in the last hour');
    await this.dataSource.manager.insert(PhoneRevealEntity, { id: newId(now.getTime()), personId, staffId: staff.id, staffName: staff.name, revealedAt: now });
    return { phone: this.vault.decrypt(person.phoneEnc), revealedAt: now.toISOString() };
  }

  /** 我的 export: who saw my number, when. */
  async export(personId: string): Promise<unknown> {
    const rows = await this.dataSource.manager.find(PhoneRevealEntity, { where: { personId }, order: { revealedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ by: r.staffName, at: r.revealedAt.toISOString() }));
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(PhoneRevealEntity, { personId });
  }
}
