import { Module } from '@nestjs/common';
import { PersonDataModule } from './person-data';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/**
 * 我的 → privacy: export and erasure. It knows only its registry: every feature, identity and
 * the consent ledger included, adds its data through PersonDataRegistry (PersonDataModule).
 */
@Module({
  imports: [PersonDataModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService],
  exports: [PersonDataModule],
})
export class PrivacyModule {}
