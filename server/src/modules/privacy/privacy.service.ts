import { Injectable, Logger } from '@nestjs/common';
import { ConsentPurpose, ConsentPurposes, type EraseMeResponse, type MyConsents, type PersonDataExport } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { validate } from '../../core/validate';
import type { PersonEntity } from '../identity/identity.entity';
import { PersonRepository } from '../identity/person.repository';
import { PiiVault } from '../identity/pii-vault';
import { LeadService } from '../leads/leads.service';
import { ConsentLedger } from '../profile/consent.ledger';
import { StaffRepository } from '../staff/staff.repository';
import { PersonDataRegistry } from './person-data';
import { PrivacyRepository } from './privacy.repository';

const ERASURE_SOURCE = 'me/erase';
const WITHDRAW_SOURCE = 'me/privacy';

/** 我的 → privacy: consents, a copy of everything held, and erasure (PIPL). */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    private readonly staff: StaffRepository,
    private readonly vault: PiiVault,
    private readonly consents: ConsentLedger,
    private readonly leads: LeadService,
    private readonly privacy: PrivacyRepository,
    private readonly registry: PersonDataRegistry,
    private readonly clock: Clock,
  ) {}

  async myConsents(auth: AuthContext): Promise<MyConsents> {
    const current = new Map((await this.consents.current(auth.personId)).map((c) => [c.purpose, c]));
    const policyVersion = this.consents.policyVersion;
    return {
      policyVersion,
      items: ConsentPurposes.map((purpose) => {
        const state = current.get(purpose);
        if (!state) return { purpose, status: 'never', policyVersion: null, outdated: false, at: null, sourcePage: null };
        return {
          purpose,
          status: state.action,
          policyVersion: state.policyVersion,
          outdated: state.action === 'granted' && state.policyVersion !== policyVersion,
          at: state.at.toISOString(),
          sourcePage: state.sourcePage,
        };
      }),
    };
  }

  async withdraw(auth: AuthContext, purpose: string, page: string | undefined): Promise<MyConsents> {
    await this.consents.withdraw(auth.personId, validate(ConsentPurpose, purpose, 'Purpose'), page ?? WITHDRAW_SOURCE);
    return this.myConsents(auth);
  }

  async export(auth: AuthContext): Promise<PersonDataExport> {
    const person = await this.person(auth.personId);
    const [identifiers, history, lead, events, sections] = await Promise.all([
      this.privacy.identifierKindsOf(person.id),
      this.consents.history(person.id),
      this.leads.find(this.dataSource.manager, person.id),
      this.privacy.countEvents(person.id),
      Promise.all(this.registry.all().map(async (c) => [c.section, await c.export(person.id)] as const)),
    ]);
    return {
      exportedAt: this.clock.now().toISOString(),
      policyVersion: this.consents.policyVersion,
      person: {
        id: person.id,
        createdAt: person.createdAt.toISOString(),
        nickname: person.nickname,
        name: person.name,
        company: person.company,
        title: person.title,
        email: person.email,
        phone: person.phoneEnc ? this.vault.decrypt(person.phoneEnc) : null,
      },
      identifiers: identifiers.map((i) => ({ kind: i.kind, createdAt: i.createdAt.toISOString() })),
      consents: history.map((c) => ({ purpose: c.purpose, action: c.action, policyVersion: c.policyVersion, sourcePage: c.sourcePage, at: c.createdAt.toISOString() })),
      lead: lead && {
        status: lead.status,
        firstActivity: lead.firstKind,
        lastActivity: lead.lastKind,
        activityCount: lead.activityCount,
        createdAt: lead.createdAt.toISOString(),
        lastActivityAt: lead.lastActivityAt.toISOString(),
      },
      activity: { events },
      sections: Object.fromEntries(sections),
    };
  }

  /**
   * Erases the person's personal data in one transaction (see docs/SECURITY.md for what stays):
   * profile and phone cleared, identifiers removed, consents closed with a withdrawal, touchpoints
   * anonymised, lead removed, every feature's contributor called, and the erasure recorded.
   */
  async erase(auth: AuthContext): Promise<EraseMeResponse> {
    const at = this.clock.now();
    const erasureId = await this.dataSource.transaction(async (em) => {
      await this.person(auth.personId, em);
      if (await this.staff.findActiveByPerson(auth.personId, em)) {
        throw new AppError('CONFLICT', 'A staff member’s WeChat cannot erase itself; an admin disables the staff account first', { reason: 'staff_account' });
      }
      const ids = await this.privacy.withMergedRecords(em, auth.personId);
      for (const id of ids) await this.eraseRecord(em, id);
      await this.privacy.clearProfiles(em, ids, at);
      await this.privacy.removeIdentifiers(em, ids);
      await this.privacy.anonymiseEvents(em, ids);
      await this.privacy.removeLeadAndOwnership(em, ids);
      return this.privacy.recordErasure(em, auth.personId, at);
    });
    this.logger.log(`Person ${auth.personId} erased their data (erasure ${erasureId})`);
    return { erased: true, erasureId, erasedAt: at.toISOString() };
  }

  /** What each record holds outside the person row: consents closed, features' data forgotten. */
  private async eraseRecord(em: EntityManager, personId: string): Promise<void> {
    for (const purpose of ConsentPurposes) await this.consents.withdraw(personId, purpose, ERASURE_SOURCE, em);
    for (const contributor of this.registry.all()) await contributor.erase(em, personId);
  }

  private async person(personId: string, em?: EntityManager): Promise<PersonEntity> {
    const person = await this.persons.findById(personId, em);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    return person;
  }
}
