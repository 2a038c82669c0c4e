import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PiiVault } from '../identity/pii-vault';
import { LeadsModule } from '../leads/leads.module';
import { ProfileModule } from '../profile/profile.module';
import { PersonDataRegistry } from './person-data';
import { PolicyTexts } from './policy-texts';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';
import { ProfileCorrections } from './profile-corrections';

/** 我的 → privacy. Features add their data to export and erasure through PersonDataRegistry. */
@Module({
  imports: [IdentityModule, ProfileModule, LeadsModule],
  controllers: [PrivacyController],
  providers: [PiiVault, PersonDataRegistry, PrivacyRepository, PrivacyService, ProfileCorrections, PolicyTexts],
  exports: [PersonDataRegistry],
})
export class PrivacyModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly corrections: ProfileCorrections,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.corrections);
  }
}
