import { Module, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { LIVE_COVER_MAX_BYTES } from '@leadloop/shared';
import { IdentityModule } from '../identity/identity.module';
import { PaymentsModule } from '../payments/payments.module';
import { PersonDataRegistry } from '../privacy/person-data';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfileModule } from '../profile/profile.module';
import { ContentTitles } from '../share-chain/content-titles';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { AttendanceService } from './attendance.service';
import { ChannelsWatch } from './channels-watch';
import { LiveJob } from './jobs/live.job';
import { LiveCovers } from './live-covers';
import { LiveReportService } from './live-report.service';
import { LiveController } from './live.controller';
import { LivePersonData } from './live.person-data';
import { LivePoster } from './live.poster';
import { PosterSources } from '../posters/poster-sources';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';
import { RemindersService } from './reminders.service';
import { SeatPool } from './seat-pool';
import { SignupBatches } from './signup-batches';
import { SignupService } from './signup.service';
import { SurveyService } from './survey.service';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { liveMerge } from './live.merge';

@Module({
  imports: [
    IdentityModule,
    ProfileModule,
    ShareChainModule,
    PaymentsModule,
    PrivacyModule,
    // covers are read into memory; a part over the limit is a 413 (PAYLOAD_TOO_LARGE)
    MulterModule.register({ limits: { fileSize: LIVE_COVER_MAX_BYTES, files: 1, fields: 2, parts: 3 } }),
  ],
  controllers: [LiveController],
  providers: [SeatPool, LiveRepository, LiveService, SignupService, SignupBatches, RemindersService, AttendanceService, SurveyService, LiveReportService, LiveJob, LivePersonData, LivePoster, LiveCovers, ChannelsWatch],
  exports: [LiveRepository],
})
export class LiveModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly personData: PersonDataRegistry,
    private readonly livePersonData: LivePersonData,
    private readonly posterSources: PosterSources,
    private readonly livePoster: LivePoster,
    private readonly contentTitles: ContentTitles,
    private readonly events: LiveRepository,
  ) {}

  onModuleInit(): void {
    this.merges.register(liveMerge);
    this.personData.register(this.livePersonData);
    this.posterSources.register('live', (id) => this.livePoster.content(id));
    this.contentTitles.register('live', (ids) => this.events.titlesOf(ids));
  }
}
