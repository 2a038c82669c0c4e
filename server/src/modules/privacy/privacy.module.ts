import { Module } from '@nestjs/common';
import { ProfileModule } from '../profile/profile.module';
import { PersonDataModule } from './person-data';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/**
 * 我的 → privacy. It knows only its registry: every feature, identity included, adds its data
 * to export and erasure through PersonDataRegistry (PersonDataModule).
 */
@Module({
  imports: [PersonDataModule, ProfileModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService],
  exports: [PersonDataModule],
})
export class PrivacyModule {}
