import { Injectable, Logger } from '@nestjs/common';
import { ConsentPurpose, ConsentPurposes, type EraseMeResponse, type MyConsents, PersonDataExport } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { validate } from '../../core/validate';
import { ConsentLedger } from '../profile/consent.ledger';
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
    private readonly clock: Clock,
    private readonly consents: ConsentLedger,
    private readonly privacy: PrivacyRepository,
    private readonly registry: PersonDataRegistry,
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
    const contributors = this.registry.all();
    const [history, parts] = await Promise.all([
      this.consents.history(auth.personId),
      Promise.all(contributors.map(async (c) => [c, await c.export(auth.personId)] as const)),
    ]);
    const document: Record<string, unknown> = {};
    const sections: Record<string, unknown> = {};
    for (const [contributor, part] of parts) {
      if (contributor.placement === 'document') Object.assign(document, part);
      else sections[contributor.section] = part;
    }
    return PersonDataExport.parse({
      ...document,
      exportedAt: this.clock.now().toISOString(),
      policyVersion: this.consents.policyVersion,
      consents: history.map((c) => ({ purpose: c.purpose, action: c.action, policyVersion: c.policyVersion, sourcePage: c.sourcePage, at: c.createdAt.toISOString() })),
      sections,
    });
  }

  /**
   * Erases the person's personal data in one transaction (see docs/SECURITY.md for what stays):
   * for them and every record merged into them, consents closed with a withdrawal and every
   * feature's contributor called (identity clears the profile and identifiers, the share chain
   * anonymises touchpoints, leads drop the lead, …); then the erasure is recorded.
   */
  async erase(auth: AuthContext): Promise<EraseMeResponse> {
    const at = this.clock.now();
    const erasureId = await this.dataSource.transaction(async (em) => {
      const ids = await this.registry.recordsOf(em, auth.personId);
      await this.registry.checkErasable(em, auth.personId);
      for (const id of ids) await this.eraseRecord(em, id, at);
      return this.privacy.recordErasure(em, auth.personId, at);
    });
    this.logger.log(`Person ${auth.personId} erased their data (erasure ${erasureId})`);
    return { erased: true, erasureId, erasedAt: at.toISOString() };
  }

  /** Consents closed, every feature's data forgotten. */
  private async eraseRecord(em: EntityManager, personId: string, at: Date): Promise<void> {
    for (const purpose of ConsentPurposes) await this.consents.withdraw(personId, purpose, ERASURE_SOURCE, em);
    for (const contributor of this.registry.all()) await contributor.erase(em, personId, at);
  }
}
