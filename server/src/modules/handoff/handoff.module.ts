import { Module, type OnModuleInit } from '@nestjs/common';
import { LeadPagesModule } from '../leads/lead-pages.module';
import { LeadsModule } from '../leads/leads.module';
import { LeadTimelineSources } from '../leads/timeline-sources';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ScoringModule } from '../scoring/scoring.module';
import { CalibrationService } from './calibration.service';
import { FeedbackService } from './feedback.service';
import { FeedbackTimeline } from './feedback-timeline';
import { FollowUps } from './follow-ups';
import { HandoffPackageService } from './handoff-package.service';
import { HandoffController } from './handoff.controller';
import { handoffMerge, HandoffPersonData } from './handoff.person-data';

/**
 * Hand-off to sales: feedback on leads (accept, reject, contacts, opportunity, outcome) that moves
 * their stage and flows back into scoring, the package a salesperson works from, and the
 * calibration report that turns sales' verdicts into suggested rule weights.
 */
@Module({
  imports: [LeadsModule, LeadPagesModule, ScoringModule, PersonDataModule],
  controllers: [HandoffController],
  providers: [FeedbackService, FollowUps, HandoffPackageService, CalibrationService, FeedbackTimeline, HandoffPersonData],
  exports: [FollowUps],
})
export class HandoffModule implements OnModuleInit {
  constructor(
    private readonly timeline: LeadTimelineSources,
    private readonly feedbackTimeline: FeedbackTimeline,
    private readonly personData: PersonDataRegistry,
    private readonly handoffPersonData: HandoffPersonData,
    private readonly merges: PersonMergeRegistry,
  ) {}

  onModuleInit(): void {
    this.timeline.register(this.feedbackTimeline);
    this.personData.register(this.handoffPersonData);
    this.merges.register(handoffMerge);
  }
}
