import { Body, Controller, Param } from '@nestjs/common';
import { Api, type CorrectProfileRequest, type WithdrawConsentRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { ConsentsService } from './consents.service';
import { ProfileCorrections } from './profile-corrections';

@Controller()
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly corrections: ProfileCorrections,
  ) {}

  @Route(Api.myConsents)
  mine(@Auth() auth: AuthContext) {
    return this.consents.myConsents(auth);
  }

  @Route(Api.withdrawConsent)
  withdraw(@Auth() auth: AuthContext, @Param('purpose') purpose: string, @Body() body: WithdrawConsentRequest) {
    return this.consents.withdraw(auth, purpose, body.page);
  }

  @Route(Api.myProfile)
  profile(@Auth() auth: AuthContext) {
    return this.corrections.mine(auth.personId);
  }

  @Route(Api.correctMyProfile)
  correct(@Auth() auth: AuthContext, @Body() body: CorrectProfileRequest) {
    return this.corrections.correct(auth.personId, body);
  }
}
