import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { AuthGuard } from './auth.guard';
import { IdentityController } from './identity.controller';
import { IdentityPersonData } from './identity.person-data';
import { IdentityService } from './identity.service';
import { LoginHooks } from './login-hooks';
import { PersonRepository } from './person.repository';
import { PiiVault } from './pii-vault';
import { ProfileUpdates } from './profile-updates';
import { SessionService } from './session.service';

/** Persons, sessions and the guard. Staff accounts are looked up through `STAFF_DIRECTORY` (staff-directory.ts). */
@Module({
  imports: [PersonDataModule],
  controllers: [IdentityController],
  providers: [
    PersonRepository,
    PiiVault,
    SessionService,
    IdentityService,
    LoginHooks,
    ProfileUpdates,
    IdentityPersonData,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [SessionService, PersonRepository, ProfileUpdates, LoginHooks, AuthGuard],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly identityPersonData: IdentityPersonData,
  ) {}

  onModuleInit(): void {
    this.personData.register(this.identityPersonData);
    this.personData.registerRecords('identity', (em, personId) => this.identityPersonData.records(em, personId));
  }
}
