import { Body, Controller } from '@nestjs/common';
import { Api, type BindPhoneRequest, type LoginRequest, type UpdateProfileRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { IdentityService } from './identity.service';

@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Route(Api.login)
  login(@Body() body: LoginRequest) {
    return this.identity.login(body.code, body.entry);
  }

  @Route(Api.me)
  me(@Auth() auth: AuthContext) {
    return this.identity.me(auth);
  }

  @Route(Api.updateProfile)
  updateProfile(@Auth() auth: AuthContext, @Body() body: UpdateProfileRequest) {
    return this.identity.updateProfile(auth, body);
  }

  @Route(Api.bindPhone)
  bindPhone(@Auth() auth: AuthContext, @Body() body: BindPhoneRequest) {
    return this.identity.bindPhone(auth, body.code);
  }
}
