import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadsModule } from '../leads/leads.module';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { RescoreJob, RescoreRuns } from './rescore-runs';
import { RuleSets } from './rule-sets';
import { Scorer } from './scorer';
import { ScoringController } from './scoring.controller';
import { ScoringPersonData } from './scoring.person-data';
import { ScoringService } from './scoring.service';

/** Lead scoring (能力 × 意愿): rules as versioned data, a stream consumer that scores as people act, background re-scores. */
@Module({
  imports: [LeadsModule, ShareChainModule, PersonDataModule],
  controllers: [ScoringController],
  providers: [RuleSets, Scorer, RescoreRuns, RescoreJob, ScoringService, ScoringPersonData],
  exports: [RuleSets, ScoringService],
})
export class ScoringModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly scorer: Scorer,
    private readonly personData: PersonDataRegistry,
    private readonly scoringPersonData: ScoringPersonData,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.scorer);
    this.personData.register(this.scoringPersonData);
  }
}
