import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ConsentLedger } from './consent.ledger';
import { ConsentsController } from './consents.controller';
import { ConsentsPersonData } from './consents.person-data';
import { ConsentsService } from './consents.service';
import { ProfileCorrections } from './profile-corrections';
import { ProfileGate } from './profile-gate';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { profileMerge } from './profile.merge';

@Module({
  imports: [IdentityModule, PersonDataModule],
  controllers: [ConsentsController],
  providers: [ConsentLedger, ProfileGate, ConsentsService, ConsentsPersonData, ProfileCorrections],
  exports: [ConsentLedger, ProfileGate],
})
export class ProfileModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly registry: PersonDataRegistry,
    private readonly consents: ConsentsPersonData,
    private readonly corrections: ProfileCorrections,
  ) {}

  onModuleInit(): void {
    this.merges.register(profileMerge);
    this.registry.register(this.consents);
    this.registry.register(this.corrections);
  }
}
