import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LeadsModule } from '../leads/leads.module';
import { PaymentsModule } from '../payments/payments.module';
import { PersonDataRegistry } from '../privacy/person-data';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfileModule } from '../profile/profile.module';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { AttendanceService } from './attendance.service';
import { LiveJob } from './jobs/live.job';
import { LiveReportService } from './live-report.service';
import { LiveController } from './live.controller';
import { LivePersonData } from './live.person-data';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';
import { RemindersService } from './reminders.service';
import { SignupService } from './signup.service';
import { SurveyService } from './survey.service';

@Module({
  imports: [IdentityModule, ProfileModule, LeadsModule, ShareChainModule, PaymentsModule, PrivacyModule],
  controllers: [LiveController],
  providers: [LiveRepository, LiveService, SignupService, RemindersService, AttendanceService, SurveyService, LiveReportService, LiveJob, LivePersonData],
  exports: [LiveRepository],
})
export class LiveModule implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly livePersonData: LivePersonData,
  ) {}

  onModuleInit(): void {
    this.personData.register(this.livePersonData);
  }
}
