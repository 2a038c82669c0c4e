import { Injectable } from '@nestjs/common';
import { ConsentPurposes } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { ConsentLedger } from './consent.ledger';

const ERASURE_SOURCE = 'me/erase';

/**
 * The consent ledger's part of 我的: the policy version and every grant and withdrawal; erasure
 * keeps the ledger as proof and ends every purpose with a withdrawal.
 */
@Injectable()
export class ConsentsPersonData implements PersonDataContributor {
  readonly section = 'consents';
  readonly placement = 'document';

  constructor(private readonly consents: ConsentLedger) {}

  async export(personId: string): Promise<unknown> {
    const history = await this.consents.history(personId);
    return {
      policyVersion: this.consents.policyVersion,
      consents: history.map((c) => ({ purpose: c.purpose, action: c.action, policyVersion: c.policyVersion, sourcePage: c.sourcePage, at: c.createdAt.toISOString() })),
    };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    for (const purpose of ConsentPurposes) await this.consents.withdraw(personId, purpose, ERASURE_SOURCE, em);
  }
}
