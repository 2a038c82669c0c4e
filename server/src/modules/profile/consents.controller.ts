import { Body, Controller, Param } from '@nestjs/common';
import { Api, type WithdrawConsentRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { ConsentsService } from './consents.service';

@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Route(Api.myConsents)
  mine(@Auth() auth: AuthContext) {
    return this.consents.myConsents(auth);
  }

  @Route(Api.withdrawConsent)
  withdraw(@Auth() auth: AuthContext, @Param('purpose') purpose: string, @Body() body: WithdrawConsentRequest) {
    return this.consents.withdraw(auth, purpose, body.page);
  }
}
