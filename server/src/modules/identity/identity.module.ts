import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { StaffRepository } from '../staff/staff.repository';
import { AuthGuard } from './auth.guard';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { LoginHooks } from './login-hooks';
import { PersonRepository } from './person.repository';
import { PiiVault } from './pii-vault';
import { SessionService } from './session.service';

@Module({
  controllers: [IdentityController],
  providers: [
    PersonRepository,
    StaffRepository,
    PiiVault,
    SessionService,
    IdentityService,
    LoginHooks,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [SessionService, StaffRepository, PersonRepository, LoginHooks],
})
export class IdentityModule {}
