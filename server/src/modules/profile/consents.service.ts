import { Injectable } from '@nestjs/common';
import { ConsentPurpose, ConsentPurposes, Pages, type MyConsents } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import { newId } from '../../database/ids';
import { Activity } from '../activity/activity';
import type { AuthContext } from '../../core/route';
import { validate } from '../../core/validate';
import { ConsentLedger } from './consent.ledger';

const WITHDRAW_SOURCE = 'me/privacy';

/** 我的 → privacy → consents: each purpose's state, and withdrawing one. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentLedger,
    private readonly dataSource: DataSource,
    private readonly activity: Activity,
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
    const valid = validate(ConsentPurpose, purpose, 'Purpose');
    await this.dataSource.transaction(async (em) => {
      const withdrawn = await this.consents.withdraw(auth.personId, valid, page ?? WITHDRAW_SOURCE, em);
      // a withdrawal is a signal for lead scoring (a negative one): each real withdrawal is its own activity
      if (withdrawn) await this.activity.record(em, { kind: 'consent_withdrawn', personId: auth.personId, refId: newId(this.clock.nowMs()), page: Pages.myPrivacy, contentType: 'page', contentId: valid, source: { nodeId: null, channelId: null } });
    });
    return this.myConsents(auth);
  }
}
