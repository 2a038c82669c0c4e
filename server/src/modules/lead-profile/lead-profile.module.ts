import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LeadsModule } from '../leads/leads.module';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ProfileModule } from '../profile/profile.module';
import { LeadProfileController } from './lead-profile.controller';
import { LeadProfilePersonData } from './lead-profile.person-data';
import { LeadProfileService } from './lead-profile.service';

/** Staff read and edit a lead's profile and tags (who changed what is recorded); tags are part of 我的. */
@Module({
  imports: [IdentityModule, LeadsModule, ProfileModule, PersonDataModule],
  controllers: [LeadProfileController],
  providers: [LeadProfileService, LeadProfilePersonData],
})
export class LeadProfileModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly personData: LeadProfilePersonData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personData);
  }
}
