import { Body, Controller, Param } from '@nestjs/common';
import { Api, type WithdrawConsentRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { PrivacyService } from './privacy.service';

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Route(Api.myConsents)
  consents(@Auth() auth: AuthContext) {
    return this.privacy.myConsents(auth);
  }

  @Route(Api.withdrawConsent)
  withdraw(@Auth() auth: AuthContext, @Param('purpose') purpose: string, @Body() body: WithdrawConsentRequest) {
    return this.privacy.withdraw(auth, purpose, body.page);
  }

  @Route(Api.exportMyData)
  export(@Auth() auth: AuthContext) {
    return this.privacy.export(auth);
  }

  /** The body's typed confirmation is checked by the contract (EraseMeRequest). */
  @Route(Api.eraseMe)
  erase(@Auth() auth: AuthContext) {
    return this.privacy.erase(auth);
  }
}
