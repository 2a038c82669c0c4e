import { Controller } from '@nestjs/common';
import { Api } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { PrivacyService } from './privacy.service';

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

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
