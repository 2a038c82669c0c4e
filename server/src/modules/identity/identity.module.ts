import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Pipeline } from '../activity/pipeline';
import { PersonMergeModule, PersonMergeRegistry } from '../person-merge/person-merge';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { AuthGuard } from './auth.guard';
import { EmailIdentity } from './email-identity';
import { IdentityController } from './identity.controller';
import { IdentityMerge } from './identity.merge';
import { IdentityPersonData } from './identity.person-data';
import { IdentityService } from './identity.service';
import { LoginHooks } from './login-hooks';
import { PersonMergesController } from './person-merges.controller';
import { PersonMerges } from './person-merges.service';
import { PersonRepository } from './person.repository';
import { PiiVault } from './pii-vault';
import { SessionService } from './session.service';

/** Persons, sessions, merges and the guard. Staff accounts are looked up through `STAFF_DIRECTORY` (staff-directory.ts). */
@Module({
  imports: [PersonDataModule, PersonMergeModule],
  controllers: [IdentityController, PersonMergesController],
  providers: [
    PersonRepository,
    PiiVault,
    SessionService,
    IdentityService,
    LoginHooks,
    IdentityPersonData,
    IdentityMerge,
    PersonMerges,
    EmailIdentity,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [SessionService, PersonRepository, LoginHooks, AuthGuard, EmailIdentity, PersonMerges, PersonMergeModule],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly identityPersonData: IdentityPersonData,
    private readonly mergeRegistry: PersonMergeRegistry,
    private readonly identityMerge: IdentityMerge,
    private readonly pipeline: Pipeline,
    private readonly emails: EmailIdentity,
  ) {}

  onModuleInit(): void {
    this.personData.register(this.identityPersonData);
    this.personData.registerRecords('identity', (em, personId) => this.identityPersonData.records(em, personId));
    this.mergeRegistry.register(this.identityMerge);
    this.pipeline.register(this.emails);
  }
}
