import { Injectable } from '@nestjs/common';
import { ConsentPurpose, ConsentPurposes, type MyConsents } from '@leadloop/shared';
import type { AuthContext } from '../../core/route';
import { validate } from '../../core/validate';
import { ConsentLedger } from './consent.ledger';

const WITHDRAW_SOURCE = 'me/privacy';

/** 我的 → privacy → consents: each purpose's state, and withdrawing one. */
@Injectable()
export class ConsentsService {
  constructor(private readonly consents: ConsentLedger) {}

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
}
