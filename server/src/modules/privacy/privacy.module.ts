import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PiiVault } from '../identity/pii-vault';
import { LeadsModule } from '../leads/leads.module';
import { ProfileModule } from '../profile/profile.module';
import { PersonDataRegistry } from './person-data';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/** 我的 → privacy. Features add their data to export and erasure through PersonDataRegistry. */
@Module({
  imports: [IdentityModule, ProfileModule, LeadsModule],
  controllers: [PrivacyController],
  providers: [PiiVault, PersonDataRegistry, PrivacyRepository, PrivacyService],
  exports: [PersonDataRegistry],
})
export class PrivacyModule {}
