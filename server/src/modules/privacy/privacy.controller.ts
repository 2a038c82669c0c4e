import { Body, Controller, Param } from '@nestjs/common';
import { Api, type CorrectProfileRequest, PolicyKind, type WithdrawConsentRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { validate } from '../../core/validate';
import { PolicyTexts } from './policy-texts';
import { PrivacyService } from './privacy.service';
import { ProfileCorrections } from './profile-corrections';

@Controller()
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly corrections: ProfileCorrections,
    private readonly policies: PolicyTexts,
  ) {}

  @Route(Api.myProfile)
  profile(@Auth() auth: AuthContext) {
    return this.corrections.mine(auth.personId);
  }

  @Route(Api.correctMyProfile)
  correct(@Auth() auth: AuthContext, @Body() body: CorrectProfileRequest) {
    return this.corrections.correct(auth.personId, body);
  }

  @Route(Api.policy)
  policy(@Param('kind') kind: string) {
    return this.policies.current(validate(PolicyKind, kind, 'Policy'));
  }

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
